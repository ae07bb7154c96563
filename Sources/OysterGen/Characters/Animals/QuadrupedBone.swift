import OysterCore

/// The joints of Oyster's one quadruped skeleton (deer, sheep, cows, horses, dogs): a spine of
/// `hips` → `spine` → `chest` → `neck` → `head`, a tail of two joints, and four legs of
/// `UpperLeg` (hip or shoulder), `LowerLeg` (stifle or elbow) and `Foot` (hock or knee, down
/// to the hoof or paw).
///
/// Why these names: no published quadruped convention is mapped by engines the way VRM's and
/// Unity's humanoid bones are (Unity's Humanoid, VRM and Mixamo are bipeds only; Rigify's
/// animal metarigs use dotted names such as `thigh.L` that Godot strips and exporters
/// rewrite). So the quadruped extends the humanoid's own VRM style: lower camel case, side
/// first, the segment words VRM uses (`hips`, `spine`, `chest`, `neck`, `head`, `UpperLeg`,
/// `LowerLeg`, `Foot`), with `Front`/`Hind` between side and segment. A retargeter set up for
/// Oyster's people finds the spine and the hind legs' words where it expects them, `left`/
/// `right` prefixes are what Blender's name flipping and mirror tools read, and the names
/// need no rewriting in any tool ([A-Za-z] only).
public enum QuadrupedBone: String, CaseIterable, Hashable, Sendable {
    case hips, spine, chest, neck, head, tail, tailTip
    case leftFrontUpperLeg, leftFrontLowerLeg, leftFrontFoot
    case rightFrontUpperLeg, rightFrontLowerLeg, rightFrontFoot
    case leftHindUpperLeg, leftHindLowerLeg, leftHindFoot
    case rightHindUpperLeg, rightHindLowerLeg, rightHindFoot

    /// The joint this one hangs from (nil for the hips, the skeleton's root).
    public var parent: QuadrupedBone? {
        switch self {
        case .hips: return nil
        case .spine, .tail: return .hips
        case .chest: return .spine
        case .neck: return .chest
        case .head: return .neck
        case .tailTip: return .tail
        case .leftFrontUpperLeg, .rightFrontUpperLeg: return .chest
        case .leftHindUpperLeg, .rightHindUpperLeg: return .hips
        case .leftFrontLowerLeg: return .leftFrontUpperLeg
        case .rightFrontLowerLeg: return .rightFrontUpperLeg
        case .leftHindLowerLeg: return .leftHindUpperLeg
        case .rightHindLowerLeg: return .rightHindUpperLeg
        case .leftFrontFoot: return .leftFrontLowerLeg
        case .rightFrontFoot: return .rightFrontLowerLeg
        case .leftHindFoot: return .leftHindLowerLeg
        case .rightHindFoot: return .rightHindLowerLeg
        }
    }

    /// The joint's index in `allCases` (parents first): its place in the skin's `joints`.
    /// Read from the case's storage: a field-less enum of under 256 cases is one byte holding
    /// its declaration order, which is `allCases`' order (a test checks both). Poses look joints
    /// up for every key of every clip, and a dictionary would hash the joint's name each time.
    public var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

extension QuadrupedBone: SkeletonJoint {}

/// One of the four legs.
public enum QuadrupedLeg: String, CaseIterable, Hashable, Sendable {
    case leftFront, rightFront, leftHind, rightHind

    public var isFront: Bool { self == .leftFront || self == .rightFront }
    /// +1 for the animal's left (+X, facing +Z), −1 for its right.
    public var sign: Float { self == .leftFront || self == .leftHind ? 1 : -1 }

    /// The leg's joints, hip (or shoulder) to foot.
    public var bones: (upper: QuadrupedBone, lower: QuadrupedBone, foot: QuadrupedBone) {
        switch self {
        case .leftFront: return (.leftFrontUpperLeg, .leftFrontLowerLeg, .leftFrontFoot)
        case .rightFront: return (.rightFrontUpperLeg, .rightFrontLowerLeg, .rightFrontFoot)
        case .leftHind: return (.leftHindUpperLeg, .leftHindLowerLeg, .leftHindFoot)
        case .rightHind: return (.rightHindUpperLeg, .rightHindLowerLeg, .rightHindFoot)
        }
    }
}
