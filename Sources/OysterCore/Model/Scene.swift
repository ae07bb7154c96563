import OysterJSON

/// One 3D document: what every reader produces, every writer consumes, and every generator
/// builds. It mirrors glTF 2.0's object model (so nothing is lost between glTF files) without
/// buffers, views or accessors: geometry and keyframes are `DataArray`s held in place.
///
/// References between objects are indices into the arrays below, as in glTF. Passes that
/// remove objects must remap them (see `Scene+Compaction` in OysterProcess).
public struct Scene: Hashable, Sendable {
    public var asset = AssetInfo()
    /// The scene graphs (glTF `scenes`); each lists root node indices.
    public var roots: [SceneRoot] = []
    /// The index in `roots` shown by default (glTF `scene`).
    public var defaultRoot: Int?
    public var nodes: [Node] = []
    public var meshes: [Mesh] = []
    public var materials: [Material] = []
    public var textures: [Texture] = []
    public var samplers: [Sampler] = []
    public var images: [Image] = []
    public var cameras: [Camera] = []
    /// KHR_lights_punctual lights, referenced by `Node.light`.
    public var lights: [Light] = []
    public var skins: [Skin] = []
    public var animations: [Animation] = []
    /// Extension names the source listed as used/required that Oyster carries but does not model.
    public var extensionsUsed: [String] = []
    public var extensionsRequired: [String] = []
    /// Root-level extensions other than the modelled ones, verbatim.
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init() {}
}

/// glTF `asset`: version, generator, copyright and provenance (`extras`).
public struct AssetInfo: Hashable, Sendable {
    public var version = "2.0"
    public var minVersion: String?
    public var generator: String?
    public var copyright: String?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init() {}
}

/// One scene graph: a name and its root nodes (glTF `scene`).
public struct SceneRoot: Hashable, Sendable {
    public var name: String?
    public var nodes: [Int]
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, nodes: [Int] = []) {
        self.name = name
        self.nodes = nodes
    }
}
