import OysterCore

/// Procedural motion for the humanoid skeleton: the pose of each `CharacterClip` at a phase
/// (0…1 of its loop), from the skeleton's proportions alone, so it is deterministic and fits
/// every height and build.
///
/// Feet are placed first and the legs solved to reach them (`placeLeg`), rather than the
/// legs swung by angle tables: a planted foot is then exactly where it was put, so it does not
/// slide. The rest is layered angle curves (arms, spine, head).
struct HumanoidMotion {
    let skeleton: HumanoidSkeleton

    func h(_ f: Float) -> Float { f * skeleton.height }

    /// The poses of `clip` at `phases` (each wrapped into 0…1).
    func poses(_ clip: CharacterClip, phases: [Float]) -> [HumanoidPose] {
        // The hips' height curve of a gait is worked out once for all its poses.
        let heights = clip.gait == nil ? [] : hipHeights(clip, samples: 240)
        return phases.map { pose(clip, phase: $0, hipHeights: heights) }
    }

    /// The pose of `clip` at `phase` (wrapped into 0…1).
    func pose(_ clip: CharacterClip, phase: Float) -> HumanoidPose { poses(clip, phases: [phase])[0] }

    private func pose(_ clip: CharacterClip, phase: Float, hipHeights: [Float]) -> HumanoidPose {
        let u = phase - phase.rounded(.down)
        switch clip {
        case .walk, .run: return gait(clip, u, hipHeights: hipHeights)
        case .idle, .wave, .work, .talk: return standing(u, clip)
        case .sit: return sitting(u)
        }
    }

    // MARK: - Arms

    /// Arms hanging from the T-pose: `lift` raises the arm forwards, `spread` away from the
    /// body, `elbow` bends the forearm forwards (radians).
    func arm(_ p: inout HumanoidPose, _ side: HumanoidBone.Side, lift: Float, spread: Float = deg(12), elbow: Float, twist: Float = 0) {
        let s = side.sign
        let bones = HumanoidBone.arm(side)
        // Down from the T-pose is −Z rotation for the left arm (+X), +Z for the right.
        p[bones.upper] = (Quat.rx(-lift) * Quat.rz(-s * (deg(90) - spread)) * Quat.rx(twist)).normalized
        p[bones.lower] = Quat.ry(-s * elbow)
        p[bones.hand] = .identity
    }

    // MARK: - Standing clips: idle, wave, work, talk

    func standing(_ u: Float, _ clip: CharacterClip) -> HumanoidPose {
        let twoPi = 2 * Float.pi
        var p = HumanoidPose(hips: skeleton.position(.hips) - Vec3(0, h(0.008), 0))
        var sway: Float = 0
        switch clip {
        case .idle:
            sway = h(0.008) * ksin(twoPi * u)
            p[.chest] = Quat.rx(deg(1.5) * ksin(twoPi * 2 * u))
            p[.neck] = Quat.ry(deg(10) * ksin(twoPi * u + 0.6))
            arm(&p, .left, lift: deg(4), elbow: deg(12))
            arm(&p, .right, lift: deg(4), elbow: deg(12))
        case .wave:
            sway = h(0.004) * ksin(twoPi * u)
            p[.spine] = Quat.rz(deg(2))
            arm(&p, .left, lift: deg(4), elbow: deg(12))
            // Right arm raised to the side, forearm up, waving twice a second.
            p[.rightUpperArm] = (Quat.ry(deg(15)) * Quat.rz(deg(-25))).normalized
            p[.rightLowerArm] = Quat.rz(deg(-70) + deg(22) * ksin(twoPi * 4 * u))
            p[.rightHand] = Quat.rz(deg(10) * ksin(twoPi * 4 * u - 0.5))
            p[.neck] = Quat.ry(deg(8))
        case .work:
            // Hammering: a slow raise and a quick blow, the torso following.
            let raise = hammerRaise(u)
            p[.spine] = Quat.rx(deg(8) + deg(6) * raise)
            p[.chest] = Quat.ry(deg(-6) * raise)
            arm(&p, .right, lift: deg(25) + deg(85) * raise, spread: deg(8), elbow: deg(25) + deg(65) * raise)
            arm(&p, .left, lift: deg(35), spread: deg(5), elbow: deg(70))
            p[.neck] = Quat.rx(deg(14))
        case .talk:
            sway = h(0.005) * ksin(twoPi * u)
            p[.neck] = (Quat.ry(deg(9) * ksin(twoPi * u)) * Quat.rx(deg(4) * ksin(twoPi * 3 * u))).normalized
            p[.chest] = Quat.ry(deg(3) * ksin(twoPi * u + 1))
            arm(&p, .right, lift: deg(18) + deg(10) * ksin(twoPi * 2 * u), elbow: deg(55) + deg(22) * ksin(twoPi * 2 * u + 0.7))
            arm(&p, .left, lift: deg(10) + deg(6) * ksin(twoPi * u + 2), elbow: deg(35) + deg(14) * ksin(twoPi * u + 2.5))
        default:
            break
        }
        p.hips.x += sway
        p[.hips] = Quat.rz(-sway / h(0.5))
        for side in [HumanoidBone.Side.left, .right] {
            p.placeLeg(side, ankle: skeleton.position(HumanoidBone.leg(side).foot), foot: .identity, toes: .identity, skeleton: skeleton)
        }
        return p
    }

    /// 0 (hammer low) … 1 (raised): raised slowly over 70 % of the loop, brought down in 12 %.
    func hammerRaise(_ u: Float) -> Float {
        if u < 0.7 { let t = u / 0.7; return t * t * (3 - 2 * t) }
        if u < 0.82 { let t = (u - 0.7) / 0.12; return 1 - t * t }
        return 0
    }

    // MARK: - Sitting

    /// Seated on something at knee height: thighs forward, shins down, hands on the thighs,
    /// breathing.
    func sitting(_ u: Float) -> HumanoidPose {
        let seat = skeleton.position(.leftLowerLeg).y + h(0.02)
        let lift = skeleton.position(.hips).y - skeleton.position(.leftUpperLeg).y
        var p = HumanoidPose(hips: Vec3(0, seat + lift, -h(0.06)))
        p[.spine] = Quat.rx(deg(-4) + deg(1.5) * ksin(2 * .pi * u))
        p[.neck] = Quat.ry(deg(6) * ksin(2 * .pi * u))
        arm(&p, .left, lift: deg(28), elbow: deg(40))
        arm(&p, .right, lift: deg(28), elbow: deg(40))
        let (thigh, _) = skeleton.legLengths
        for side in [HumanoidBone.Side.left, .right] {
            let rest = skeleton.position(HumanoidBone.leg(side).foot)
            p.placeLeg(side, ankle: Vec3(rest.x * 1.3, rest.y, p.hips.z + thigh + h(0.02)), foot: .identity, toes: .identity, skeleton: skeleton)
        }
        return p
    }
}
