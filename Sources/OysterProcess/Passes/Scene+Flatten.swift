import OysterCore

/// Options for `Scene.flatten`.
public struct FlattenOptions: Hashable, Sendable {
    /// Leave alone meshes that this many nodes or more share, so the instancing pass can
    /// still batch them; nil bakes every static use. Default nil.
    public var keepSharedMeshesUsedAtLeast: Int?

    /// Options with the given shared-mesh threshold.
    public init(keepSharedMeshesUsedAtLeast: Int? = nil) {
        self.keepSharedMeshesUsedAtLeast = keepSharedMeshesUsedAtLeast
    }
}

/// Flattening bakes node world transforms into the geometry of static meshes, so later passes
/// (merge by material, colliders) can treat them in one space.
///
/// A node is baked when neither it nor an ancestor is animated (translation, rotation or
/// scale), it has no skin, no GPU instancing and its world matrix is not already identity.
/// Its mesh is replaced by a world-space copy (shared meshes get one copy per node; unused
/// originals are left for `compact`). A baked leaf node becomes a root with an identity
/// transform, keeping its name; a baked node with children (or a camera, a light, or a
/// joint role) keeps its place and transform for
/// the children, and its geometry moves to a new root node of the same name.
extension Scene {
    /// Bakes world transforms of static mesh nodes into their geometry.
    @discardableResult
    public mutating func flatten(_ options: FlattenOptions = .init()) -> PassReport {
        let world = worldMatrices()
        let moving = movingNodes()
        let parents = parentIndices()
        let uses = meshUseCounts()
        // Nodes moved to the root no longer inherit a role: they take their effective one.
        let roles = effectiveRoles()
        var baked = 0, skipped = 0
        var copies: [Int: Int] = [:]  // mesh used by exactly one baked node → bake in place
        var bakedNodes: [(node: Int, mesh: Int)] = []
        for (i, n) in nodes.enumerated() {
            guard let m = n.mesh, meshes.indices.contains(m) else { continue }
            if moving[i] || n.skin != nil || n.instancing != nil { skipped += 1; continue }
            if let k = options.keepSharedMeshesUsedAtLeast, uses[m] >= k { skipped += 1; continue }
            if world[i] == .identity && parents[i] == nil { continue }
            let newMesh: Int
            if uses[m] == 1 && copies[m] == nil {
                meshes[m] = meshes[m].transformed(by: world[i])
                newMesh = m
                copies[m] = m
            } else {
                meshes.append(meshes[m].transformed(by: world[i]))
                newMesh = meshes.count - 1
            }
            bakedNodes.append((i, newMesh))
            baked += 1
        }
        let joints = jointNodes()
        for (i, newMesh) in bakedNodes {
            let anchor = topAncestor(i, parents: parents)
            let n = nodes[i]
            if n.children.isEmpty && n.camera == nil && n.light == nil && !joints.contains(i) {
                nodes[i].mesh = newMesh
                nodes[i].transform = .identity
                nodes[i].role = roles[i]
                moveToRoot(i, parent: parents[i], sceneAnchor: anchor)
            } else {
                var holder = Node(name: nodes[i].name, mesh: newMesh, role: roles[i])
                holder.weights = nodes[i].weights
                nodes[i].mesh = nil
                nodes[i].weights = nil
                nodes.append(holder)
                moveToRoot(nodes.count - 1, parent: nil, sceneAnchor: anchor)
            }
        }
        return PassReport(name: "flatten", figures: ["nodesBaked": Double(baked), "nodesSkipped": Double(skipped)])
    }
}

extension Mesh {
    func transformed(by matrix: Mat4) -> Mesh {
        var m = self
        m.primitives = primitives.map { $0.transformed(by: matrix) }
        return m
    }
}
