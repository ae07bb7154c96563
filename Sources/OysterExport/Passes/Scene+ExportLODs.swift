import OysterCore
import OysterProcess

extension Scene {
    /// LOD chains for every render mesh (colliders excluded), attached as `<Name>_LOD<n>` nodes;
    /// reduced levels get the role `.lodLevel(n)`.
    mutating func addExportLODs(ratios: [Float]) -> PassReport {
        let colliderMeshes = Set(colliderNodes().compactMap { nodes[$0.node].mesh })
        let chains = addLODChains(LODOptions(ratios: ratios, maxError: Self.lodMaxError)).filter { !colliderMeshes.contains($0.mesh) }
        let groups = attachLODNodes(chains)
        var levelTriangles = [Double](repeating: 0, count: ratios.count + 1)
        for c in chains { for (k, t) in c.triangles.enumerated() where k < levelTriangles.count { levelTriangles[k] += Double(t) } }
        var figures: [String: Double] = ["chains": Double(chains.count), "groups": Double(groups.count)]
        for (k, t) in levelTriangles.enumerated() { figures["trianglesLOD\(k)"] = t }
        return PassReport(name: "lod", figures: figures)
    }

    /// LOD error limit as a fraction of the mesh extent: 5 % (levels are seen from afar; the
    /// pass default of 2 % stops most organic meshes well above 50 %).
    static let lodMaxError: Float = 0.05

    /// Draw calls and triangles drawn at once: colliders and reduced LOD levels left out.
    func renderedFigures() -> (drawCalls: Int, triangles: Int) {
        var drawCalls = 0, triangles = 0
        for n in nodes {
            guard let m = n.mesh, meshes.indices.contains(m) else { continue }
            if let role = n.role, !role.describesWorld { continue }
            let instances = n.instancing?.values.first?.count ?? 1
            for p in meshes[m].primitives {
                drawCalls += 1
                triangles += p.triangleCount * instances
            }
        }
        return (drawCalls, triangles)
    }
}
