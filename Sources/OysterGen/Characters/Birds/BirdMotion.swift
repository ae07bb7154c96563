import OysterCore

/// One moment of a bird's motion: `SkeletonPose` on the bird's bones (root: the hips).
typealias BirdPose = SkeletonPose<BirdBone>

/// Procedural flight for the bird skeleton: a pure function of the clip's phase, so the same
/// time gives the same pose and a loop's last pose is its first.
///
/// A wing beat is a rotation of the arm about the body's long axis (Z): up is about +Z for
/// the left wing (+X turns toward +Y), about −Z for the right, so each side is the other's
/// mirror. The forearm and hand follow the arm a little later (the wave that runs out along
/// a flapping wing), and on the upstroke the wing sweeps back at the elbow and wrist, folding
/// to lose lift as birds do. The body rises a little on the downstroke.
struct BirdMotion {
    let skeleton: BirdSkeleton
    var p: BirdProportions { skeleton.proportions }

    /// Poses of `clip` at `times` seconds (looping).
    func poses(_ clip: BirdClip, at times: [Float]) -> [BirdPose] {
        let T = clip.duration(skeleton.species)
        return times.map { pose(clip, phase: $0 / T) }
    }

    /// The pose at `phase` (loops every 1).
    func pose(_ clip: BirdClip, phase: Float) -> BirdPose {
        let u = phase - phase.rounded(.down), twoPi = 2 * Float.pi
        let a = twoPi * u
        var pose = BirdPose(root: skeleton.position(.hips))
        // Legs tucked back under the tail in flight.
        for wing in BirdWing.allCases {
            pose[wing.leg.upper] = Quat.rx(deg(75))
            pose[wing.leg.foot] = Quat.rx(deg(40))
        }
        switch clip {
        case .fly:
            // Arm: from 50° up to 35° down and back (cos: top at 0, bottom at half a beat).
            let arm = deg(7) + deg(43) * kcos(a)
            let forearm = deg(14) * kcos(a - 0.7)
            let hand = deg(20) * kcos(a - 1.3)
            // Upstroke (second half): elbow and wrist sweep back, the hand folds in.
            let fold = max(0, -ksin(a))
            for wing in BirdWing.allCases {
                let s = wing.sign, b = wing.bones
                pose[b.upper] = (Quat.rz(s * arm) * Quat.ry(s * deg(10) * fold)).normalized
                pose[b.lower] = (Quat.rz(s * forearm) * Quat.ry(s * deg(25) * fold)).normalized
                pose[b.tip] = (Quat.rz(s * hand) * Quat.ry(s * deg(-20) * fold)).normalized
            }
            // The body is lifted on the downstroke and sinks on the upstroke; the head holds
            // still in the air, so it counters the body's pitch.
            pose.root.y += 0.08 * p.bodyRadius * ksin(a)
            pose[.hips] = Quat.rx(deg(-3) * kcos(a))
            pose[.neck] = Quat.rx(deg(3) * kcos(a))
            pose[.tail] = Quat.rx(deg(6) * kcos(a + 0.5))
        case .glide:
            // Held out with a slight dihedral, rocking ±3° as air lifts one wing then the
            // other; the tail twists to steer against it, the head looks about.
            let rock = deg(3) * ksin(a)
            for wing in BirdWing.allCases {
                let s = wing.sign, b = wing.bones
                pose[b.upper] = (Quat.rz(s * deg(6) + rock) * Quat.ry(s * deg(4))).normalized
                pose[b.lower] = Quat.rz(s * deg(-2))
                pose[b.tip] = (Quat.rz(s * deg(5) + 0.5 * rock) * Quat.ry(s * deg(6))).normalized
            }
            pose[.tail] = Quat.rz(-1.5 * rock)
            pose[.neck] = Quat.ry(deg(10) * ksin(a + 1))
        }
        return pose
    }
}
