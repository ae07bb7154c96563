import OysterCore

/// A box with its own axes: the tighter of the axis-aligned box and the box along the
/// points' principal axes (PCA).
public struct OrientedBox: Hashable, Sendable {
    /// The box centre.
    public var center: Vec3
    /// Unit axes (right-handed).
    public var axes: (Vec3, Vec3, Vec3)
    /// Half the size along each of `axes`.
    public var halfExtents: Vec3

    /// Equal centre, axes and extents.
    public static func == (a: OrientedBox, b: OrientedBox) -> Bool {
        a.center == b.center && a.axes.0 == b.axes.0 && a.axes.1 == b.axes.1 && a.axes.2 == b.axes.2 && a.halfExtents == b.halfExtents
    }

    /// Hashes centre and extents (axes are compared by `==`).
    public func hash(into h: inout Hasher) { h.combine(center); h.combine(halfExtents) }

    /// The axis-aligned box of `points`.
    public init(aligned points: [Vec3]) {
        var box = AABB.empty
        for p in points { box.add(p) }
        if box.isEmpty { box = AABB(min: .zero, max: .zero) }
        center = box.center
        axes = (Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1))
        halfExtents = box.size * 0.5
    }

    /// The box along the points' principal axes (always, even when the aligned box is smaller).
    init(principal points: [Vec3]) {
        self.init(aligned: points)
        guard points.count >= 3 else { return }
        let axes = Self.principalAxes(points)
        var lo = Vec3(repeating: .infinity), hi = Vec3(repeating: -.infinity)
        for p in points {
            let q = Vec3(dot(p, axes.0), dot(p, axes.1), dot(p, axes.2))
            lo = pointwiseMin(lo, q); hi = pointwiseMax(hi, q)
        }
        let mid = (lo + hi) * 0.5
        center = axes.0 * mid.x + axes.1 * mid.y + axes.2 * mid.z
        self.axes = axes
        halfExtents = (hi - lo) * 0.5
    }

    /// The smaller (by volume) of the axis-aligned and the principal-axes box.
    public init(points: [Vec3]) {
        let aligned = OrientedBox(aligned: points)
        self = aligned
        guard points.count >= 3 else { return }
        let axes = Self.principalAxes(points)
        var lo = Vec3(repeating: .infinity), hi = Vec3(repeating: -.infinity)
        for p in points {
            let q = Vec3(dot(p, axes.0), dot(p, axes.1), dot(p, axes.2))
            lo = pointwiseMin(lo, q); hi = pointwiseMax(hi, q)
        }
        let half = (hi - lo) * 0.5
        func volume(_ h: Vec3) -> Float { max(h.x, 1e-9) * max(h.y, 1e-9) * max(h.z, 1e-9) }
        // Prefer the aligned box unless PCA is clearly tighter (stable for boxy props).
        guard volume(half) < volume(aligned.halfExtents) * 0.95 else { return }
        let mid = (lo + hi) * 0.5
        center = axes.0 * mid.x + axes.1 * mid.y + axes.2 * mid.z
        self.axes = axes
        halfExtents = half
    }

    /// Eigenvectors of the covariance matrix by Jacobi rotations, as a right-handed frame.
    static func principalAxes(_ points: [Vec3]) -> (Vec3, Vec3, Vec3) {
        var mean = SIMD3<Double>(repeating: 0)
        for p in points { mean += SIMD3(Double(p.x), Double(p.y), Double(p.z)) }
        mean /= Double(points.count)
        var a = [[Double]](repeating: [0, 0, 0], count: 3)
        for p in points {
            let d = SIMD3(Double(p.x), Double(p.y), Double(p.z)) - mean
            for i in 0..<3 { for j in 0..<3 { a[i][j] += d[i] * d[j] } }
        }
        var v: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        for _ in 0..<32 {
            var p = 0, q = 1
            if abs(a[0][2]) > abs(a[p][q]) { p = 0; q = 2 }
            if abs(a[1][2]) > abs(a[p][q]) { p = 1; q = 2 }
            if abs(a[p][q]) < 1e-12 * (abs(a[0][0]) + abs(a[1][1]) + abs(a[2][2]) + 1e-300) { break }
            let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
            let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
            let c = 1 / (t * t + 1).squareRoot(), s = t * c
            for k in 0..<3 {
                let akp = a[k][p], akq = a[k][q]
                a[k][p] = c * akp - s * akq
                a[k][q] = s * akp + c * akq
            }
            for k in 0..<3 {
                let apk = a[p][k], aqk = a[q][k]
                a[p][k] = c * apk - s * aqk
                a[q][k] = s * apk + c * aqk
            }
            for k in 0..<3 {
                let vkp = v[k][p], vkq = v[k][q]
                v[k][p] = c * vkp - s * vkq
                v[k][q] = s * vkp + c * vkq
            }
        }
        let e0 = normalize(Vec3(Float(v[0][0]), Float(v[1][0]), Float(v[2][0])))
        var e1 = normalize(Vec3(Float(v[0][1]), Float(v[1][1]), Float(v[2][1])))
        e1 = normalize(e1 - e0 * dot(e0, e1))
        let e2 = cross(e0, e1)
        return (e0, e1, e2)
    }

    /// The 8 corners.
    public var corners: [Vec3] {
        (0..<8).map { i in
            let sx: Float = i & 1 == 0 ? -1 : 1, sy: Float = i & 2 == 0 ? -1 : 1, sz: Float = i & 4 == 0 ? -1 : 1
            return center + axes.0 * (sx * halfExtents.x) + axes.1 * (sy * halfExtents.y) + axes.2 * (sz * halfExtents.z)
        }
    }

    /// The box as 8 vertices and 12 outward-facing triangles.
    public func mesh() -> (vertices: [Vec3], indices: [UInt32]) {
        let idx: [UInt32] = [0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5]
        return (corners, idx)
    }
}
