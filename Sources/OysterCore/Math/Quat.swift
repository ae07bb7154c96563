/// A rotation quaternion stored as glTF does: (x, y, z, w).
public struct Quat: Hashable, Sendable {
    public var vector: Vec4

    public init(x: Float, y: Float, z: Float, w: Float) { vector = Vec4(x, y, z, w) }
    public init(_ v: Vec4) { vector = v }

    public static let identity = Quat(x: 0, y: 0, z: 0, w: 1)

    public var x: Float { vector.x }
    public var y: Float { vector.y }
    public var z: Float { vector.z }
    public var w: Float { vector.w }

    /// Rotation of `angle` radians about `axis` (need not be unit length).
    public init(angle: Float, axis: Vec3) {
        let a = normalize(axis)
        let s = sinf(angle / 2)
        self.init(x: a.x * s, y: a.y * s, z: a.z * s, w: cosf(angle / 2))
    }

    public var normalized: Quat {
        let l = dot(vector, vector).squareRoot()
        return l > 0 ? Quat(vector / l) : .identity
    }

    public static func * (a: Quat, b: Quat) -> Quat {
        Quat(
            x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
            w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z)
    }

    /// `v` rotated by this quaternion.
    public func rotate(_ v: Vec3) -> Vec3 {
        let q = Vec3(x, y, z)
        let t = 2 * cross(q, v)
        return v + w * t + cross(q, t)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
