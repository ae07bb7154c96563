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
        var toAnkle = target - hip
        let d = clamp(length(toAnkle), abs(l1 - l2) + 1e-4, (l1 + l2) * 0.9999)
        toAnkle = length(toAnkle) > 1e-6 ? normalize(toAnkle) : Vec3(0, -1, 0)
        let u = toAnkle
        let forward = hipsRotation.rotate(Vec3(0, 0, 1))
        var w = forward - u * dot(forward, u)
        if length(w) < 1e-4 { w = hipsRotation.rotate(Vec3(0, 1, 0)) - u * dot(hipsRotation.rotate(Vec3(0, 1, 0)), u) }
        w = normalize(w)
        let cosA = clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1, 1)
        let sinA = (1 - cosA * cosA).squareRoot()
        let knee = hip + (u * cosA + w * sinA) * l1
        let ankle = hip + u * d
        let n = normalize(cross(w, u))
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
