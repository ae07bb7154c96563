import CGL
import OysterCore

/// The GL textures of `SharedPixels`, one per (pixels, colour space, sampler), counted by the
/// prepared scenes that use them (`CountedTable`): uploaded when the first scene needs one,
/// deleted with the last.
final class SharedTextureTable {
    struct Key: Hashable {
        let pixels: ObjectIdentifier
        let sRGB: Bool
        let wrapS: Int, wrapT: Int, minFilter: Int, magFilter: Int
        /// Kept so the object (and so its identifier) lives as long as the key.
        let owner: SharedPixels

        init(pixels: SharedPixels, sRGB: Bool, sampler: Sampler) {
            self.pixels = ObjectIdentifier(pixels)
            self.sRGB = sRGB
            wrapS = GPUResources.wrap(sampler.wrapS)
            wrapT = GPUResources.wrap(sampler.wrapT)
            minFilter = GPUResources.minFilter(sampler.minFilter)
            magFilter = sampler.magFilter == Sampler.nearest ? Sampler.nearest : Sampler.linear
            owner = pixels
        }

        static func == (a: Key, b: Key) -> Bool {
            a.pixels == b.pixels && a.sRGB == b.sRGB && a.wrapS == b.wrapS && a.wrapT == b.wrapT && a.minFilter == b.minFilter && a.magFilter == b.magFilter
        }

        func hash(into h: inout Hasher) {
            h.combine(pixels)
            h.combine(sRGB)
            h.combine(wrapS)
            h.combine(wrapT)
            h.combine(minFilter)
            h.combine(magFilter)
        }

        var sampler: Sampler { Sampler(magFilter: magFilter, minFilter: minFilter, wrapS: wrapS, wrapT: wrapT) }
    }

    /// A texture of shared pixels and what its top mip level samples to
    /// (`AveragedMaterial.average`).
    struct Texture {
        let id: GLuint
        let average: SIMD4<Float>?
    }

    private let table = CountedTable<Key, Texture> { texture in
        var t = texture.id
        glDeleteTextures(1, &t)
    }

    /// Textures uploaded now (for tests and statistics).
    var count: Int { table.count }

    /// The texture for `key`, uploaded on first use; each call must be paired with `release`.
    func acquire(_ key: Key) -> Texture {
        // Filtered here, on the GL thread, once per renderer: shared pixels are few (a streamed
        // world's baked textures) and each is used in one colour space or two.
        table.acquire(key) {
            let levels = key.owner.image.textureMipmaps(colorSpace: key.sRGB ? .sRGB : .linear)
            return Texture(id: GPUResources.uploadTexture(levels, sRGB: key.sRGB, sampler: key.sampler),
                           average: AveragedMaterial.average(levels: levels, sRGB: key.sRGB))
        }
    }

    /// Drops one use of `key`'s texture, deleting it with the last.
    func release(_ key: Key) { table.release(key) }
}
