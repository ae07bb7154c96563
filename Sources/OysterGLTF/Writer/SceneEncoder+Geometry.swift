import OysterCore
import OysterJSON

extension SceneEncoder {
    // MARK: - Meshes

    mutating func encodeMesh(_ mesh: Mesh) -> JSONValue {
        var o = JSONObject()
        if let n = mesh.name { o["name"] = .string(n) }
        var primitives: [JSONValue] = []
        for p in mesh.primitives { primitives.append(encodePrimitive(p)) }
        o["primitives"] = .array(primitives)
        if let w = mesh.weights, !w.isEmpty { o["weights"] = .floats(w) }
        put(&o, extensions: mesh.extensions, extras: mesh.extras)
        return .object(o)
    }

    mutating func encodePrimitive(_ p: Primitive) -> JSONValue {
        var o = JSONObject()
        o["attributes"] = .object(encodeAttributes(p.attributes, isTarget: false))
        if let indices = p.indices { o["indices"] = .int(Int64(accessor(indices, use: .index))) }
        if let m = p.material { o["material"] = .int(Int64(m)) }
        if p.mode != .triangles { o["mode"] = .int(Int64(p.mode.rawValue)) }
        if !p.targets.isEmpty {
            var targets: [JSONValue] = []
            for t in p.targets { targets.append(.object(encodeAttributes(t, isTarget: true))) }
            o["targets"] = .array(targets)
        }
        put(&o, extensions: p.extensions, extras: p.extras)
        return .object(o)
    }

    mutating func encodeAttributes(_ set: AttributeSet, isTarget: Bool) -> JSONObject {
        var o = JSONObject()
        for name in set.keys.sorted(by: Primitive.attributeOrder) {
            guard let data = set[name] else { continue }
            if Self.needsQuantization(name, data, isTarget: isTarget) {
                usedExtensions.insert(GLTFExtensions.meshQuantization)
                requiredExtensions.insert(GLTFExtensions.meshQuantization)
            }
            // Zero normals, tangents and weights are invalid data; keep them as a source without
            // a bufferView had them (morph target zeros are ordinary displacements).
            let zeroIsUndefined = !isTarget && (name == "NORMAL" || name == "TANGENT" || name.hasPrefix("WEIGHTS_"))
            o[name] = .int(Int64(accessor(data, use: .vertex, bounds: name == "POSITION", zeroAsUndefined: zeroIsUndefined)))
        }
        return o
    }

    /// Whether an attribute's component type is outside core glTF (§3.7.2.1) and needs
    /// KHR_mesh_quantization.
    static func needsQuantization(_ name: String, _ data: DataArray, isTarget: Bool) -> Bool {
        let t = data.componentType
        if t == .float32 { return false }
        if isTarget { return true }
        let unsignedNormalized = data.normalized && (t == .uint8 || t == .uint16)
        switch name {
        case "POSITION", "NORMAL", "TANGENT": return true
        case _ where name.hasPrefix("TEXCOORD_"): return !unsignedNormalized
        case _ where name.hasPrefix("COLOR_"), _ where name.hasPrefix("WEIGHTS_"): return !unsignedNormalized
        case _ where name.hasPrefix("JOINTS_"): return !(t == .uint8 || t == .uint16) || data.normalized
        default: return false
        }
    }

    // MARK: - Nodes

    mutating func encodeNode(_ node: Node) -> JSONValue {
        var o = JSONObject()
        if let n = node.name { o["name"] = .string(n) }
        if let c = node.camera { o["camera"] = .int(Int64(c)) }
        if !node.children.isEmpty { o["children"] = .array(node.children.map { .int(Int64($0)) }) }
        if let s = node.skin { o["skin"] = .int(Int64(s)) }
        switch node.transform {
        case .matrix(let m):
            if m != .identity { o["matrix"] = .floats(m.m) }
        case .trs(let t, let r, let s):
            if r != .identity { o["rotation"] = .floats([r.x, r.y, r.z, r.w]) }
            if s != .one { o["scale"] = .floats([s.x, s.y, s.z]) }
            if t != .zero { o["translation"] = .floats([t.x, t.y, t.z]) }
        }
        if let m = node.mesh { o["mesh"] = .int(Int64(m)) }
        if let w = node.weights, !w.isEmpty { o["weights"] = .floats(w) }
        var ext = node.extensions
        if let l = node.light {
            ext[GLTFExtensions.lightsPunctual] = ["light": .int(Int64(l))]
        }
        if let instancing = node.instancing, !instancing.isEmpty {
            var attributes = JSONObject()
            for name in instancing.keys.sorted() {
                guard let data = instancing[name] else { continue }
                attributes[name] = .int(Int64(accessor(data, use: .other)))
            }
            ext[GLTFExtensions.gpuInstancing] = ["attributes": .object(attributes)]
            // The extension has no fallback: a viewer without it would draw one copy at the
            // node, so the spec says files should require it.
            requiredExtensions.insert(GLTFExtensions.gpuInstancing)
        }
        put(&o, extensions: ext, extras: node.extrasWithRole)
        return .object(o)
    }

    // MARK: - Skins, cameras, lights

    mutating func encodeSkin(_ skin: Skin) -> JSONValue {
        var o = JSONObject()
        if let n = skin.name { o["name"] = .string(n) }
        if let ibm = skin.inverseBindMatrices { o["inverseBindMatrices"] = .int(Int64(accessor(ibm, use: .other, zeroAsUndefined: true))) }
        if let s = skin.skeleton { o["skeleton"] = .int(Int64(s)) }
        o["joints"] = .array(skin.joints.map { .int(Int64($0)) })
        put(&o, extensions: skin.extensions, extras: skin.extras)
        return .object(o)
    }

    mutating func encodeCamera(_ camera: Camera) -> JSONValue {
        var o = JSONObject()
        if let n = camera.name { o["name"] = .string(n) }
        switch camera.projection {
        case .perspective(let yfov, let aspect, let znear, let zfar):
            var p = JSONObject()
            if let aspect { p["aspectRatio"] = .float(aspect) }
            p["yfov"] = .float(yfov)
            if let zfar { p["zfar"] = .float(zfar) }
            p["znear"] = .float(znear)
            o["type"] = "perspective"
            o["perspective"] = .object(p)
        case .orthographic(let xmag, let ymag, let znear, let zfar):
            o["type"] = "orthographic"
            o["orthographic"] = ["xmag": .float(xmag), "ymag": .float(ymag), "zfar": .float(zfar), "znear": .float(znear)]
        }
        put(&o, extensions: camera.extensions, extras: camera.extras)
        return .object(o)
    }

    mutating func encodeLight(_ light: Light) -> JSONValue {
        var o = JSONObject()
        if let n = light.name { o["name"] = .string(n) }
        o["type"] = .string(light.kind.typeName)
        if light.color != .one { o["color"] = .floats([light.color.x, light.color.y, light.color.z]) }
        if light.intensity != 1 { o["intensity"] = .float(light.intensity) }
        if let r = light.range, light.kind != .directional { o["range"] = .float(r) }
        if case .spot(let inner, let outer) = light.kind {
            var s = JSONObject()
            if inner != 0 { s["innerConeAngle"] = .float(inner) }
            if outer != .pi / 4 { s["outerConeAngle"] = .float(outer) }
            o["spot"] = .object(s)
        }
        put(&o, extensions: light.extensions, extras: light.extras)
        return .object(o)
    }

    // MARK: - Animations

    mutating func encodeAnimation(_ animation: Animation) -> JSONValue {
        var o = JSONObject()
        if let n = animation.name { o["name"] = .string(n) }
        var channels: [JSONValue] = []
        for c in animation.channels {
            var ch = JSONObject()
            ch["sampler"] = .int(Int64(c.sampler))
            var target = JSONObject()
            if let n = c.node { target["node"] = .int(Int64(n)) }
            target["path"] = .string(c.path.name)
            put(&target, extensions: c.targetExtensions, extras: c.targetExtras)
            ch["target"] = .object(target)
            put(&ch, extensions: c.extensions, extras: c.extras)
            channels.append(.object(ch))
        }
        var samplers: [JSONValue] = []
        for s in animation.samplers {
            var so = JSONObject()
            so["input"] = .int(Int64(accessor(s.input, use: .other, bounds: true, zeroAsUndefined: s.input.count > 1)))
            if s.interpolation != .linear { so["interpolation"] = .string(s.interpolation.rawValue) }
            so["output"] = .int(Int64(accessor(s.output, use: .other)))
            put(&so, extensions: s.extensions, extras: s.extras)
            samplers.append(.object(so))
        }
        o["channels"] = .array(channels)
        o["samplers"] = .array(samplers)
        put(&o, extensions: animation.extensions, extras: animation.extras)
        return .object(o)
    }
}
