import OysterCore

/// The undead: a body of bones on the same humanoid skeleton (skull, spine, ribs, pelvis,
/// limb bones with knobbed joints), so every clip plays on it unchanged.
struct SkeletonBody {
    let skeleton: HumanoidSkeleton
    let out: SkinSink<HumanoidSkeleton>

    init(skeleton: HumanoidSkeleton) {
        self.skeleton = skeleton
        out = SkinSink(skeleton: skeleton)
    }

    func h(_ f: Float) -> Float { f * skeleton.height }
    func at(_ b: HumanoidBone) -> Vec3 { skeleton.position(b) }

    mutating func build() -> SkinnedMeshBuilder<HumanoidSkeleton> {
        let bone = Vec4(0.92, 0.88, 0.78, 1), hh = skeleton.height
        let head = Vec3(0, h(0.935), h(0.006))
        out.add([.head], color: bone) { b in
            b.ellipsoid(.bone, center: head + Vec3(0, h(0.006), -h(0.004)), radii: Vec3(h(0.05), h(0.056), h(0.058)), subdivisions: 2)
            b.ellipsoid(.bone, center: Vec3(0, 0.895 * hh, 0.028 * hh), radii: Vec3(0.034, 0.018, 0.03) * hh, subdivisions: 1)
        }
        out.add([.head], color: Vec4(0.06, 0.05, 0.04, 1)) { b in
            for s: Float in [-1, 1] { b.ellipsoid(.bone, center: Vec3(s * 0.02 * hh, 0.935 * hh, 0.052 * hh), radii: Vec3(0.014, 0.012, 0.008) * hh, subdivisions: 0) }
            b.ellipsoid(.bone, center: Vec3(0, 0.915 * hh, 0.06 * hh), radii: Vec3(0.006, 0.009, 0.004) * hh, subdivisions: 0)
        }
        out.add([.hips, .spine, .chest, .neck], color: bone) { b in
            b.tube(.bone, path: [at(.hips) + Vec3(0, -h(0.03), -h(0.02)), at(.spine) + Vec3(0, 0, -h(0.03)), at(.chest) + Vec3(0, 0, -h(0.035)), at(.neck) + Vec3(0, 0, -h(0.015))],
                   radii: [h(0.014), h(0.013), h(0.012), h(0.011)], segments: 6)
        }
        out.add([.neck, .head], color: bone) { $0.cylinder(.bone, from: self.at(.neck), to: self.at(.head) + Vec3(0, self.h(0.02), 0), radiusBottom: self.h(0.01), radiusTop: self.h(0.01), segments: 6) }
        out.add([.chest, .spine], color: bone) { b in
            for k in 0..<5 {
                let y = h(0.79 - 0.027 * Float(k)), rx = h(0.07 + 0.006 * Float(k)), rz = h(0.05 + 0.004 * Float(k))
                let pts = (0...12).map { i -> Vec3 in
                    let a = Float(i % 12) / 12 * 2 * .pi
                    return Vec3(kcos(a) * rx, y - h(0.012) * kcos(a) * kcos(a), ksin(a) * rz)
                }
                b.tube(.bone, path: pts, radii: [Float](repeating: h(0.005), count: pts.count), segments: 5)
            }
            b.box(.bone, center: Vec3(0, h(0.74), h(0.056)), size: Vec3(h(0.02), h(0.11), h(0.01)))
        }
        out.add([.hips], color: bone) { $0.ellipsoid(.bone, center: self.at(.hips) + Vec3(0, -self.h(0.03), 0), radii: Vec3(self.h(0.08), self.h(0.035), self.h(0.045)), subdivisions: 1) }
        for side in [HumanoidBone.Side.left, .right] {
            let arm = HumanoidBone.arm(side), leg = HumanoidBone.leg(side)
            limb([arm.shoulder], from: at(arm.shoulder), to: at(arm.upper), radius: h(0.009), colour: bone)
            limb([arm.upper, arm.shoulder], from: at(arm.upper), to: at(arm.lower), radius: h(0.012), colour: bone)
            limb([arm.lower, arm.upper], from: at(arm.lower), to: at(arm.hand), radius: h(0.01), colour: bone)
            let hand = at(arm.hand) + Vec3(side.sign * h(0.04), 0, 0)
            out.add([arm.hand], color: bone) { $0.ellipsoid(.bone, center: hand, radii: Vec3(self.h(0.04), self.h(0.008), self.h(0.022)), subdivisions: 1) }
            limb([leg.upper, .hips], from: at(leg.upper), to: at(leg.lower), radius: h(0.015), colour: bone)
            limb([leg.lower, leg.upper], from: at(leg.lower), to: at(leg.foot), radius: h(0.013), colour: bone)
            let ankle = at(leg.foot)
            out.add([leg.foot, leg.lower], color: bone) { $0.box(.bone, min: Vec3(ankle.x - self.h(0.018), 0, -self.h(0.03)), max: Vec3(ankle.x + self.h(0.018), self.h(0.03), self.h(0.075))) }
            out.add([leg.toes, leg.foot], color: bone) { $0.box(.bone, min: Vec3(ankle.x - self.h(0.02), 0, self.h(0.075)), max: Vec3(ankle.x + self.h(0.02), self.h(0.015), self.h(0.115))) }
        }
        return out.builder
    }

    /// A long bone between two joints with a knob at each end.
    mutating func limb(_ bones: [HumanoidBone], from a: Vec3, to b: Vec3, radius r: Float, colour: Vec4) {
        out.add(bones, color: colour) { m in
            m.cylinder(.bone, from: a, to: b, radiusBottom: r, radiusTop: r * 0.9, segments: 6, capBottom: false, capTop: false)
            m.ellipsoid(.bone, center: b, radii: Vec3(repeating: r * 1.5), subdivisions: 0)
        }
    }
}
