import OysterCore

extension Primitive {
    /// This primitive cut into tiles on a square grid over its widest two axes, each of about
    /// `triangles` triangles (at most): every triangle goes to the tile its centroid is in, so
    /// neighbouring tiles share the vertices of the edges between them exactly. A renderer
    /// culls and simplifies tiles one by one; simplified with `lockBorder`, tiles still meet.
    /// Returns `[self]` when there is nothing to cut (small, not triangles, morph targets).
    public func tiled(triangles perTile: Int) -> [Primitive] {
        let count = triangleCount
        guard isTriangles, targets.isEmpty, perTile > 0, count > perTile, let positions = attributes["POSITION"] else { return [self] }
        let indices = triangleIndices()
        let n = positions.count
        guard indices.allSatisfy({ Int($0) < n }) else { return [self] }
        let bounds = localBounds
        let size = bounds.size
        // The two widest axes span the grid (terrain: X and Z).
        let axes = [0, 1, 2].sorted { (size[$0], $0) > (size[$1], $1) }.prefix(2)
        let (a, b) = (axes[axes.startIndex], axes[axes.startIndex + 1])
        let side = Int((Double(count) / Double(perTile)).squareRoot().rounded(.up))
        guard side > 1 else { return [self] }
        var cells = [[UInt32]](repeating: [], count: side * side)
        func cell(_ value: Float, _ axis: Int) -> Int {
            let extent = size[axis]
            guard extent > 0 else { return 0 }
            return min(side - 1, max(0, Int((value - bounds.min[axis]) / extent * Float(side))))
        }
        for t in stride(from: 0, to: indices.count, by: 3) {
            let c = (positions.vec3(Int(indices[t])) + positions.vec3(Int(indices[t + 1])) + positions.vec3(Int(indices[t + 2]))) / 3
            cells[cell(c[a], a) * side + cell(c[b], b)] += [indices[t], indices[t + 1], indices[t + 2]]
        }
        return cells.filter { !$0.isEmpty }.map { tile in
            var p = self
            p.mode = .triangles
            p.indices = DataArray(indices: tile)
            return p.withUnusedVerticesRemoved()
        }
    }
}
