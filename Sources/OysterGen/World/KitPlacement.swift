import OysterCore
import OysterProcess

/// Puts kit models into the scene: shared meshes per kit variant (one `Mesh` referenced by
/// many nodes), a node hierarchy mirroring the kit's parts, part animations as glTF
/// animations, and light anchors collected for the lighting stage.
struct KitPlacement {
    /// Mesh per (variant key, part path).
    var meshCache: [String: Int] = [:]
    /// World-space light anchors gathered so far.
    var anchors: [(position: Vec3, kind: LightAnchorKind, owner: String)] = []

    /// Places `kit` as node `name` under group `group`, at `transform` (TRS). `key` identifies
    /// the kit variant so identical kits share meshes.
    @discardableResult
    mutating func place(_ kit: KitModel, key: String, name: String, group: WorldGroup, translation: Vec3, yaw: Float,
                        scale: Float = 1, shared: SharedMeshes? = nil, into a: inout SceneAssembler) -> Int {
        let parent = a.group(group)
        let rotation = Orientation.yaw(yaw)
        var root = Node(name: name, transform: .trs(translation: translation, rotation: rotation, scale: Vec3(repeating: scale)))
        let world = Mat4(translation: translation, rotation: rotation, scale: Vec3(repeating: scale))
        // A single static part folds into the root node.
        if kit.parts.count == 1, kit.parts[0].children.isEmpty, kit.parts[0].animation == nil, kit.parts[0].transform == .identity {
            root.mesh = mesh(kit.parts[0].mesh, key: key + "/" + kit.parts[0].name, name: kit.name, shared: shared, into: &a)
            let r = a.add(root, under: parent)
            collectAnchors(kit, world, name)
            return r
        }
        let r = a.add(root, under: parent)
        for part in kit.parts { addPart(part, path: key, parent: r, shared: shared, into: &a) }
        collectAnchors(kit, world, name)
        return r
    }

    mutating func collectAnchors(_ kit: KitModel, _ world: Mat4, _ owner: String) {
        for l in kit.lightAnchors { anchors.append((world.transformPoint(l.position), l.kind, owner)) }
    }

    /// The scene's mesh for a kit part: built once per scene, and with `shared`, converted (and
    /// given tangents) once per world for every region that places the same variant.
    mutating func mesh(_ b: MeshBuilder, key: String, name: String, shared: SharedMeshes? = nil, into a: inout SceneAssembler) -> Int? {
        if let m = meshCache[key] { return m }
        guard !b.isEmpty else { return nil }
        let m: Int
        if let shared {
            var mesh = shared.value(key) { SharedMeshes.canonical(b, name: name) }
            for i in mesh.primitives.indices { mesh.primitives[i].material = a.material(SurfaceKind.allCases[mesh.primitives[i].material ?? 0]) }
            m = a.addMesh(mesh)
        } else {
            guard let added = a.addMesh(b, name: name) else { return nil }
            m = added
        }
        meshCache[key] = m
        return m
    }

    mutating func addPart(_ part: KitPart, path: String, parent: Int, shared: SharedMeshes? = nil, into a: inout SceneAssembler) {
        let (t, r, s) = KitPlacement.decompose(part.transform)
        var node = Node(name: part.name, transform: .trs(translation: t, rotation: r, scale: s))
        let key = path + "/" + part.name
        node.mesh = part.mesh.isEmpty ? nil : mesh(part.mesh, key: key, name: part.name, shared: shared, into: &a)
        let n = a.add(node, under: parent)
        if let anim = part.animation { KitPlacement.animate(anim, node: n, base: (t, r, s), into: &a) }
        for c in part.children { addPart(c, path: key, parent: n, shared: shared, into: &a) }
    }

    /// Translation, rotation and scale of an affine matrix without shear.
    static func decompose(_ m: Mat4) -> (Vec3, Quat, Vec3) {
        let c0 = Vec3(m.m[0], m.m[1], m.m[2]), c1 = Vec3(m.m[4], m.m[5], m.m[6]), c2 = Vec3(m.m[8], m.m[9], m.m[10])
        let s = Vec3(length(c0), length(c1), length(c2))
        guard s.x > 0, s.y > 0, s.z > 0 else { return (Vec3(m.m[12], m.m[13], m.m[14]), .identity, Vec3(1, 1, 1)) }
        let q = Orientation.quaternion(c0 / s.x, c1 / s.y, c2 / s.z)
        return (Vec3(m.m[12], m.m[13], m.m[14]), q, s)
    }

    /// glTF keyframes for a kit animation hint, composed with the part's rest pose.
    static func animate(_ anim: KitAnimation, node: Int, base: (Vec3, Quat, Vec3), into a: inout SceneAssembler) {
        func rotations(_ angles: [Float], axis: Vec3) -> [Float] {
            angles.flatMap { ang -> [Float] in
                let q = base.1 * kquat(angle: ang, axis: axis)
                return [q.x, q.y, q.z, q.w]
            }
        }
        switch anim {
        case .rotate(let axis, let speed):
            let period = 2 * Float.pi / max(abs(speed), 0.05)
            let sign: Float = speed < 0 ? -1 : 1
            let steps = 8
            let times = (0...steps).map { Float($0) / Float(steps) * period }
            let angles = (0...steps).map { sign * Float($0) / Float(steps) * 2 * .pi }
            a.animate("Windmills", node: node, path: .rotation, times: times, values: rotations(angles, axis: axis))
        case .swing(let axis, let angle):
            a.animate("Doors", node: node, path: .rotation, times: [0, 1.5, 4, 5.5, 8], values: rotations([0, angle, angle, 0, 0], axis: axis))
        case .sway(let axis, let amplitude):
            let times: [Float] = [0, 0.75, 1.5, 2.25, 3]
            a.animate("Wind", node: node, path: .rotation, times: times, values: rotations([0, amplitude, 0, -amplitude, 0], axis: axis))
        case .flicker:
            let s = base.2
            let values: [Float] = [1, 1.18, 0.92, 1.1, 1].flatMap { [s.x * $0, s.y * $0, s.z * $0] }
            a.animate("Fire", node: node, path: .scale, times: [0, 0.2, 0.45, 0.7, 1], values: values)
        }
    }
}

/// Kit meshes converted once per world: the mesh with each primitive's material set to its
/// surface kind's ordinal (remapped to a scene's materials on use) and tangents generated, as
/// `SceneAssembler.finish` would, so a streamed tile does not redo them for every tree.
typealias SharedMeshes = PureCache<String, Mesh>

extension PureCache where Key == String, Value == Mesh {
    static func canonical(_ b: MeshBuilder, name: String) -> Mesh {
        var mesh = b.makeMesh(name: name) { SurfaceKind.allCases.firstIndex(of: $0)! }
        for i in mesh.primitives.indices {
            if let t = mesh.primitives[i].withGeneratedTangents(texCoord: 0) { mesh.primitives[i] = t }
        }
        return mesh
    }
}
