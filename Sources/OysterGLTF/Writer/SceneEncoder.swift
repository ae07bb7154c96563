import OysterCore
import OysterImage
import OysterJSON

/// Where images' bytes go in the output.
enum ImagePlacement {
    /// In buffer views of the binary buffer (GLB).
    case bufferView
    /// In `data:` URIs (embedded .gltf).
    case dataURI
    /// In files beside the JSON, named by `ImageNaming`.
    case files(reserved: Set<String>)
}

/// How an accessor is used, which decides its buffer view's target, stride and bounds.
enum AccessorUse: Hashable {
    /// Vertex attribute or morph target: ARRAY_BUFFER, elements on 4-byte strides.
    case vertex
    /// Primitive indices: ELEMENT_ARRAY_BUFFER.
    case index
    /// Anything else (inverse bind matrices, animation data, instancing).
    case other
}

/// Serializes a `Scene` into glTF JSON plus one binary buffer (the writer half of the
/// reader's resolve stage). Output is deterministic: same scene, same bytes.
struct SceneEncoder {
    let scene: Scene
    let options: GLTFWriteOptions
    let images: ImagePlacement

    var layout = BinaryLayout()
    var accessors: [JSONValue] = []
    var bufferViews: [JSONValue] = []
    var imageFiles: [(name: String, bytes: [UInt8])] = []
    var usedExtensions = Set<String>()
    var requiredExtensions = Set<String>()
    /// Accessors already written, by a cheap fingerprint, to share identical data.
    var written: [AccessorKey: [(data: DataArray, index: Int)]] = [:]

    init(scene: Scene, options: GLTFWriteOptions, images: ImagePlacement) {
        // Images made as pixels are encoded here, when written, not where they were made.
        self.scene = scene.encodingPixelImages()
        self.options = options
        self.images = images
    }

    // MARK: - Document

    /// The JSON root (without `buffers`, which depend on the container) and the binary layout.
    mutating func encode() -> JSONObject {
        // Loops, not map: the encoders mutate self (accessors, buffer views, extension names).
        let source = scene
        var meshes: [JSONValue] = [], skins: [JSONValue] = [], nodes: [JSONValue] = [], animations: [JSONValue] = []
        for m in source.meshes { meshes.append(encodeMesh(m)) }
        for s in source.skins { skins.append(encodeSkin(s)) }
        for n in source.nodes { nodes.append(encodeNode(n)) }
        for a in source.animations { animations.append(encodeAnimation(a)) }
        var materials: [JSONValue] = [], textures: [JSONValue] = [], samplers: [JSONValue] = [], cameras: [JSONValue] = []
        for m in source.materials { materials.append(encodeMaterial(m)) }
        for t in source.textures { textures.append(encodeTexture(t)) }
        for s in source.samplers { samplers.append(encodeSampler(s)) }
        for c in source.cameras { cameras.append(encodeCamera(c)) }
        let imageValues = encodeImages()

        var root = JSONObject()
        var asset = JSONObject()
        if let c = scene.asset.copyright { asset["copyright"] = .string(c) }
        asset["generator"] = .string(options.generator)
        asset["version"] = "2.0"
        // The output is 2.0, so only a 2.0 minVersion still holds.
        if scene.asset.minVersion == "2.0" { asset["minVersion"] = "2.0" }
        put(&asset, extensions: scene.asset.extensions, extras: scene.asset.extras)
        root["asset"] = .object(asset)

        var rootExtensions = scene.extensions
        if !scene.lights.isEmpty {
            var lights: [JSONValue] = []
            for l in source.lights { lights.append(encodeLight(l)) }
            rootExtensions[GLTFExtensions.lightsPunctual] = ["lights": .array(lights)]
            usedExtensions.insert(GLTFExtensions.lightsPunctual)
        }
        if let s = scene.defaultRoot, scene.roots.indices.contains(s) { root["scene"] = .int(Int64(s)) }
        if !scene.roots.isEmpty {
            var scenes: [JSONValue] = []
            for r in source.roots {
                var o = JSONObject()
                if let n = r.name { o["name"] = .string(n) }
                if !r.nodes.isEmpty { o["nodes"] = .array(r.nodes.map { .int(Int64($0)) }) }
                put(&o, extensions: r.extensions, extras: r.extras)
                scenes.append(.object(o))
            }
            root["scenes"] = .array(scenes)
        }
        putArray(&root, "nodes", nodes)
        putArray(&root, "meshes", meshes)
        putArray(&root, "materials", materials)
        putArray(&root, "textures", textures)
        putArray(&root, "images", imageValues)
        putArray(&root, "samplers", samplers)
        putArray(&root, "cameras", cameras)
        putArray(&root, "skins", skins)
        putArray(&root, "animations", animations)
        putArray(&root, "accessors", accessors)
        putArray(&root, "bufferViews", bufferViews)
        put(&root, extensions: rootExtensions, extras: scene.extras)

        // Declared extensions: what was written plus what the source declared and we carried.
        var used = usedExtensions.union(scene.extensionsUsed).union(scene.extensionsRequired)
        let required = requiredExtensions.union(scene.extensionsRequired)
        used.formUnion(required)
        var ordered = JSONObject()
        for member in root.members {
            ordered.members.append(member)
            if member.key == "asset" {
                if !used.isEmpty { ordered["extensionsUsed"] = .array(used.sorted().map { .string($0) }) }
                if !required.isEmpty { ordered["extensionsRequired"] = .array(required.sorted().map { .string($0) }) }
            }
        }
        return ordered
    }

    /// The finished JSON bytes, with `buffers` set to `buffer` when there is binary data.
    func finish(_ root: JSONObject, buffer: JSONObject?) -> [UInt8] {
        var root = root
        if let buffer { root["buffers"] = .array([.object(buffer)]) }
        return JSONWriter.write(.object(root), pretty: options.pretty)
    }

    // MARK: - Property helpers

    func putArray(_ o: inout JSONObject, _ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { o[key] = .array(values) }
    }

    /// Adds `extensions` (when not empty, noting every extension name inside) and `extras`.
    mutating func put(_ o: inout JSONObject, extensions: JSONObject, extras: JSONValue?) {
        if !extensions.isEmpty {
            noteExtensions(in: .object(extensions), isExtensionsObject: true)
            o["extensions"] = .object(extensions)
        }
        switch extras {
        case nil, .null?: break
        case .object?: o["extras"] = extras
        case let other?:
            // glTF says extras SHOULD be objects, and common loaders (pygltflib) crash on others.
            o["extras"] = options.wrapNonObjectExtras ? ["value": other] : other
        }
    }

    /// Records the names of extension objects, including ones nested in carried extensions.
    mutating func noteExtensions(in value: JSONValue, isExtensionsObject: Bool) {
        switch value {
        case .object(let object):
            for member in object.members {
                if isExtensionsObject { usedExtensions.insert(member.key) }
                noteExtensions(in: member.value, isExtensionsObject: member.key == "extensions")
            }
        case .array(let elements):
            for e in elements { noteExtensions(in: e, isExtensionsObject: false) }
        default: break
        }
    }

    static func floats(_ values: [Float]) -> JSONValue { .floats(values) }
}
