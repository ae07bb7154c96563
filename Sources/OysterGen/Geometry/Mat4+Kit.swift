import OysterCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Transform shorthands used by the kits

extension Mat4 {
    /// A translation.
    public static func translation(_ t: Vec3) -> Mat4 { Mat4(translation: t, rotation: .identity, scale: Vec3(1, 1, 1)) }

    /// A rotation of `angle` radians about the Y axis, then a translation.
    public static func place(_ t: Vec3, yaw: Float = 0, scale: Float = 1) -> Mat4 {
        Mat4(translation: t, rotation: kquat(angle: yaw, axis: Vec3(0, 1, 0)), scale: Vec3(repeating: scale))
    }

    /// Translation × rotation × scale.
    public static func trs(_ t: Vec3, _ r: Quat = .identity, _ s: Vec3 = Vec3(1, 1, 1)) -> Mat4 {
        Mat4(translation: t, rotation: r, scale: s)
    }
}

/// The rotation that turns +Y into `dir` (shortest arc).
func rotationFromUp(to dir: Vec3) -> Quat {
    let d = normalize(dir)
    let up = Vec3(0, 1, 0)
    let c = dot(up, d)
    if c > 0.99999 { return .identity }
    if c < -0.99999 { return kquat(angle: .pi, axis: Vec3(1, 0, 0)) }
    return kquat(angle: kacos(c), axis: cross(up, d))
}
