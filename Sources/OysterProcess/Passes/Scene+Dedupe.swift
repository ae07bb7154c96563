import OysterCore

/// Deduplication: byte-identical images, then equal samplers, textures and materials (names
/// ignored for these two), and equal meshes (names compared), are merged into their first occurrence and every reference is pointed at it.
/// The duplicates are left unreferenced for `compact` to remove (run it after), so a master
/// scene that repeats a texture per material ends up with one image and one material.
extension Scene {
    /// Points references at the first of equal images, samplers, textures, materials and meshes.
    @discardableResult
    public mutating func dedupe() -> PassReport {
        // Each map sends an index to its first equal item; indices out of range (malformed
        // references, which the validator reports) are kept as they are.
        func lookup(_ map: [Int]) -> (Int) -> Int? { { map.indices.contains($0) ? map[$0] : $0 } }
        let imageMap = Self.firstOccurrence(images.map { DedupeKey(image: $0) })
        let samplerMap = Self.firstOccurrence(samplers)
        for t in textures.indices {
            textures[t].source = textures[t].source.flatMap(lookup(imageMap))
            textures[t].extensions = Self.remapMember("source", in: textures[t].extensions, map: lookup(imageMap))
            textures[t].sampler = textures[t].sampler.flatMap(lookup(samplerMap))
        }
        let textureMap = Self.firstOccurrence(textures.map { t -> Texture in var t = t; t.name = nil; return t })
        for m in materials.indices { materials[m] = Self.remapTextures(in: materials[m], map: lookup(textureMap)) }
        // Materials compare without their names: two "Stone" copies named differently are one.
        let materialMap = Self.firstOccurrence(materials.map { m -> Material in var m = m; m.name = nil; return m })
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                meshes[m].primitives[p].material = meshes[m].primitives[p].material.flatMap(lookup(materialMap))
                meshes[m].primitives[p].extensions = Self.remapVariantMaterials(meshes[m].primitives[p].extensions, map: lookup(materialMap))
            }
        }
        let meshMap = Self.firstOccurrence(meshes)
        for n in nodes.indices { nodes[n].mesh = nodes[n].mesh.flatMap(lookup(meshMap)) }
        func merged(_ map: [Int]) -> Double { Double(map.enumerated().filter { $0.offset != $0.element }.count) }
        return PassReport(name: "dedupe", figures: ["imagesMerged": merged(imageMap), "samplersMerged": merged(samplerMap),
                                                    "texturesMerged": merged(textureMap), "materialsMerged": merged(materialMap),
                                                    "meshesMerged": merged(meshMap)])
    }

    /// For each element, the index of the first equal element.
    static func firstOccurrence<T: Hashable>(_ items: [T]) -> [Int] {
        var first: [T: Int] = [:]
        return items.enumerated().map { i, item in
            if let f = first[item] { return f }
            first[item] = i
            return i
        }
    }
}

/// Images compare by their encoded bytes and MIME type (names and URIs do not matter); images
/// held only as pixels compare by pixels and encoding.
struct DedupeKey: Hashable {
    var data: [UInt8]?
    var pixels: PixelImage?
    var encoding: ImageEncoding?
    var mime: String?
    var uri: String?

    init(image: Image) {
        data = image.data
        // Bytes, when there are any, already say everything about the image.
        pixels = image.data == nil ? image.pixels : nil
        encoding = pixels == nil ? nil : image.pixelEncoding
        mime = image.mimeType
        // Images that failed to load are only equal when they name the same file.
        uri = image.hasContent ? nil : image.uri
    }

    func hash(into hasher: inout Hasher) {
        // Bulk byte hashing: images are megabytes, element-wise combine would dominate.
        if let data { data.withUnsafeBytes { hasher.combine(bytes: $0) } } else { hasher.combine(-1) }
        if let pixels { pixels.withUnsafeSampleBytes { hasher.combine(bytes: $0) } }
        hasher.combine(mime)
        hasher.combine(uri)
    }
}
