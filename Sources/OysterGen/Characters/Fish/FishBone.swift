/// The joints of Oyster's one fish skeleton (trout, carp): a chain from `head` (the root,
/// at the gills) back through `spine` and `tail` to `tailFin`, the caudal fin. A swimming
/// fish bends only sideways along this chain, so four joints carry the whole wave.
///
/// Names in the same lower-camel-case VRM style as the other kits (`head` and `spine` are
/// VRM's words; `tail` as the quadruped's).
public enum FishBone: String, CaseIterable, Hashable, Sendable {
    case head, spine, tail, tailFin

    /// The joint this one hangs from (nil for the head, the skeleton's root).
    public var parent: FishBone? {
        switch self {
        case .head: return nil
        case .spine: return .head
        case .tail: return .spine
        case .tailFin: return .tail
        }
    }

    /// The joint's index in `allCases` (parents first): its place in the skin's `joints`.
    public var index: Int { Self.indexOf[self]! }
    private static let indexOf: [FishBone: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}

extension FishBone: SkeletonJoint {}
