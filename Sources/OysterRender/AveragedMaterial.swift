import OysterCore
import OysterImage

/// A material as it draws from far enough that one pixel covers a good part of each of its
/// textures' repeats: its textures replaced by their averages, folded into its factors.
///
/// Why: a far ground seen at a low angle is most of a landscape frame's pixels, and llvmpipe
/// filters every trilinear lookup in software. There the sampler reads the top of each mip
/// chain, whose texels are nearly the texture's average; the same material without textures
/// and with those averages draws the same colours without the lookups (the default turntable's
/// untextured ground was measured at about 5 ms a frame less, of 25 ms of geometry). The normal
/// map's average is close to the flat normal, which is what the untextured draw shades with.
struct AveragedMaterial: Equatable {
    /// How much of a texture's repeat (in UV units) one pixel must cover at an instance's
    /// nearest point for it to draw with averages: an eighth, where trilinear filtering reads
    /// the 8×8 level and coarser (nearer still where the surface is seen at a slant). Measured
    /// on eight views of the default turntable against the sampled textures: 55–58 dB PSNR, a
    /// mean 0.1–0.2 of a code, no pixel more than 9 codes apart; a sixteenth gave 49 dB.
    static let repeatPerPixel: Float = 0.125

    /// The material with no textures and its factors times its textures' averages.
    let material: Material
    /// Its occlusion texture's average, applied as the strength says (1 without one): an
    /// untextured glTF material has no occlusion factor to fold it into.
    let occlusion: Float

    /// `material` averaged, given the average of each (texture, sRGB) it samples; nil where an
    /// average would change what it draws or is unknown: alpha-masked or blended (coverage
    /// comes from the base texture's alpha), texture transforms or a second UV set (the
    /// repeat `DrawList` measures on TEXCOORD_0 is not theirs), a texture without an average.
    init?(_ material: Material, averages: [GPUResources.TextureKey: SIMD4<Float>]) {
        guard material.alphaMode == .opaque else { return nil }
        var m = material
        var occlusion: Float = 1
        var any = false
        for slot in TextureSlot.allCases {
            guard let ref = material[slot] else { continue }
            guard ref.texCoord == 0, ref.transform == nil,
                  let average = averages[GPUResources.TextureKey(texture: ref.texture, sRGB: slot.isSRGB)] else { return nil }
            any = true
            switch slot {
            case .baseColor:
                m.baseColorFactor *= average
                m.baseColorTexture = nil
            case .metallicRoughness:
                // glTF: roughness in green, metallic in blue.
                m.roughnessFactor *= average.y
                m.metallicFactor *= average.z
                m.metallicRoughnessTexture = nil
            case .normal:
                m.normalTexture = nil
            case .occlusion:
                occlusion = 1 + ref.scale * (average.x - 1)
                m.occlusionTexture = nil
            case .emissive:
                m.emissiveFactor *= Vec3(average.x, average.y, average.z)
                m.emissiveTexture = nil
            }
        }
        guard any else { return nil }
        self.material = m
        self.occlusion = occlusion
    }

    /// What a texture's mip chain samples to at its top level (1×1, the box average of the
    /// whole image): RGBA as the sampler returns it, in linear light for sRGB.
    static func average(levels: [PixelImage], sRGB: Bool) -> SIMD4<Float>? {
        guard let top = levels.last, top.width == 1, top.height == 1, top.samples8.count >= 4 else { return nil }
        let space: ColorSpace = sRGB ? .sRGB : .linear
        let s = top.samples8
        // Alpha is linear in either colour space.
        return SIMD4(space.sampled(s[0]), space.sampled(s[1]), space.sampled(s[2]), Float(s[3]) / 255)
    }
}
