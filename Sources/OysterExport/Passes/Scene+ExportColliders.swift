import OysterCore
import OysterJSON
import OysterProcess

// Colliders are made once (OysterProcess `addColliders`), marked with an `extras` key while the
// scene is still being processed, and named for the target at the end, when mesh indices are
// final (OMI_physics_shape refers to meshes by index).

/// The `extras` key marking a collider node until `finishColliders` names it.
let colliderMarker = "oysterCollider"

extension Scene {
    /// Nodes that get a collider and its shape: terrain-like names get a simplified trimesh
    /// (`allowTrimesh`), water gets none, every other static mesh node a convex hull.
    func colliderPlan(allowTrimesh: Bool) -> (hulls: [Int], trimeshes: [Int]) {
        var hulls: [Int] = [], trimeshes: [Int] = []
        for (i, n) in nodes.enumerated() {
            guard let m = n.mesh, meshes.indices.contains(m), n.skin == nil, n.instancing == nil else { continue }
            guard meshes[m].primitives.contains(where: { $0.triangleCount > 0 }) else { continue }
            let name = (n.name ?? meshes[m].name ?? "").lowercased()
            if ["water", "lake", "river", "sea", "ocean", "pond"].contains(where: name.contains) { continue }
            if ["terrain", "ground", "landscape", "floor", "road"].contains(where: name.contains) {
                if allowTrimesh { trimeshes.append(i) }
            } else {
                hulls.append(i)
            }
        }
        return (hulls, trimeshes)
    }

    /// Adds marked collider nodes for the planned nodes; returns the pass report.
    mutating func addExportColliders(allowTrimesh: Bool) -> PassReport {
        let plan = colliderPlan(allowTrimesh: allowTrimesh)
        var records = addColliders(ColliderOptions(shape: .convexHull), nodes: plan.hulls)
        records += addColliders(ColliderOptions(shape: .trimesh), nodes: plan.trimeshes)
        for r in records {
            nodes[r.colliderNode].extras = .object(JSONObject([(colliderMarker, .string(r.shape == .trimesh ? "trimesh" : "convex"))]))
        }
        var notes: [String] = []
        if !allowTrimesh { notes.append("terrain-like nodes get no collider (this target's collision meshes must be convex)") }
        return PassReport(name: "colliders", figures: [
            "convexHulls": Double(records.filter { $0.shape != .trimesh }.count),
            "trimeshes": Double(records.filter { $0.shape == .trimesh }.count),
            "colliderMeshes": Double(Set(records.map(\.colliderMesh)).count),
        ], notes: notes)
    }

    /// Each collider node's parent (nil for roots).
    func parents() -> [Int?] {
        var parent = [Int?](repeating: nil, count: nodes.count)
        for (i, n) in nodes.enumerated() { for c in n.children where nodes.indices.contains(c) { parent[c] = i } }
        return parent
    }

    /// Marked collider nodes and their kind (`convex` or `trimesh`).
    func markedColliders() -> [(node: Int, kind: String)] {
        nodes.indices.compactMap { i in
            guard let kind = nodes[i].extras?[colliderMarker]?.stringValue else { return nil }
            return (i, kind)
        }
    }

    /// Unreal: turns each collider child into a sibling of its render node named
    /// `UCX_<RenderNode>_NN`, with the render node's transform (Unreal's static mesh
    /// importer takes `UCX_` meshes named after a mesh as that mesh's convex collision).
    mutating func nameCollidersForUnreal() {
        let parent = parents()
        var perSource: [Int: Int] = [:]
        for (c, _) in markedColliders() {
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
        let parent = parents()
        for (c, kind) in markedColliders() {
            let base = parent[c].flatMap { nodes[$0].name } ?? "Mesh"
            if godot {
                nodes[c].name = base + (kind == "trimesh" ? "-colonly" : "-convcolonly")
            } else {
                nodes[c].name = base + "_Collider"
            }
        }
    }

    /// Writes OMI_physics_shape (document level) and OMI_physics_body (collider nodes) for
    /// the marked colliders when `omi` is set, then removes the markers. `detachMeshes` leaves
    /// collider nodes without a mesh (the shape still names it) so importers that know no
    /// collision convention do not draw the hulls.
    mutating func finishColliders(omi: Bool, detachMeshes: Bool = false) -> Int {
        let marked = markedColliders()
        var shapes: [JSONValue] = []
        var shapeOfMesh: [String: Int] = [:]
        for (c, kind) in marked {
            if omi, let m = nodes[c].mesh {
                let key = "\(kind):\(m)"
                let index: Int
                if let s = shapeOfMesh[key] { index = s } else {
                    index = shapes.count
                    shapeOfMesh[key] = index
                    shapes.append(.object(JSONObject([("type", .string(kind)), (kind, .object(JSONObject([("mesh", .int(Int64(m)))])))])))
                }
                nodes[c].extensions["OMI_physics_body"] = .object(JSONObject([("collider", .object(JSONObject([("shape", .int(Int64(index)))])))]))
            }
            nodes[c].extras = nil
            if detachMeshes { nodes[c].mesh = nil }
        }
        if omi, !shapes.isEmpty {
            extensions["OMI_physics_shape"] = .object(JSONObject([("shapes", .array(shapes))]))
        }
        return marked.count
    }
}
