import OysterJSON

/// An image: encoded bytes (PNG, JPEG or anything else, carried through), decoded pixels, or
/// both.
///
/// Readers fill `data`. Generators and passes that make pixels set `pixels` and leave `data`
/// nil; writers encode such images when they write them (`pixelEncoding` says how, so the same
/// pixels always give the same bytes). When both are set they show the same image and writers
/// keep `data` as it is. Whoever changes one of the two must set or clear the other —
/// `replacePixels(_:encoding:)` does that. Decoding and encoding are in OysterImage.
public struct Image: Hashable, Sendable {
    public var name: String?
    /// `image/png`, `image/jpeg`, … ; detected from the bytes when the source did not say.
    public var mimeType: String?
    /// The encoded file; nil when it could not be loaded (missing or refused file) or when the
    /// image exists only as `pixels` until written.
    public var data: [UInt8]?
    /// Decoded pixels, when a generator or pass made them (or a caller decoded `data` and
    /// kept the result).
    public var pixels: PixelImage?
    /// How `pixels` are encoded when a writer needs bytes and `data` is nil.
    public var pixelEncoding: ImageEncoding = .png(compression: 6)
    /// The URI the source used, kept for naming written files and for images not loaded.
    public var uri: String?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, mimeType: String? = nil, data: [UInt8]?, uri: String? = nil) {
        self.name = name
        self.mimeType = mimeType
        self.data = data
        self.uri = uri
    }

    /// An image held as pixels, encoded as `encoding` only when written.
    public init(name: String? = nil, pixels: PixelImage, encoding: ImageEncoding = .png(compression: 6), uri: String? = nil) {
        self.init(name: name, mimeType: encoding.mimeType, data: nil, uri: uri)
        self.pixels = pixels
        self.pixelEncoding = encoding
    }

    /// Whether there is anything to draw or write: encoded bytes or pixels.
    public var hasContent: Bool { data != nil || pixels != nil }

    /// Replaces the image with `pixels`, dropping the now stale encoded bytes; `encoding`
    /// (default: keep the current one) also sets the MIME type.
    public mutating func replacePixels(_ pixels: PixelImage, encoding: ImageEncoding? = nil) {
        self.pixels = pixels
        if let encoding { pixelEncoding = encoding }
        mimeType = pixelEncoding.mimeType
        data = nil
    }

    /// The MIME type named by an image file's signature, or nil.
    public static func sniffMimeType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        if bytes.starts(with: [0xAB, 0x4B, 0x54, 0x58, 0x20, 0x32, 0x30, 0xBB]) { return "image/ktx2" }
        return nil
    }

    /// The usual file extension for a MIME type.
    public static func fileExtension(forMimeType mime: String?) -> String {
        switch mime {
        case "image/png": return "png"
        case "image/jpeg": return "jpg"
        case "image/webp": return "webp"
        case "image/ktx2": return "ktx2"
        default: return "bin"
        }
    }
}
