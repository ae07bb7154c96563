import OysterCore

/// The joints of Oyster's one humanoid skeleton, named after the VRM 1.0 humanoid bones
/// (`VRMC_vrm` `humanoid.humanBones`, https://github.com/vrm-c/vrm-specification).
///
/// Why VRM: it is the published humanoid convention made for glTF itself, and its names are
/// Unity's `HumanBodyBones` with a lower-case first letter, so Unity's Humanoid avatar
/// auto-mapping, the VRM importers (UniVRM, three-vrm, the Blender VRM add-on) and retargeting
/// tools that know either list recognise the joints without a hand-made mapping. Mixamo's
/// names (`mixamorig:LeftUpLeg`) carry a namespace colon that glTF tools rewrite
/// differently, and are one vendor's rig rather than a specification.
///
/// The set is VRM's required bones plus the optional shoulders and toes: enough for walking,
/// waving and working, small enough for 4 influences per vertex to cover every joint blend.
/// Joints never carry rest rotations (only offsets), so an animation's rotation of a joint
/// is its rotation from the T-pose, which is what VRM and Unity's humanoid expect.
public enum HumanoidBone: String, CaseIterable, Hashable, Sendable {
    case hips, spine, chest, neck, head
    case leftShoulder, leftUpperArm, leftLowerArm, leftHand
    case rightShoulder, rightUpperArm, rightLowerArm, rightHand
    case leftUpperLeg, leftLowerLeg, leftFoot, leftToes
    case rightUpperLeg, rightLowerLeg, rightFoot, rightToes

    /// The joint this one hangs from (nil for the hips, the skeleton's root).
    public var parent: HumanoidBone? {
        switch self {
        case .hips: return nil
        case .spine: return .hips
        case .chest: return .spine
        case .neck: return .chest
        case .head: return .neck
        case .leftShoulder, .rightShoulder: return .chest
        case .leftUpperArm: return .leftShoulder
        case .rightUpperArm: return .rightShoulder
        case .leftLowerArm: return .leftUpperArm
        case .rightLowerArm: return .rightUpperArm
        case .leftHand: return .leftLowerArm
        case .rightHand: return .rightLowerArm
        case .leftUpperLeg, .rightUpperLeg: return .hips
        case .leftLowerLeg: return .leftUpperLeg
        case .rightLowerLeg: return .rightUpperLeg
        case .leftFoot: return .leftLowerLeg
        case .rightFoot: return .rightLowerLeg
        case .leftToes: return .leftFoot
        case .rightToes: return .rightFoot
        }
    }

    /// The joint's index in `allCases`: its place in the glTF skin's `joints`. Parents come
    /// before their children, so a pass in this order sees every parent first.
    /// Read from the case's storage: a field-less enum of under 256 cases is one byte holding
    /// its declaration order, which is `allCases`' order (a test checks both). Poses look joints
    /// up for every key of every clip, and a dictionary would hash the joint's name each time.
    public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }


    /// Which side of the body (model faces +Z, so the character's left is +X, as VRM says).
    public var side: Side {
        let name = rawValue
        return name.hasPrefix("left") ? .left : name.hasPrefix("right") ? .right : .centre
    }

    /// Left, right or on the midline.
    public enum Side: Sendable {
        case left, right, centre

        /// +1 for left (+X), −1 for right, 0 on the midline.
        public var sign: Float { self == .left ? 1 : self == .right ? -1 : 0 }
    }

    /// The leg bones of one side, hip to toes.
    public static func leg(_ side: Side) -> (upper: HumanoidBone, lower: HumanoidBone, foot: HumanoidBone, toes: HumanoidBone) {
        side == .right ? (.rightUpperLeg, .rightLowerLeg, .rightFoot, .rightToes) : (.leftUpperLeg, .leftLowerLeg, .leftFoot, .leftToes)
    }

    /// The arm bones of one side, shoulder to hand.
    public static func arm(_ side: Side) -> (shoulder: HumanoidBone, upper: HumanoidBone, lower: HumanoidBone, hand: HumanoidBone) {
        side == .right ? (.rightShoulder, .rightUpperArm, .rightLowerArm, .rightHand) : (.leftShoulder, .leftUpperArm, .leftLowerArm, .leftHand)
    }
}
