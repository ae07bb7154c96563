import OysterCore

extension Primitive {
    /// A coarse copy by vertex clustering (the idea of meshoptimizer's sloppy simplifier):
    /// every position snaps to the mean of the vertices in its cell of a grid of `cellSize`
    /// (aligned to the primitive's bounds), triangles with two corners in one cell vanish, and
    /// triangles joining the same three cells the same way round are kept once.
    ///
    /// Edge collapse cannot merge separate pieces or cross seams: a canopy of faceted leaf
    /// clumps stops hundreds of triangles short. Clustering merges them into one rough crown,
    /// which is what a tree a few dozen pixels tall needs. Each corner keeps its own normal,
    /// UVs and colour; only positions move. The result's error is the farthest any vertex
    /// moved, relative to the largest side of the bounds (as `simplified` reports it).
    /// Non-triangle primitives and those with morph targets come back unchanged.
    public func clustered(cellSize: Float) -> (Primitive, SimplifyResult) {
        let before = triangleCount
        let unchanged = (self, SimplifyResult(trianglesBefore: before, trianglesAfter: before, error: 0))
        guard isTriangles, targets.isEmpty, before > 0, cellSize.isFinite, cellSize > 0,
              let positions = attributes["POSITION"]?.vec3Array(), !positions.isEmpty else { return unchanged }
        let bounds = localBounds
        let side = max(bounds.size.x, bounds.size.y, bounds.size.z)
        guard side > 0 else { return unchanged }
        // Cells a vertex falls in; a grid over 2^20 cells a side would overflow nothing useful.
        let cells = min(Float(1 << 20), (side / cellSize).rounded(.up))
        let step = side / cells
        var cellOf = [Int](repeating: 0, count: positions.count)
        var index: [SIMD3<Int32>: Int] = [:]
        var sums: [Vec3] = []
        var counts: [Float] = []
        for (v, p) in positions.enumerated() {
            let q = (p - bounds.min) / step
            let key = SIMD3<Int32>(Int32(min(q.x, cells - 1)), Int32(min(q.y, cells - 1)), Int32(min(q.z, cells - 1)))
            let c: Int
            if let known = index[key] { c = known } else {
                c = sums.count
                index[key] = c
                sums.append(.zero)
                counts.append(0)
            }
            cellOf[v] = c
            sums[c] += p
            counts[c] += 1
        }
        let centres = zip(sums, counts).map { $0 / $1 }
        var moved = positions
        var error: Float = 0
        for v in moved.indices {
            moved[v] = centres[cellOf[v]]
            error = max(error, length(moved[v] - positions[v]))
        }

        let corners = triangleIndices()
        var kept: [UInt32] = []
        var seen = Set<SIMD3<Int32>>()
        for t in stride(from: 0, to: corners.count - 2, by: 3) {
            let (a, b, c) = (corners[t], corners[t + 1], corners[t + 2])
            guard Int(max(a, b, c)) < positions.count else { continue }
            let (ca, cb, cc) = (cellOf[Int(a)], cellOf[Int(b)], cellOf[Int(c)])
            guard ca != cb, cb != cc, ca != cc else { continue }
            // The same three cells in the same turning order, whichever corner comes first.
            let key: SIMD3<Int32>
            if ca < cb && ca < cc { key = SIMD3(Int32(ca), Int32(cb), Int32(cc)) }
            else if cb < cc { key = SIMD3(Int32(cb), Int32(cc), Int32(ca)) }
            else { key = SIMD3(Int32(cc), Int32(ca), Int32(cb)) }
            guard seen.insert(key).inserted else { continue }
            kept += [a, b, c]
        }
        var out = self
        out.attributes["POSITION"] = DataArray(vec3: moved)
        out.indices = DataArray(indices: kept)
        out = out.withUnusedVerticesRemoved()
        return (out, SimplifyResult(trianglesBefore: before, trianglesAfter: kept.count / 3, error: error / side))
    }
}
