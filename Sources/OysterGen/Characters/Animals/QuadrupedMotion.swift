import OysterCore

/// Where a moving animal's root goes: its ground position (x, z) and heading (yaw about +Y,
/// 0 facing +Z) at each time, over ground of some height. An in-place clip is the straight path
/// at the clip's speed on flat ground; a route in a world is a loop over its terrain.
struct RootPath {
    var at: (Float) -> (position: Vec2, yaw: Float)
    var ground: (Float, Float) -> Float

    /// Forward (+Z) at `speed` over flat ground at y = 0.
    static func straight(speed: Float) -> RootPath {
        RootPath(at: { (Vec2(0, speed * $0), 0) }, ground: { _, _ in 0 })
    }
}

extension RootPath {
    /// The same path with its ground's heights remembered. A gait asks the height under the
    /// same landing point and the same root many times (every leg, every sample of the body's
    /// drop curve, every key), and a world's height is costly noise. The answers are the
    /// ground's own, so the poses are the same; use it on one thread.
    func rememberingGround() -> RootPath {
        final class Heights { var known: [UInt64: Float] = [:] }
        let heights = Heights(), ground = self.ground
        return RootPath(at: at, ground: { x, z in
            let key = UInt64(x.bitPattern) << 32 | UInt64(z.bitPattern)
            if let h = heights.known[key] { return h }
            let h = ground(x, z)
            heights.known[key] = h
            return h
        })
    }
}

/// Procedural motion for the quadruped skeleton, from its proportions alone, so it is
/// deterministic and fits every species.
///
/// Feet are placed in the world and the legs solved to reach them, as the people's are: a
/// foot lands where the body's motion will carry its rest point to mid-stance, stays there
/// (the same world point) until it lifts, and swings on an arch to its next landing. Poses
/// are those world targets seen from the root at that time, so the same function gives the
/// in-place clip (`RootPath.straight`) and a walk round a curve over uneven ground, where the
/// feet still do not slide. The body sinks and pitches as far as the planted legs need.
struct QuadrupedMotion {
    let skeleton: QuadrupedSkeleton
    var p: AnimalProportions { skeleton.proportions }
    /// Samples per loop of the body's drop curve.
    static let dropSamples = 200

    /// Poses of `clip` at `times` seconds (looping) with the root in place (walk and run: for a
    /// root moving forward at the clip's speed).
    func poses(_ clip: AnimalClip, at times: [Float]) -> [QuadrupedPose] {
        poses(clip, at: times, path: .straight(speed: clip.rootSpeed(skeleton.species)), loops: 1)
    }

    /// Poses of `clip` at `times` for a root moving along `path`, in the root's frame there
    /// (the rig node carries the path's position, ground height and heading). The path repeats
    /// after `loops` loops of the clip (1 for a straight path, the route's length for a loop).
    func poses(_ clip: AnimalClip, at times: [Float], path: RootPath, loops: Int) -> [QuadrupedPose] {
        let T = clip.duration(skeleton.species)
        guard let gait = clip.gait else { return times.map { standing(clip, phase: $0 / T) } }
        let drops = bodyDrops(clip, gait, path: path, loops: max(1, loops), samplesPerLoop: Self.dropSamples)
        return times.map { gaitPose(clip, gait, time: $0, path: path, drops: drops) }
    }

    // MARK: - Standing: idle and graze

    func standing(_ clip: AnimalClip, phase: Float) -> QuadrupedPose {
        let u = phase - phase.rounded(.down), twoPi = 2 * Float.pi
        var pose = QuadrupedPose(root: skeleton.position(.hips))
        let breath = 0.004 * p.withers * ksin(twoPi * u * (clip == .idle ? 2 : 3))
        pose.root.y += breath
        pose[.tail] = Quat.ry(deg(14) * ksin(twoPi * u * (clip == .idle ? 1 : 2)))
        pose[.tailTip] = Quat.ry(deg(18) * ksin(twoPi * u * (clip == .idle ? 1 : 2) - 0.8))
        switch clip {
        case .graze:
            pose[.hips] = Quat.rx(deg(4))
            let (neck, head) = grazeAngles
            // Cropping grass: the head nods and sweeps a little.
            pose[.neck] = (Quat.ry(deg(8) * ksin(twoPi * u)) * Quat.rx(neck)).normalized
            pose[.head] = Quat.rx(head + deg(5) * max(0, ksin(twoPi * 3 * u)))
        default:
            // Looking round: the head turns slowly one way and the other.
            pose[.neck] = (Quat.ry(deg(16) * ksin(twoPi * u)) * Quat.rx(deg(-4) + deg(3) * ksin(twoPi * 2 * u))).normalized
            pose[.head] = Quat.rx(deg(4) * ksin(twoPi * u + 1))
        }
        for leg in QuadrupedLeg.allCases {
            pose.placeLeg(leg, foot: skeleton.position(leg.bones.foot), footRotation: .identity, skeleton: skeleton)
        }
        return pose
    }

    /// Neck and head pitches (down) that bring the muzzle to the grass with the body pitched
    /// 4° forward: searched on the skeleton, as the necks of species differ.
    var grazeAngles: (neck: Float, head: Float) {
        func muzzleHeight(_ a: Float) -> Float {
            var pose = QuadrupedPose(root: skeleton.position(.hips))
            pose[.hips] = Quat.rx(deg(4))
            pose[.neck] = Quat.rx(a)
            pose[.head] = Quat.rx(a * 0.4)
            let (r, q) = pose.world(skeleton)
            return (q[QuadrupedBone.head.index] + r[QuadrupedBone.head.index].rotate(skeleton.tip(.head) - skeleton.position(.head))).y
        }
        var lo: Float = 0, hi = deg(100)
        let goal = 0.05 * p.withers
        if muzzleHeight(hi) > goal { return (hi, hi * 0.4) }
        for _ in 0..<30 {
            let mid = (lo + hi) / 2
            if muzzleHeight(mid) > goal { lo = mid } else { hi = mid }
        }
        return (hi, hi * 0.4)
    }

    // MARK: - Gaits: walk and run

    /// A foot at time `t`: its hoof target and the foot bone's rotation, in the root's frame.
    struct FootPlan {
        var hoof: Vec3
        var rotation: Quat
        var planted: Bool
    }

    func footPlan(_ leg: QuadrupedLeg, _ clip: AnimalClip, _ gait: AnimalClip.Gait, time t: Float, path: RootPath) -> FootPlan {
        let T = clip.duration(skeleton.species), v = clip.rootSpeed(skeleton.species)
        let rest = skeleton.hoof(leg)
        // Landing ahead of the rest point by half the ground the body covers while planted.
        let ahead = v * gait.duty * T / 2
        let cycles = t / T - gait.strikes[leg]!
        let n = cycles.rounded(.down)
        let s = cycles - n
        func plant(_ k: Float) -> (at: Vec3, yaw: Float) {
            let tk = (k + gait.strikes[leg]!) * T
            let (root, yaw) = path.at(tk)
            let local = Vec3(rest.x, 0, rest.z + ahead)
            let w = Orientation.yaw(yaw).rotate(local)
            let x = root.x + w.x, z = root.y + w.z
            return (Vec3(x, path.ground(x, z), z), yaw)
        }
        let (root, yaw) = path.at(t)
        let here = Vec3(root.x, path.ground(root.x, root.y), root.y)
        func local(_ world: Vec3) -> Vec3 { Orientation.yaw(-yaw).rotate(world - here) }
        // A planted foot keeps the heading it landed with (on a curve the body turns over it).
        func turn(_ landed: Float) -> Quat {
            var d = landed - yaw
            d -= 2 * .pi * (d / (2 * .pi)).rounded()
            return Orientation.yaw(d)
        }
        let from = plant(n)
        if s < gait.duty {
            return FootPlan(hoof: local(from.at), rotation: turn(from.yaw), planted: true)
        }
        let f = (s - gait.duty) / (1 - gait.duty)
        let ease = f * f * (3 - 2 * f)
        let to = plant(n + 1)
        var w = from.at + (to.at - from.at) * ease
        let running = clip == .run
        w.y = from.at.y + (to.at.y - from.at.y) * f + p.withers * (running ? 0.16 : 0.09) * ksin(.pi * f)
        // The hoof folds back under the leg in the swing (more at the front knee).
        let flex = (leg.isFront ? deg(running ? 95 : 70) : deg(running ? 45 : 30)) * ksin(.pi * min(1, f * 1.3))
        var swing = to.yaw - from.yaw
        swing -= 2 * .pi * (swing / (2 * .pi)).rounded()
        return FootPlan(hoof: local(w), rotation: (turn(from.yaw + swing * ease) * Quat.rx(flex)).normalized, planted: false)
    }

    /// How far the hip joints and shoulder joints sink below rest over the `loops` loops of a
    /// gait along `path` (uneven ground and curves included), so every planted foot stays in
    /// reach (95 % of the leg): the lowest height any planted leg allows, capped at rest, then
    /// the lower envelope with bounded slope so the body rises and falls smoothly.
    /// `samplesPerLoop` values per loop, hind and front, over the whole (repeating) path.
    func bodyDrops(_ clip: AnimalClip, _ gait: AnimalClip.Gait, path: RootPath, loops: Int, samplesPerLoop: Int) -> (hind: [Float], front: [Float]) {
        let T = clip.duration(skeleton.species) * Float(loops)
        let n = samplesPerLoop * loops
        var raw = (hind: [Float](repeating: 0, count: n), front: [Float](repeating: 0, count: n))
        for i in 0..<n {
            let t = Float(i) / Float(n) * T
            for leg in QuadrupedLeg.allCases {
                let plan = footPlan(leg, clip, gait, time: t, path: path)
                guard plan.planted else { continue }
                let b = leg.bones
                let (l1, l2) = skeleton.legLengths(leg)
                let reach = (l1 + l2) * 0.95
                let hip = skeleton.position(b.upper)
                let footJoint = plan.hoof - plan.rotation.rotate(skeleton.hoof(leg) - skeleton.position(b.foot))
                let dz = footJoint.z - hip.z, dx = footJoint.x - hip.x
                let highest = footJoint.y + max(reach * reach - dz * dz - dx * dx, 0).squareRoot()
                let drop = max(0, hip.y - highest)
                if leg.isFront { raw.front[i] = max(raw.front[i], drop) } else { raw.hind[i] = max(raw.hind[i], drop) }
            }
        }
        // Upper envelope of the drops with slope at most `k` per loop (a drop's reach is
        // within one loop either side: none exceeds the body's height).
        let k = p.withers * (clip == .run ? 1.2 : 0.5)
        let reach = min(samplesPerLoop, n / 2)
        let envelope = { Self.envelope($0, slope: k, samplesPerLoop: samplesPerLoop, reach: reach) }
        return (envelope(raw.hind), envelope(raw.front))
    }

    /// The upper envelope of the cyclic samples `d` whose slope is at most `slope` per
    /// `samplesPerLoop` samples, each value looking `reach` samples either side, never below 0:
    /// `max(0, max over |o| ≤ reach of d[i + o] − slope·|o| / samplesPerLoop)`.
    ///
    /// Neighbours are taken nearest first, and the search stops where even the largest
    /// sample, that far away, could not raise the best: on flat ground (all drops 0) it looks
    /// at no neighbour. The values compared are those of the full search, so the result is
    /// the same to the bit.
    static func envelope(_ d: [Float], slope k: Float, samplesPerLoop: Int, reach: Int) -> [Float] {
        let n = d.count
        let largest = d.max() ?? 0
        return (0..<n).map { i in
            var best = max(0, d[i])
            guard largest > best else { return best }
            for o in stride(from: 1, through: reach, by: 1) {
                let fall = k * Float(o) / Float(samplesPerLoop)
                if largest - fall <= best { break }
                best = max(best, d[((i + o) % n + n) % n] - fall, d[((i - o) % n + n) % n] - fall)
            }
            return best
        }
    }

    func gaitPose(_ clip: AnimalClip, _ gait: AnimalClip.Gait, time t: Float, path: RootPath, drops: (hind: [Float], front: [Float])) -> QuadrupedPose {
        let T = clip.duration(skeleton.species)
        let u = t / T - (t / T).rounded(.down), twoPi = 2 * Float.pi
        // The drops cover the whole path's period (whole loops, `dropSamples` each).
        let n = drops.hind.count
        let loops = Float(n / Self.dropSamples)
        let w = t / (T * loops) - (t / (T * loops)).rounded(.down)
        let x = w * Float(n), i0 = Int(x.rounded(.down)) % n, frac = x - x.rounded(.down)
        func sample(_ d: [Float]) -> Float { d[i0] + (d[(i0 + 1) % n] - d[i0]) * frac }
        let dh = sample(drops.hind), df = sample(drops.front)
        var pose = QuadrupedPose(root: skeleton.position(.hips) - Vec3(0, dh, 0))
        let running = clip == .run
        // The head nods twice a loop in the walk (once per pair of front steps) and rocks with the gallop.
        pose[.neck] = Quat.rx(running ? deg(6) * ksin(twoPi * (u - 0.2)) - deg(14) : deg(4) * ksin(twoPi * 2 * u))
        pose[.head] = Quat.rx(running ? deg(10) : deg(2) * ksin(twoPi * 2 * u + 1))
        pose[.spine] = Quat.rx(running ? deg(4) * ksin(twoPi * u) : 0)
        pose[.tail] = Quat.ry(deg(running ? 4 : 10) * ksin(twoPi * u)) * Quat.rx(running ? deg(-25) : 0)
        pose[.tailTip] = Quat.ry(deg(12) * ksin(twoPi * u - 0.7))
        // Pitch so the shoulders sink by their own drop (the spine's flex included): rx(θ)
        // lowers a point `lever` ahead by lever·sin θ; three corrections find it.
        let shoulder = QuadrupedBone.leftFrontUpperLeg
        let lever = skeleton.position(shoulder).z - skeleton.position(.hips).z
        func sink(hind: Float, front: Float) {
            pose.root.y = skeleton.position(.hips).y - hind
            let wanted = skeleton.position(shoulder).y - front
            var pitch: Float = 0
            for _ in 0..<3 {
                pose[.hips] = Quat.rx(pitch)
                let y = pose.world(skeleton).positions[shoulder.index].y
                let sine = clamp((y - wanted) / lever + ksin(pitch), -0.5, 0.5)
                pitch = katan2(sine, (1 - sine * sine).squareRoot())
            }
            pose[.hips] = Quat.rx(pitch)
        }
        let plans = QuadrupedLeg.allCases.map { leg -> (QuadrupedLeg, FootPlan, Vec3) in
            let plan = footPlan(leg, clip, gait, time: t, path: path)
            return (leg, plan, plan.hoof - plan.rotation.rotate(skeleton.hoof(leg) - skeleton.position(leg.bones.foot)))
        }
        // The drop curve is worked out ahead for the body's rest frame; where a curve, a slope
        // or the pitch still leaves a planted foot out of reach, the body sinks that much more.
        var extra = (hind: Float(0), front: Float(0))
        for _ in 0..<3 {
            sink(hind: dh + extra.hind, front: df + extra.front)
            let joints = pose.world(skeleton).positions
            var need = (hind: Float(0), front: Float(0))
            for (leg, plan, target) in plans where plan.planted {
                let a = joints[leg.bones.upper.index]
                let (l1, l2) = skeleton.legLengths(leg)
                let limit = (l1 + l2) * 0.995
                let flat = Vec2(target.x - a.x, target.z - a.z)
                guard length(target - a) > limit, length(flat) < limit else { continue }
                let lower = (a.y - target.y) - (limit * limit - dot(flat, flat)).squareRoot()
                if leg.isFront { need.front = max(need.front, lower) } else { need.hind = max(need.hind, lower) }
            }
            if need.hind <= 0 && need.front <= 0 { break }
            extra = (extra.hind + need.hind, extra.front + need.front)
        }
        for (leg, plan, target) in plans {
            pose.placeLeg(leg, foot: target, footRotation: plan.rotation, skeleton: skeleton)
        }
        return pose
    }
}
