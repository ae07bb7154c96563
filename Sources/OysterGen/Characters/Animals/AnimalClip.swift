/// The looping motions every quadruped has, made procedurally from its skeleton (see
/// `QuadrupedMotion`). Walk and run are in place for a root moving forward (+Z) at the
/// species' speed; idle and graze stand with all four feet planted.
public enum AnimalClip: String, CaseIterable, Hashable, Sendable {
    case idle, graze, walk, run

    /// When each foot lands (phase 0…1 of the loop) and for how long it stays down.
    struct Gait {
        /// Landing phase per leg, `QuadrupedLeg.allCases` order.
        var strikes: [QuadrupedLeg: Float]
        /// Fraction of the loop each foot is on the ground (the duty factor).
        var duty: Float
    }

    /// The footfalls. Walk: the four-beat lateral sequence of every walking quadruped (left
    /// hind, left fore, right hind, right fore, a quarter loop apart), each foot down 64 % of
    /// the loop so two or three always carry the body. Run: the transverse gallop (left hind,
    /// right hind, left fore, right fore, then a moment in the air), each foot down 30 %.
    /// Every phase is a multiple of 1/50, so contacts start and end on keys.
    var gait: Gait? {
        switch self {
        case .walk: return Gait(strikes: [.leftHind: 0, .leftFront: 0.24, .rightHind: 0.5, .rightFront: 0.74], duty: 0.64)
        case .run: return Gait(strikes: [.leftHind: 0, .rightHind: 0.1, .leftFront: 0.4, .rightFront: 0.5], duty: 0.3)
        default: return nil
        }
    }

    /// Seconds per loop for `species`.
    public func duration(_ species: AnimalSpecies) -> Float {
        switch self {
        case .idle: return 4
        case .graze: return 3
        case .walk: return species.proportions.walk.duration
        case .run: return species.proportions.run.duration
        }
    }

    /// The speed (m/s) the root must move forward for planted feet to stay still.
    public func rootSpeed(_ species: AnimalSpecies) -> Float {
        switch self {
        case .walk: return species.proportions.walk.speed
        case .run: return species.proportions.run.speed
        default: return 0
        }
    }

    /// The animation a clip of `species` is written to: `deer-walk`, `horse-graze`.
    public func animationName(_ species: AnimalSpecies) -> String { "\(species.rawValue)-\(rawValue)" }

    /// When each foot is planted, as phase ranges (0…1 of the loop): the contact phases over
    /// which it must not move relative to the ground.
    public var contacts: [(leg: QuadrupedLeg, phases: [ClosedRange<Float>])] {
        guard let gait else { return QuadrupedLeg.allCases.map { ($0, [0...1]) } }
        return QuadrupedLeg.allCases.map { leg in
            let start = gait.strikes[leg]!, end = start + gait.duty
            return (leg, end <= 1 ? [start...end] : [start...1, 0...(end - 1)])
        }
    }
}
