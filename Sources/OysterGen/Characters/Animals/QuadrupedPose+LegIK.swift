import OysterCore

/// One moment of a quadruped motion: `SkeletonPose` on the quadruped's bones (root: the hips).
typealias QuadrupedPose = SkeletonPose<QuadrupedBone>

// MARK: - Two-bone leg IK for any rest zigzag

extension SkeletonPose where Bone == QuadrupedBone {
    /// Bends `leg` so its foot joint (hock or knee) reaches `target` (model space) and turns the
    /// foot bone to `foot` (its rotation from rest, in model space). The middle joint bends
    /// the way it does at rest (the hind stifle forwards, the front elbow back): the pole is
    /// the rest knee's offset from the hip–foot line, carried by the parent's rotation. Each
    /// bone's rotation maps its rest frame (bone direction, leg-plane normal) onto the solved
    /// one, so the rest pose solves to identity. A target out of reach is pulled in to the
    /// straightened leg. The parents (hips, spine, chest) must be posed first.
    mutating func placeLeg(_ leg: QuadrupedLeg, foot target: Vec3, footRotation foot: Quat, skeleton s: QuadrupedSkeleton) {
        let b = leg.bones
        let parent = b.upper.parent!
        let (wr, wp) = world(s)
        let parentRotation = wr[parent.index]
        let a = wp[b.upper.index]
        let a0 = s.position(b.upper), b0 = s.position(b.lower), c0 = s.position(b.foot)
        let (l1, l2) = s.legLengths(leg)
        let u0 = normalize(c0 - a0)
        let w0 = normalize((b0 - a0) - u0 * dot(b0 - a0, u0))
        let n0 = normalize(cross(u0, w0))
        let ik = TwoBoneIK(root: a, target: target, lengths: l1, l2, pole: parentRotation.rotate(w0),
                           fallback: parentRotation.rotate(Vec3(0, 0, 1)), degenerate: 1e-5)
        let knee = ik.middle, end = ik.end
        let n = normalize(cross(ik.axis, ik.bend))
        func frame(_ dir: Vec3, _ normal: Vec3) -> Quat {
            let y = normalize(dir)
            let x = normalize(normal - y * dot(normal, y))
            return Orientation.quaternion(x, y, cross(x, y))
        }
        let upper = (frame(knee - a, n) * frame(b0 - a0, n0).conjugate).normalized
        let lower = (frame(end - knee, n) * frame(c0 - b0, n0).conjugate).normalized
        self[b.upper] = (parentRotation.conjugate * upper).normalized
        self[b.lower] = (upper.conjugate * lower).normalized
        self[b.foot] = (lower.conjugate * foot).normalized
    }
}
