import OysterCore
import OysterJSON

extension SceneResolver {
    // MARK: - Meshes

    mutating func readMesh(_ f: JSONFields) throws -> Mesh {
        var mesh = Mesh(name: f.name)
        guard let list = f["primitives"]?.arrayValue else { throw f.fail("primitives", "must be an array", code: .undefinedProperty) }
        guard !list.isEmpty else { throw f.fail("primitives", "is empty", code: .emptyEntity) }
        for (k, value) in list.enumerated() {
            let p = try JSONFields(value, label: "\(f.label) primitive \(k)", pointer: f.pointer + "/primitives/\(k)")
            mesh.primitives.append(try readPrimitive(p))
        }
        mesh.weights = try f.floats("weights")
        mesh.extensions = try f.extensions()
        mesh.extras = f.extras
        return mesh
    }

    mutating func readPrimitive(_ f: JSONFields) throws -> Primitive {
        var p = Primitive()
        guard let attributes = try f.objectField("attributes") else { throw f.fail("attributes", "is missing", code: .undefinedProperty) }
        p.attributes = try attributeSet(attributes)
        if let modeCode = try f.int("mode") {
            guard let mode = PrimitiveMode(rawValue: modeCode) else {
                throw GLTFError("\(f.label): mode \(modeCode) is not valid", code: .valueNotInList, pointer: f.pointer + "/mode")
            }
            p.mode = mode
        }
        if let i = try f.index("indices") {
            let indices = try accessor(i, for: f.label)
            guard indices.elementType == .scalar, [.uint8, .uint16, .uint32].contains(indices.componentType) else {
                throw GLTFError("\(f.label): indices accessor \(i) is not an unsigned integer SCALAR", code: .meshPrimitiveIndicesAccessorInvalidFormat, pointer: f.pointer + "/indices")
            }
            p.indices = indices
        }
        if let m = try f.index("material") {
            try Self.check(m, scene.materials.count, "material", f, "material")
            p.material = m
        }
        if let targets = f["targets"] {
            guard let list = targets.arrayValue else { throw f.fail("targets", "must be an array") }
            for (k, t) in list.enumerated() {
                let fields = try JSONFields(t, label: "\(f.label) target \(k)", pointer: f.pointer + "/targets/\(k)")
                p.targets.append(try attributeSet(fields))
            }
        }
        var ext = try f.extensions()
        for name in GLTFExtensions.dropped where ext[name] != nil {
            ext[name] = nil
        }
        p.extensions = ext
        p.extras = f.extras
        return p
    }

    mutating func attributeSet(_ f: JSONFields) throws -> AttributeSet {
        var set = AttributeSet()
        for (name, value) in f.object.members {
            guard let index = value.intValue, index >= 0 else { throw f.fail(name, "must be an accessor index") }
            set[name] = try accessor(index, for: "\(f.label) \(name)")
        }
        return set
    }

    // MARK: - Cameras

    func readCamera(_ f: JSONFields) throws -> Camera {
        let type = try f.string("type")
        let projection: Projection
        if let p = try f.objectField("perspective"), type != "orthographic" {
            guard let yfov = try p.float("yfov"), let znear = try p.float("znear") else {
                throw GLTFError("\(f.label): perspective needs yfov and znear", code: .undefinedProperty, pointer: p.pointer)
            }
            projection = .perspective(yfov: yfov, aspectRatio: try p.float("aspectRatio"), znear: znear, zfar: try p.float("zfar"))
        } else if let o = try f.objectField("orthographic") {
            guard let xmag = try o.float("xmag"), let ymag = try o.float("ymag"), let znear = try o.float("znear"), let zfar = try o.float("zfar") else {
                throw GLTFError("\(f.label): orthographic needs xmag, ymag, znear and zfar", code: .undefinedProperty, pointer: o.pointer)
            }
            projection = .orthographic(xmag: xmag, ymag: ymag, znear: znear, zfar: zfar)
        } else {
            throw GLTFError("\(f.label): has no \(type ?? "perspective or orthographic") projection", code: .undefinedProperty, pointer: f.pointer)
        }
        var camera = Camera(name: f.name, projection: projection)
        camera.extensions = try f.extensions()
        camera.extras = f.extras
        return camera
    }

    // MARK: - Lights (KHR_lights_punctual)

    mutating func readLights(_ root: JSONFields) throws {
        guard let ext = try root.objectField("extensions"), let khr = try ext.objectField(GLTFExtensions.lightsPunctual) else { return }
        guard let list = khr["lights"]?.arrayValue else { return }
        for (i, value) in list.enumerated() {
            let f = try JSONFields(value, label: "light \(i)", pointer: khr.pointer + "/lights/\(i)")
            let type = try f.string("type") ?? ""
            let kind: LightKind
            switch type {
            case "directional": kind = .directional
            case "point": kind = .point
            case "spot":
                let spot = try f.objectField("spot")
                kind = .spot(innerConeAngle: try spot?.float("innerConeAngle") ?? 0, outerConeAngle: try spot?.float("outerConeAngle") ?? .pi / 4)
            default:
                warn(.valueNotInList, "\(f.label): unknown type '\(type)' read as a point light", f.pointer + "/type")
                kind = .point
            }
            var light = Light(name: f.name, kind: kind)
            if let c = try f.floats("color", count: 3) { light.color = Vec3(c[0], c[1], c[2]) }
            light.intensity = try f.float("intensity") ?? 1
            light.range = try f.float("range")
            light.extensions = try f.extensions()
            light.extras = f.extras
            scene.lights.append(light)
        }
    }
}
