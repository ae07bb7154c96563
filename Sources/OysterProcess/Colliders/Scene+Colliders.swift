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
    public var shape: ColliderShape = .convexHull
    /// Vertex budget of a convex hull; 255 is PhysX's (Unreal's, Unity's) limit. Default 64.
    public var hullMaxVertices = 64
    /// Triangle ratio kept by a trimesh collider. Default 0.25.
    public var trimeshRatio: Float = 0.25
    /// Error limit of the trimesh simplification (fraction of extent). Default 0.01.
    public var trimeshMaxError: Float = 0.01

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
    public var colliderMesh: Int
    public var shape: ColliderShape
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
        var colliderOf: [Int: Int] = [:]
        var records: [ColliderRecord] = []
        for n in targets where nodes.indices.contains(n) {
            guard let m = nodes[n].mesh, meshes.indices.contains(m) else { continue }
            let c: Int
            if let existing = colliderOf[m] { c = existing } else {
                guard let mesh = meshes[m].collider(options) else { continue }
                meshes.append(mesh)
                c = meshes.count - 1
                colliderOf[m] = c
            }
            nodes.append(Node(mesh: c))
            nodes[n].children.append(nodes.count - 1)
            records.append(ColliderRecord(sourceNode: n, colliderNode: nodes.count - 1, colliderMesh: c, shape: options.shape))
        }
        return records
    }
}
