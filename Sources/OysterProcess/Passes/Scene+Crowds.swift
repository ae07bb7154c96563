import OysterCore

extension Scene {
    /// Merges skinned bodies that share a material into one mesh on one skin, a crowd: one
    /// draw call for a whole village's people where each body was one.
    ///
    /// glTF draws a skinned mesh wherever its joints put it (the node holding it does not move
    /// it), so bodies on separate skeletons can share one primitive: their vertices are
    /// concatenated, each body's `JOINTS_0` is offset to where its skin's joints start in the
    /// crowd's skin, and the crowd's skin lists every body's joints with their inverse bind
    /// matrices. Every joint node, and every animation on it, is left as it was, so each body
    /// still moves on its own. The crowd hangs at the root of each scene its first body is in
    /// (parents cannot move a skinned mesh, and a root node says so), named `Crowd`, with the
    /// bodies' role; the bodies' nodes lose their mesh and skin. Where bodies repeat joint
    /// names, each body's joints take its name in front (`nameJointsApart`).
    ///
    /// Only bodies of one primitive, without morph targets or instancing, merge, and only with
    /// bodies of the same material, role, scenes and attribute layout (`MergeKey`, joints
    /// aside). A joint two bodies share (levels of detail on one skeleton) is listed once when
    /// its inverse bind matrices agree; otherwise the body starts another crowd. A crowd holds
    /// at most 65 536 joints (16-bit joint indices).
    @discardableResult
    public mutating func mergeSkinnedMeshes() -> PassReport {
        let before = statistics.drawCalls
        let parents = parentIndices()
        let roles = effectiveRoles()
        var groups: [CrowdKey: [Body]] = [:]
        var order: [CrowdKey] = []
        for i in nodes.indices {
            guard let body = crowdMember(i), let key = MergeKey(body.primitive, ignoring: { $0 == "JOINTS_0" }) else { continue }
            let anchor = topAncestor(i, parents: parents)
            let crowd = CrowdKey(primitive: key, role: roles[i], roots: roots.indices.filter { roots[$0].nodes.contains(anchor) })
            if groups[crowd] == nil { order.append(crowd) }
            groups[crowd, default: []].append(body)
        }
        var crowds = 0, bodies = 0
        var names = Set(nodes.compactMap(\.name))
        for key in order {
            for batch in crowdBatches(groups[key] ?? []) where batch.members.count > 1 {
                let name = Self.freeName("Crowd", taken: &names)
                addCrowd(batch, name: name, role: key.role, roots: key.roots)
                nameJointsApart(batch, taken: &names)
                crowds += 1
                bodies += batch.members.count
            }
        }
        return PassReport(name: "crowds", figures: ["crowds": Double(crowds), "bodiesMerged": Double(bodies),
                                                    "drawCallsBefore": Double(before), "drawCallsAfter": Double(statistics.drawCalls)])
    }

    /// What must be equal for two bodies to share a crowd.
    private struct CrowdKey: Hashable {
        var primitive: MergeKey
        var role: NodeRole?
        var roots: [Int]
    }

    /// A body that may join a crowd: its one primitive and its skin.
    private struct Body {
        var node: Int
        var primitive: Primitive
        var skin: Skin
        /// `JOINTS_0` as indices into `skin.joints`.
        var joints: [UInt32]
        /// Which of `joints` carry no weight (they stay 0, as the validator asks).
        var unweighted: [Bool]
        /// One inverse bind matrix per joint (identity where the skin has none).
        var inverseBinds: [Mat4]
    }

    private func crowdMember(_ i: Int) -> Body? {
        let node = nodes[i]
        guard let s = node.skin, skins.indices.contains(s), let m = node.mesh, meshes.indices.contains(m),
              meshes[m].primitives.count == 1, meshes[m].weights == nil, node.weights == nil, node.instancing == nil,
              node.extensions.isEmpty, let p = meshes[m].primitives.first, p.targets.isEmpty, p.isTriangles,
              let joints = p.attributes["JOINTS_0"], joints.elementType == .vec4, let weights = p.attributes["WEIGHTS_0"],
              weights.elementType == .vec4, weights.count == joints.count, p.attributes["JOINTS_1"] == nil else { return nil }
        let skin = skins[s]
        let indices = joints.uints()
        guard !skin.joints.isEmpty, indices.allSatisfy({ Int($0) < skin.joints.count }) else { return nil }
        let unweighted = weights.floats().map { $0 == 0 }
        if let data = skin.inverseBindMatrices {
            guard data.elementType == .mat4, data.componentType == .float32, data.count == skin.joints.count else { return nil }
        }
        return Body(node: i, primitive: p, skin: skin, joints: indices, unweighted: unweighted, inverseBinds: skin.inverseBinds)
    }

    /// A crowd to be: its bodies, and its skin's joints with their inverse bind matrices.
    private struct CrowdBatch {
        var members: [Body] = []
        var joints: [Int] = []
        var inverseBinds: [Mat4] = []
        var slot: [Int: Int] = [:]

        /// Adds `body` unless one of its joints is already listed with another inverse bind
        /// matrix or the crowd would pass 65 536 joints; its joint indices remapped.
        mutating func add(_ body: Body) -> Bool {
            let fresh = Set(body.skin.joints).subtracting(slot.keys).count
            guard joints.count + fresh <= 65536 else { return false }
            for (j, node) in body.skin.joints.enumerated() {
                if let k = slot[node], inverseBinds[k] != body.inverseBinds[j] { return false }
            }
            var remap = [UInt32](repeating: 0, count: body.skin.joints.count)
            for (j, node) in body.skin.joints.enumerated() {
                if let k = slot[node] { remap[j] = UInt32(k); continue }
                slot[node] = joints.count
                remap[j] = UInt32(joints.count)
                joints.append(node)
                inverseBinds.append(body.inverseBinds[j])
            }
            var b = body
            b.joints = zip(body.joints, body.unweighted).map { joint, unweighted in unweighted ? 0 : remap[Int(joint)] }
            members.append(b)
            return true
        }
    }

    /// `members` (bodies of one crowd key, in node order) split into crowds that each fit.
    private func crowdBatches(_ members: [Body]) -> [CrowdBatch] {
        var batches: [CrowdBatch] = []
        for body in members {
            if let last = batches.indices.last, batches[last].add(body) { continue }
            var batch = CrowdBatch()
            _ = batch.add(body)
            batches.append(batch)
        }
        return batches
    }

    private mutating func addCrowd(_ batch: CrowdBatch, name: String, role: NodeRole?, roots scenes: [Int]) {
        let wide = batch.joints.count > 256
        let primitives = batch.members.map { body -> Primitive in
            var p = body.primitive
            p.attributes["JOINTS_0"] = DataArray(joints: body.joints, wide: wide)
            return p
        }
        var mesh = Mesh(name: name)
        mesh.primitives = [Scene.concatenate(primitives)]
        meshes.append(mesh)
        skins.append(Skin(name: name, joints: batch.joints, skeleton: nil,
                          inverseBindMatrices: DataArray(floats: batch.inverseBinds.flatMap(\.m), elementType: .mat4)))
        var node = Node(name: name, mesh: meshes.count - 1, role: role)
        node.skin = skins.count - 1
        nodes.append(node)
        for r in scenes { roots[r].nodes.append(nodes.count - 1) }
        for body in batch.members {
            nodes[body.node].mesh = nil
            nodes[body.node].skin = nil
        }
    }

    /// Gives the joints of a crowd whose bodies repeat joint names (every person's `hips`)
    /// their body's name in front (`Villager_03_hips`, from the body's skin, or its node):
    /// importers such as assimp refuse a mesh whose bones share a name. The bone's own name
    /// stays at the end, so a retargeting script still finds it.
    private mutating func nameJointsApart(_ batch: CrowdBatch, taken: inout Set<String>) {
        var seen = Set<String>()
        guard batch.joints.contains(where: { nodes[$0].name.map { !seen.insert($0).inserted } ?? false }) else { return }
        var renamed = Set<Int>()
        var prefixes = Set<String>()
        for (k, body) in batch.members.enumerated() {
            // Bodies of one name (or skins without one) are numbered: `Body_2_hips`.
            let prefix = Self.freeName(body.skin.name ?? nodes[body.node].name ?? "Body\(k + 1)", taken: &prefixes)
            for joint in body.skin.joints where renamed.insert(joint).inserted {
                nodes[joint].name = Self.freeName("\(prefix)_\(nodes[joint].name ?? "joint")", taken: &taken)
            }
        }
    }

    /// `base`, or `base_2`, `base_3`… the first not in `taken` (which it joins).
    private static func freeName(_ base: String, taken: inout Set<String>) -> String {
        var name = base, k = 1
        while taken.contains(name) { k += 1; name = "\(base)_\(k)" }
        taken.insert(name)
        return name
    }
}
