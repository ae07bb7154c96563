import OysterCore

/// Builds an animal's one skinned mesh on the quadruped skeleton: a barrel (with chest and
/// rump), neck, head with muzzle, eyes and ears, four legs down to hooves or paws, a tail, and
/// the species' horns or antlers. Coats are vertex colours over the near-white, smooth `skin`
/// (wool: `fabric`; manes, tails and ears: `hair`), painted by the look's markings.
struct QuadrupedBody {
    let skeleton: QuadrupedSkeleton
    let look: AnimalLook
    let out: SkinSink<QuadrupedSkeleton>

    init(skeleton: QuadrupedSkeleton, look: AnimalLook) {
        self.skeleton = skeleton
        self.look = look
        out = SkinSink(skeleton: skeleton)
    }

    var p: AnimalProportions { skeleton.proportions }
    func at(_ b: QuadrupedBone) -> Vec3 { skeleton.position(b) }
    /// Barrel half-depth and half-width, stouter with girth.
    var r: Float { p.bodyRadius * (0.92 + 0.16 * look.girth) }
    var halfWidth: Float { r * p.bodyWidth }
    var barrelY: Float { p.withers - p.bodyRadius }
    var coatKind: SurfaceKind { look.markings == .fleece ? .fabric : .skin }

    /// The coat's colour at a point of the body.
    func coat(_ q: Vec3) -> Vec4 {
        switch look.markings {
        case .fleece:
            return look.coat
        case .countershaded:
            let t = clamp((barrelY - 0.35 * r - q.y) / (0.45 * r), 0, 1)
            return look.coat + (look.second - look.coat) * t
        case .patches:
            var blobs = KitRandom(seed: look.patternSeed)
            for _ in 0..<7 {
                let c = Vec3(blobs.float(in: -1...1) * halfWidth, barrelY + blobs.float(in: -0.6...1) * r,
                             blobs.float(in: -0.6...0.6) * p.bodyLength)
                let radius = blobs.float(in: 0.45...0.8) * r
                let wobble = 1 + 0.25 * ksin(q.x * 23 + q.z * 17) * kcos(q.y * 19)
                if length(q - c) < radius * wobble { return look.second }
            }
            return look.coat
        }
    }

    mutating func build() -> SkinnedMeshBuilder<QuadrupedSkeleton> {
        trunk()
        neckAndHead()
        for leg in QuadrupedLeg.allCases { self.leg(leg) }
        tail()
        horns()
        return out.builder
    }

    // MARK: - Body

    mutating func trunk() {
        let L = p.bodyLength, y = barrelY, kind = coatKind
        let r = self.r, w = halfWidth
        let paint = coat
        out.add([.hips, .spine, .chest]) { b in
            b.ellipsoid(kind, center: Vec3(0, y, 0), radii: Vec3(w, r, L / 2 + 0.45 * r), subdivisions: 3, paint: paint)
        }
        out.add([.chest, .spine]) { b in
            b.ellipsoid(kind, center: Vec3(0, y + 0.02 * r, L / 2 - 0.05 * L), radii: Vec3(w * 0.95, r * 0.97, 0.6 * r), subdivisions: 2, paint: paint)
        }
        out.add([.hips, .spine]) { b in
            b.ellipsoid(kind, center: Vec3(0, y + 0.05 * r, -L / 2 + 0.05 * L), radii: Vec3(w * 0.96, r * 0.93, 0.62 * r), subdivisions: 2, paint: paint)
        }
    }

    mutating func neckAndHead() {
        let base = at(.neck), head = at(.head), muzzle = skeleton.tip(.head)
        let r = self.r, kind = coatKind
        let fleece = look.markings == .fleece
        let neckColour = look.coat, face = fleece ? look.second : look.coat
        let hr = p.headRadius, hl = p.headLength
        let neck = [base + Vec3(0, -0.45 * r, -0.2 * r), base, base + (head - base) * 0.5, head]
        let neckR = [0.62 * r, 0.52 * r, max(0.36 * r, hr * 1.05), hr * 0.95]
        out.add([.chest, .neck, .head], color: neckColour) { $0.tube(kind, path: neck, radii: neckR, segments: 12) }
        if look.species == .horse {
            // The mane: a ridge of hair along the top of the neck.
            let up = normalize(cross(normalize(head - base), Vec3(1, 0, 0))) * -1
            let mane = [base + up * (0.48 * r), base + (head - base) * 0.5 + up * (0.4 * r), head + up * (hr * 1.0)]
            out.add([.chest, .neck, .head], color: look.hair) { $0.tube(.hair, path: mane, radii: [0.05 * r, 0.08 * r, 0.05 * r], segments: 6) }
        }
        let dir = normalize(muzzle - head)
        let ax = axes(along: dir)
        let up = ax.1
        out.add([.head], color: face) { b in
            b.ellipsoid(.skin, center: head + dir * (hl * 0.42), axes: ax, radii: Vec3(hr * 0.85, hr, hl * 0.55), subdivisions: 2) { _ in face }
        }
        let nose = look.species == .dog || fleece ? look.dark : face * Vec4(0.55, 0.5, 0.5, 1)
        out.add([.head], color: nose) { b in
            b.ellipsoid(.skin, center: head + dir * (hl * 0.86) - up * (hr * 0.1), axes: ax, radii: Vec3(hr * 0.62, hr * 0.6, hl * 0.2), subdivisions: 1) { _ in nose }
        }
        let dark = look.dark
        out.add([.head], color: dark) { b in
            for s: Float in [-1, 1] {
                b.ellipsoid(.skin, center: head + dir * (hl * 0.28) + ax.0 * (s * hr * 0.78) + up * (hr * 0.38), radii: Vec3(repeating: hr * 0.14), subdivisions: 0) { _ in dark }
            }
        }
        // Ears: upright and turned out, drooping on sheep and hanging on dogs half the time.
        let droop: Float = look.markings == .fleece ? -0.2 : (look.species == .dog && look.patternSeed % 2 == 0 ? -0.6 : 0.85)
        let ear = p.earLength
        out.add([.head], color: face) { b in
            for s: Float in [-1, 1] {
                let root = head + up * (hr * 0.75) + ax.0 * (s * hr * 0.55) - dir * (hl * 0.02)
                let tipDir = normalize(ax.0 * (s * 0.7) + up * droop - dir * 0.3)
                b.ellipsoid(.hair, center: root + tipDir * (ear * 0.5), axes: axes(along: tipDir), radii: Vec3(ear * 0.28, ear * 0.1, ear * 0.5), subdivisions: 1) { _ in face }
            }
        }
    }

    mutating func leg(_ leg: QuadrupedLeg) {
        let b = leg.bones
        let a = at(b.upper), knee = at(b.lower), foot = at(b.foot), hoof = skeleton.hoof(leg)
        let lr = p.legRadius
        let hoofHeight = lr * 1.3
        let top = a + Vec3(0, 0.3 * r, leg.isFront ? -0.1 * r : 0.1 * r)
        let path = [top, a, knee, foot, hoof + Vec3(0, hoofHeight, 0)]
        // Thick at the body (the start is capped inside the barrel), slender below the knee.
        let radii = leg.isFront ? [lr * 1.3, lr * 1.35, lr * 0.95, lr * 0.6, lr * 0.55] : [lr * 1.5, lr * 1.55, lr * 1.05, lr * 0.66, lr * 0.55]
        let body: QuadrupedBone = leg.isFront ? .chest : .hips
        let legColour = look.markings == .fleece ? look.second : look.coat
        out.add([body, b.upper, b.lower, b.foot], color: legColour) { $0.tube(.skin, path: path, radii: radii, segments: 10, capStart: true) }
        let hoofColour = look.species == .dog ? legColour : look.dark
        out.add([b.foot], color: hoofColour) { m in
            m.cylinder(.leather, from: hoof + Vec3(0, 0, 0.1 * lr), to: hoof + Vec3(0, hoofHeight, 0), radiusBottom: lr * 0.72, radiusTop: lr * 0.56, segments: 10)
        }
    }

    mutating func tail() {
        let a = at(.tail), m = at(.tailTip), end = skeleton.tip(.tailTip)
        let t = p.tailLength
        let (radii, colour): ([Float], Vec4) = {
            switch look.species {
            case .horse: return ([0.06 * t, 0.1 * t, 0.09 * t, 0], look.hair)
            case .cow: return ([0.035 * t, 0.025 * t, 0.02 * t, 0.018 * t], look.coat)
            case .deer: return ([0.3 * t, 0.32 * t, 0.25 * t, 0], look.second)
            case .sheep: return ([0.35 * t, 0.35 * t, 0.3 * t, 0], look.coat)
            case .dog: return ([0.12 * t, 0.1 * t, 0.07 * t, 0], look.coat)
            }
        }()
        let path = [a - (m - a) * 0.15, m, m + (end - m) * 0.6, end]
        out.add([.hips, .tail, .tailTip], color: colour) { $0.tube(.hair, path: path, radii: radii, segments: 8, capStart: true, capEnd: radii[3] > 0) }
        if look.species == .cow {
            let hair = look.hair
            out.add([.tailTip], color: hair) { $0.ellipsoid(.hair, center: end, radii: Vec3(0.05, 0.09, 0.05) * (t / 0.8), subdivisions: 1) { _ in hair } }
        }
    }

    mutating func horns() {
        let head = at(.head), dir = normalize(skeleton.tip(.head) - head)
        let ax = axes(along: dir), up = ax.1, hr = p.headRadius
        switch look.horns {
        case .none: return
        case .cowHorns:
            let colour = Vec4(0.78, 0.7, 0.55, 1)
            out.add([.head], color: colour) { b in
                for s: Float in [-1, 1] {
                    let base = head + up * (hr * 0.8) + ax.0 * (s * hr * 0.55)
                    let out1 = base + ax.0 * (s * hr * 1.1) + up * (hr * 0.2)
                    b.tube(.bone, path: [base, out1, out1 + ax.0 * (s * hr * 0.4) + up * (hr * 0.7) - dir * (hr * 0.1)], radii: [hr * 0.22, hr * 0.14, 0], segments: 8)
                }
            }
        case .antlers:
            let colour = Vec4(0.42, 0.32, 0.22, 1)
            out.add([.head], color: colour) { b in
                for s: Float in [-1, 1] {
                    let base = head + up * (hr * 0.8) + ax.0 * (s * hr * 0.4)
                    let h = hr * 5
                    let beam = [base, base + ax.0 * (s * h * 0.18) + up * (h * 0.35) - dir * (h * 0.1),
                                base + ax.0 * (s * h * 0.35) + up * (h * 0.7) - dir * (h * 0.05),
                                base + ax.0 * (s * h * 0.38) + up * (h * 1.0) + dir * (h * 0.1)]
                    b.tube(.bone, path: beam, radii: [hr * 0.16, hr * 0.13, hr * 0.1, 0], segments: 6)
                    for (k, f) in [(1, Float(0.35)), (2, Float(0.25))] {
                        b.cone(.bone, base: beam[k], apex: beam[k] + dir * (h * f) + up * (h * 0.15), radius: hr * 0.08, segments: 5, capBase: false)
                    }
                }
            }
        case .curled:
            let colour = Vec4(0.7, 0.64, 0.52, 1)
            out.add([.head], color: colour) { b in
                for s: Float in [-1, 1] {
                    let centre = head + up * (hr * 0.3) + ax.0 * (s * hr * 1.05) - dir * (hr * 0.2)
                    let path = (0...6).map { k -> Vec3 in
                        let a = Float(k) / 6 * 1.6 * .pi
                        let rad = hr * (0.75 - 0.08 * Float(k))
                        return centre + up * (kcos(a) * rad) - dir * (ksin(a) * rad) + ax.0 * (s * hr * 0.05 * Float(k))
                    }
                    b.tube(.bone, path: path, radii: (0...6).map { hr * 0.28 * (1 - Float($0) / 7) }, segments: 7)
                }
            }
        }
    }
}
