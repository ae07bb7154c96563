import OysterCore

/// Options for `Scene.addLODChains`.
public struct LODOptions: Hashable, Sendable {
    /// Triangle ratio of each level after LOD0, relative to LOD0. Default [0.5, 0.25]
    /// (LOD1 ≈ 50 %, LOD2 ≈ 25 %).
    public var ratios: [Float] = [0.5, 0.25]
    /// Error limit per level as a fraction of the mesh extent; a level that cannot get close
    /// to its ratio within it stops where it is. Default 0.02.
    public var maxError: Float = 0.02
    /// Keep open borders exactly (see `SimplifyOptions.lockBorder`). Default false.
    public var lockBorder = false
    /// Meshes with fewer triangles than this get no chain. Default 64.
    public var minTriangles = 64

    /// Options with the given levels, error limit, border policy and size threshold.
    public init(ratios: [Float] = [0.5, 0.25], maxError: Float = 0.02, lockBorder: Bool = false, minTriangles: Int = 64) {
        self.ratios = ratios
        self.maxError = maxError
        self.lockBorder = lockBorder
        self.minTriangles = minTriangles
    }
}

/// The LOD meshes made for one mesh.
public struct LODChain: Hashable, Sendable {
    /// The original (LOD0) mesh index.
    public var mesh: Int
    /// Mesh indices of LOD1, LOD2, … (appended to `Scene.meshes`).
    public var levels: [Int]
    /// Triangles of LOD0, LOD1, …
    public var triangles: [Int]
}

extension Scene {
    /// Builds a chain of simplified meshes for every mesh with at least `minTriangles`
    /// triangles; levels are appended to `meshes` and nothing references them yet (the export
    /// tool decides how a target wants LODs: `_LOD<n>` nodes, MSFT_lod, …). A level that
    /// would not drop at least 10 % more triangles than the previous one ends the chain.
    public mutating func addLODChains(_ options: LODOptions = .init()) -> [LODChain] {
        // Levels of every mesh are built in parallel (each from its own LOD0), then appended in
        // mesh order so indices do not depend on scheduling.
        let base = meshes
        let levelsPerMesh: [[Mesh]] = Parallel.map(Array(base.indices)) { m -> [Mesh] in
            let mesh = base[m]
            let tris0 = mesh.primitives.reduce(0) { $0 + $1.triangleCount }
            guard tris0 >= options.minTriangles else { return [] }
            var levels: [Mesh] = []
            var last = tris0
            for ratio in options.ratios {
                var level = mesh
                level.name = mesh.name.map { "\($0)_LOD\(levels.count + 1)" }
                level.primitives = mesh.primitives.map {
                    $0.simplified(SimplifyOptions(targetRatio: ratio, maxError: options.maxError, lockBorder: options.lockBorder)).0
                }
                let tris = level.primitives.reduce(0) { $0 + $1.triangleCount }
                guard tris > 0, Double(tris) <= Double(last) * 0.9 else { break }
                levels.append(level)
                last = tris
            }
            return levels
        }
        var chains: [LODChain] = []
        for (m, levels) in levelsPerMesh.enumerated() where !levels.isEmpty {
            var chain = LODChain(mesh: m, levels: [], triangles: [base[m].primitives.reduce(0) { $0 + $1.triangleCount }])
            for level in levels {
                meshes.append(level)
                chain.levels.append(meshes.count - 1)
                chain.triangles.append(level.primitives.reduce(0) { $0 + $1.triangleCount })
            }
            chains.append(chain)
        }
        return chains
    }
}

/// The nodes made for one LOD group by `attachLODNodes`.
public struct LODNodeGroup: Hashable, Sendable {
    /// The node that drew LOD0 and now parents the levels.
    public var parent: Int
    /// Child nodes for LOD0, LOD1, … in order.
    public var levels: [Int]
}

extension Scene {
    /// Replaces each node drawing a chained mesh by a parent with one child per level, named
    /// `name(node name, level)` — by default `<Name>_LOD<n>`, the suffix Unity's importer groups
    /// into a LODGroup. A skinned node's levels keep its skin (the simplifier keeps input
    /// vertices, joints and weights included, so each level deforms as the body does; they
    /// hang untransformed under the untransformed body node, as glTF wants skinned meshes).
    /// Instanced nodes are left alone.
    public mutating func attachLODNodes(_ chains: [LODChain], name: (String, Int) -> String = { "\($0)_LOD\($1)" }) -> [LODNodeGroup] {
        var chainOf: [Int: LODChain] = [:]
        for c in chains { chainOf[c.mesh] = c }
        var groups: [LODNodeGroup] = []
        for i in nodes.indices {
            guard let m = nodes[i].mesh, let chain = chainOf[m], nodes[i].instancing == nil else { continue }
            let base = nodes[i].name ?? meshes[m].name ?? "Node\(i)"
            var levels: [Int] = []
            for (k, mesh) in ([m] + chain.levels).enumerated() {
                // Level 0 draws what the node drew and inherits its role; reduced levels are marked.
                var child = Node(name: name(base, k), mesh: mesh, role: k == 0 ? nil : .lodLevel(k))
                child.weights = nodes[i].weights
                child.skin = nodes[i].skin
                nodes.append(child)
                levels.append(nodes.count - 1)
            }
            nodes[i].mesh = nil
            nodes[i].weights = nil
            nodes[i].skin = nil
            nodes[i].children += levels
            groups.append(LODNodeGroup(parent: i, levels: levels))
        }
        return groups
    }
}
