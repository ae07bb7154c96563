import OysterCore

// MARK: - Two-bone leg IK

extension SkeletonPose where Bone == HumanoidBone {
    /// Bends the leg on `side` so its ankle reaches `ankle` (model space) with the foot turned
    /// to `foot` (world rotation) and the toes to `toes`; the knee bends forwards, in the plane
    /// of the hip, the ankle and the pelvis's forward direction. A target beyond reach is
    /// pulled in to the straight leg (only swing feet ever are).
    mutating func placeLeg(_ side: HumanoidBone.Side, ankle target: Vec3, foot: Quat, toes: Quat, skeleton: HumanoidSkeleton) {
        let leg = HumanoidBone.leg(side)
        let hipsRotation = self[.hips]
        let hip = hips + hipsRotation.rotate(skeleton.offset(leg.upper))
        let (l1, l2) = skeleton.legLengths
        let ik = TwoBoneIK(root: hip, target: target, lengths: l1, l2, pole: hipsRotation.rotate(Vec3(0, 0, 1)),
                           fallback: hipsRotation.rotate(Vec3(0, 1, 0)), degenerate: 1e-4)
        let knee = ik.middle, ankle = ik.end
        let n = normalize(cross(ik.bend, ik.axis))
        func frame(up: Vec3) -> Quat {
            let y = normalize(up)
            let x = normalize(n - y * dot(n, y))
            return Orientation.quaternion(x, y, cross(x, y))
        }
        let thigh = frame(up: hip - knee), shin = frame(up: knee - ankle)
        self[leg.upper] = (hipsRotation.conjugate * thigh).normalized
        self[leg.lower] = (thigh.conjugate * shin).normalized
        self[leg.foot] = (shin.conjugate * foot).normalized
        self[leg.toes] = (foot.conjugate * toes).normalized
    }
}

// MARK: - Feet on uneven ground

extension SkeletonPose where Bone == HumanoidBone {
    /// Puts the feet of a pose made for flat ground on `ground` (world height at x, z) for a
    /// rig at `rig` turned `yaw`, whose own height is the ground under it: each ankle is moved
    /// up or down by the ground's height under it less the rig's, and the leg solved to reach it
    /// with the foot and toes turned as they were. The hips sink as far as the lower foot needs,
    /// so a foot downhill still reaches. A planted foot then stays where it landed on a slope.
    mutating func ground(on ground: (Float, Float) -> Float, rig: Vec3, yaw: Float, skeleton: HumanoidSkeleton) {
        let (rotations, positions) = world(skeleton)
        let turn = Orientation.yaw(yaw)
        var targets: [(HumanoidBone.Side, Vec3, Quat, Quat)] = []
        var sink: Float = 0
        for side in [HumanoidBone.Side.left, .right] {
            let leg = HumanoidBone.leg(side)
            let ankle = positions[leg.foot.index]
            let w = rig + turn.rotate(ankle)
            let rise = ground(w.x, w.z) - rig.y
            sink = min(sink, rise)
            targets.append((side, ankle + Vec3(0, rise, 0), rotations[leg.foot.index], rotations[leg.toes.index]))
        }
        hips.y += sink
        for (side, ankle, foot, toes) in targets { placeLeg(side, ankle: ankle, foot: foot, toes: toes, skeleton: skeleton) }
    }
}
