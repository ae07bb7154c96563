import OysterCore
import OysterJSON

/// Turns a raw `GLTFDocument` into a `Scene`: glTF arrays map 1:1 onto the scene's arrays
/// (so indices inside carried extensions stay valid), accessors become `DataArray`s, and
/// every reference is checked before use.
struct SceneResolver {
    let document: GLTFDocument
    let loader: ResourceLoader?
    let options: GLTFReadOptions
    var diagnostics: [Diagnostic] = []
    var buffers: [GLTFResource] = []
    var accessorCache: [Int: DataArray] = [:]
    /// Zero-filled accessor bytes allocated so far, and the most allowed (see `readAccessor`).
    var zeroFilledBytes = 0
    var zeroFilledLimit = 0
    let accessors: [JSONValue]
    let bufferViews: [JSONValue]
    var scene = Scene()

    init(document: GLTFDocument, loader: ResourceLoader?, options: GLTFReadOptions) {
        self.document = document
        self.loader = loader
        self.options = options
        accessors = document.array("accessors")
        bufferViews = document.array("bufferViews")
    }

    mutating func resolve() throws -> Scene {
        let root = JSONFields(object: document.json, label: "glTF", pointer: "")
        try readAsset(root)
        try readExtensionLists(root)
        buffers = document.loadBuffers(loader: loader, options: options, diagnostics: &diagnostics)
        let realBytes = buffers.reduce(0) { sum, b in sum + ((try? b.get().count) ?? 0) }
        zeroFilledLimit = options.maxZeroFilledBytes + 4 * realBytes
        let json = document.json
        let samplers = try Self.items(json, "samplers") { f, _ in try readSampler(f) }
        scene.samplers = samplers
        let images = try Self.items(json, "images") { f, i in try readImage(f, index: i) }
        scene.images = images
        let textures = try Self.items(json, "textures") { f, _ in try readTexture(f) }
        scene.textures = textures
        let materials = try Self.items(json, "materials") { f, _ in try readMaterial(f) }
        scene.materials = materials
        let meshes = try Self.items(json, "meshes") { f, _ in try readMesh(f) }
        scene.meshes = meshes
        let cameras = try Self.items(json, "cameras") { f, _ in try readCamera(f) }
        scene.cameras = cameras
        try readLights(root)
        let skins = try Self.items(json, "skins") { f, _ in try readSkin(f) }
        scene.skins = skins
        let nodes = try Self.items(json, "nodes") { f, _ in try readNode(f) }
        scene.nodes = nodes
        try checkHierarchy()
        let nodeCount = nodes.count
        let roots = try Self.items(json, "scenes") { f, _ in
            var r = SceneRoot(name: f.name, nodes: try f.indices("nodes") ?? [])
            for n in r.nodes { try Self.check(n, nodeCount, "node", f, "nodes") }
            r.extensions = try f.extensions()
            r.extras = f.extras
            return r
        }
        scene.roots = roots
        if let s = try root.index("scene") {
            try Self.check(s, roots.count, "scene", root, "scene")
            scene.defaultRoot = s
        }
        let animations = try Self.items(json, "animations") { f, _ in try readAnimation(f) }
        scene.animations = animations
        var rootExtensions = try root.extensions()
        rootExtensions["KHR_lights_punctual"] = nil
        scene.extensions = rootExtensions
        scene.extras = root.extras
        // What the writer would refuse (e.g. attributes of different lengths) is an input error.
        try GLTFWriter.check(scene)
        return scene
    }

    // MARK: - Helpers

    /// Maps every element of a root array through `body`, with its fields and index.
    static func items<T>(_ json: JSONObject, _ key: String, _ body: (JSONFields, Int) throws -> T) throws -> [T] {
        guard let value = json[key] else { return [] }
        guard let array = value.arrayValue else {
            throw GLTFError("\(key) must be an array", code: .typeMismatch, pointer: "/" + key)
        }
        let singular = Self.singular[key] ?? key
        var out: [T] = []
        out.reserveCapacity(array.count)
        for (i, element) in array.enumerated() {
            let fields = try JSONFields(element, label: "\(singular) \(i)", pointer: "/\(key)/\(i)")
            out.append(try body(fields, i))
        }
        return out
    }

    static let singular = [
        "samplers": "sampler", "images": "image", "textures": "texture", "materials": "material",
        "meshes": "mesh", "cameras": "camera", "skins": "skin", "nodes": "node", "scenes": "scene",
        "animations": "animation", "accessors": "accessor", "bufferViews": "bufferView", "buffers": "buffer",
    ]

    /// Fails unless `index` names one of `count` objects of `kind`.
    static func check(_ index: Int, _ count: Int, _ kind: String, _ owner: JSONFields, _ key: String) throws {
        guard index >= 0 && index < count else {
            throw GLTFError("\(owner.label): \(kind) \(index) does not exist", code: .unresolvedReference, pointer: owner.pointer + "/" + key)
        }
    }

    mutating func warn(_ code: DiagnosticCode, _ message: String, _ pointer: String) {
        warn(codeID: code.id, message, pointer)
    }

    /// A warning passing on the code of an error that is not fatal here.
    mutating func warn(codeID: String, _ message: String, _ pointer: String) {
        diagnostics.append(Diagnostic(code: codeID, severity: .warning, message: message, location: .pointer(pointer)))
    }

    // MARK: - Asset and extensions

    mutating func readAsset(_ root: JSONFields) throws {
        guard let asset = try root.objectField("asset") else {
            throw GLTFError("asset is missing (not a glTF file?)", code: .undefinedProperty, pointer: "/asset")
        }
        guard let version = try asset.string("version") else {
            throw GLTFError("asset: version is missing", code: .undefinedProperty, pointer: "/asset/version")
        }
        guard version.split(separator: ".").first == "2" else {
            throw GLTFError("glTF version \(version) is not supported (only 2.x)", code: .unknownAssetMajorVersion, pointer: "/asset/version")
        }
        if let minVersion = try asset.string("minVersion"), minVersion != "2.0" {
            guard minVersion.split(separator: ".").first == "2" else {
                throw GLTFError("glTF minVersion \(minVersion) is not supported", code: .unknownAssetMajorVersion, pointer: "/asset/minVersion")
            }
            // A later 2.x minor version stays readable (glTF §3.2 forward compatibility).
            warn(.unknownAssetMinorVersion, "glTF minVersion \(minVersion) is newer than 2.0; read as 2.0", "/asset/minVersion")
        }
        scene.asset.version = version
        scene.asset.minVersion = try asset.string("minVersion")
        scene.asset.generator = try asset.string("generator")
        scene.asset.copyright = try asset.string("copyright")
        scene.asset.extensions = try asset.extensions()
        scene.asset.extras = asset.extras
    }

    mutating func readExtensionLists(_ root: JSONFields) throws {
        func names(_ key: String) throws -> [String] {
            guard let v = root[key] else { return [] }
            guard let a = v.arrayValue else { throw root.fail(key, "must be an array of strings") }
            return try a.map { e in
                guard let s = e.stringValue else { throw root.fail(key, "must be an array of strings") }
                return s
            }
        }
        let used = try names("extensionsUsed"), required = try names("extensionsRequired")
        for name in required where !GLTFExtensions.canRequire(name) {
            throw GLTFError("extension \(name) is required but not supported", code: .unsupportedExtension, pointer: "/extensionsRequired")
        }
        var seen = Set<String>()
        for name in used + required where seen.insert(name).inserted {
            if GLTFExtensions.dropped.contains(name) {
                warn(.unsupportedExtension, "extension \(name) is not supported; its data is dropped and the uncompressed fallback used", "/extensionsUsed")
            }
        }
        let carried = { (name: String) in !GLTFExtensions.modelled.contains(name) && !GLTFExtensions.dropped.contains(name) }
        scene.extensionsUsed = unique(used.filter(carried))
        scene.extensionsRequired = unique(required.filter(carried))
    }

    func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// `extensions` without the ones Oyster drops.
    func carriedExtensions(_ f: JSONFields) throws -> JSONObject {
        var e = try f.extensions()
        for name in GLTFExtensions.dropped { e[name] = nil }
        return e
    }
}
