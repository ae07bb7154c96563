import OysterCore

/// Splits an OBJ polygon into triangles that keep its winding.
///
/// Convex polygons become a fan; others are ear-clipped in the polygon's best-fit plane
/// (Newell's normal), which handles concave outlines such as L and U shapes. Polygons with more
/// than `maxEarClippingCorners` corners, or ones that are degenerate or self-intersecting
/// where no ear exists, fall back to a fan so hostile input cannot make this quadratic-cubic
/// loop run for long.
enum PolygonTriangulator {
    static let maxEarClippingCorners = 512

    /// Triangles as corner positions within `points` (0-based), three per triangle.
    static func triangulate(_ points: [Vec3]) -> [Int] {
        let n = points.count
        if n == 3 { return [0, 1, 2] }
        guard n > 3 else { return [] }
        var normal = Vec3.zero
        for i in 0..<n {
            let a = points[i], b = points[(i + 1) % n]
            normal.x += (a.y - b.y) * (a.z + b.z)
            normal.y += (a.z - b.z) * (a.x + b.x)
            normal.z += (a.x - b.x) * (a.y + b.y)
        }
        let ax = abs(normal.x), ay = abs(normal.y), az = abs(normal.z)
        guard ax + ay + az > 0, normal.x.isFinite, normal.y.isFinite, normal.z.isFinite, n <= maxEarClippingCorners else {
            return fan(n)
        }
        // Project onto the plane of the dominant normal axis, oriented so the polygon is CCW.
        var flat = [SIMD2<Float>]()
        flat.reserveCapacity(n)
        if az >= ax && az >= ay {
            let s: Float = normal.z >= 0 ? 1 : -1
            for p in points { flat.append(SIMD2(p.x, p.y * s)) }
        } else if ax >= ay {
            let s: Float = normal.x >= 0 ? 1 : -1
            for p in points { flat.append(SIMD2(p.y, p.z * s)) }
        } else {
            let s: Float = normal.y >= 0 ? 1 : -1
            for p in points { flat.append(SIMD2(p.z, p.x * s)) }
        }
        var convex = true
        for i in 0..<n where cross2(flat[i], flat[(i + 1) % n], flat[(i + 2) % n]) < 0 {
            convex = false
            break
        }
        if convex { return fan(n) }
        return earClip(flat) ?? fan(n)
    }

    static func fan(_ n: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(max(0, n - 2) * 3)
        if n >= 3 { for i in 1..<(n - 1) { out += [0, i, i + 1] } }
        return out
    }

    @inline(__always) static func cross2(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ c: SIMD2<Float>) -> Float {
        let u = b - a, v = c - b
        return u.x * v.y - u.y * v.x
    }

    /// Ear clipping of a CCW polygon; nil when it gets stuck (self-intersecting outline).
    static func earClip(_ p: [SIMD2<Float>]) -> [Int]? {
        var ring = Array(0..<p.count)
        var out: [Int] = []
        out.reserveCapacity((p.count - 2) * 3)
        while ring.count > 3 {
            var clipped = false
            let m = ring.count
            for i in 0..<m {
                let ia = ring[(i + m - 1) % m], ib = ring[i], ic = ring[(i + 1) % m]
                let a = p[ia], b = p[ib], c = p[ic]
                guard cross2(a, b, c) > 0 else { continue }
                var inside = false
                for j in ring where j != ia && j != ib && j != ic {
                    if pointInTriangle(p[j], a, b, c) {
                        inside = true
                        break
                    }
                }
                if inside { continue }
                out += [ia, ib, ic]
                ring.remove(at: i)
                clipped = true
                break
            }
            if !clipped { return nil }
        }
        out += ring
        return out
    }

    @inline(__always) static func pointInTriangle(_ q: SIMD2<Float>, _ a: SIMD2<Float>, _ b: SIMD2<Float>, _ c: SIMD2<Float>) -> Bool {
        cross2(a, b, q) >= 0 && cross2(b, c, q) >= 0 && cross2(c, a, q) >= 0
    }
}
