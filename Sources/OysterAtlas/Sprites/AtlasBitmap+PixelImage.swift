import OysterImage
import OysterCore

extension AtlasBitmap {
    /// Any decoded image as 8-bit RGBA (gray is replicated, missing alpha is opaque).
    public init(_ image: PixelImage) {
        let rgba = image.rgba8()
        self.init(width: rgba.width, height: rgba.height)
        pixels = rgba.samples8
    }

    /// The bitmap as an 8-bit RGBA `PixelImage` (for encoding).
    public var pixelImage: PixelImage {
        PixelImage(width: width, height: height, channels: 4, samples8: pixels)
    }

    /// Decodes a PNG or JPEG file's bytes.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .init()) throws -> AtlasBitmap {
        AtlasBitmap(try ImageCodec.decode(bytes, limits: limits, reduceTo8Bit: true))
    }
}
