/// The looping motions every humanoid has, made procedurally from the skeleton's proportions
/// (see `HumanoidMotion`). Walk and run are in place: the character's root is meant to move
/// forward (+Z) at `rootSpeed`, which a route animation does; the feet are planted for that
/// speed, so they do not slide over the ground.
public enum CharacterClip: String, CaseIterable, Hashable, Sendable {
    case idle, walk, run, wave, sit, work, talk

    /// Seconds per loop.
    public var duration: Float {
        switch self {
        case .idle: return 4
        case .walk: return 1.0
        case .run: return 0.68
        case .wave: return 2
        case .sit: return 4
        case .work: return 1.2
        case .talk: return 3
        }
    }

    /// The speed (m/s) the root must move forward for the feet to stay planted; 0 for the
    /// clips done standing or sitting. The same for every body, so all of a scene's
    /// characters share one `walk` animation and one speed (a shorter person takes
    /// relatively longer strides, as people walking together do).
    public var rootSpeed: Float {
        switch self {
        case .walk: return 1.1
        case .run: return 2.8
        default: return 0
        }
    }

    /// Fraction of the loop each foot is on the ground (flat) and on its toes after the heel
    /// lifts; a foot's stance starts at phase 0 (left) or 0.5 (right).
    var gait: (flat: Float, toes: Float)? {
        switch self {
        case .walk: return (0.42, 0.18)
        case .run: return (0.22, 0.14)
        default: return nil
        }
    }

    /// When each foot and toe joint is planted, as phase ranges (0…1 of the loop): the
    /// contact phases over which they must not move relative to the ground.
    public var contacts: [(bone: HumanoidBone, phases: [ClosedRange<Float>])] {
        guard let gait else {
            return [HumanoidBone.leftFoot, .leftToes, .rightFoot, .rightToes].map { ($0, [0...1]) }
        }
        func wrapped(_ start: Float, _ length: Float) -> [ClosedRange<Float>] {
            let end = start + length
            return end <= 1 ? [start...end] : [start...1, 0...(end - 1)]
        }
        return [
            (.leftFoot, wrapped(0, gait.flat)), (.leftToes, wrapped(0, gait.flat + gait.toes)),
            (.rightFoot, wrapped(0.5, gait.flat)), (.rightToes, wrapped(0.5, gait.flat + gait.toes)),
        ]
    }
}
