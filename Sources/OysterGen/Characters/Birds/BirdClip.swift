/// The looping motions of every bird, made procedurally (see `BirdMotion`). Both are for a
/// bird in the air, its legs tucked: the rig (a flock's route) carries it along at the
/// species' speed; the clip only moves the wings, tail and head.
public enum BirdClip: String, CaseIterable, Hashable, Sendable {
    /// Flapping flight: one wing beat per loop, the hand lagging the arm, the wing partly
    /// folded on the upstroke.
    case fly
    /// Gliding and soaring: wings held out with a slight dihedral, rocking a little as the
    /// bird rides the air, the tail steering.
    case glide

    /// Seconds per loop for `species`: one wing beat, or a slow two-second sway.
    public func duration(_ species: BirdSpecies) -> Float {
        switch self {
        case .fly: return species.proportions.beat
        case .glide: return 2
        }
    }

    /// Keys per loop: enough for the beat's curve (a sine sampled 16 times is within 2 % of
    /// its peak), and 20 over a glide's slow sway.
    var keyIntervals: Int { self == .fly ? 16 : 20 }

    /// The flying speed the clip is made for (the route moves the bird; the clip is in place).
    public func rootSpeed(_ species: BirdSpecies) -> Float { species.proportions.speed }
}
