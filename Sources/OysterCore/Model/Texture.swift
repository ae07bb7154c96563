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
