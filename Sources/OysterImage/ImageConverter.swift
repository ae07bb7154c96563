/// Re-encodes PNG and JPEG files (what `oyster-convert in.png out.jpg` runs).
public enum ImageConverter {
    /// Decodes `bytes` (PNG or JPEG) and encodes them as `format`.
    ///
    /// To PNG: channels and bit depth are kept (JPEG gray stays gray, RGB stays RGB).
    /// To JPEG: 16-bit is reduced to 8; alpha is composited onto white by default
    /// (`alpha: .drop` keeps the stored colors instead); `quality` is 1–100.
    /// Metadata is not carried over, so a JPEG's EXIF orientation is applied to the pixels
    /// (`applyOrientation: false` keeps them as stored).
    public static func convert(_ bytes: [UInt8], to format: ImageFormat, quality: Int = 90,
                               alpha: AlphaPolicy = .compositeOnWhite,
                               subsampling: ChromaSubsampling = .yuv420,
                               applyOrientation: Bool = true,
                               limits: ImageLimits = .init()) throws -> [UInt8] {
        let orientation = applyOrientation ? try ImageCodec.probe(bytes).exifOrientation : 1
        switch format {
        case .png:
            let image = try ImageCodec.decode(bytes, limits: limits)
            return try ImageCodec.encodePNG(image.applyingEXIFOrientation(orientation))
        case .jpeg:
            let image = try ImageCodec.decode(bytes, limits: limits, reduceTo8Bit: true)
            return try ImageCodec.encodeJPEG(image.applyingEXIFOrientation(orientation), quality: quality,
                                             subsampling: subsampling, alpha: alpha)
        }
    }
}
