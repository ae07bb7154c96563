import OysterCore

/// Options for `Scene.instance`.
public struct InstancingOptions: Hashable, Sendable {
    /// Fewest nodes sharing a mesh worth one instanced node. Default 2.
    public var minInstances = 2

    /// Options with the given minimum batch size.
    public init(minInstances: Int = 2) { self.minInstances = minInstances }
}

/// EXT_mesh_gpu_instancing: sibling nodes that draw the same mesh become one node with
/// per-instance TRANSLATION / ROTATION / SCALE arrays (ROTATION and SCALE only when some
/// instance needs them).
///
/// A node qualifies when it has a mesh, no children, skin, camera, light, morph weights,
/// extensions or existing instancing, no animation channel targets it, and its transform
/// decomposes into TRS. Nodes group by (mesh, parent) — roots by the scenes listing them; the
/// first node of each group keeps its name and place and gets an identity transform, the others
/// are removed. The writer must list EXT_mesh_gpu_instancing in `extensionsUsed`.
extension Scene {
    /// Replaces sibling nodes sharing a mesh by one EXT_mesh_gpu_instancing node.
    @discardableResult
    public mutating func instance(_ options: InstancingOptions = .init()) -> PassReport {
        var animated = Set<Int>()
        for a in animations { for c in a.channels { if let n = c.node { animated.insert(n) } } }
        let parents = parentIndices()
        let joints = jointNodes()
        struct Key: Hashable { var mesh: Int; var parent: Int; var scenes: [Int] }
        var groups: [Key: [(node: Int, trs: (Vec3, Quat, Vec3))]] = [:]
        var order: [Key] = []
        for (i, n) in nodes.enumerated() {
            guard let m = n.mesh, n.children.isEmpty, n.skin == nil, n.camera == nil, n.light == nil, n.weights == nil,
                  n.extensions.isEmpty, n.instancing == nil, !animated.contains(i), !joints.contains(i) else { continue }
            let trs: (Vec3, Quat, Vec3)
            switch n.transform {
            case .trs(let t, let r, let s): trs = (t, r, s)
            case .matrix(let mat):
                guard let d = mat.decomposed() else { continue }
                trs = (d.translation, d.rotation, d.scale)
            }
            let key = Key(mesh: m, parent: parents[i] ?? -1, scenes: parents[i] == nil ? roots.indices.filter { roots[$0].nodes.contains(i) } : [])
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((i, trs))
        }
        var remove = Set<Int>()
        var batches = 0, instances = 0
        for key in order {
            guard let members = groups[key], members.count >= max(2, options.minInstances), let first = members.first else { continue }
            let t = members.map { $0.trs.0 }, r = members.map { $0.trs.1.vector }, s = members.map { $0.trs.2 }
            var arrays: [String: DataArray] = ["TRANSLATION": DataArray(vec3: t)]
            if r.contains(where: { $0 != Quat.identity.vector }) { arrays["ROTATION"] = DataArray(vec4: r) }
            if s.contains(where: { $0 != .one }) { arrays["SCALE"] = DataArray(vec3: s) }
            nodes[first.node].transform = .identity
            nodes[first.node].instancing = arrays
            for m in members.dropFirst() { remove.insert(m.node) }
            batches += 1
            instances += members.count
        }
        removeNodes(remove)
        return PassReport(name: "instance", figures: ["instancedNodes": Double(batches), "instances": Double(instances),
                                                      "nodesRemoved": Double(remove.count)])
    }
}
