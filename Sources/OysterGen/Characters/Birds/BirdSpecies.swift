import OysterCore

/// The birds of the bird kit, each the one `BirdSkeleton` in its own proportions: a crow (the
/// rook and raven of prompts) over forests, a gull over coasts and water, a pigeon over towns.
public enum BirdSpecies: String, CaseIterable, Hashable, Sendable {
    case crow, gull, pigeon

    /// Display name for nodes (`Crow`, `Gull`…).
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// How many a flock word ("a flock of crows", "gulls") means.
    public var flockSize: Int {
        switch self {
        case .crow: return 7
        case .gull: return 6
        case .pigeon: return 8
        }
    }

    /// Sizes (metres) and flight of an adult: measured birds (a carrion crow spans about
    /// 95 cm and beats its wings 3–4 times a second; a herring gull 1.3 m, slower; a pigeon
    /// 65 cm, faster).
    var proportions: BirdProportions {
        switch self {
        case .crow:
            return BirdProportions(bodyLength: 0.24, bodyRadius: 0.065, wingspan: 0.95, chord: 0.19, neckLength: 0.06,
                                   headRadius: 0.042, beakLength: 0.06, tailLength: 0.17, legLength: 0.09,
                                   beat: 0.3, speed: 10)
        case .gull:
            return BirdProportions(bodyLength: 0.27, bodyRadius: 0.075, wingspan: 1.3, chord: 0.2, neckLength: 0.07,
                                   headRadius: 0.046, beakLength: 0.055, tailLength: 0.13, legLength: 0.1,
                                   beat: 0.36, speed: 11)
        case .pigeon:
            return BirdProportions(bodyLength: 0.19, bodyRadius: 0.07, wingspan: 0.66, chord: 0.15, neckLength: 0.05,
                                   headRadius: 0.034, beakLength: 0.022, tailLength: 0.12, legLength: 0.065,
                                   beat: 0.2, speed: 12)
        }
    }
}

/// A bird's size (metres), wing-beat period (s) and flying speed (m/s): the numbers a
/// `BirdSkeleton`, `BirdBody` and `BirdMotion` are made from.
struct BirdProportions: Hashable, Sendable {
    /// Hip joint to the base of the neck.
    var bodyLength: Float
    var bodyRadius: Float
    /// Wing tip to wing tip, spread.
    var wingspan: Float
    /// The wing's depth (front to back) at the shoulder.
    var chord: Float
    var neckLength: Float
    var headRadius: Float
    var beakLength: Float
    var tailLength: Float
    /// Hip joint to the ground when perched.
    var legLength: Float
    /// Seconds per wing beat (the `fly` clip's loop).
    var beat: Float
    /// Cruising speed in the air.
    var speed: Float
}
