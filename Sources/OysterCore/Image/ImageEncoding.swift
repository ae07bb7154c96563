/// How a scene image held as pixels becomes bytes when it is written.
///
/// Encoders are deterministic (no timestamps), so the same pixels and encoding always give the
/// same file.
public enum ImageEncoding: Hashable, Sendable {
    /// PNG with zlib `compression` 0–9 (channels and bit depth kept).
    case png(compression: Int)
    /// JPEG at `quality` 1–100 (alpha composited on white, 16-bit reduced).
    case jpeg(quality: Int)

    /// The MIME type of the encoded file.
    public var mimeType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        }
    }
}
