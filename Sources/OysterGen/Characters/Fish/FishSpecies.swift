import OysterCore

/// The fish of the fish kit, each the one `FishSkeleton` in its own proportions: a trout
/// (rivers and clear lakes) and a carp (still lakes).
public enum FishSpecies: String, CaseIterable, Hashable, Sendable {
    case trout, carp

    /// Display name for nodes (`Trout`, `Carp`).
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// How many "fish", "trout" or "a shoal of carp" means.
    public var shoalSize: Int { self == .trout ? 5 : 4 }

    /// Sizes (metres) and swimming of an adult: a 45 cm trout, slender and quick; a 55 cm
    /// carp, deep-bodied and slow.
    var proportions: FishProportions {
        switch self {
        case .trout: return FishProportions(length: 0.45, depth: 0.1, width: 0.06, beat: 0.5, speed: 0.7)
        case .carp: return FishProportions(length: 0.55, depth: 0.17, width: 0.09, beat: 0.8, speed: 0.45)
        }
    }
}

/// A fish's size (metres), tail-beat period (s, the `swim` clip's loop) and cruising speed
/// (m/s).
struct FishProportions: Hashable, Sendable {
    /// Snout to the end of the tail fin.
    var length: Float
    /// The body's greatest height and width.
    var depth: Float
    var width: Float
    var beat: Float
    var speed: Float
}
