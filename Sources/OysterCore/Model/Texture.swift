import OysterJSON

/// A texture: an image plus a sampler (glTF `texture`).
public struct Texture: Hashable, Sendable {
    public var name: String?
    public var sampler: Int?
    /// The image index; nil when only an extension (e.g. KHR_texture_basisu) names the source.
    public var source: Int?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, source: Int?, sampler: Int? = nil) {
        self.name = name
        self.source = source
        self.sampler = sampler
    }
}

/// Filtering and wrapping (glTF `sampler`), with glTF's GL enum values.
public struct Sampler: Hashable, Sendable {
    public static let nearest = 9728, linear = 9729
    public static let nearestMipmapNearest = 9984, linearMipmapNearest = 9985
    public static let nearestMipmapLinear = 9986, linearMipmapLinear = 9987
    public static let clampToEdge = 33071, mirroredRepeat = 33648, repeatWrap = 10497

    public var name: String?
    public var magFilter: Int?
    public var minFilter: Int?
    public var wrapS = Sampler.repeatWrap
    public var wrapT = Sampler.repeatWrap
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(magFilter: Int? = nil, minFilter: Int? = nil, wrapS: Int = Sampler.repeatWrap, wrapT: Int = Sampler.repeatWrap) {
        self.magFilter = magFilter
        self.minFilter = minFilter
        self.wrapS = wrapS
        self.wrapT = wrapT
    }
}

/// An image as encoded bytes (PNG, JPEG or anything else, carried through); decoding happens
/// on demand in OysterImage.
public struct Image: Hashable, Sendable {
    public var name: String?
    /// `image/png`, `image/jpeg`, … ; detected from the bytes when the source did not say.
    public var mimeType: String?
    /// The encoded file; nil when it could not be loaded (missing or refused file).
    public var data: [UInt8]?
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
