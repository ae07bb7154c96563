import OysterCore
import OysterJSON

// MARK: - Schema stage: the root and every glTF object type

private let rootMembers: Set<String> = ["asset", "accessors", "animations", "buffers", "bufferViews", "cameras", "extensionsUsed", "extensionsRequired", "images", "materials", "meshes", "nodes", "samplers", "scene", "scenes", "skins", "textures"]

/// Extensions the validator knows (others are reported as unsupported).
let supportedExtensions: Set<String> = [
    "EXT_mesh_gpu_instancing", "EXT_texture_webp", "KHR_animation_pointer", "KHR_lights_punctual", "KHR_materials_anisotropy",
    "KHR_materials_clearcoat", "KHR_materials_dispersion", "KHR_materials_emissive_strength", "KHR_materials_ior",
    "KHR_materials_iridescence", "KHR_materials_pbrSpecularGlossiness", "KHR_materials_sheen", "KHR_materials_specular",
    "KHR_materials_transmission", "KHR_materials_unlit", "KHR_materials_variants", "KHR_materials_volume",
    "KHR_mesh_quantization", "KHR_node_visibility", "KHR_texture_transform",
]

/// Registered vendor prefixes (glTF extensions/Prefixes.md).
private let reservedPrefixes: Set<String> = ["KHR", "EXT", "ADOBE", "AGI", "AGT", "ALCM", "ALI", "AMZN", "ANIMECH", "ASOBO", "AVR", "BLENDER", "CAPTURE", "CESIUM", "CITRUS", "CLO", "CVTOOLS", "DOTV", "EMBARK", "EPIC", "ESSILORLUXOTTICA", "F8", "FB", "FOXIT", "GOOGLE", "GRIFFEL", "HEVOLUS", "INTEL", "KDAB", "LLQ", "MAXAR", "MESHOPT", "MOZ", "MPEG", "MSFT", "MTTR", "MX", "NEEDLE", "NTAR", "NV", "OFT", "OMI", "OTOY", "OWLII", "PANDA3D", "POLUTROPON", "PTC", "S8S", "SE", "SEIN", "SHAPEDIVER", "SI", "SKFB", "SKYLINE", "SNAP", "SPECTRUM", "TENCENT", "TRYON", "UNITY", "USSF", "UX3D", "VRMC", "VSEKAI", "WEB3D"]

extension GLTFValidator {
    func parseRoot(_ r: Obj) {
        r.checkMembers(rootMembers)
        if let a = r.object("asset", req: true) { parseAsset(a) }
        // Like the reference validator, an unusable asset version ends validation here.
        if doc.versionUnusable { return }
        // Extension declarations first: every extensions object is checked against them.
        if let used = r.strings("extensionsUsed") {
            for (i, name) in used.enumerated() {
                guard let name else { continue }
                doc.extensionsUsed.append(name)
                let p = ptr(r.at("extensionsUsed"), i)
                let parts = name.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty || !parts[0].allSatisfy({ $0.isUppercase || $0.isNumber }) {
                    ctx.add(.invalidExtensionNameFormat, p)
                } else if !reservedPrefixes.contains(String(parts[0])) {
                    ctx.add(.unreservedExtensionPrefix, p, "Extension uses unreserved extension prefix '\(parts[0])'.")
                }
                if !supportedExtensions.contains(name) {
                    ctx.add(.unsupportedExtension, p, "Extension '\(name)' is not checked by this validator.")
                }
                if name == "KHR_mesh_quantization", !(r["extensionsRequired"]?.arrayValue?.contains(.string(name)) ?? false) {
                    ctx.add(.nonRequiredExtension, p, "Extension '\(name)' cannot be optional.")
                }
            }
        }
        if r.has("extensionsRequired") {
            if !r.has("extensionsUsed") {
                ctx.add(.unsatisfiedDependency, r.at("extensionsRequired"), "Dependency failed. 'extensionsUsed' must be defined.")
            }
            if let req = r.strings("extensionsRequired") {
                doc.extensionsRequired = req.compactMap { $0 }
                for (i, name) in req.enumerated() {
                    if let name, !doc.extensionsUsed.contains(name) {
                        ctx.add(.unusedExtensionRequired, ptr(r.at("extensionsRequired"), i), "Unused extension '\(name)' cannot be required.")
                    }
                }
            }
        }

        doc.accessors = collection(r, "accessors").map { $0.map(parseAccessor) }
        doc.animations = collection(r, "animations").map { $0.map(parseAnimation) }
        doc.buffers = collection(r, "buffers").map { $0.map(parseBuffer) }
        doc.bufferViews = collection(r, "bufferViews").map { $0.map(parseBufferView) }
        doc.cameras = collection(r, "cameras").map { $0.map(parseCamera) }
        doc.images = collection(r, "images").map { $0.map(parseImage) }
        doc.samplers = collection(r, "samplers").map { $0.map(parseSampler) }
        doc.textures = collection(r, "textures").map { $0.map(parseTexture) }
        // Root extensions before materials and meshes: lights and variants are referenced from below.
        parseExtensions(r, .root)
        doc.materials = collection(r, "materials").map { $0.map(parseMaterial) }
        doc.meshes = collection(r, "meshes").map { $0.map(parseMesh) }
        doc.nodes = collection(r, "nodes").map { $0.map(parseNode) }
        doc.scenes = collection(r, "scenes").map { $0.map(parseScene) }
        doc.skins = collection(r, "skins").map { $0.map(parseSkin) }
        doc.scene = r.index("scene")

        doc.usedAccessors = Array(repeating: false, count: doc.accessors.count)
        doc.usedBuffers = Array(repeating: false, count: doc.buffers.count)
        doc.usedBufferViews = Array(repeating: false, count: doc.bufferViews.count)
        doc.usedCameras = Array(repeating: false, count: doc.cameras.count)
        doc.usedImages = Array(repeating: false, count: doc.images.count)
        doc.usedMaterials = Array(repeating: false, count: doc.materials.count)
        doc.usedMeshes = Array(repeating: false, count: doc.meshes.count)
        doc.usedNodes = Array(repeating: false, count: doc.nodes.count)
        doc.usedSamplers = Array(repeating: false, count: doc.samplers.count)
        doc.usedSkins = Array(repeating: false, count: doc.skins.count)
        doc.usedTextures = Array(repeating: false, count: doc.textures.count)
        doc.usedLights = Array(repeating: false, count: doc.lights.count)
        doc.usedVariants = Array(repeating: false, count: doc.variantsCount)
    }

    /// A top-level array: elements that are not objects are reported and kept as nil.
    private func collection(_ r: Obj, _ name: String) -> [Obj?] {
        guard let v = r[name] else { return [] }
        guard case .array(let a) = v else {
            ctx.add(.typeMismatch, ptr("", name), "Property value \(describe(v)) is not a 'array'.")
            return []
        }
        if a.isEmpty { ctx.add(.emptyEntity, ptr("", name)); return [] }
        return a.enumerated().map { i, e in
            guard case .object(let o) = e else {
                ctx.add(.typeMismatch, ptr(ptr("", name), i), "Property value \(describe(e)) is not a 'object'.")
                return nil
            }
            return Obj(o, ptr(ptr("", name), i), ctx)
        }
    }

    // MARK: asset

    private func parseAsset(_ a: Obj) {
        a.checkMembers(["copyright", "generator", "version", "minVersion"])
        doc.generator = a.string("generator")
        _ = a.string("copyright")
        parseExtensions(a, .asset)
        if let v = a.string("version", req: true) {
            if let (major, minor) = parseVersion(v) {
                doc.version = v
                if major != 2 {
                    ctx.add(.unknownAssetMajorVersion, a.at("version"), "Unknown glTF major asset version: \(major).")
                    doc.versionUnusable = true
                } else if minor > 0 {
                    ctx.add(.unknownAssetMinorVersion, a.at("version"), "Unknown glTF minor asset version: \(minor).")
                }
            } else {
                ctx.add(.patternMismatch, a.at("version"), "Value '\(v)' does not match the pattern '^[0-9]+\\.[0-9]+$'.")
                doc.versionUnusable = true
            }
        }
        if let m = a.string("minVersion") {
            if let mv = parseVersion(m) {
                doc.minVersion = m
                if let v = doc.version, let vv = parseVersion(v), mv.0 > vv.0 || (mv.0 == vv.0 && mv.1 > vv.1) {
                    ctx.add(.assetMinVersionGreaterThanVersion, a.at("minVersion"), "Asset minVersion '\(m)' is greater than version '\(v)'.")
                }
            } else {
                ctx.add(.patternMismatch, a.at("minVersion"), "Value '\(m)' does not match the pattern '^[0-9]+\\.[0-9]+$'.")
            }
        }
    }

    private func parseVersion(_ s: String) -> (Int, Int)? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let a = Int(parts[0]), let b = Int(parts[1])
        else { return nil }
        return (a, b)
    }

    // MARK: buffers, views, accessors

    private func parseBuffer(_ o: Obj) -> Buffer {
        o.checkMembers(["uri", "byteLength", "name"])
        _ = o.string("name")
        parseExtensions(o, .buffer)
        return Buffer(p: o.p, uri: o.string("uri"), byteLength: o.int("byteLength", req: true, min: 1))
    }

    private func parseBufferView(_ o: Obj) -> BufferView {
        o.checkMembers(["buffer", "byteOffset", "byteLength", "byteStride", "target", "name"])
        _ = o.string("name")
        parseExtensions(o, .bufferView)
        var v = BufferView(p: o.p)
        v.buffer = o.index("buffer", req: true)
        v.byteOffset = o.int("byteOffset", min: 0) ?? 0
        v.byteLength = o.int("byteLength", req: true, min: 1)
        if let s = o.int("byteStride", min: 4, max: 252) {
            if s % 4 != 0 {
                ctx.add(.valueMultipleOf, o.at("byteStride"), "Value \(s) is not a multiple of 4.")
            } else {
                v.byteStride = s
            }
        }
        v.target = o.int("target", list: [34962, 34963])
        if let s = v.byteStride, let l = v.byteLength, s > l {
            ctx.add(.bufferViewTooBigByteStride, o.at("byteStride"), "byteStride \(s) is greater than byteLength \(l).")
        }
        if v.byteStride != nil, v.target == 34963 {
            ctx.add(.bufferViewInvalidByteStride, o.at("byteStride"))
        }
        return v
    }

    private func parseAccessor(_ o: Obj) -> Accessor {
        o.checkMembers(["bufferView", "byteOffset", "componentType", "normalized", "count", "type", "max", "min", "sparse", "name"])
        _ = o.string("name")
        parseExtensions(o, .accessor)
        var a = Accessor(p: o.p)
        a.bufferView = o.index("bufferView")
        if let off = o.int("byteOffset", min: 0) {
            if a.bufferView == nil && !o.has("bufferView") {
                ctx.add(.unsatisfiedDependency, o.at("byteOffset"), "Dependency failed. 'bufferView' must be defined.")
            }
            a.byteOffset = off
        }
        a.componentType = o.int("componentType", req: true, list: [5120, 5121, 5122, 5123, 5125, 5126]).flatMap(ComponentType.init)
        a.normalized = o.bool("normalized") ?? false
        a.count = o.int("count", req: true, min: 1)
        a.type = o.string("type", req: true, list: ["SCALAR", "VEC2", "VEC3", "VEC4", "MAT2", "MAT3", "MAT4"])
        if a.componentType == nil || a.count == nil || a.type == nil { a.valid = false }
        let n = a.components
        a.max = o.numbers("max", lengths: n.map { [$0] })
        a.min = o.numbers("min", lengths: n.map { [$0] })
        if let c = a.componentType, c != .float32, o.has("min"), o.has("max") {
            for k in ["min", "max"] {
                if case .array(let vs)? = o[k], vs.contains(where: { if case .double(let d) = $0 { return d.rounded() == d } else { return false } }) {
                    ctx.add(.integerWrittenAsFloat, o.at(k), "Integer values of '\(k)' are written with a fractional part.")
                }
            }
        }
        if let c = a.componentType {
            if a.normalized, c == .float32 || c == .uint32 {
                ctx.add(.accessorNormalizedInvalid, o.at("normalized"))
            }
            if a.byteOffset % c.byteSize != 0 {
                ctx.add(.accessorOffsetAlignment, o.at("byteOffset"), "Offset \(a.byteOffset) is not a multiple of component size \(c.byteSize).")
                a.valid = false
            } else if a.isMatrix, a.byteOffset % 4 != 0 {
                ctx.add(.accessorMatrixAlignment, o.at("byteOffset"))
            }
        }
        if let s = o.object("sparse") {
            s.checkMembers(["count", "indices", "values"])
            parseExtensions(s, .other)
            var sp = AccessorSparse()
            sp.count = s.int("count", req: true, min: 1)
            if let i = s.object("indices", req: true) {
                i.checkMembers(["bufferView", "byteOffset", "componentType"])
                parseExtensions(i, .other)
                sp.indicesView = i.index("bufferView", req: true)
                sp.indicesOffset = i.int("byteOffset", min: 0) ?? 0
                sp.indicesType = i.int("componentType", req: true, list: [5121, 5123, 5125]).flatMap(ComponentType.init)
            }
            if let v = s.object("values", req: true) {
                v.checkMembers(["bufferView", "byteOffset"])
                parseExtensions(v, .other)
                sp.valuesView = v.index("bufferView", req: true)
                sp.valuesOffset = v.int("byteOffset", min: 0) ?? 0
            }
            if let sc = sp.count, let c = a.count, sc > c {
                ctx.add(.accessorSparseCountOutOfRange, s.at("count"), "Sparse accessor overrides \(sc) elements but the accessor has \(c).")
            }
            a.sparse = sp
        }
        return a
    }

    // MARK: animations

    private func parseAnimation(_ o: Obj) -> Animation {
        o.checkMembers(["channels", "samplers", "name"])
        _ = o.string("name")
        parseExtensions(o, .animation)
        var an = Animation(p: o.p)
        an.channels = (o.objects("channels", req: true) ?? []).map { c in
            c.map { c in
                c.checkMembers(["sampler", "target"])
                parseExtensions(c, .animationChannel)
                var ch = AnimationChannel(p: c.p)
                ch.sampler = c.index("sampler", req: true)
                if let t = c.object("target", req: true) {
                    t.checkMembers(["node", "path"])
                    ch.node = t.index("node")
                    let hasPointerExt = t.object("extensions")?.has("KHR_animation_pointer") ?? false
                    if let path = t.string("path", req: true) {
                        let base = ["translation", "rotation", "scale", "weights"]
                        if base.contains(path) || (path == "pointer" && doc.extensionsUsed.contains("KHR_animation_pointer")) {
                            ch.path = path
                        } else {
                            ctx.add(.valueNotInList, t.at("path"), "Invalid value '\(path)'. Valid values are 'translation', 'rotation', 'scale', 'weights'.")
                            ch.path = nil
                        }
                    }
                    ch.pointer = parseExtensions(t, .animationChannelTarget)["KHR_animation_pointer"]?.o["pointer"]?.stringValue
                    if hasPointerExt { checkAnimationPointerTarget(t, ch) }
                }
                return ch
            }
        }
        an.samplers = (o.objects("samplers", req: true) ?? []).map { s in
            s.map { s in
                s.checkMembers(["input", "interpolation", "output"])
                parseExtensions(s, .animationSampler)
                var sm = AnimationSampler(p: s.p)
                sm.input = s.index("input", req: true)
                sm.interpolation = s.string("interpolation", list: ["LINEAR", "STEP", "CUBICSPLINE"]) ?? "LINEAR"
                sm.output = s.index("output", req: true)
                return sm
            }
        }
        return an
    }

    // MARK: cameras

    private func parseCamera(_ o: Obj) -> Int {
        o.checkMembers(["orthographic", "perspective", "type", "name"])
        _ = o.string("name")
        parseExtensions(o, .camera)
        let type = o.string("type", req: true, list: ["perspective", "orthographic"])
        if o.has("perspective") && o.has("orthographic") {
            ctx.add(.oneOfMismatch, o.here, "Exactly one of 'orthographic', 'perspective' properties must be defined.")
        } else if let type, !o.has(type) {
            ctx.add(.undefinedProperty, o.here, "Property '\(type)' must be defined.")
        }
        if let p = o.object("perspective") {
            p.checkMembers(["aspectRatio", "yfov", "zfar", "znear"])
            parseExtensions(p, .other)
            _ = p.number("aspectRatio", min: 0, exclusiveMin: true)
            let yfov = p.number("yfov", req: true, min: 0, exclusiveMin: true)
            let zfar = p.number("zfar", min: 0, exclusiveMin: true)
            let znear = p.number("znear", req: true, min: 0, exclusiveMin: true)
            if let yfov, yfov >= Double.pi { ctx.add(.cameraYfovGequalPi, p.here) }
            if let zfar, let znear, zfar <= znear { ctx.add(.cameraZfarLequalZnear, p.here) }
        }
        if let p = o.object("orthographic") {
            p.checkMembers(["xmag", "ymag", "zfar", "znear"])
            parseExtensions(p, .other)
            let x = p.number("xmag", req: true)
            let y = p.number("ymag", req: true)
            let zfar = p.number("zfar", req: true, min: 0, exclusiveMin: true)
            let znear = p.number("znear", req: true, min: 0)
            if let zfar, let znear, zfar <= znear { ctx.add(.cameraZfarLequalZnear, p.here) }
            // Each magnification on its own, pointing at it (reference: camera.dart).
            for (name, value) in [("xmag", x), ("ymag", y)] {
                guard let value else { continue }
                if value == 0 { ctx.add(.cameraXmagYmagZero, ptr(p.here, name)) } else if value < 0 { ctx.add(.cameraXmagYmagNegative, ptr(p.here, name)) }
            }
        }
        return 0
    }

    // MARK: images, samplers, textures

    private func parseImage(_ o: Obj) -> Image {
        o.checkMembers(["uri", "mimeType", "bufferView", "name"])
        _ = o.string("name")
        parseExtensions(o, .image)
        var im = Image(p: o.p)
        var mimes = ["image/jpeg", "image/png"]
        if doc.extensionsUsed.contains("EXT_texture_webp") { mimes.append("image/webp") }
        im.mimeType = o.string("mimeType", list: mimes)
        im.bufferView = o.index("bufferView")
        im.uri = o.string("uri")
        if o.has("uri") == o.has("bufferView") {
            ctx.add(.oneOfMismatch, o.here, "Exactly one of 'uri', 'bufferView' properties must be defined.")
        } else if o.has("bufferView"), !o.has("mimeType") {
            ctx.add(.unsatisfiedDependency, o.at("bufferView"), "Dependency failed. 'mimeType' must be defined.")
        }
        return im
    }

    private func parseSampler(_ o: Obj) -> Int {
        o.checkMembers(["magFilter", "minFilter", "wrapS", "wrapT", "name"])
        _ = o.string("name")
        parseExtensions(o, .sampler)
        _ = o.int("magFilter", list: [9728, 9729])
        _ = o.int("minFilter", list: [9728, 9729, 9984, 9985, 9986, 9987])
        _ = o.int("wrapS", list: [33071, 33648, 10497])
        _ = o.int("wrapT", list: [33071, 33648, 10497])
        return 0
    }

    private func parseTexture(_ o: Obj) -> Texture {
        o.checkMembers(["sampler", "source", "name"])
        _ = o.string("name")
        var t = Texture(p: o.p)
        t.sampler = o.index("sampler")
        t.source = o.index("source")
        let ext = parseExtensions(o, .texture)
        if let w = ext["EXT_texture_webp"] {
            w.checkMembers(["source"])
            t.webpSource = w.index("source")
        }
        return t
    }

    // MARK: materials

    private func parseMaterial(_ o: Obj) -> Material {
        o.checkMembers(["pbrMetallicRoughness", "normalTexture", "occlusionTexture", "emissiveTexture", "emissiveFactor", "alphaMode", "alphaCutoff", "doubleSided", "name"])
        _ = o.string("name")
        var m = Material(p: o.p)
        if let pbr = o.object("pbrMetallicRoughness") {
            pbr.checkMembers(["baseColorFactor", "baseColorTexture", "metallicFactor", "roughnessFactor", "metallicRoughnessTexture"])
            parseExtensions(pbr, .pbrMetallicRoughness)
            _ = pbr.numbers("baseColorFactor", lengths: [4], min: 0, max: 1)
            _ = pbr.number("metallicFactor", min: 0, max: 1)
            _ = pbr.number("roughnessFactor", min: 0, max: 1)
            if let t = textureInfo(pbr, "baseColorTexture") { m.textures.append(t) }
            if let t = textureInfo(pbr, "metallicRoughnessTexture") { m.textures.append(t) }
        }
        if let t = textureInfo(o, "normalTexture", extra: ["scale"]) { m.textures.append(t); m.hasNormalTexture = true }
        if let t = textureInfo(o, "occlusionTexture", extra: ["strength"]) { m.textures.append(t) }
        if let t = textureInfo(o, "emissiveTexture") { m.textures.append(t) }
        // Absent means the default [0, 0, 0]; an invalid value is neither zero nor not.
        if o.has("emissiveFactor") {
            m.emissiveFactorIsZero = o.numbers("emissiveFactor", lengths: [3], min: 0, max: 1).map { $0.allSatisfy { $0 == 0 } } ?? false
        }
        let mode = o.string("alphaMode", list: ["OPAQUE", "MASK", "BLEND"])
        if o.number("alphaCutoff", min: 0) != nil, mode != "MASK" {
            ctx.add(.materialAlphaCutoffInvalidMode, o.at("alphaCutoff"))
        }
        m.doubleSided = o.bool("doubleSided") ?? false
        m.hasUnknownExtensions = o.object("extensions")?.o.keys.contains { !supportedExtensions.contains($0) } ?? false
        doc.currentExtensionNames = o["extensions"]?.objectValue?.keys
        let ext = parseExtensions(o, .material)
        m.extensionNames = Array(ext.keys)
        parseMaterialExtensions(ext, into: &m)
        return m
    }

    /// A textureInfo object (index, texCoord, and the extra members of normal/occlusion infos).
    func textureInfo(_ parent: Obj, _ name: String, extra: Set<String> = []) -> TextureRef? {
        guard let t = parent.object(name) else { return nil }
        t.checkMembers(Set(["index", "texCoord"]).union(extra))
        let index = t.index("index", req: true)
        let texCoord = t.int("texCoord", min: 0) ?? 0
        if extra.contains("scale") { _ = t.number("scale") }
        if extra.contains("strength") { _ = t.number("strength", min: 0, max: 1) }
        var ref = TextureRef(p: t.p, index: index, texCoord: texCoord, baseTexCoord: texCoord)
        let ext = parseExtensions(t, .textureInfo)
        if let tt = ext["KHR_texture_transform"] {
            tt.checkMembers(["offset", "rotation", "scale", "texCoord"])
            _ = tt.numbers("offset", lengths: [2])
            _ = tt.number("rotation")
            _ = tt.numbers("scale", lengths: [2])
            if let tc = tt.int("texCoord", min: 0) { ref.texCoord = tc }
        }
        return ref
    }

    // MARK: meshes

    private func parseMesh(_ o: Obj) -> Mesh {
        o.checkMembers(["primitives", "weights", "name"])
        _ = o.string("name")
        parseExtensions(o, .mesh)
        var m = Mesh(p: o.p)
        if let prims = o.objects("primitives", req: true) {
            for p in prims {
                guard let p else { m.hasPrimitiveErrors = true; continue }
                m.primitives.append(parsePrimitive(p))
            }
        } else {
            m.hasPrimitiveErrors = true
        }
        m.weights = o.numbers("weights")
        return m
    }

    private func parsePrimitive(_ o: Obj) -> Primitive {
        o.checkMembers(["attributes", "indices", "material", "mode", "targets"])
        var pr = Primitive(p: o.p)
        if let a = o.object("attributes", req: true) {
            if a.o.isEmpty { ctx.add(.emptyEntity, a.p) }
            for m in a.o.members {
                pr.attributes.append((m.key, a.index(m.key)))
            }
        }
        pr.indices = o.index("indices")
        pr.material = o.index("material")
        pr.mode = o.int("mode", list: [0, 1, 2, 3, 4, 5, 6]) ?? 4
        if let v = o["targets"] {
            if case .array(let ts) = v {
                if ts.isEmpty {
                    ctx.add(.emptyEntity, o.at("targets"))
                } else {
                    var targets: [[(name: String, accessor: Int?)]] = []
                    for (i, t) in ts.enumerated() {
                        guard case .object(let to) = t else {
                            ctx.add(.arrayTypeMismatch, o.at("targets"), "Array element \(describe(t)) is not a 'object'.")
                            continue
                        }
                        let tp = Obj(to, ptr(o.at("targets"), i), ctx)
                        if to.isEmpty { ctx.add(.emptyEntity, tp.p); continue }
                        targets.append(to.members.map { ($0.key, tp.index($0.key)) })
                    }
                    pr.targets = targets
                }
            } else {
                ctx.add(.typeMismatch, o.at("targets"), "Property value \(describe(v)) is not a 'array'.")
            }
        }
        let ext = parseExtensions(o, .primitive)
        if let v = ext["KHR_materials_variants"] {
            v.checkMembers(["mappings"])
            for mp in v.objects("mappings", req: true) ?? [] {
                guard let mp else { continue }
                mp.checkMembers(["variants", "material", "name"])
                _ = mp.string("name")
                let variants = mp.indices("variants", req: true) ?? []
                let material = mp.index("material", req: true)
                pr.variantMappings.append((mp.p, variants, material))
            }
        }
        return pr
    }

    // MARK: nodes, scenes, skins

    private func parseNode(_ o: Obj) -> Node {
        o.checkMembers(["camera", "children", "skin", "matrix", "mesh", "rotation", "scale", "translation", "weights", "name"])
        _ = o.string("name")
        var n = Node(p: o.p)
        n.camera = o.index("camera")
        n.children = o.indices("children") ?? []
        n.skin = o.index("skin")
        n.matrix = o.numbers("matrix", lengths: [16])
        n.mesh = o.index("mesh")
        n.rotation = o.numbers("rotation", lengths: [4], min: -1, max: 1)
        n.scale = o.numbers("scale", lengths: [3])
        n.translation = o.numbers("translation", lengths: [3])
        n.weights = o.numbers("weights")
        n.hasExtras = o.has("extras")
        if let ext = o.object("extensions"), !ext.o.isEmpty { n.hasExtensions = true }
        let ext = parseExtensions(o, .node)
        if let l = ext["KHR_lights_punctual"] {
            l.checkMembers(["light"])
            n.hasLightsExtension = true
            n.light = l.index("light", req: true)
        }
        if let g = ext["EXT_mesh_gpu_instancing"] {
            g.checkMembers(["attributes"])
            if let attributes = g.object("attributes", req: true) {
                if attributes.o.isEmpty { ctx.add(.emptyEntity, attributes.here) }
                n.instanceAttributes = attributes.o.members.map { m in (m.key, attributes.index(m.key), attributes.at(m.key)) }
            }
        }
        if let v = ext["KHR_node_visibility"] {
            v.checkMembers(["visible"])
            _ = v.bool("visible")
        }
        if !o.has("mesh") {
            if o.has("skin") { ctx.add(.unsatisfiedDependency, o.at("skin"), "Dependency failed. 'mesh' must be defined.") }
            if o.has("weights") { ctx.add(.unsatisfiedDependency, o.at("weights"), "Dependency failed. 'mesh' must be defined.") }
        }
        if let m = n.matrix {
            if n.rotation != nil || n.scale != nil || n.translation != nil {
                ctx.add(.nodeMatrixTrs, o.at("matrix"))
            }
            if m == [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] {
                ctx.add(.nodeMatrixDefault, o.at("matrix"))
            } else if !isDecomposable(m) {
                ctx.add(.nodeMatrixNonTrs, o.at("matrix"))
            }
        }
        if let r = n.rotation {
            let len = (r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3]).squareRoot()
            if abs(len - 1) > 0.000005 { ctx.add(.rotationNonUnit, o.at("rotation"), "Rotation quaternion length is \(len), not 1.") }
        }
        return n
    }

    private func parseScene(_ o: Obj) -> Scene {
        o.checkMembers(["nodes", "name"])
        _ = o.string("name")
        parseExtensions(o, .scene)
        return Scene(p: o.p, nodes: o.indices("nodes") ?? [])
    }

    private func parseSkin(_ o: Obj) -> Skin {
        o.checkMembers(["inverseBindMatrices", "skeleton", "joints", "name"])
        _ = o.string("name")
        parseExtensions(o, .skin)
        var s = Skin(p: o.p)
        s.inverseBindMatrices = o.index("inverseBindMatrices")
        s.skeleton = o.index("skeleton")
        s.joints = o.indices("joints", req: true) ?? []
        return s
    }
}

/// True when a column-major 4x4 matrix is an affine TRS composition.
func isDecomposable(_ m: [Double]) -> Bool {
    guard m.count == 16 else { return false }
    if m[3] != 0 || m[7] != 0 || m[11] != 0 || m[15] != 1 { return false }
    // Determinant of the upper 3x3 must be non-zero; rebuild from the scales and compare.
    let sx = (m[0] * m[0] + m[1] * m[1] + m[2] * m[2]).squareRoot()
    let sy = (m[4] * m[4] + m[5] * m[5] + m[6] * m[6]).squareRoot()
    let sz = (m[8] * m[8] + m[9] * m[9] + m[10] * m[10]).squareRoot()
    if sx == 0 || sy == 0 || sz == 0 { return false }
    // Columns must be mutually orthogonal for a TRS decomposition to exist.
    let c0 = (m[0] / sx, m[1] / sx, m[2] / sx), c1 = (m[4] / sy, m[5] / sy, m[6] / sy), c2 = (m[8] / sz, m[9] / sz, m[10] / sz)
    let d01 = c0.0 * c1.0 + c0.1 * c1.1 + c0.2 * c1.2
    let d02 = c0.0 * c2.0 + c0.1 * c2.1 + c0.2 * c2.2
    let d12 = c1.0 * c2.0 + c1.1 * c2.1 + c1.2 * c2.2
    return abs(d01) < 0.00005 && abs(d02) < 0.00005 && abs(d12) < 0.00005
}
