import OysterCore

/// A convex hull as a closed triangle mesh with outward (counter-clockwise) winding.
public struct ConvexHull: Hashable, Sendable {
    /// Hull vertices (a subset of the input points, or box corners for degenerate input).
    public var vertices: [Vec3]
    /// Triangle list into `vertices`.
    public var indices: [UInt32]

    /// Builds the hull of `points` with Quickhull (Barber, Dobkin & Huhdanpaa 1996) in Double,
    /// with a distance tolerance scaled to the input's size.
    ///
    /// `maxVertices` (≥ 4) caps the hull's vertices: expansion stops once the hull has that
    /// many, taking the farthest remaining point each step, so a capped hull is an inner
    /// approximation (points may lie outside by at most `outsideDistance`). Degenerate input
    /// (all points on a plane, a line or one point) gives a thin box around the points
    /// `thickness` thick (default 1e-3 of the extent, at least 1e-6) instead of failing. Nil
    /// only for no finite points.
    public init?(points: [Vec3], maxVertices: Int = Int.max, thickness: Float? = nil) {
        let pts = points.filter { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
        guard !pts.isEmpty else { return nil }
        // The hull is built in the points' principal frame scaled to unit extents: an affine map
        // keeps the hull's combinatorics, and thin inputs (flat terrain, walls) become
        // well-conditioned instead of slivers the tolerance cannot resolve.
        let frame = OrientedBox(principal: pts)
        let h = frame.halfExtents, big = max(h.x, h.y, h.z)
        var builder: QuickhullBuilder?
        if big > 0, min(h.x, h.y, h.z) > big * 1e-5 {
            let c = frame.center, (e0, e1, e2) = frame.axes
            builder = QuickhullBuilder(points: pts.map { p in
                let d = p - c
                return SIMD3<Double>(Double(dot(d, e0)) / Double(h.x), Double(dot(d, e1)) / Double(h.y), Double(dot(d, e2)) / Double(h.z))
            })
        }
        if var b = builder, b.build(maxVertices: max(4, maxVertices)) {
            let (used, idx) = b.meshIndices()
            vertices = used.map { pts[$0] }
            indices = idx
        } else {
            // Degenerate: a thin oriented box around the points.
            let box = OrientedBox(points: pts)
            var b = box
            let minThick = max(box.halfExtents.max() * 2 * 1e-3, 1e-6)
            let t = thickness ?? minThick
            b.halfExtents = pointwiseMax(b.halfExtents, Vec3(repeating: t / 2))
            let m = b.mesh()
            vertices = m.vertices
            indices = m.indices
        }
        outsideDistance = 0
        outsideDistance = maxDistanceOutside(pts)
    }

    /// Largest distance of an input point outside the hull (0 when the hull contains all).
    public private(set) var outsideDistance: Float = 0

    /// Signed distance of `p` to the hull's supporting planes (≤ 0 inside).
    public func signedDistance(_ p: Vec3) -> Float {
        var d = -Float.infinity
        for t in stride(from: 0, to: indices.count, by: 3) {
            let a = vertices[Int(indices[t])], b = vertices[Int(indices[t + 1])], c = vertices[Int(indices[t + 2])]
            let n = normalize(cross(b - a, c - a))
            if n == .zero { continue }
            d = max(d, dot(n, p - a))
        }
        return d
    }

    private func maxDistanceOutside(_ pts: [Vec3]) -> Float {
        // Double planes: thin hulls (flat terrain) need more than Float's 7 digits here.
        // Plain scalar arithmetic: this is O(points × faces) and must stay cheap in debug builds.
        var planes: [Double] = []
        planes.reserveCapacity(indices.count / 3 * 4)
        for t in stride(from: 0, to: indices.count, by: 3) {
            let a = vertices[Int(indices[t])], b = vertices[Int(indices[t + 1])], c = vertices[Int(indices[t + 2])]
            let ux = Double(b.x) - Double(a.x), uy = Double(b.y) - Double(a.y), uz = Double(b.z) - Double(a.z)
            let vx = Double(c.x) - Double(a.x), vy = Double(c.y) - Double(a.y), vz = Double(c.z) - Double(a.z)
            var nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx
            let len = (nx * nx + ny * ny + nz * nz).squareRoot()
            guard len > 0 else { continue }
            nx /= len; ny /= len; nz /= len
            planes += [nx, ny, nz, nx * Double(a.x) + ny * Double(a.y) + nz * Double(a.z)]
        }
        var worst = 0.0
        planes.withUnsafeBufferPointer { pl in
            for p in pts {
                let x = Double(p.x), y = Double(p.y), z = Double(p.z)
                var k = 0
                while k < pl.count {
                    let e = pl[k] * x + pl[k + 1] * y + pl[k + 2] * z - pl[k + 3]
                    if e > worst { worst = e }
                    k += 4
                }
            }
        }
        return Float(worst)
    }
}

// MARK: - Quickhull

struct QuickhullBuilder {
    struct Face {
        var v: (Int, Int, Int)
        var normal: SIMD3<Double>
        var offset: Double
        var outside: [Int] = []
        var farthest = -1
        var farthestDistance = 0.0
        var alive = true
        func distance(_ p: SIMD3<Double>) -> Double { (normal * p).sum() - offset }
    }

    let points: [SIMD3<Double>]
    var faces: [Face] = []
    var onHull: [Bool]
    var hullVertexCount = 0
    /// Directed edge (a, b) → face owning it.
    var edgeFace: [UInt64: Int] = [:]
    /// Faces that were given outside points (may include dead ones, pruned lazily).
    var pending: [Int] = []
    let eps: Double

    init(points: [SIMD3<Double>]) {
        self.points = points
        onHull = [Bool](repeating: false, count: points.count)
        var maxAbs = SIMD3<Double>(repeating: 0)
        for p in points { maxAbs = pointwiseMax(maxAbs, SIMD3(abs(p.x), abs(p.y), abs(p.z))) }
        // Qhull's rule of thumb: a few ulps of the coordinate magnitude (points came from Float).
        eps = 3 * (maxAbs.x + maxAbs.y + maxAbs.z) * Double(Float.ulpOfOne)
    }

    static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) }

    mutating func makeFace(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let n = Self.cross(points[b] - points[a], points[c] - points[a])
        let len = (n * n).sum().squareRoot()
        let unit = len > 0 ? n / len : SIMD3(0, 0, 0)
        faces.append(Face(v: (a, b, c), normal: unit, offset: (unit * points[a]).sum()))
        let f = faces.count - 1
        edgeFace[Self.key(a, b)] = f
        edgeFace[Self.key(b, c)] = f
        edgeFace[Self.key(c, a)] = f
        return f
    }

    /// False when the points span less than a tetrahedron.
    mutating func build(maxVertices: Int) -> Bool {
        guard let simplex = initialSimplex() else { return false }
        let (i0, i1, i2, i3) = simplex
        // Orient the base so the fourth point is behind it.
        let n = Self.cross(points[i1] - points[i0], points[i2] - points[i0])
        let (a, b, c) = (n * (points[i3] - points[i0])).sum() > 0 ? (i0, i2, i1) : (i0, i1, i2)
        let initial = [makeFace(a, b, c), makeFace(a, i3, b), makeFace(b, i3, c), makeFace(c, i3, a)]
        for v in [i0, i1, i2, i3] { onHull[v] = true }
        hullVertexCount = 4
        assign(Array(points.indices.filter { !onHull[$0] }), to: initial)

        while hullVertexCount < maxVertices {
            // The face with the farthest outside point (ties: lowest face index) — deterministic.
            // Only faces that received points are scanned; dead or emptied ones drop out.
            var best = -1, bestPoint = -1, bestDist = 0.0
            var keep = 0
            for k in pending.indices {
                let f = pending[k]
                guard faces[f].alive && faces[f].farthest >= 0 else { continue }
                pending[keep] = f
                keep += 1
                let d = faces[f].farthestDistance
                if d > bestDist || (d == bestDist && f < best) { bestDist = d; best = f; bestPoint = faces[f].farthest }
            }
            pending.removeLast(pending.count - keep)
            guard best >= 0 else { break }
            addPoint(bestPoint, seen: best)
        }
        return true
    }

    private func initialSimplex() -> (Int, Int, Int, Int)? {
        // Extreme points on each axis; the widest pair starts the simplex.
        var ext = [Int](repeating: 0, count: 6)
        for (i, p) in points.enumerated() {
            for axis in 0..<3 {
                if p[axis] < points[ext[axis * 2]][axis] { ext[axis * 2] = i }
                if p[axis] > points[ext[axis * 2 + 1]][axis] { ext[axis * 2 + 1] = i }
            }
        }
        var i0 = 0, i1 = 0, widest = -1.0
        for axis in 0..<3 {
            let d = points[ext[axis * 2 + 1]][axis] - points[ext[axis * 2]][axis]
            if d > widest { widest = d; i0 = ext[axis * 2]; i1 = ext[axis * 2 + 1] }
        }
        guard widest > eps else { return nil }
        let dir = points[i1] - points[i0]
        var i2 = -1, best = 0.0
        for (i, p) in points.enumerated() {
            let c = Self.cross(dir, p - points[i0])
            let d = (c * c).sum()
            if d > best { best = d; i2 = i }
        }
        guard i2 >= 0, best.squareRoot() / (dir * dir).sum().squareRoot() > eps else { return nil }
        let n = Self.cross(dir, points[i2] - points[i0])
        let nl = (n * n).sum().squareRoot()
        var i3 = -1
        best = 0
        for (i, p) in points.enumerated() {
            let d = abs((n * (p - points[i0])).sum()) / nl
            if d > best { best = d; i3 = i }
        }
        guard i3 >= 0, best > eps * 10 else { return nil }
        return (i0, i1, i2, i3)
    }

    private mutating func assign(_ candidates: [Int], to newFaces: [Int]) {
        // Plane data copied out so the hot loop touches flat arrays only.
        let normals = newFaces.map { faces[$0].normal }, offsets = newFaces.map { faces[$0].offset }
        var bestOf = [Int](repeating: -1, count: candidates.count)
        var distOf = [Double](repeating: 0, count: candidates.count)
        points.withUnsafeBufferPointer { pts in
            for (k, p) in candidates.enumerated() {
                let q = pts[p]
                var bestFace = -1, bestDist = eps
                for j in 0..<normals.count {
                    let d = (normals[j] * q).sum() - offsets[j]
                    if d > bestDist { bestDist = d; bestFace = j }
                }
                bestOf[k] = bestFace
                distOf[k] = bestDist
            }
        }
        for (k, p) in candidates.enumerated() where bestOf[k] >= 0 {
            let f = newFaces[bestOf[k]]
            if faces[f].outside.isEmpty { pending.append(f) }
            faces[f].outside.append(p)
            if distOf[k] > faces[f].farthestDistance { faces[f].farthestDistance = distOf[k]; faces[f].farthest = p }
        }
    }

    private mutating func addPoint(_ p: Int, seen start: Int) {
        let eye = points[p]
        // Visible faces: flood from the face that sees the point, across shared edges.
        var visible: [Int] = []
        var isVisible = Set<Int>([start])
        var stack = [start]
        while let f = stack.popLast() {
            visible.append(f)
            let (a, b, c) = faces[f].v
            for (x, y) in [(a, b), (b, c), (c, a)] {
                guard let g = edgeFace[Self.key(y, x)], faces[g].alive, !isVisible.contains(g) else { continue }
                if faces[g].distance(eye) > eps { isVisible.insert(g); stack.append(g) }
            }
        }
        // Horizon: edges of visible faces whose twin is not visible, in a deterministic order.
        var horizon: [(Int, Int)] = []
        for f in visible.sorted() {
            let (a, b, c) = faces[f].v
            for (x, y) in [(a, b), (b, c), (c, a)] {
                if let g = edgeFace[Self.key(y, x)], !isVisible.contains(g) { horizon.append((x, y)) }
            }
        }
        var orphans: [Int] = []
        for f in visible.sorted() {
            faces[f].alive = false
            orphans += faces[f].outside
            faces[f].outside = []
            faces[f].farthest = -1
            let (a, b, c) = faces[f].v
            for (x, y) in [(a, b), (b, c), (c, a)] where edgeFace[Self.key(x, y)] == f { edgeFace[Self.key(x, y)] = nil }
        }
        var created: [Int] = []
        for (x, y) in horizon { created.append(makeFace(x, y, p)) }
        onHull[p] = true
        hullVertexCount += 1
        assign(orphans.filter { $0 != p }, to: created)
    }

    /// Input indices of the hull's vertices and triangles over them (live faces only).
    func meshIndices() -> ([Int], [UInt32]) {
        var map = [Int: UInt32]()
        var used: [Int] = []
        var idx: [UInt32] = []
        for f in faces where f.alive {
            for v in [f.v.0, f.v.1, f.v.2] {
                if map[v] == nil {
                    map[v] = UInt32(used.count)
                    used.append(v)
                }
                idx.append(map[v] ?? 0)
            }
        }
        return (used, idx)
    }
}
