import OysterCore

/// Rotations the world assembler needs, built from deterministic trig (kit math).
enum Orientation {
    /// The rotation taking local -Z to `forward` with local +Y as close to world up as possible
    /// (how glTF cameras and directional lights point).
    static func look(_ forward: Vec3) -> Quat {
        let f = normalize(forward)
        var right = cross(f, Vec3(0, 1, 0))
        if length(right) < 1e-4 { right = Vec3(1, 0, 0) }
        right = normalize(right)
        let up = cross(right, f)
        // Columns of the rotation matrix: right (X), up (Y), -forward (Z).
        let z = -f
        return quaternion(right, up, z)
    }

    /// Quaternion from an orthonormal basis (matrix columns x, y, z).
    static func quaternion(_ x: Vec3, _ y: Vec3, _ z: Vec3) -> Quat {
        let m00 = x.x, m11 = y.y, m22 = z.z
        let trace = m00 + m11 + m22
        if trace > 0 {
            let s = (trace + 1).squareRoot() * 2
            return Quat(x: (y.z - z.y) / s, y: (z.x - x.z) / s, z: (x.y - y.x) / s, w: 0.25 * s).normalized
        } else if m00 > m11 && m00 > m22 {
            let s = (1 + m00 - m11 - m22).squareRoot() * 2
            return Quat(x: 0.25 * s, y: (y.x + x.y) / s, z: (z.x + x.z) / s, w: (y.z - z.y) / s).normalized
        } else if m11 > m22 {
            let s = (1 + m11 - m00 - m22).squareRoot() * 2
            return Quat(x: (y.x + x.y) / s, y: 0.25 * s, z: (z.y + y.z) / s, w: (z.x - x.z) / s).normalized
        } else {
            let s = (1 + m22 - m00 - m11).squareRoot() * 2
            return Quat(x: (z.x + x.z) / s, y: (z.y + y.z) / s, z: 0.25 * s, w: (x.y - y.x) / s).normalized
        }
    }

    static func yaw(_ angle: Float) -> Quat { kquat(angle: angle, axis: Vec3(0, 1, 0)) }
}
