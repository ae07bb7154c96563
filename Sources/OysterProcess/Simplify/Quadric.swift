import OysterCore

/// A symmetric 4×4 error quadric (Garland & Heckbert 1997) in Double, with the total weight
/// of the planes it sums so errors can be normalized to mean squared distances.
struct Quadric {
    var a00 = 0.0, a11 = 0.0, a22 = 0.0, a10 = 0.0, a20 = 0.0, a21 = 0.0
    var b0 = 0.0, b1 = 0.0, b2 = 0.0, c = 0.0
    var w = 0.0

    /// The quadric of the plane `n·p + d = 0` (n unit) with weight `weight`.
    init(plane n: SIMD3<Double>, d: Double, weight: Double) {
        a00 = n.x * n.x * weight; a11 = n.y * n.y * weight; a22 = n.z * n.z * weight
        a10 = n.y * n.x * weight; a20 = n.z * n.x * weight; a21 = n.z * n.y * weight
        b0 = n.x * d * weight; b1 = n.y * d * weight; b2 = n.z * d * weight
        c = d * d * weight
        w = weight
    }

    init() {}

    static func += (q: inout Quadric, r: Quadric) {
        q.a00 += r.a00; q.a11 += r.a11; q.a22 += r.a22; q.a10 += r.a10; q.a20 += r.a20; q.a21 += r.a21
        q.b0 += r.b0; q.b1 += r.b1; q.b2 += r.b2; q.c += r.c; q.w += r.w
    }

    /// Weighted mean squared distance of `p` to the planes.
    @inline(__always)
    func error(_ p: SIMD3<Double>) -> Double {
        let x = p.x, y = p.y, z = p.z
        var r = a00 * x * x + a11 * y * y + a22 * z * z
        r += 2 * (a10 * x * y + a20 * x * z + a21 * y * z)
        r += 2 * (b0 * x + b1 * y + b2 * z)
        r += c
        return w > 0 ? abs(r) / w : 0
    }
}
