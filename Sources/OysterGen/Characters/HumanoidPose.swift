import OysterCore

/// One moment of a humanoid motion: `SkeletonPose` on the humanoid's bones, whose root is
/// the hips.
typealias HumanoidPose = SkeletonPose<HumanoidBone>

extension SkeletonPose where Bone == HumanoidBone {
    init(hips: Vec3) { self.init(root: hips) }

    /// The hips joint's translation (model space).
    var hips: Vec3 {
        get { root }
        set { root = newValue }
    }
}

extension Quat {
    /// The inverse of a unit quaternion.
    var conjugate: Quat { Quat(x: -x, y: -y, z: -z, w: w) }

    /// `angle` radians about X, Y or Z (deterministic sine).
    static func rx(_ angle: Float) -> Quat { kquat(angle: angle, axis: Vec3(1, 0, 0)) }
    static func ry(_ angle: Float) -> Quat { kquat(angle: angle, axis: Vec3(0, 1, 0)) }
    static func rz(_ angle: Float) -> Quat { kquat(angle: angle, axis: Vec3(0, 0, 1)) }
}

/// Degrees to radians, for readable motion tables.
@inline(__always) func deg(_ d: Float) -> Float { d * .pi / 180 }
