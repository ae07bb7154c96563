import OysterCore

/// One moment of a humanoid motion: each joint's local rotation from the T-pose and the hips'
/// position, plus forward kinematics to find where the joints are.
struct HumanoidPose {
    var rotations = [Quat](repeating: .identity, count: HumanoidBone.allCases.count)
    /// The hips joint's translation (model space).
    var hips: Vec3

    init(hips: Vec3) { self.hips = hips }

    subscript(_ b: HumanoidBone) -> Quat {
        get { rotations[b.index] }
        set { rotations[b.index] = newValue }
    }

    /// World rotation and position of every joint (model space), parents first.
    func world(_ skeleton: HumanoidSkeleton) -> (rotations: [Quat], positions: [Vec3]) {
        var r = [Quat](repeating: .identity, count: rotations.count)
        var p = [Vec3](repeating: .zero, count: rotations.count)
        for b in HumanoidBone.allCases {
            if let parent = b.parent {
                r[b.index] = (r[parent.index] * rotations[b.index]).normalized
                p[b.index] = p[parent.index] + r[parent.index].rotate(skeleton.offset(b))
            } else {
                r[b.index] = rotations[b.index]
                p[b.index] = hips
            }
        }
        return (r, p)
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
