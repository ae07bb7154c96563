import OysterCore

/// The animals of the quadruped kit. Every species is the one `QuadrupedSkeleton` in its own
/// proportions (`AnimalProportions`) with its own coat, ears, tail and horns or antlers.
public enum AnimalSpecies: String, CaseIterable, Hashable, Sendable {
    case deer, sheep, cow, horse, dog

    /// Display name for nodes (`Deer`, `Horse`…).
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// How many a herd word ("a herd of deer", "sheep" alone) means.
    public var herdSize: Int {
        switch self {
        case .deer: return 6
        case .sheep: return 8
        case .cow: return 5
        case .horse: return 4
        case .dog: return 1
        }
    }

    /// Typical sizes, in metres, and gaits of an adult (scaled a little per animal).
    var proportions: AnimalProportions {
        switch self {
        case .horse:
            return AnimalProportions(withers: 1.55, bodyLength: 1.15, bodyRadius: 0.34, bodyWidth: 0.82, legRadius: 0.11,
                                     neckLength: 0.72, neckRise: deg(52), headLength: 0.56, headRadius: 0.11, headDroop: deg(62),
                                     tailLength: 0.75, tailDroop: deg(70), earLength: 0.14,
                                     walk: (1.5, 0.95), run: (7.0, 0.46))
        case .deer:
            return AnimalProportions(withers: 1.0, bodyLength: 0.68, bodyRadius: 0.19, bodyWidth: 0.78, legRadius: 0.055,
                                     neckLength: 0.46, neckRise: deg(56), headLength: 0.3, headRadius: 0.07, headDroop: deg(48),
                                     tailLength: 0.14, tailDroop: deg(35), earLength: 0.15,
                                     walk: (1.3, 0.96), run: (6.0, 0.4))
        case .cow:
            return AnimalProportions(withers: 1.35, bodyLength: 1.1, bodyRadius: 0.37, bodyWidth: 0.92, legRadius: 0.11,
                                     neckLength: 0.44, neckRise: deg(22), headLength: 0.5, headRadius: 0.13, headDroop: deg(58),
                                     tailLength: 0.8, tailDroop: deg(82), earLength: 0.13,
                                     walk: (1.0, 1.05), run: (3.5, 0.56))
        case .sheep:
            return AnimalProportions(withers: 0.72, bodyLength: 0.58, bodyRadius: 0.23, bodyWidth: 1.0, legRadius: 0.035,
                                     neckLength: 0.24, neckRise: deg(42), headLength: 0.24, headRadius: 0.07, headDroop: deg(55),
                                     tailLength: 0.12, tailDroop: deg(75), earLength: 0.09,
                                     walk: (0.9, 0.9), run: (3.2, 0.42))
        case .dog:
            return AnimalProportions(withers: 0.56, bodyLength: 0.46, bodyRadius: 0.13, bodyWidth: 0.8, legRadius: 0.04,
                                     neckLength: 0.2, neckRise: deg(52), headLength: 0.22, headRadius: 0.07, headDroop: deg(18),
                                     tailLength: 0.3, tailDroop: deg(-25), earLength: 0.08,
                                     walk: (1.0, 0.76), run: (5.0, 0.36))
        }
    }
}

/// An adult's size and gaits: the numbers a `QuadrupedSkeleton` and `QuadrupedBody` are made
/// from (metres and radians), and the speed (m/s) and loop time (s) of its walk and run.
struct AnimalProportions: Hashable, Sendable {
    var withers: Float
    /// Shoulder joint to hip joint.
    var bodyLength: Float
    /// Half the barrel's depth; `bodyWidth` × this is half its width.
    var bodyRadius: Float
    var bodyWidth: Float
    var legRadius: Float
    var neckLength: Float
    /// The neck's rest angle above the horizontal.
    var neckRise: Float
    var headLength: Float
    var headRadius: Float
    /// The head's angle below the horizontal (muzzle down).
    var headDroop: Float
    var tailLength: Float
    /// The tail's angle below the horizontal (negative: carried up).
    var tailDroop: Float
    var earLength: Float
    var walk: (speed: Float, duration: Float)
    var run: (speed: Float, duration: Float)

    static func == (a: AnimalProportions, b: AnimalProportions) -> Bool {
        a.withers == b.withers && a.bodyLength == b.bodyLength && a.walk == b.walk && a.run == b.run
    }
    func hash(into h: inout Hasher) { h.combine(withers); h.combine(bodyLength) }
}
