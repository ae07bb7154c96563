/// Re-encodes PNG and JPEG files (what `oyster-convert in.png out.jpg` runs).
public enum ImageConverter {
    /// Decodes `bytes` (PNG or JPEG) and encodes them as `format`.
    ///
    /// To PNG: channels and bit depth are kept (JPEG gray stays gray, RGB stays RGB).
    /// To JPEG: 16-bit is reduced to 8; alpha is composited onto white by default
    /// (`alpha: .drop` keeps the stored colors instead); `quality` is 1–100.
    public static func convert(_ bytes: [UInt8], to format: ImageFormat, quality: Int = 90,
                               alpha: AlphaPolicy = .compositeOnWhite,
                               subsampling: ChromaSubsampling = .yuv420,
                               limits: ImageLimits = .init()) throws -> [UInt8] {
        switch format {
        case .png:
            return try ImageCodec.encodePNG(ImageCodec.decode(bytes, limits: limits))
        case .jpeg:
            let image = try ImageCodec.decode(bytes, limits: limits, reduceTo8Bit: true)
            return try ImageCodec.encodeJPEG(image, quality: quality, subsampling: subsampling, alpha: alpha)
        }
    }
}
