#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 4×4 matrix in column-major order, as glTF stores `node.matrix`.
public struct Mat4: Hashable, Sendable {
    /// 16 values, column-major: `m[col * 4 + row]`.
    public var m: [Float]

    public init(columnMajor values: [Float]) {
        precondition(values.count == 16, "Mat4 needs 16 values")
        m = values
    }

    public static let identity = Mat4(columnMajor: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])

    public subscript(row: Int, col: Int) -> Float {
        get { m[col * 4 + row] }
        set { m[col * 4 + row] = newValue }
    }

    /// The matrix of translation × rotation × scale, glTF's TRS order.
    public init(translation t: Vec3, rotation r: Quat, scale s: Vec3) {
        let (x, y, z, w) = (r.x, r.y, r.z, r.w)
        let xx = x * x, yy = y * y, zz = z * z
        let xy = x * y, xz = x * z, yz = y * z, wx = w * x, wy = w * y, wz = w * z
        m = [
            (1 - 2 * (yy + zz)) * s.x, 2 * (xy + wz) * s.x, 2 * (xz - wy) * s.x, 0,
            2 * (xy - wz) * s.y, (1 - 2 * (xx + zz)) * s.y, 2 * (yz + wx) * s.y, 0,
            2 * (xz + wy) * s.z, 2 * (yz - wx) * s.z, (1 - 2 * (xx + yy)) * s.z, 0,
            t.x, t.y, t.z, 1,
        ]
    }

    public static func * (a: Mat4, b: Mat4) -> Mat4 {
        var r = [Float](repeating: 0, count: 16)
        for c in 0..<4 {
            for row in 0..<4 {
                var s: Float = 0
                for k in 0..<4 { s += a.m[k * 4 + row] * b.m[c * 4 + k] }
                r[c * 4 + row] = s
            }
        }
        return Mat4(columnMajor: r)
    }

    /// The point `p` transformed (w = 1).
    public func transformPoint(_ p: Vec3) -> Vec3 {
        Vec3(
            m[0] * p.x + m[4] * p.y + m[8] * p.z + m[12],
            m[1] * p.x + m[5] * p.y + m[9] * p.z + m[13],
            m[2] * p.x + m[6] * p.y + m[10] * p.z + m[14])
    }

    /// The direction `d` transformed (w = 0).
    public func transformDirection(_ d: Vec3) -> Vec3 {
        Vec3(
            m[0] * d.x + m[4] * d.y + m[8] * d.z,
            m[1] * d.x + m[5] * d.y + m[9] * d.z,
            m[2] * d.x + m[6] * d.y + m[10] * d.z)
    }

    /// The longest of the linear part's axes: how much the matrix grows a length at most
    /// (for a rotation times a scale, the largest scale).
    public var largestScale: Float {
        max(length(Vec3(m[0], m[1], m[2])), length(Vec3(m[4], m[5], m[6])), length(Vec3(m[8], m[9], m[10])))
    }

    public var determinant3x3: Float {
        m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2]) + m[8] * (m[1] * m[6] - m[5] * m[2])
    }

    /// The inverse, or nil when the matrix is singular.
    public var inverse: Mat4? {
        let a = m
        var inv = [Float](repeating: 0, count: 16)
        inv[0] = a[5] * a[10] * a[15] - a[5] * a[11] * a[14] - a[9] * a[6] * a[15] + a[9] * a[7] * a[14] + a[13] * a[6] * a[11] - a[13] * a[7] * a[10]
        inv[4] = -a[4] * a[10] * a[15] + a[4] * a[11] * a[14] + a[8] * a[6] * a[15] - a[8] * a[7] * a[14] - a[12] * a[6] * a[11] + a[12] * a[7] * a[10]
        inv[8] = a[4] * a[9] * a[15] - a[4] * a[11] * a[13] - a[8] * a[5] * a[15] + a[8] * a[7] * a[13] + a[12] * a[5] * a[11] - a[12] * a[7] * a[9]
        inv[12] = -a[4] * a[9] * a[14] + a[4] * a[10] * a[13] + a[8] * a[5] * a[14] - a[8] * a[6] * a[13] - a[12] * a[5] * a[10] + a[12] * a[6] * a[9]
        inv[1] = -a[1] * a[10] * a[15] + a[1] * a[11] * a[14] + a[9] * a[2] * a[15] - a[9] * a[3] * a[14] - a[13] * a[2] * a[11] + a[13] * a[3] * a[10]
        inv[5] = a[0] * a[10] * a[15] - a[0] * a[11] * a[14] - a[8] * a[2] * a[15] + a[8] * a[3] * a[14] + a[12] * a[2] * a[11] - a[12] * a[3] * a[10]
        inv[9] = -a[0] * a[9] * a[15] + a[0] * a[11] * a[13] + a[8] * a[1] * a[15] - a[8] * a[3] * a[13] - a[12] * a[1] * a[11] + a[12] * a[3] * a[9]
        inv[13] = a[0] * a[9] * a[14] - a[0] * a[10] * a[13] - a[8] * a[1] * a[14] + a[8] * a[2] * a[13] + a[12] * a[1] * a[10] - a[12] * a[2] * a[9]
        inv[2] = a[1] * a[6] * a[15] - a[1] * a[7] * a[14] - a[5] * a[2] * a[15] + a[5] * a[3] * a[14] + a[13] * a[2] * a[7] - a[13] * a[3] * a[6]
        inv[6] = -a[0] * a[6] * a[15] + a[0] * a[7] * a[14] + a[4] * a[2] * a[15] - a[4] * a[3] * a[14] - a[12] * a[2] * a[7] + a[12] * a[3] * a[6]
        inv[10] = a[0] * a[5] * a[15] - a[0] * a[7] * a[13] - a[4] * a[1] * a[15] + a[4] * a[3] * a[13] + a[12] * a[1] * a[7] - a[12] * a[3] * a[5]
        inv[14] = -a[0] * a[5] * a[14] + a[0] * a[6] * a[13] + a[4] * a[1] * a[14] - a[4] * a[2] * a[13] - a[12] * a[1] * a[6] + a[12] * a[2] * a[5]
        inv[3] = -a[1] * a[6] * a[11] + a[1] * a[7] * a[10] + a[5] * a[2] * a[11] - a[5] * a[3] * a[10] - a[9] * a[2] * a[7] + a[9] * a[3] * a[6]
        inv[7] = a[0] * a[6] * a[11] - a[0] * a[7] * a[10] - a[4] * a[2] * a[11] + a[4] * a[3] * a[10] + a[8] * a[2] * a[7] - a[8] * a[3] * a[6]
        inv[11] = -a[0] * a[5] * a[11] + a[0] * a[7] * a[9] + a[4] * a[1] * a[11] - a[4] * a[3] * a[9] - a[8] * a[1] * a[7] + a[8] * a[3] * a[5]
        inv[15] = a[0] * a[5] * a[10] - a[0] * a[6] * a[9] - a[4] * a[1] * a[10] + a[4] * a[2] * a[9] + a[8] * a[1] * a[6] - a[8] * a[2] * a[5]
        let det = a[0] * inv[0] + a[1] * inv[4] + a[2] * inv[8] + a[3] * inv[12]
        guard det != 0, det.isFinite else { return nil }
        return Mat4(columnMajor: inv.map { $0 / det })
    }

    /// Splits an affine matrix into translation, rotation and scale; nil when it has shear,
    /// projection or a zero scale (glTF requires node matrices to be decomposable).
    public func decomposed(tolerance: Float = 1e-4) -> (translation: Vec3, rotation: Quat, scale: Vec3)? {
        guard abs(m[3]) < tolerance, abs(m[7]) < tolerance, abs(m[11]) < tolerance, abs(m[15] - 1) < tolerance else { return nil }
        let c0 = Vec3(m[0], m[1], m[2]), c1 = Vec3(m[4], m[5], m[6]), c2 = Vec3(m[8], m[9], m[10])
        var s = Vec3(length(c0), length(c1), length(c2))
        guard s.x > 0, s.y > 0, s.z > 0 else { return nil }
        if determinant3x3 < 0 { s.x = -s.x }
        let r0 = c0 / s.x, r1 = c1 / s.y, r2 = c2 / s.z
        // Rotation from the orthonormal basis (Shepperd's method).
        let trace = r0.x + r1.y + r2.z
        var q: Quat
        if trace > 0 {
            let t = (trace + 1).squareRoot() * 2
            q = Quat(x: (r1.z - r2.y) / t, y: (r2.x - r0.z) / t, z: (r0.y - r1.x) / t, w: 0.25 * t)
        } else if r0.x > r1.y && r0.x > r2.z {
            let t = (1 + r0.x - r1.y - r2.z).squareRoot() * 2
            q = Quat(x: 0.25 * t, y: (r1.x + r0.y) / t, z: (r2.x + r0.z) / t, w: (r1.z - r2.y) / t)
        } else if r1.y > r2.z {
            let t = (1 + r1.y - r0.x - r2.z).squareRoot() * 2
            q = Quat(x: (r1.x + r0.y) / t, y: 0.25 * t, z: (r2.y + r1.z) / t, w: (r2.x - r0.z) / t)
        } else {
            let t = (1 + r2.z - r0.x - r1.y).squareRoot() * 2
            q = Quat(x: (r2.x + r0.z) / t, y: (r2.y + r1.z) / t, z: 0.25 * t, w: (r0.y - r1.x) / t)
        }
        q = q.normalized
        let t = Vec3(m[12], m[13], m[14])
        // Reject shear: the recomposed matrix must match.
        let back = Mat4(translation: t, rotation: q, scale: s)
        for i in 0..<16 where abs(back.m[i] - m[i]) > tolerance * max(1, abs(m[i])) { return nil }
        return (t, q, s)
    }
}
