import OysterCore
import OysterJSON
import OysterProcess

// Colliders are made once (OysterProcess `addColliders`), which gives each collider node the
// role `.collider(kind)`; they are named for the target right away, and finished (OMI physics
// shapes, which refer to meshes by index) at the end, when mesh indices are final.

extension Scene {
    /// Nodes that get a collider, by role: ground (terrain, ice, interiors) a simplified
    /// trimesh where the target allows one, ice a convex hull where it does not (a flat sheet's
    /// hull is the sheet), water, weather and characters none, every other static mesh node a convex hull.
    func colliderPlan(allowTrimesh: Bool) -> (hulls: [Int], trimeshes: [Int]) {
        var hulls: [Int] = [], trimeshes: [Int] = []
        let roles = effectiveRoles()
        for (i, n) in nodes.enumerated() {
            guard let m = n.mesh, meshes.indices.contains(m), n.skin == nil, n.instancing == nil else { continue }
            guard meshes[m].primitives.contains(where: { $0.triangleCount > 0 }) else { continue }
            switch roles[i] {
            case .water?, .weather?, .collider?, .lodLevel?, .character?:
                // Characters move: engines give them capsules, not hulls of a pose.
                continue
            case .terrain?, .interior?:
                if allowTrimesh { trimeshes.append(i) }
            case .ice?:
                if allowTrimesh { trimeshes.append(i) } else { hulls.append(i) }
            case .structure?, .vegetation?, .rock?, .prop?, nil:
                hulls.append(i)
            }
        }
        return (hulls, trimeshes)
    }

    /// Adds collider nodes (role `.collider`) for the planned nodes; returns the pass report.
    mutating func addExportColliders(allowTrimesh: Bool) -> PassReport {
        let plan = colliderPlan(allowTrimesh: allowTrimesh)
        var records = addColliders(ColliderOptions(shape: .convexHull), nodes: plan.hulls)
        records += addColliders(ColliderOptions(shape: .trimesh), nodes: plan.trimeshes)
        var notes: [String] = []
        if !allowTrimesh { notes.append("terrain and interiors get no collider (this target's collision meshes must be convex)") }
        return PassReport(name: "colliders", figures: [
            "convexHulls": Double(records.filter { $0.shape != .trimesh }.count),
            "trimeshes": Double(records.filter { $0.shape == .trimesh }.count),
            "colliderMeshes": Double(Set(records.map(\.colliderMesh)).count),
        ], notes: notes)
    }

    /// Collider nodes and their shape class.
    func colliderNodes() -> [(node: Int, kind: NodeRole.CollisionKind)] {
        nodes.indices.compactMap { i in
            guard case .collider(let kind)? = nodes[i].role else { return nil }
            return (i, kind)
        }
    }

    /// Unreal: turns each collider child into a sibling of its render node named
    /// `UCX_<RenderNode>_NN`, with the render node's transform (Unreal's static mesh
    /// importer takes `UCX_` meshes named after a mesh as that mesh's convex collision).
    mutating func nameCollidersForUnreal() {
        let parent = parentIndices()
        var perSource: [Int: Int] = [:]
        for (c, _) in colliderNodes() {
            guard let source = parent[c] else { continue }
            let k = perSource[source, default: 0]
            perSource[source] = k + 1
            let base = nodes[source].name ?? "Mesh"
            nodes[c].name = "UCX_\(base)_" + (k < 10 ? "0\(k)" : "\(k)")
            nodes[c].transform = nodes[source].transform
            nodes[source].children.removeAll { $0 == c }
            if let grand = parent[source] {
                let at = (nodes[grand].children.firstIndex(of: source) ?? nodes[grand].children.count - 1) + 1
                nodes[grand].children.insert(c, at: at)
            } else {
                for r in roots.indices where roots[r].nodes.contains(source) {
                    let at = (roots[r].nodes.firstIndex(of: source) ?? roots[r].nodes.count - 1) + 1
                    roots[r].nodes.insert(c, at: at)
                }
            }
        }
    }

    /// Godot: `<Node>-convcolonly` for hulls, `<Node>-colonly` for trimeshes (Godot 3's scene
    /// importer replaces such mesh nodes by a StaticBody with a CollisionShape).
    /// Other targets: `<Node>_Collider`.
    mutating func nameColliderChildren(godot: Bool) {
        let parent = parentIndices()
        for (c, kind) in colliderNodes() {
            let base = parent[c].flatMap { nodes[$0].name } ?? "Mesh"
            if godot {
                nodes[c].name = base + (kind == .trimesh ? "-colonly" : "-convcolonly")
            } else {
                nodes[c].name = base + "_Collider"
            }
        }
    }

    /// Writes OMI_physics_shape (document level) and OMI_physics_body (collider nodes) when
    /// `omi` is set. `detachMeshes` leaves collider nodes without a mesh (the shape still names
    /// it) so importers that know no collision convention do not draw the hulls. Returns the
    /// number of collider nodes.
    mutating func finishColliders(omi: Bool, detachMeshes: Bool = false) -> Int {
        let colliders = colliderNodes()
        var shapes: [JSONValue] = []
        var shapeOfMesh: [String: Int] = [:]
        for (c, kind) in colliders {
            if omi, let m = nodes[c].mesh {
                let key = "\(kind.rawValue):\(m)"
                let index: Int
                if let s = shapeOfMesh[key] { index = s } else {
                    index = shapes.count
                    shapeOfMesh[key] = index
                    shapes.append(.object(JSONObject([("type", .string(kind.rawValue)),
                                                      (kind.rawValue, .object(JSONObject([("mesh", .int(Int64(m)))])))])))
                }
                nodes[c].extensions["OMI_physics_body"] = .object(JSONObject([("collider", .object(JSONObject([("shape", .int(Int64(index)))])))]))
            }
            if detachMeshes { nodes[c].mesh = nil }
        }
        if omi, !shapes.isEmpty {
            extensions["OMI_physics_shape"] = .object(JSONObject([("shapes", .array(shapes))]))
        }
        return colliders.count
    }
}
