import OysterCore

// MARK: - Bushes, grass and flowers

extension Vegetation {
    /// A bush: a few overlapping leaf clumps around a short woody base, about `size` metres across.
    public static func bush(size: Float = 1.4, detail: Int = 1, seed: UInt64) -> KitModel {
        let size = kitClamp(size, 0.2, 8, fallback: 1.4)
        var rng = KitRandom(seed: seed)
        let detail = max(0, min(detail, 2))
        var b = MeshBuilder()
        let count = [3, 5, 7][detail]
        let sub = detail == 0 ? 1 : 1
        for i in 0..<count {
            let a = Float(i) / Float(count) * 2 * .pi + rng.float(in: -0.4...0.4)
            let d = i == 0 ? 0 : size * rng.float(in: 0.18...0.32)
            let r = size * rng.float(in: 0.28...0.4) * (i == 0 ? 1.2 : 1)
            let c = Vec3(kcos(a) * d, r * 0.75, ksin(a) * d)
            leafBlob(&b, .bushLeaves, center: c, radii: Vec3(r, r * 0.8, r), subdivisions: sub, rng: &rng, tint: leafTint(&rng))
        }
        for i in 0..<3 {
            let a = Float(i) * 2.1
            b.cylinder(.bark, from: .zero, to: Vec3(kcos(a) * size * 0.15, size * 0.35, ksin(a) * size * 0.15), radiusBottom: size * 0.03, radiusTop: size * 0.015, segments: 4, capBottom: false, capTop: false)
        }
        var model = KitModel(name: "Bush")
        model.add("Bush", b)
        return model
    }

    /// A clump of curved grass blades, about `size` metres tall.
    public static func grassClump(size: Float = 0.5, detail: Int = 1, seed: UInt64) -> KitModel {
        let size = kitClamp(size, 0.05, 3, fallback: 0.5)
        var rng = KitRandom(seed: seed)
        let detail = max(0, min(detail, 2))
        var b = MeshBuilder()
        let blades = [10, 18, 30][detail]
        let steps = detail == 0 ? 2 : 3
        for _ in 0..<blades {
            let a = rng.float(in: 0...(2 * .pi)), d = size * 0.18 * rng.unit().squareRoot()
            let base = Vec3(kcos(a) * d, -0.02, ksin(a) * d)
            let out = Vec3(kcos(a), 0, ksin(a))
            let facing = rng.float(in: 0...(2 * .pi))
            let side = Vec3(kcos(facing), 0, ksin(facing))
            let hgt = size * rng.float(in: 0.55...1.15), bend = rng.float(in: 0.15...0.5)
            let w = size * rng.float(in: 0.035...0.06)
            let shade = rng.float(in: 0.75...1.0)
            var prevL = base - side * w / 2, prevR = base + side * w / 2
            for s in 1...steps {
                let t = Float(s) / Float(steps)
                let center = base + out * (bend * hgt * t * t) + Vec3(0, hgt * t * (1 - 0.25 * t * bend), 0)
                let ww = w * (1 - t) / 2
                let l = center - side * ww, r = center + side * ww
                b.color = Vec4(shade * (0.8 + 0.3 * t), shade * (0.9 + 0.1 * t), shade * 0.8, 1)
                if s == steps {
                    b.addDoubleSidedTriangle(.grassBlades, prevL, prevR, center)
                } else {
                    b.addDoubleSidedQuad(.grassBlades, prevL, prevR, r, l)
                }
                prevL = l; prevR = r
            }
        }
        b.color = nil
        var model = KitModel(name: "Grass")
        model.add("Grass", b)
        return model
    }

    /// A small patch of flowers (stems, leaves, petal heads) about `size` metres tall; petal
    /// colors come from vertex colors over the `flowers` surface.
    public static func flowers(size: Float = 0.4, detail: Int = 1, seed: UInt64) -> KitModel {
        let size = kitClamp(size, 0.05, 3, fallback: 0.4)
        var rng = KitRandom(seed: seed)
        let detail = max(0, min(detail, 2))
        let palette: [Vec4] = [Vec4(0.9, 0.15, 0.12, 1), Vec4(0.98, 0.85, 0.2, 1), Vec4(0.95, 0.95, 0.95, 1), Vec4(0.6, 0.3, 0.85, 1), Vec4(0.3, 0.45, 0.95, 1), Vec4(0.98, 0.55, 0.7, 1)]
        let mainColor = rng.pick(palette)
        var b = MeshBuilder()
        let count = [3, 5, 8][detail]
        let petals = [4, 5, 6][detail]
        for i in 0..<count {
            let a = rng.float(in: 0...(2 * .pi)), d = size * 0.35 * rng.unit().squareRoot()
            let base = Vec3(kcos(a) * d, 0, ksin(a) * d)
            let hgt = size * rng.float(in: 0.6...1.0)
            let headAt = base + Vec3(rng.float(in: -0.05...0.05), hgt, rng.float(in: -0.05...0.05))
            b.color = Vec4(0.55, 0.8, 0.45, 1)
            b.tube(.grassBlades, path: [base, (base + headAt) / 2 + Vec3(0.01, 0, 0), headAt], radii: [0.006, 0.005, 0.004], segments: 3)
            // Two leaves at the base.
            for k in 0..<2 {
                let la = a + Float(k) * .pi + 0.5
                let dir = Vec3(kcos(la), 0, ksin(la))
                let side = Vec3(-dir.z, 0, dir.x)
                let p0 = base + Vec3(0, 0.01, 0), mid = base + dir * size * 0.12 + Vec3(0, size * 0.12, 0), tip = base + dir * size * 0.22 + Vec3(0, size * 0.05, 0)
                b.addDoubleSidedQuad(.grassBlades, p0, mid - side * 0.015, tip, mid + side * 0.015)
            }
            // Petal head: a ring of tilted petals around a centre.
            b.color = i % 4 == 3 ? rng.pick(palette) : mainColor
            let pr = size * rng.float(in: 0.07...0.1)
            let rot = rng.float(in: 0...6.28)
            for p in 0..<petals {
                let pa = rot + Float(p) / Float(petals) * 2 * .pi
                let dir = Vec3(kcos(pa), 0.35, ksin(pa))
                let side = Vec3(-ksin(pa), 0, kcos(pa)) * pr * 0.45
                let tip = headAt + dir * pr
                b.addDoubleSidedQuad(.flowers, headAt, headAt + dir * pr * 0.5 - side, tip, headAt + dir * pr * 0.5 + side)
            }
            b.color = Vec4(0.95, 0.7, 0.1, 1)
            b.sphere(.flowers, center: headAt + Vec3(0, pr * 0.12, 0), radius: pr * 0.25, rings: 2, segments: 4, normals: .flat)
        }
        b.color = nil
        var model = KitModel(name: "Flowers")
        model.add("Flowers", b)
        return model
    }
}
