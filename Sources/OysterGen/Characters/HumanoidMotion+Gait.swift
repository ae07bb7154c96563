import OysterCore

// MARK: - Walking and running

extension HumanoidMotion {
    /// Where one foot is at stance phase `s` (0 = heel strike, 0…1 of the loop after it): its
    /// ankle target, its world rotation (pitched up about X as the heel lifts) and its toes'.
    ///
    /// In place, a planted foot moves backwards at the root speed: flat on the ground first
    /// (ankle and toes still relative to the ground once the root's motion is added), then
    /// rolling over the toes (the toes still, the heel rising). In the swing it travels
    /// forwards again, lifted, to the next heel strike.
    struct FootPlan {
        var ankle: Vec3
        var foot: Quat
        var toes: Quat
        var planted: Bool
    }

    func footPlan(_ clip: CharacterClip, side: HumanoidBone.Side, stance s: Float) -> FootPlan {
        let gait = clip.gait!
        let leg = HumanoidBone.leg(side)
        let rest = skeleton.position(leg.foot), toesRest = skeleton.position(leg.toes)
        let heelToToes = toesRest - rest  // ankle → toes joint
        let v = clip.rootSpeed, T = clip.duration
        let stance = gait.flat + gait.toes
        let roll = clip == .run ? deg(38) : deg(32)
        // Heel strike this far ahead of the hips, chosen so toe-off is as far behind.
        let rolled = Quat.rx(roll).rotate(-heelToToes)
        let ahead = (v * stance * T - heelToToes.z - rolled.z) / 2
        let toeOffAnkle: Vec3 = {
            let toes = Vec3(rest.x, toesRest.y, ahead + heelToToes.z - v * stance * T)
            return toes + rolled
        }()
        if s < gait.flat {
            return FootPlan(ankle: Vec3(rest.x, rest.y, ahead - v * s * T), foot: .identity, toes: .identity, planted: true)
        }
        if s < stance {
            let t = (s - gait.flat) / gait.toes
            let angle = roll * t * t
            let toes = Vec3(rest.x, toesRest.y, ahead + heelToToes.z - v * s * T)
            return FootPlan(ankle: toes + Quat.rx(angle).rotate(-heelToToes), foot: Quat.rx(angle), toes: .identity, planted: true)
        }
        // Swing: eased forwards, lifted on an arch, the foot levelling and the toes raised
        // clear of the ground mid-swing.
        let t = (s - stance) / (1 - stance)
        let ease = t * t * (3 - 2 * t)
        let lift = h(clip == .run ? 0.1 : 0.06) * ksin(.pi * t)
        let ankle = Vec3(rest.x, toeOffAnkle.y + (rest.y - toeOffAnkle.y) * t + lift, toeOffAnkle.z + (ahead - toeOffAnkle.z) * ease)
        let pitch = roll * (1 - ease) * (1 - ease) - deg(12) * ksin(.pi * t)
        return FootPlan(ankle: ankle, foot: Quat.rx(pitch), toes: Quat.rx(pitch * ease), planted: false)
    }

    /// The hips' height over the loop: as high as the planted legs reach (96 % of their
    /// length, never locked straight), below a cap, then bounded in slope so it rises and falls
    /// smoothly. Sampled once per loop (`samples` values).
    func hipHeights(_ clip: CharacterClip, samples n: Int) -> [Float] {
        let (l1, l2) = skeleton.legLengths
        let reach = (l1 + l2) * 0.96
        let rest = skeleton.position(.hips).y
        let hipDrop = rest - skeleton.position(.leftUpperLeg).y
        let cap = rest - h(clip == .run ? 0.02 : 0.012)
        var raw = [Float](repeating: cap, count: n)
        for i in 0..<n {
            let u = Float(i) / Float(n)
            for side in [HumanoidBone.Side.left, .right] {
                let s = stancePhase(u, side)
                let plan = footPlan(clip, side: side, stance: s)
                guard plan.planted else { continue }
                let dz = plan.ankle.z
                let y = plan.ankle.y + (max(reach * reach - dz * dz, 0)).squareRoot() + hipDrop
                raw[i] = min(raw[i], y)
            }
        }
        // Lower envelope with slope at most `k` per unit of phase: never above `raw`
        // (every planted foot stays reachable) and continuous.
        let k = h(clip == .run ? 0.6 : 0.35)
        return (0..<n).map { i in
            (0..<n).reduce(Float.infinity) { best, j in
                let d = Float(min(abs(i - j), n - abs(i - j))) / Float(n)
                return min(best, raw[j] + k * d)
            }
        }
    }

    /// The stance phase of a foot at loop phase `u`: left strikes at 0, right at 0.5.
    func stancePhase(_ u: Float, _ side: HumanoidBone.Side) -> Float {
        let s = side == .left ? u : u + 0.5
        return s - s.rounded(.down)
    }

    /// The gait pose at loop phase `u`, with the loop's hip heights (`hipHeights`).
    func gait(_ clip: CharacterClip, _ u: Float, hipHeights heights: [Float]) -> HumanoidPose {
        let n = heights.count
        let x = u * Float(n)
        let i0 = Int(x.rounded(.down)) % n, frac = x - x.rounded(.down)
        let hipY = heights[i0] + (heights[(i0 + 1) % n] - heights[i0]) * frac
        let twoPi = 2 * Float.pi
        let running = clip == .run
        var p = HumanoidPose(hips: Vec3(0, hipY, 0))
        // The pelvis turns with the forward leg; the chest turns back against it.
        let turn = ksin(twoPi * (u + 0.25))
        p[.hips] = (Quat.ry(deg(running ? 7 : 5) * turn) * Quat.rx(deg(running ? 6 : 2))).normalized
        p[.spine] = Quat.rx(deg(running ? 6 : 1))
        p[.chest] = Quat.ry(-deg(running ? 10 : 7) * turn)
        p[.neck] = (Quat.ry(deg(running ? 3 : 2) * turn) * Quat.rx(-deg(running ? 8 : 3))).normalized
        // Each arm swings with the opposite leg.
        let swing = deg(running ? 38 : 18) * ksin(twoPi * (u + 0.25))
        arm(&p, .left, lift: -swing, spread: deg(10), elbow: deg(running ? 85 : 16) + deg(running ? 10 : 8) * max(0, -ksin(twoPi * (u + 0.25))))
        arm(&p, .right, lift: swing, spread: deg(10), elbow: deg(running ? 85 : 16) + deg(running ? 10 : 8) * max(0, ksin(twoPi * (u + 0.25))))
        for side in [HumanoidBone.Side.left, .right] {
            let plan = footPlan(clip, side: side, stance: stancePhase(u, side))
            p.placeLeg(side, ankle: plan.ankle, foot: plan.foot, toes: plan.toes, skeleton: skeleton)
        }
        return p
    }
}
