import OysterImage
import OysterCore

/// Repacks MTL's single-purpose maps into the images glTF expects: roughness (G) and
/// metallic (B) in one metallicRoughness image, and a separate `map_d` as the base colour's
/// alpha. Maps of different sizes are resampled to the first one's size.
enum MTLTexturePacker {
    /// One channel of `image` as 8-bit samples, chosen by `-imfchan` (r, g, b, m = matte/alpha,
    /// l = luminance); by default the luminance (the grey value of a grey image).
    static func channel(_ image: PixelImage, _ name: String?) -> [UInt8] {
        let rgba = image.rgba8()
        let pick: Int?
        switch name?.lowercased() {
        case "r": pick = 0
        case "g": pick = 1
        case "b": pick = 2
        case "m": pick = 3
        default: pick = nil
        }
        if let pick {
            return stride(from: pick, to: rgba.samples8.count, by: 4).map { rgba.samples8[$0] }
        }
        return image.converted(channels: 1, bitDepth: 8).samples8
    }

    /// A metallicRoughness PNG from a roughness map and/or a metallic map (encoded bytes); the
    /// absent one is 255 so its factor alone applies.
    static func metallicRoughness(rough: [UInt8]?, roughChannel: String?, metal: [UInt8]?, metalChannel: String?) throws -> [UInt8] {
        let roughImage = try rough.map { try ImageCodec.decode($0, reduceTo8Bit: true) }
        let metalImage = try metal.map { try ImageCodec.decode($0, reduceTo8Bit: true) }
        guard let first = roughImage ?? metalImage, first.width > 0, first.height > 0 else { throw PackError() }
        let (w, h) = (first.width, first.height)
        func sized(_ i: PixelImage?) -> PixelImage? {
            i.map { $0.width == w && $0.height == h ? $0 : $0.resized(width: w, height: h, colorSpace: .linear) }
        }
        let g = sized(roughImage).map { channel($0, roughChannel) }
        let b = sized(metalImage).map { channel($0, metalChannel) }
        var samples = [UInt8](repeating: 255, count: w * h * 3)
        for i in 0..<(w * h) {
            if let g { samples[i * 3 + 1] = g[i] }
            if let b { samples[i * 3 + 2] = b[i] }
        }
        return try ImageCodec.encodePNG(PixelImage(width: w, height: h, channels: 3, samples8: samples))
    }

    /// The base colour image (white when nil) with its alpha taken from `alpha`'s channel.
    static func withAlpha(base: [UInt8]?, alpha: [UInt8], channel name: String?) throws -> [UInt8] {
        let alphaImage = try ImageCodec.decode(alpha, reduceTo8Bit: true)
        let baseImage = try base.map { try ImageCodec.decode($0, reduceTo8Bit: true).rgba8() }
            ?? PixelImage(width: alphaImage.width, height: alphaImage.height, channels: 4,
                          samples8: [UInt8](repeating: 255, count: alphaImage.width * alphaImage.height * 4))
        guard baseImage.width > 0, baseImage.height > 0 else { throw PackError() }
        let a = channel(alphaImage.width == baseImage.width && alphaImage.height == baseImage.height
            ? alphaImage : alphaImage.resized(width: baseImage.width, height: baseImage.height, colorSpace: .linear), name)
        var samples = baseImage.samples8
        for i in 0..<(baseImage.width * baseImage.height) { samples[i * 4 + 3] = a[i] }
        return try ImageCodec.encodePNG(PixelImage(width: baseImage.width, height: baseImage.height, channels: 4, samples8: samples))
    }

    struct PackError: Error {}
}
