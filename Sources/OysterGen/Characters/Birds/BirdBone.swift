/// The joints of Oyster's one bird skeleton (crows, gulls, pigeons): `hips` → `chest` →
/// `neck` → `head`, a `tail` (the fan), two wings of `UpperWing` (shoulder to elbow),
/// `LowerWing` (elbow to wrist) and `WingTip` (the hand and its primaries), and two legs of
/// `UpperLeg` (down to the ankle) and `Foot` (the toes).
///
/// Why these names: as for the quadruped (`QuadrupedBone`), no published bird convention is
/// mapped by engines, so the names extend the humanoid's VRM style: lower camel case, side
/// first, VRM's segment words where a bird has them (`hips`, `chest`, `neck`, `head`,
/// `UpperLeg`, `Foot`) and `UpperWing`/`LowerWing` after VRM's `UpperArm`/`LowerArm`, which
/// the wing's bones are. [A-Za-z] only, so no tool rewrites them.
public enum BirdBone: String, CaseIterable, Hashable, Sendable {
    case hips, chest, neck, head, tail
    case leftUpperWing, leftLowerWing, leftWingTip
    case rightUpperWing, rightLowerWing, rightWingTip
    case leftUpperLeg, leftFoot, rightUpperLeg, rightFoot

    /// The joint this one hangs from (nil for the hips, the skeleton's root).
    public var parent: BirdBone? {
        switch self {
        case .hips: return nil
        case .chest, .tail, .leftUpperLeg, .rightUpperLeg: return .hips
        case .neck, .leftUpperWing, .rightUpperWing: return .chest
        case .head: return .neck
        case .leftLowerWing: return .leftUpperWing
        case .leftWingTip: return .leftLowerWing
        case .rightLowerWing: return .rightUpperWing
        case .rightWingTip: return .rightLowerWing
        case .leftFoot: return .leftUpperLeg
        case .rightFoot: return .rightUpperLeg
        }
    }

    /// The joint's index in `allCases` (parents first): its place in the skin's `joints`.
    public var index: Int { Self.indexOf[self]! }
    private static let indexOf: [BirdBone: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

extension BirdBone: SkeletonJoint {}

/// One of the two wings.
public enum BirdWing: String, CaseIterable, Hashable, Sendable {
    case left, right

    /// +1 for the bird's left (+X, facing +Z), −1 for its right.
    public var sign: Float { self == .left ? 1 : -1 }

    /// The wing's joints, shoulder to hand.
    public var bones: (upper: BirdBone, lower: BirdBone, tip: BirdBone) {
        self == .left ? (.leftUpperWing, .leftLowerWing, .leftWingTip) : (.rightUpperWing, .rightLowerWing, .rightWingTip)
    }

    /// The leg on this side: thigh-and-shank to ankle, then the toes.
    public var leg: (upper: BirdBone, foot: BirdBone) {
        self == .left ? (.leftUpperLeg, .leftFoot) : (.rightUpperLeg, .rightFoot)
    }
}
