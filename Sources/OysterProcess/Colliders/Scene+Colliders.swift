import OysterCore

/// The shape of a collider.
public enum ColliderShape: String, Hashable, Sendable {
    /// Axis-aligned box in the mesh's space.
    case box
    /// The tighter of the axis-aligned and the principal-axes box.
    case orientedBox
    /// Quickhull convex hull with a vertex budget.
    case convexHull
    /// The render mesh simplified (for terrain and other concave static geometry).
    case trimesh
}

/// Options for collider generation.
public struct ColliderOptions: Hashable, Sendable {
    /// The collider kind. Default convex hull.
    public var shape: ColliderShape = .convexHull
    /// Vertex budget of a convex hull; 255 is PhysX's (Unreal's, Unity's) limit. Default 64.
    public var hullMaxVertices = 64
    /// Triangle ratio kept by a trimesh collider. Default 0.25.
    public var trimeshRatio: Float = 0.25
    /// Error limit of the trimesh simplification (fraction of extent). Default 0.01.
    public var trimeshMaxError: Float = 0.01

    /// Options with the given shape, hull budget and trimesh simplification.
    public init(shape: ColliderShape = .convexHull, hullMaxVertices: Int = 64, trimeshRatio: Float = 0.25, trimeshMaxError: Float = 0.01) {
        self.shape = shape
        self.hullMaxVertices = hullMaxVertices
        self.trimeshRatio = trimeshRatio
        self.trimeshMaxError = trimeshMaxError
    }
}

/// A collider node made for a render node.
public struct ColliderRecord: Hashable, Sendable {
    /// The node whose mesh the collider approximates.
    public var sourceNode: Int
    /// The new child node holding the collider mesh.
    public var colliderNode: Int
    /// The collider mesh (shared by nodes drawing the same mesh).
    public var colliderMesh: Int
    /// The shape that was built.
    public var shape: ColliderShape
    /// For box shapes, the box in the source node's space (for parametric shapes such as
    /// OMI_physics_shape `box`: size = 2 × halfExtents, placed at center with these axes).
    public var box: OrientedBox?
}

extension Mesh {
    /// Collider geometry for this mesh in its own space: one triangle primitive (POSITION and
    /// indices only, no material), or nil when the mesh has no triangles.
    public func collider(_ options: ColliderOptions) -> Mesh? {
        var points: [Vec3] = []
        for p in primitives where p.isTriangles {
            if let pos = p.attributes["POSITION"] { points += pos.vec3Array() }
        }
        guard !points.isEmpty else { return nil }
        let vertices: [Vec3], indices: [UInt32]
        switch options.shape {
        case .box:
            (vertices, indices) = OrientedBox(aligned: points).mesh()
        case .orientedBox:
            (vertices, indices) = OrientedBox(points: points).mesh()
        case .convexHull:
            guard let hull = ConvexHull(points: points, maxVertices: options.hullMaxVertices) else { return nil }
            (vertices, indices) = (hull.vertices, hull.indices)
        case .trimesh:
            var prims: [Primitive] = []
            for p in primitives where p.isTriangles && p.attributes["POSITION"] != nil {
                // Only positions matter to physics: dropping attributes lets the simplifier ignore seams.
                var bare = Primitive(attributes: ["POSITION": p.attributes["POSITION"]!.asFloat32()], indices: DataArray(indices: p.triangleIndices()))
                bare = bare.simplified(SimplifyOptions(targetRatio: options.trimeshRatio, maxError: options.trimeshMaxError)).0
                prims.append(bare)
            }
            guard !prims.isEmpty else { return nil }
            let merged = prims.count == 1 ? prims[0] : Scene.concatenate(prims)
            return Mesh(name: name.map { "\($0)_collider" }, primitives: [merged])
        }
        let prim = Primitive(attributes: ["POSITION": DataArray(vec3: vertices)], indices: DataArray(indices: indices))
        return Mesh(name: name.map { "\($0)_collider" }, primitives: [prim])
    }
}

extension Scene {
    /// Adds a collider for each listed node (default: every node with a mesh, no skin and no
    /// instancing): a new child node with an identity transform, no name, and a collider mesh
    /// appended to `meshes`. Meshes shared by several nodes share one collider mesh. Naming
    /// (`-col`, `UCX_<Mesh>_NN`, OMI_physics_shape) is the export target's job.
    public mutating func addColliders(_ options: ColliderOptions, nodes selected: [Int]? = nil) -> [ColliderRecord] {
        let targets = selected ?? nodes.indices.filter { nodes[$0].mesh != nil && nodes[$0].skin == nil && nodes[$0].instancing == nil }
        var colliderOf: [Int: (mesh: Int, box: OrientedBox?)] = [:]
        var records: [ColliderRecord] = []
        for n in targets where nodes.indices.contains(n) {
            guard let m = nodes[n].mesh, meshes.indices.contains(m) else { continue }
            let c: (mesh: Int, box: OrientedBox?)
            if let existing = colliderOf[m] { c = existing } else {
                guard let mesh = meshes[m].collider(options) else { continue }
                meshes.append(mesh)
                c = (meshes.count - 1, Self.colliderBox(meshes[m], options.shape))
                colliderOf[m] = c
            }
            nodes.append(Node(mesh: c.mesh, role: .collider(options.shape == .trimesh ? .trimesh : .convex)))
            nodes[n].children.append(nodes.count - 1)
            records.append(ColliderRecord(sourceNode: n, colliderNode: nodes.count - 1, colliderMesh: c.mesh, shape: options.shape, box: c.box))
        }
        return records
    }

    private static func colliderBox(_ mesh: Mesh, _ shape: ColliderShape) -> OrientedBox? {
        guard shape == .box || shape == .orientedBox else { return nil }
        let points = mesh.primitives.filter(\.isTriangles).flatMap { $0.attributes["POSITION"]?.vec3Array() ?? [] }
        return shape == .box ? OrientedBox(aligned: points) : OrientedBox(points: points)
    }
}

extension Scene {
    /// Joins the collider nodes of `records` into one world-space static collider node at the
    /// root (one extra draw call instead of one per prop), for targets that build a single
    /// concave static body from a mesh (Godot's `-colonly`). Box and hull records lose their
    /// convexity as a whole, so use it for static scenery, not for convex shapes per body.
    /// The old collider nodes are detached (their meshes are left for `compact`); returns the
    /// new node, or nil when there was nothing to join.
    public mutating func mergeColliderNodes(_ records: [ColliderRecord], name: String? = nil) -> Int? {
        let world = worldMatrices()
        let parents = parentIndices()
        var prims: [Primitive] = []
        var anchors: [Int] = []
        for r in records where nodes.indices.contains(r.colliderNode) {
            guard let m = nodes[r.colliderNode].mesh, meshes.indices.contains(m) else { continue }
            for p in meshes[m].primitives where p.isTriangles && p.attributes["POSITION"] != nil {
                let bare = Primitive(attributes: ["POSITION": p.attributes["POSITION"]!.asFloat32()], indices: DataArray(indices: p.triangleIndices()))
                prims.append(bare.transformed(by: world[r.colliderNode]))
            }
            anchors.append(topAncestor(r.colliderNode, parents: parents))
        }
        guard !prims.isEmpty else { return nil }
        for r in records where nodes.indices.contains(r.colliderNode) {
            if let p = parents[r.colliderNode] { nodes[p].children.removeAll { $0 == r.colliderNode } }
            nodes[r.colliderNode].mesh = nil
        }
        meshes.append(Mesh(name: name, primitives: [prims.count == 1 ? prims[0] : Self.concatenate(prims)]))
        nodes.append(Node(name: name, mesh: meshes.count - 1))
        let node = nodes.count - 1
        for r in roots.indices where anchors.contains(where: { roots[r].nodes.contains($0) }) { roots[r].nodes.append(node) }
        return node
    }
}
