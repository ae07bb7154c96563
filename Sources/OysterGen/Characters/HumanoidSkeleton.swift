import OysterCore

/// The humanoid skeleton's rest pose (a T-pose, arms along ±X, facing +Z, feet on y = 0) for a
/// body of a given height and build: where each `HumanoidBone` joint is, in model space.
///
/// Proportions are fractions of the height from anthropometric tables (Drillis & Contini's
/// segment lengths: hip 0.53 H, knee 0.285 H, ankle 0.04 H, shoulder 0.82 H); the build
/// widens the trunk and limbs but leaves the lengths, so every build walks with the same legs.
public struct HumanoidSkeleton: Hashable, Sendable {
    /// Standing height in metres (1.2…2.3).
    public let height: Float
    /// 0 slender … 1 heavy.
    public let build: Float
    /// Rest position of every joint (model space), indexed by `HumanoidBone.index`.
    public let joints: [Vec3]

    /// The skeleton for `height` metres and `build` (both clamped to their ranges; NaN gives
    /// the defaults 1.75 m and 0.5).
    public init(height: Float = 1.75, build: Float = 0.5) {
        let h = kitClamp(height, 1.2, 2.3, fallback: 1.75)
        let b = kitClamp(build, 0, 1, fallback: 0.5)
        self.height = h
        self.build = b
        let w = 0.92 + 0.18 * b  // widths grow with build, lengths do not
        var p = [Vec3](repeating: .zero, count: HumanoidBone.allCases.count)
        func set(_ bone: HumanoidBone, _ x: Float, _ y: Float, _ z: Float) { p[bone.index] = Vec3(x, y, z) * h }
        set(.hips, 0, 0.55, 0)
        set(.spine, 0, 0.61, 0)
        set(.chest, 0, 0.70, 0)
        set(.neck, 0, 0.835, 0)
        set(.head, 0, 0.875, 0.005)
        for side in [HumanoidBone.Side.left, .right] {
            let s = side.sign
            let arm = HumanoidBone.arm(side), leg = HumanoidBone.leg(side)
            set(arm.shoulder, s * 0.025, 0.805, -0.005)
            set(arm.upper, s * 0.105 * w, 0.815, -0.005)
            set(arm.lower, s * (0.105 * w + 0.17), 0.815, -0.005)
            set(arm.hand, s * (0.105 * w + 0.32), 0.815, -0.005)
            set(leg.upper, s * 0.052 * w, 0.53, 0)
            set(leg.lower, s * 0.052 * w, 0.285, 0)
            set(leg.foot, s * 0.052 * w, 0.04, 0)
            set(leg.toes, s * 0.052 * w, 0.012, 0.075)
        }
        joints = p
    }

    /// Rest position of `bone`.
    public func position(_ bone: HumanoidBone) -> Vec3 { joints[bone.index] }

    /// Rest offset of `bone` from its parent (the joint's node translation); the hips' offset is
    /// from the model origin.
    public func offset(_ bone: HumanoidBone) -> Vec3 {
        position(bone) - (bone.parent.map { position($0) } ?? .zero)
    }

    /// Where the bone ends: its child's joint, or for the ends of chains (head, hands, toes)
    /// the top of the skull, the fingertips and the tip of the toes.
    public func tip(_ bone: HumanoidBone) -> Vec3 {
        switch bone {
        case .hips: return position(.spine)
        case .spine: return position(.chest)
        case .chest: return position(.neck)
        case .neck: return position(.head)
        case .head: return Vec3(0, height, 0)
        case .leftShoulder: return position(.leftUpperArm)
        case .rightShoulder: return position(.rightUpperArm)
        case .leftUpperArm: return position(.leftLowerArm)
        case .rightUpperArm: return position(.rightLowerArm)
        case .leftLowerArm: return position(.leftHand)
        case .rightLowerArm: return position(.rightHand)
        case .leftHand, .rightHand: return position(bone) + Vec3(bone.side.sign * 0.105 * height, 0, 0)
        case .leftUpperLeg: return position(.leftLowerLeg)
        case .rightUpperLeg: return position(.rightLowerLeg)
        case .leftLowerLeg: return position(.leftFoot)
        case .rightLowerLeg: return position(.rightFoot)
        case .leftFoot: return position(.leftToes)
        case .rightFoot: return position(.rightToes)
        case .leftToes, .rightToes: return position(bone) + Vec3(0, -0.004 * height, 0.05 * height)
        }
    }

    /// Thigh and shin lengths (equal for both legs).
    public var legLengths: (thigh: Float, shin: Float) {
        (length(position(.leftUpperLeg) - position(.leftLowerLeg)), length(position(.leftLowerLeg) - position(.leftFoot)))
    }

    /// Horizontal half-width of a body part at this build, in metres: `fraction` of the height
    /// scaled by the build (what the body and clothes are made with).
    public func width(_ fraction: Float) -> Float { fraction * height * (0.92 + 0.18 * build) }
}
