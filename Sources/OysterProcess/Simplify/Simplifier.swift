import OysterCore

/// Quadric-error edge-collapse simplification of an indexed triangle list (Garland–Heckbert),
/// in the style of meshoptimizer's `simplify`: vertices collapse onto a neighbour (so every
/// output vertex is an input vertex and attributes stay exact), in passes that take the
/// cheapest non-overlapping collapses first.
///
/// Vertices with the same position are one logical vertex with several *wedges* (attribute
/// variants across UV/normal seams). Each logical vertex is classified once:
/// - manifold: one wedge, no open edge — may collapse along any edge;
/// - border: exactly two open edges — may only slide along an open edge (or is locked with
///   `lockBorder`), so mesh borders do not tear;
/// - seam: two wedges, exactly two seam edges — may only slide along the seam, every wedge
///   onto the matching wedge, so UV islands do not tear;
/// - locked: anything else (non-manifold, corners of three islands, border crossing a seam).
/// Borders and seams also get strongly weighted perpendicular edge planes in their quadrics so
/// they keep their shape. Collapses that would flip a triangle are rejected.
struct Simplifier {
    enum Kind: UInt8 { case manifold, border, seam, locked }

    static let edgeWeight = 10.0

    /// Indices of the simplified mesh (referencing the input vertices) and the largest
    /// collapse error, relative to the mesh extent.
    static func simplify(positions: [Vec3], indices: [UInt32], targetTriangles: Int, maxError: Float,
                         lockBorder: Bool) -> (indices: [UInt32], error: Float) {
        let vertexCount = positions.count
        guard indices.count >= 3, indices.allSatisfy({ Int($0) < vertexCount }) else { return (indices, 0) }
        var tris = indices.map { Int32($0) }
        tris.removeLast(tris.count % 3)

        // MARK: Logical vertices (groups) and wedges
        var groupOfPosition: [Vec3: Int32] = [:]
        var group = [Int32](repeating: 0, count: vertexCount)
        var groupPos: [SIMD3<Double>] = []
        var wedgeCount: [Int32] = []
        for v in 0..<vertexCount {
            let p = positions[v]
            if let g = groupOfPosition[p] { group[v] = g; wedgeCount[Int(g)] += 1 } else {
                let g = Int32(groupPos.count)
                groupOfPosition[p] = g
                group[v] = g
                groupPos.append(SIMD3<Double>(Double(p.x), Double(p.y), Double(p.z)))
                wedgeCount.append(1)
            }
        }
        let groupCount = groupPos.count
        var lo = SIMD3<Double>(repeating: .infinity), hi = SIMD3<Double>(repeating: -.infinity)
        for p in groupPos { lo = pointwiseMin(lo, p); hi = pointwiseMax(hi, p) }
        let extent = max(hi.x - lo.x, hi.y - lo.y, hi.z - lo.z, 1e-30)
        let errorLimit = Double(maxError) * extent
        let errorLimitSq = errorLimit * errorLimit

        // MARK: Classification and quadrics
        var kind = [Kind](repeating: .manifold, count: groupCount)
        var quadric = [Quadric](repeating: Quadric(), count: groupCount)
        classify(tris: tris, group: group, groupPos: groupPos, wedgeCount: wedgeCount, lockBorder: lockBorder,
                 kind: &kind, quadric: &quadric)

        // MARK: Collapse passes
        var remap = [Int32](0..<Int32(vertexCount))
        var triangleCount = tris.count / 3
        var worstError = 0.0
        var adjacencyOffsets = [Int32](repeating: 0, count: groupCount + 1)
        var adjacency = [Int32]()
        var locked = [Bool](repeating: false, count: groupCount)
        var candidates: [Candidate] = []

        while triangleCount > targetTriangles {
            buildAdjacency(tris: tris, group: group, groupCount: groupCount, offsets: &adjacencyOffsets, list: &adjacency)
            candidates.removeAll(keepingCapacity: true)
            // One candidate per edge (its cheaper direction): interior edges are seen from both
            // triangles, so only the a < b occurrence counts unless an end is on a border.
            for t in stride(from: 0, to: tris.count, by: 3) {
                for k in 0..<3 {
                    let a = Int(group[Int(tris[t + k])]), b = Int(group[Int(tris[t + (k + 1) % 3])])
                    guard a != b, a < b || kind[a] == .border || kind[b] == .border else { continue }
                    let ea = kind[a] != .locked ? quadric[a].error(groupPos[b]) : .infinity
                    let eb = kind[b] != .locked ? quadric[b].error(groupPos[a]) : .infinity
                    if ea <= eb {
                        if ea <= errorLimitSq { candidates.append(Candidate(cost: ea, from: Int32(a), to: Int32(b))) }
                        if eb <= errorLimitSq && (kind[a] == .border || kind[a] == .seam) {
                            // The cheaper direction may be illegal for borders/seams; keep the other.
                            candidates.append(Candidate(cost: eb, from: Int32(b), to: Int32(a)))
                        }
                    } else {
                        if eb <= errorLimitSq { candidates.append(Candidate(cost: eb, from: Int32(b), to: Int32(a))) }
                        if ea <= errorLimitSq && (kind[b] == .border || kind[b] == .seam) {
                            candidates.append(Candidate(cost: ea, from: Int32(a), to: Int32(b)))
                        }
                    }
                }
            }
            guard !candidates.isEmpty else { break }
            // Sort by (cost, position) through packed integer keys: non-negative Float bit
            // patterns order like the values, and the index breaks ties deterministically.
            var keys = [UInt64](repeating: 0, count: candidates.count)
            for (i, c) in candidates.enumerated() { keys[i] = UInt64(Float(c.cost).bitPattern) << 32 | UInt64(i) }
            keys.sort()
            for i in locked.indices { locked[i] = false }
            let goal = triangleCount - targetTriangles
            var removed = 0, collapses = 0
            var wedgeMap: [(Int32, Int32)] = []
            for key in keys {
                let c = candidates[Int(key & 0xFFFF_FFFF)]
                if removed >= goal { break }
                let u = Int(c.from), v = Int(c.to)
                if locked[u] || locked[v] { continue }
                guard let shared = collapseCheck(u: u, v: v, tris: tris, group: group, kind: kind, groupPos: groupPos,
                                                 offsets: adjacencyOffsets, list: adjacency, wedgeMap: &wedgeMap) else { continue }
                for (from, to) in wedgeMap { remap[Int(from)] = to }
                quadric[v] += quadric[u]
                worstError = max(worstError, c.cost)
                removed += shared
                collapses += 1
                // Lock the one-ring: its triangles change, so later checks this pass would be stale.
                for j in Int(adjacencyOffsets[u])..<Int(adjacencyOffsets[u + 1]) {
                    let t = Int(adjacency[j]) * 3
                    for k in 0..<3 { locked[Int(group[Int(tris[t + k])])] = true }
                }
                locked[u] = true
                locked[v] = true
            }
            guard collapses > 0 else { break }
            // Rewrite triangles; drop those that lost an edge.
            var write = 0
            for t in stride(from: 0, to: tris.count, by: 3) {
                let a = resolve(remap, tris[t]), b = resolve(remap, tris[t + 1]), c = resolve(remap, tris[t + 2])
                let ga = group[Int(a)], gb = group[Int(b)], gc = group[Int(c)]
                if ga == gb || gb == gc || ga == gc { continue }
                tris[write] = a; tris[write + 1] = b; tris[write + 2] = c
                write += 3
            }
            tris.removeLast(tris.count - write)
            triangleCount = write / 3
        }
        let relative = Float((worstError.squareRoot()) / extent)
        return (tris.map { UInt32($0) }, relative)
    }

    struct Candidate: Comparable {
        var cost: Double
        var from: Int32
        var to: Int32
        static func < (a: Candidate, b: Candidate) -> Bool {
            a.cost != b.cost ? a.cost < b.cost : (a.from != b.from ? a.from < b.from : a.to < b.to)
        }
    }

    @inline(__always)
    static func resolve(_ remap: [Int32], _ v: Int32) -> Int32 {
        var x = v
        while remap[Int(x)] != x { x = remap[Int(x)] }
        return x
    }

    // MARK: - Classification

    private static func classify(tris: [Int32], group: [Int32], groupPos: [SIMD3<Double>], wedgeCount: [Int32], lockBorder: Bool,
                                 kind: inout [Kind], quadric: inout [Quadric]) {
        struct EdgeInfo { var count: Int32; var wa: Int32; var wb: Int32; var seam: Bool; var sameDirection: Bool; var tri: Int32 }
        var edges: [UInt64: EdgeInfo] = [:]
        edges.reserveCapacity(tris.count)
        let n = groupPos.count
        for t in stride(from: 0, to: tris.count, by: 3) {
            let ga = Int(group[Int(tris[t])]), gb = Int(group[Int(tris[t + 1])]), gc = Int(group[Int(tris[t + 2])])
            // Face plane quadric weighted by area.
            let pa = groupPos[ga], pb = groupPos[gb], pc = groupPos[gc]
            let cr = crossD(pb - pa, pc - pa)
            let len = (cr * cr).sum().squareRoot()
            if len > 0 {
                let nrm = cr / len
                let q = Quadric(plane: nrm, d: -(nrm * pa).sum(), weight: len * 0.5)
                quadric[ga] += q; quadric[gb] += q; quadric[gc] += q
            }
            for k in 0..<3 {
                let va = tris[t + k], vb = tris[t + (k + 1) % 3]
                let a = group[Int(va)], b = group[Int(vb)]
                guard a != b else { continue }
                let key = a < b ? UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) : UInt64(UInt32(b)) << 32 | UInt64(UInt32(a))
                let (wa, wb) = a < b ? (va, vb) : (vb, va)
                if var e = edges[key] {
                    e.count += 1
                    if e.wa != wa || e.wb != wb { e.seam = true }
                    // Two triangles using the edge in the same direction: inconsistent winding.
                    if (a < b) == (e.tri >= 0) { e.sameDirection = true }
                    edges[key] = e
                } else {
                    edges[key] = EdgeInfo(count: 1, wa: wa, wb: wb, seam: false, sameDirection: false, tri: a < b ? Int32(t / 3) : -1 - Int32(t / 3))
                }
            }
        }
        var borderEdges = [Int32](repeating: 0, count: n), seamEdges = [Int32](repeating: 0, count: n)
        var complex = [Bool](repeating: false, count: n)
        // Edges visited in triangle order (first occurrence) keep summation order deterministic.
        for t0 in stride(from: 0, to: tris.count, by: 3) {
            for k0 in 0..<3 {
                let ga0 = group[Int(tris[t0 + k0])], gb0 = group[Int(tris[t0 + (k0 + 1) % 3])]
                guard ga0 != gb0 else { continue }
                let key = ga0 < gb0 ? UInt64(UInt32(ga0)) << 32 | UInt64(UInt32(gb0)) : UInt64(UInt32(gb0)) << 32 | UInt64(UInt32(ga0))
                guard let e = edges[key], Int(e.tri >= 0 ? e.tri : -1 - e.tri) == t0 / 3, e.count > 0 else { continue }
                edges[key]?.count = -e.count  // mark visited
                let a = Int(key >> 32), b = Int(key & 0xFFFF_FFFF)
                if e.count > 2 || e.sameDirection { complex[a] = true; complex[b] = true; continue }
                let isBorder = e.count == 1
                if isBorder { borderEdges[a] += 1; borderEdges[b] += 1 }
                if e.seam { seamEdges[a] += 1; seamEdges[b] += 1 }
                guard isBorder || e.seam else { continue }
                // A plane through the edge, perpendicular to its (first) face, keeps the edge in place.
                let t = Int(e.tri >= 0 ? e.tri : -1 - e.tri) * 3
                let p0 = groupPos[Int(group[Int(tris[t])])], p1 = groupPos[Int(group[Int(tris[t + 1])])], p2 = groupPos[Int(group[Int(tris[t + 2])])]
                let faceN = crossD(p1 - p0, p2 - p0)
                let dir = groupPos[b] - groupPos[a]
                let perp = crossD(dir, faceN)
                let pl = (perp * perp).sum().squareRoot()
                guard pl > 0 else { continue }
                let nrm = perp / pl
                let weight = (dir * dir).sum() * edgeWeight
                let q = Quadric(plane: nrm, d: -(nrm * groupPos[a]).sum(), weight: weight)
                quadric[a] += q
                quadric[b] += q
            }
        }
        for g in 0..<n {
            let border = borderEdges[g], seam = seamEdges[g], wedges = wedgeCount[g]
            if complex[g] { kind[g] = .locked; continue }
            if border == 0 && seam == 0 { kind[g] = wedges == 1 ? .manifold : .locked; continue }
            if border == 2 && seam == 0 && wedges == 1 { kind[g] = lockBorder ? .locked : .border; continue }
            if seam == 2 && border == 0 && wedges == 2 { kind[g] = .seam; continue }
            kind[g] = .locked
        }
    }

    @inline(__always)
    static func crossD(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    // MARK: - Adjacency

    private static func buildAdjacency(tris: [Int32], group: [Int32], groupCount: Int, offsets: inout [Int32], list: inout [Int32]) {
        for i in offsets.indices { offsets[i] = 0 }
        for v in tris { offsets[Int(group[Int(v)]) + 1] += 1 }
        for g in 0..<groupCount { offsets[g + 1] += offsets[g] }
        list = [Int32](repeating: 0, count: tris.count)
        var fill = offsets
        for (i, v) in tris.enumerated() {
            let g = Int(group[Int(v)])
            list[Int(fill[g])] = Int32(i / 3)
            fill[g] += 1
        }
    }

    // MARK: - Collapse validity

    /// Checks collapsing logical vertex `u` onto `v`: edge kind rules, wedge correspondence and
    /// triangle flips. Returns the number of triangles removed and fills `wedgeMap`, or nil.
    private static func collapseCheck(u: Int, v: Int, tris: [Int32], group: [Int32], kind: [Kind], groupPos: [SIMD3<Double>],
                                      offsets: [Int32], list: [Int32], wedgeMap: inout [(Int32, Int32)]) -> Int? {
        wedgeMap.removeAll(keepingCapacity: true)
        let begin = Int(offsets[u]), end = Int(offsets[u + 1])
        var shared = 0
        var sharedWedges: [(uw: Int32, vw: Int32)] = []
        for j in begin..<end {
            let t = Int(list[j]) * 3
            var uw: Int32 = -1, vw: Int32 = -1
            for k in 0..<3 {
                let w = tris[t + k], g = Int(group[Int(w)])
                if g == u { uw = w } else if g == v { vw = w }
            }
            if vw >= 0 {
                shared += 1
                sharedWedges.append((uw, vw))
            }
        }
        guard shared > 0, shared <= 2 else { return nil }
        switch kind[u] {
        case .locked: return nil
        case .manifold: break
        case .border: guard shared == 1 else { return nil }
        case .seam:
            guard shared == 2, sharedWedges[0].uw != sharedWedges[1].uw || sharedWedges[0].vw != sharedWedges[1].vw else { return nil }
        }
        // Each wedge of u maps to the wedge of v it shares a triangle with.
        for (uw, vw) in sharedWedges {
            if let existing = wedgeMap.first(where: { $0.0 == uw }) {
                guard existing.1 == vw else { return nil }
            } else {
                wedgeMap.append((uw, vw))
            }
        }
        // Every wedge of u must be mapped (all of u's triangles' corners).
        for j in begin..<end {
            let t = Int(list[j]) * 3
            for k in 0..<3 {
                let w = tris[t + k]
                if Int(group[Int(w)]) == u && !wedgeMap.contains(where: { $0.0 == w }) { return nil }
            }
        }
        // No remaining triangle around u may flip.
        let pv = groupPos[v]
        for j in begin..<end {
            let t = Int(list[j]) * 3
            let g0 = Int(group[Int(tris[t])]), g1 = Int(group[Int(tris[t + 1])]), g2 = Int(group[Int(tris[t + 2])])
            if g0 == v || g1 == v || g2 == v { continue }
            let p0 = groupPos[g0], p1 = groupPos[g1], p2 = groupPos[g2]
            let before = crossD(p1 - p0, p2 - p0)
            let q0 = g0 == u ? pv : p0, q1 = g1 == u ? pv : p1, q2 = g2 == u ? pv : p2
            let after = crossD(q1 - q0, q2 - q0)
            let d = (before * after).sum()
            if d <= 0 { return nil }
        }
        return shared
    }
}
