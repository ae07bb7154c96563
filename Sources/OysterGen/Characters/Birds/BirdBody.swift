import OysterCore

/// Builds a bird's one skinned mesh on the bird skeleton: a body, neck and head with beak and
/// eyes, a tail fan, two wings (the arm and the hand, thin ellipsoids spread along ±X) and
/// legs with toes. Feathers are vertex colours over the near-white `hair` (matte), the bare
/// parts `skin`, the beak `bone`; a few hundred to two thousand triangles.
struct BirdBody {
    let skeleton: BirdSkeleton
    let look: BirdLook
    let out: SkinSink<BirdSkeleton>

    init(skeleton: BirdSkeleton, look: BirdLook) {
        self.skeleton = skeleton
        self.look = look
        out = SkinSink(skeleton: skeleton)
    }

    var p: BirdProportions { skeleton.proportions }
    func at(_ b: BirdBone) -> Vec3 { skeleton.position(b) }

    mutating func build() -> SkinnedMeshBuilder<BirdSkeleton> {
        trunk()
        head()
        for wing in BirdWing.allCases {
            self.wing(wing)
            leg(wing)
        }
        return out.builder
    }

    mutating func trunk() {
        let r = p.bodyRadius, L = p.bodyLength
        let hips = at(.hips), neck = at(.neck)
        let centre = Vec3(0, hips.y + 0.05 * r, (hips.z + neck.z) / 2 - 0.05 * L)
        let colour = look.body
        out.add([.hips, .chest], color: colour) { b in
            b.ellipsoid(.hair, center: centre, radii: Vec3(0.9 * r, r, 0.5 * L + 0.45 * r), subdivisions: 2) { _ in colour }
        }
        // The tail: a fan, thin and wider at its end.
        let base = at(.tail), end = skeleton.tip(.tail), t = p.tailLength
        let tail = look.tail
        out.add([.hips, .tail], color: tail) { b in
            b.ellipsoid(.hair, center: base + (end - base) * 0.55, axes: axes(along: end - base),
                        radii: Vec3(0.32 * t, 0.04 * t, 0.5 * t), subdivisions: 1) { _ in tail }
        }
    }

    mutating func head() {
        let neck = at(.neck), head = at(.head), hr = p.headRadius, r = p.bodyRadius
        let colour = look.head, beak = look.beak, eye = look.eye
        out.add([.chest, .neck, .head], color: colour) {
            $0.tube(.hair, path: [neck - Vec3(0, 0.3 * r, 0.25 * r), neck, head], radii: [0.7 * r, 0.55 * r, 0.8 * hr], segments: 10)
        }
        out.add([.head], color: colour) { b in
            b.ellipsoid(.hair, center: head + Vec3(0, 0.15 * hr, 0.1 * hr), radii: Vec3(0.9 * hr, hr, 1.1 * hr), subdivisions: 2) { _ in colour }
        }
        let front = head + Vec3(0, 0.05 * hr, 0.9 * hr)
        out.add([.head], color: beak) {
            $0.cone(.bone, base: front, apex: front + Vec3(0, -0.15 * p.beakLength, p.beakLength), radius: 0.38 * hr, segments: 8)
        }
        out.add([.head], color: eye) { b in
            for s: Float in [-1, 1] {
                b.ellipsoid(.skin, center: head + Vec3(s * 0.78 * hr, 0.3 * hr, 0.45 * hr), radii: Vec3(repeating: 0.18 * hr), subdivisions: 0) { _ in eye }
            }
        }
    }

    /// One wing: a thin cambered surface from inside the body to the tip along the wing's
    /// bones, as deep as the chord over the arm and narrowing over the hand to the species'
    /// tip (a gull's long point, a crow's and a pigeon's rounder hand), its leading edge
    /// bulging a little at the wrist and the tip swept back. The upper side takes the wing's
    /// top colour, the under side its own; the outer hand the primaries' colour (a gull's
    /// black tips, on both sides), a pigeon's arm two dark bars.
    mutating func wing(_ wing: BirdWing) {
        let b = wing.bones, s = wing.sign
        let shoulder = at(b.upper), end = skeleton.tip(b.tip)
        let c = p.chord
        let rootX = shoulder.x - s * 0.5 * p.bodyRadius
        let pointed = look.species == .gull
        let stations = 13
        var leading: [Vec3] = [], trailing: [Vec3] = [], thickness: [Float] = []
        for i in 0..<stations {
            let u = Float(i) / Float(stations - 1)
            let x = rootX + (end.x - rootX) * u
            let hand = max(0, (u - 0.6) / 0.4)
            let chord = c * (1 - 0.15 * min(u, 0.6)) * (pointed ? 1 - 0.9 * hand : 0.12 + 0.88 * (1 - hand * hand).squareRoot())
            let lead = shoulder.z + 0.15 * c + 0.08 * c * ksin(.pi * min(u / 0.6, 1)) - 0.35 * c * hand * hand
            leading.append(Vec3(x, shoulder.y, lead))
            trailing.append(Vec3(x, shoulder.y, lead - max(chord, 0.08 * c)))
            thickness.append(0.08 * max(chord, 0.08 * c) + 0.003)
        }
        let top = look.wingTop, under = look.wingUnder, tip = look.wingTip
        let species = look.species
        out.add([.chest, b.upper, b.lower, b.tip]) { m in
            m.wingSurface(.hair, leading: leading, trailing: trailing, thickness: thickness) { u, f, upper in
                switch species {
                case .gull: return u > 0.8 ? tip : (upper ? top : under)
                case .pigeon:
                    if upper, u > 0.15, u < 0.5, abs(f - 0.45) < 0.08 || abs(f - 0.72) < 0.08 { return tip }
                    return u > 0.72 ? tip : (upper ? top : under)
                case .crow: return upper ? top : under
                }
            }
        }
    }

    /// A leg: a thin shank from under the body to the ankle and four toes on the ground.
    mutating func leg(_ wing: BirdWing) {
        let l = wing.leg
        let hip = at(l.upper), ankle = at(l.foot)
        let lr = 0.06 * p.bodyRadius + 0.002
        let colour = look.legs, body = look.body
        out.add([.hips, l.upper], color: body) {
            $0.tube(.hair, path: [hip + Vec3(0, 0.2 * p.bodyRadius, 0), hip, hip + (ankle - hip) * 0.35], radii: [0.3 * p.bodyRadius, 0.22 * p.bodyRadius, lr * 1.6], segments: 6)
        }
        out.add([l.upper, l.foot], color: colour) {
            $0.tube(.skin, path: [hip + (ankle - hip) * 0.3, ankle], radii: [lr, lr], segments: 5)
        }
        let toe = 0.45 * p.legLength
        out.add([l.foot], color: colour) { m in
            for angle in [Float(-0.45), 0, 0.45, .pi] {
                let d = Vec3(ksin(angle), 0, kcos(angle)) * (angle == .pi ? 0.6 * toe : toe)
                m.cone(.skin, base: ankle, apex: ankle + d - Vec3(0, 0.015, 0), radius: lr * 0.8, segments: 4, capBase: false)
            }
        }
    }
}
