import OysterCore

/// One moment of a fish's motion: `SkeletonPose` on the fish's bones (root: the head).
typealias FishPose = SkeletonPose<FishBone>

/// The looping motions of a fish (see `FishMotion`).
public enum FishClip: String, CaseIterable, Hashable, Sendable {
    /// Swimming: a sideways wave travelling from head to tail, one tail beat per loop.
    case swim

    /// Seconds per loop for `species`: one tail beat.
    public func duration(_ species: FishSpecies) -> Float { species.proportions.beat }

    /// The speed the root moves forward while the clip plays (the route carries it).
    public func rootSpeed(_ species: FishSpecies) -> Float { species.proportions.speed }
}

/// Procedural swimming: each joint of the chain turns about Y by a sine of the loop's phase,
/// each a little later than the one before and further (3° at the head to 22° at the fin),
/// so a bend runs down the body to the tail as it does in a swimming trout. A pure function of
/// the phase: the loop's last pose is its first.
struct FishMotion {
    let skeleton: FishSkeleton

    /// Amplitude (radians) and lag (radians of phase) per joint, head to fin.
    static let wave: [FishBone: (amplitude: Float, lag: Float)] = [
        .head: (deg(3), 0), .spine: (deg(8), 0.8), .tail: (deg(14), 1.6), .tailFin: (deg(22), 2.4),
    ]

    func poses(_ clip: FishClip, at times: [Float]) -> [FishPose] {
        let T = clip.duration(skeleton.species)
        return times.map { pose(phase: $0 / T) }
    }

    func pose(phase: Float) -> FishPose {
        let a = 2 * Float.pi * (phase - phase.rounded(.down))
        var pose = FishPose(root: skeleton.position(.head))
        for bone in FishBone.allCases {
            let w = Self.wave[bone]!
            pose[bone] = Quat.ry(w.amplitude * ksin(a - w.lag))
        }
        return pose
    }
}
