import OysterCore

extension Props {
    /// A treasure chest: banded body and a `Lid` child part hinged at the back (swing hint);
    /// a glint of gold inside. Front towards +Z.
    public static func chest(seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let w: Float = 0.9, d: Float = 0.55, h: Float = 0.45
        var body = MeshBuilder()
        body.color = Vec4(repeating: rng.float(in: 0.75...1))
        body.box(.woodPlanks, min: Vec3(-w / 2, 0, -d / 2), max: Vec3(w / 2, h, d / 2))
        body.color = nil
        for x in [-w / 2 + 0.12, w / 2 - 0.16] { body.box(.metal, min: Vec3(x, -0.01, -d / 2 - 0.015), max: Vec3(x + 0.05, h + 0.005, d / 2 + 0.015)) }
        body.box(.gold, min: Vec3(-w / 2 + 0.05, h - 0.06, -d / 2 + 0.05), max: Vec3(w / 2 - 0.05, h - 0.01, d / 2 - 0.05))
        body.box(.metal, min: Vec3(-0.06, h - 0.14, d / 2), max: Vec3(0.06, h - 0.02, d / 2 + 0.03))
        // Lid: a half-round barrel top, pivot on the back edge.
        var lid = MeshBuilder()
        var prof: [Vec3] = []
        let steps = 6
        for i in 0...steps {
            let a = Float(i) / Float(steps) * .pi
            prof.append(Vec3(0, ksin(a) * d * 0.45, d / 2 - (1 - kcos(a)) * d / 2))
        }
        lid.color = Vec4(repeating: rng.float(in: 0.75...1))
        for i in 0..<steps {
            let p = prof[i], q = prof[i + 1]
            lid.addQuad(.woodPlanks, Vec3(-w / 2, p.y, p.z), Vec3(w / 2, p.y, p.z), Vec3(w / 2, q.y, q.z), Vec3(-w / 2, q.y, q.z), facing: normalize((p + q) / 2 - Vec3(0, 0, 0)))
        }
        for x in [-w / 2, w / 2] {
            let pts = prof.map { Vec3(x, $0.y, $0.z) }
            lid.addPolygon(.woodPlanks, x < 0 ? pts : pts.reversed())
        }
        lid.color = nil
        for x in [-w / 2 + 0.12, w / 2 - 0.16] {
            for i in 0..<steps {
                let p = prof[i] * 1.03, q = prof[i + 1] * 1.03
                lid.addQuad(.metal, Vec3(x, p.y, p.z), Vec3(x + 0.05, p.y, p.z), Vec3(x + 0.05, q.y, q.z), Vec3(x, q.y, q.z), facing: normalize(p + q))
            }
        }
        // Shift so the pivot is the back edge of the lid.
        var lidLocal = MeshBuilder()
        lidLocal.append(lid, transform: .translation(Vec3(0, 0, d / 2)))
        var m = KitModel(name: "Chest")
        m.parts.append(KitPart(name: "Chest", mesh: body, children: [
            KitPart(name: "Lid", mesh: lidLocal, transform: .translation(Vec3(0, h, -d / 2)), animation: .swing(axis: Vec3(1, 0, 0), angle: -1.2)),
        ]))
        return m
    }

    /// A rough wooden table, optionally with a candle (candle light anchor).
    public static func table(width: Float = 1.6, depth: Float = 0.9, candle: Bool = true, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        let h: Float = 0.78
        b.color = Vec4(repeating: rng.float(in: 0.75...1))
        b.box(.woodPlanks, min: Vec3(-width / 2, h - 0.06, -depth / 2), max: Vec3(width / 2, h, depth / 2))
        b.color = nil
        for x in [-width / 2 + 0.1, width / 2 - 0.18] {
            for z in [-depth / 2 + 0.08, depth / 2 - 0.16] { b.box(.timber, min: Vec3(x, 0, z), max: Vec3(x + 0.08, h - 0.06, z + 0.08)) }
        }
        var m = KitModel(name: "Table")
        if candle {
            let c = Vec3(rng.float(in: -0.3...0.3), h, rng.float(in: -0.15...0.15))
            b.cylinder(.plaster, from: c, to: c + Vec3(0, 0.14, 0), radiusBottom: 0.025, radiusTop: 0.025, segments: 6)
            b.lathe(.fire, profile: [Vec2(0, 0), Vec2(0.012, 0.015), Vec2(0, 0.05)], segments: 4, center: c + Vec3(0, 0.14, 0))
            m.lightAnchors.append(LightAnchor(position: c + Vec3(0, 0.2, 0), kind: .candle))
        }
        // A tankard.
        b.cylinder(.metal, from: Vec3(width * 0.25, h, 0.1), to: Vec3(width * 0.25, h + 0.14, 0.1), radiusBottom: 0.045, radiusTop: 0.04, segments: 8)
        m.add("Table", b)
        return m
    }

    /// A heap of gold coins with a few goblets and gems, about `radius` metres.
    public static func treasurePile(radius: Float = 0.8, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let r = kitClamp(radius, 0.2, 5, fallback: 0.8)
        var b = MeshBuilder()
        let noise = KitNoise(seed: rng.next())
        // Mound: a lathe bumped by noise, built as an indexed mesh.
        let (unit, idx) = Icosphere.make(subdivisions: 2)
        let pts = unit.map { u -> Vec3 in
            let k = 1 + noise.fbm(u * 3, octaves: 2) * 0.25
            return Vec3(u.x * r * k, max(u.y, -0.05) * r * 0.45 * k, u.z * r * k)
        }
        b.addMesh(.gold, positions: pts, indices: idx, normals: .flat)
        for _ in 0..<Int(r * 30) {
            let a = rng.float(in: 0...6.28), dd = r * rng.float(in: 0.6...1.35)
            let c = Vec3(kcos(a) * dd, 0.01, ksin(a) * dd)
            b.cylinder(.gold, from: c, to: c + Vec3(0, 0.012, 0), radiusBottom: 0.03, radiusTop: 0.03, segments: 6, normals: .flat)
        }
        for k in 0..<3 {
            let a = Float(k) * 2.1 + rng.float(in: 0...1)
            let c = Vec3(kcos(a) * r * 0.4, r * 0.32, ksin(a) * r * 0.4)
            b.lathe(.gold, profile: [Vec2(0.06, 0), Vec2(0.02, 0.03), Vec2(0.015, 0.1), Vec2(0.06, 0.14), Vec2(0.07, 0.22), Vec2(0.05, 0.22), Vec2(0, 0.16)], segments: 8, center: c)
            b.color = rng.pick([Vec4(0.9, 0.1, 0.15, 1), Vec4(0.1, 0.5, 0.95, 1), Vec4(0.2, 0.85, 0.3, 1)])
            b.icosphere(.glass, center: c + Vec3(0.15, -0.05, 0.1), radius: 0.05, subdivisions: 0, normals: .flat)
            b.color = nil
        }
        var m = KitModel(name: "Treasure")
        m.add("Treasure", b)
        return m
    }

    /// A heraldic banner hanging from an iron rod at the origin against a wall (front +Z):
    /// cloth with a swallowtail hem, a border and a gold roundel, `length` metres long.
    public static func banner(length: Float = 1.6, seed: UInt64) -> MeshBuilder {
        var rng = KitRandom(seed: seed)
        let l = kitClamp(length, 0.3, 6, fallback: 1.6), w = l * 0.45
        let colours: [Vec4] = [Vec4(0.55, 0.08, 0.08, 1), Vec4(0.1, 0.16, 0.45, 1), Vec4(0.12, 0.32, 0.14, 1), Vec4(0.3, 0.1, 0.35, 1)]
        var b = MeshBuilder()
        b.beam(.metal, from: Vec3(-w / 2 - 0.08, 0, 0.06), to: Vec3(w / 2 + 0.08, 0, 0.06), width: 0.025, depth: 0.025, up: Vec3(0, 0, 1))
        for x in [-w / 2 - 0.05, w / 2 + 0.05] { b.beam(.metal, from: Vec3(x, 0, 0), to: Vec3(x, 0, 0.07), width: 0.02, depth: 0.02) }
        for x in [-w / 2 - 0.1, w / 2 + 0.1] { b.sphere(.gold, center: Vec3(x, 0, 0.06), radius: 0.025, rings: 3, segments: 6) }
        // Cloth in a few gently rippled vertical strips; the hem is cut into a swallowtail.
        b.color = rng.pick(colours)
        let strips = 6
        func z(_ u: Float) -> Float { 0.06 + ksin(u * 9) * 0.012 }
        for i in 0..<strips {
            let u0 = Float(i) / Float(strips), u1 = Float(i + 1) / Float(strips)
            let x0 = -w / 2 + w * u0, x1 = -w / 2 + w * u1
            let hem: (Float) -> Float = { u in -l + abs(u - 0.5) * l * 0.35 }
            b.addDoubleSidedQuad(.cloth, Vec3(x0, hem(u0), z(u0)), Vec3(x1, hem(u1), z(u1)), Vec3(x1, -0.02, z(u1)), Vec3(x0, -0.02, z(u0)))
        }
        b.color = Vec4(0.9, 0.75, 0.3, 1)
        b.addQuad(.cloth, Vec3(-w / 2, -l * 0.16, 0.085), Vec3(w / 2, -l * 0.16, 0.085), Vec3(w / 2, -l * 0.12, 0.085), Vec3(-w / 2, -l * 0.12, 0.085), facing: Vec3(0, 0, 1))
        b.color = nil
        b.cylinder(.gold, from: Vec3(0, -l * 0.45, 0.075), to: Vec3(0, -l * 0.45, 0.095), radiusBottom: w * 0.28, radiusTop: w * 0.28, segments: 16, capBottom: false)
        return b
    }
}
