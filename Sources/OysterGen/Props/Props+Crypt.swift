import OysterCore

extension Props {
    /// A stone sarcophagus, long axis along X, front towards +Z: plinth, panelled chest with a
    /// moulded rim, and a coped lid carrying a recumbent effigy (a separate `Lid` part).
    public static func sarcophagus(seed: UInt64, detail: Int = 12) -> KitModel {
        var rng = KitRandom(seed: seed)
        let l: Float = 2.2, w: Float = 0.95, h: Float = 0.82
        var body = MeshBuilder()
        let tone = rng.float(in: 0.8...1)
        body.color = stoneTint(tone * 0.8)
        body.dressedStone(.ashlar, center: Vec3(0, 0.08, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0), half: Vec3(l / 2 + 0.08, w / 2 + 0.08, 0.08), bevel: 0.03)
        body.color = stoneTint(tone)
        body.dressedStone(.ashlar, center: Vec3(0, 0.16 + (h - 0.3) / 2, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0),
                          half: Vec3(l / 2, w / 2, (h - 0.3) / 2), bevel: 0.02)
        // Recessed panels on the long sides, framed by small pilasters.
        for side: Float in [-1, 1] {
            let n = Vec3(0, 0, side)
            for i in 0..<3 {
                let x = -l / 2 + l * (Float(i) + 0.5) / 3
                body.dressedStone(.ashlar, center: Vec3(x, 0.16 + (h - 0.3) / 2, side * (w / 2 + 0.005)), u: Vec3(1, 0, 0), v: Vec3(0, 1, 0), n: n,
                                  half: Vec3(l / 6 - 0.1, (h - 0.3) / 2 - 0.1, 0.015), bevel: 0.012)
            }
            for i in 0...3 {
                let x = -l / 2 + l * Float(i) / 3
                body.dressedStone(.ashlar, center: Vec3(min(max(x, -l / 2 + 0.05), l / 2 - 0.05), 0.16 + (h - 0.3) / 2, side * (w / 2 + 0.01)), u: Vec3(1, 0, 0), v: Vec3(0, 1, 0), n: n,
                                  half: Vec3(0.05, (h - 0.3) / 2, 0.03), bevel: 0.015)
            }
        }
        body.dressedStone(.ashlar, center: Vec3(0, h - 0.1, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0), half: Vec3(l / 2 + 0.05, w / 2 + 0.05, 0.04), bevel: 0.03, twoFaced: true)
        body.color = nil
        // Lid: a low coped slab (hipped ridge) with an effigy lying on it.
        var lid = MeshBuilder()
        lid.color = stoneTint(tone * 0.95)
        lid.dressedStone(.ashlar, center: Vec3(0, 0.05, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0), half: Vec3(l / 2 + 0.06, w / 2 + 0.06, 0.05), bevel: 0.02)
        let e: Float = 0.1, hl = l / 2 + 0.04, hw = w / 2 + 0.04
        let r0 = Vec3(-hl + 0.3, 0.1 + e, 0), r1 = Vec3(hl - 0.3, 0.1 + e, 0)
        let c = [Vec3(-hl, 0.1, -hw), Vec3(hl, 0.1, -hw), Vec3(hl, 0.1, hw), Vec3(-hl, 0.1, hw)]
        lid.addQuad(.ashlar, c[3], c[2], r1, r0, facing: Vec3(0, 1, 1))
        lid.addQuad(.ashlar, c[1], c[0], r0, r1, facing: Vec3(0, 1, -1))
        lid.addTriangle(.ashlar, c[0], c[3], r0)
        lid.addTriangle(.ashlar, c[2], c[1], r1)
        lid.color = stoneTint(tone * 1.05)
        let segs = max(6, detail)
        // Effigy: head on a cushion, robed body, folded hands, feet.
        let top: Float = 0.1 + e
        lid.dressedStone(.ashlar, center: Vec3(-0.78, top + 0.04, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0), half: Vec3(0.16, 0.22, 0.05), bevel: 0.03)
        lid.sphere(.ashlar, center: Vec3(-0.76, top + 0.17, 0), radius: 0.11, rings: segs / 2, segments: segs)
        lid.tube(.ashlar, path: [Vec3(-0.62, top + 0.1, 0), Vec3(-0.3, top + 0.13, 0), Vec3(0.25, top + 0.11, 0), Vec3(0.7, top + 0.08, 0)],
                 radii: [0.13, 0.2, 0.18, 0.12], segments: segs, capStart: true, capEnd: true)
        lid.sphere(.ashlar, center: Vec3(-0.2, top + 0.29, 0), radius: 0.07, rings: segs / 3, segments: segs / 2)
        for side: Float in [-1, 1] {
            lid.sphere(.ashlar, center: Vec3(0.78, top + 0.1, side * 0.07), radius: 0.06, rings: segs / 3, segments: segs / 2)
        }
        lid.color = nil
        var m = KitModel(name: "Sarcophagus")
        m.parts.append(KitPart(name: "Sarcophagus", mesh: body, children: [KitPart(name: "Lid", mesh: lid, transform: .translation(Vec3(0, h - 0.06, 0)))]))
        return m
    }

    /// A cluster of church candles of different heights with drips and flames, one candle
    /// light anchor above them.
    public static func candles(count: Int = 4, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        var top: Float = 0
        for i in 0..<max(1, min(count, 9)) {
            let a = Float(i) * 2.4 + rng.float(in: 0...0.5), d: Float = i == 0 ? 0 : rng.float(in: 0.05...0.14)
            let p = Vec3(kcos(a) * d, 0, ksin(a) * d)
            let ch = rng.float(in: 0.08...0.32), r = rng.float(in: 0.018...0.032)
            top = max(top, ch)
            b.lathe(.wax, profile: [Vec2(r + 0.012, 0), Vec2(r + 0.006, 0.015), Vec2(r, 0.03), Vec2(r, ch - 0.01), Vec2(r * 0.8, ch), Vec2(0, ch)], segments: 8, center: p)
            b.cylinder(.timber, from: p + Vec3(0, ch, 0), to: p + Vec3(0, ch + 0.012, 0), radiusBottom: 0.002, radiusTop: 0.002, segments: 3)
            b.lathe(.fire, profile: [Vec2(0, 0), Vec2(0.008, 0.012), Vec2(0.006, 0.03), Vec2(0, 0.045)], segments: 5, center: p + Vec3(0, ch + 0.008, 0))
        }
        // A puddle of wax where they stand.
        b.lathe(.wax, profile: [Vec2(0.2, 0), Vec2(0.17, 0.008), Vec2(0, 0.01)], segments: 10)
        var m = KitModel(name: "Candles")
        m.add("Candles", b)
        m.lightAnchors.append(LightAnchor(position: Vec3(0, top + 0.12, 0), kind: .candle))
        return m
    }

    /// A wrought-iron floor candelabrum: tripod feet, a knopped stem and three arms with
    /// candles; one candle light anchor.
    public static func candelabrum(height: Float = 1.5, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let h = kitClamp(height, 0.5, 3, fallback: 1.5)
        var b = MeshBuilder()
        for k in 0..<3 {
            let a = Float(k) * 2.094 + 0.3
            let foot = Vec3(kcos(a) * 0.3, 0.02, ksin(a) * 0.3)
            b.tube(.metal, path: [Vec3(0, 0.25, 0), foot * 0.6 + Vec3(0, 0.1, 0), foot], radii: [0.02, 0.018, 0.025], segments: 5)
        }
        b.lathe(.metal, profile: [Vec2(0.03, 0.2), Vec2(0.05, 0.28), Vec2(0.02, 0.34), Vec2(0.02, h * 0.5), Vec2(0.045, h * 0.53), Vec2(0.02, h * 0.56),
                                  Vec2(0.02, h - 0.1), Vec2(0.04, h - 0.08), Vec2(0, h - 0.06)], segments: 8)
        for k in 0..<3 {
            let a = Float(k) * 2.094
            let tip = Vec3(kcos(a) * 0.32, h - 0.02, ksin(a) * 0.32)
            b.tube(.metal, path: [Vec3(0, h - 0.2, 0), tip * 0.5 + Vec3(0, -0.22, 0), tip - Vec3(0, 0.05, 0)], radii: [0.016, 0.014, 0.014], segments: 5)
            b.lathe(.metal, profile: [Vec2(0, -0.05), Vec2(0.05, -0.02), Vec2(0.06, 0), Vec2(0.03, 0)], segments: 8, center: tip)
            let ch = rng.float(in: 0.16...0.26)
            b.cylinder(.wax, from: tip, to: tip + Vec3(0, ch, 0), radiusBottom: 0.022, radiusTop: 0.02, segments: 8)
            b.lathe(.fire, profile: [Vec2(0, 0), Vec2(0.009, 0.014), Vec2(0.007, 0.034), Vec2(0, 0.05)], segments: 5, center: tip + Vec3(0, ch + 0.01, 0))
        }
        var m = KitModel(name: "Candelabrum")
        m.add("Candelabrum", b)
        m.lightAnchors.append(LightAnchor(position: Vec3(0, h + 0.35, 0), kind: .candle))
        return m
    }

    /// A skull (cranium, face, brow ridge, eye sockets and jaw), about 0.2 m long, facing +Z.
    public static func skull(detail: Int = 12) -> MeshBuilder {
        var b = MeshBuilder()
        let segs = max(6, detail)
        b.sphere(.bone, center: Vec3(0, 0.11, -0.01), radius: 0.085, rings: segs / 2, segments: segs)
        b.lathe(.bone, profile: [Vec2(0.055, 0.0), Vec2(0.065, 0.04), Vec2(0.07, 0.08)], segments: segs, center: Vec3(0, 0.0, 0.04))
        b.dressedStone(.bone, center: Vec3(0, 0.02, 0.075), u: Vec3(1, 0, 0), v: Vec3(0, 1, 0), n: Vec3(0, 0, 1), half: Vec3(0.045, 0.02, 0.02), bevel: 0.01)
        for side: Float in [-1, 1] {
            b.sphere(.mortar, center: Vec3(side * 0.033, 0.1, 0.062), radius: 0.024, rings: 3, segments: 6)
        }
        b.cone(.mortar, base: Vec3(0, 0.055, 0.08), apex: Vec3(0, 0.08, 0.085), radius: 0.012, segments: 3)
        return b
    }

    /// Long bones and a few ribs lying on the floor, around the origin.
    public static func bones(seed: UInt64) -> MeshBuilder {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        for _ in 0..<rng.int(in: 3...6) {
            let a = rng.float(in: 0...6.28), p = Vec3(rng.float(in: -0.35...0.35), 0.02, rng.float(in: -0.35...0.35))
            let len = rng.float(in: 0.25...0.45), d = Vec3(kcos(a), 0, ksin(a)) * (len / 2)
            b.cylinder(.bone, from: p - d, to: p + d, radiusBottom: 0.014, radiusTop: 0.014, segments: 6)
            for e in [p - d, p + d] { b.icosphere(.bone, center: e, radius: 0.026, subdivisions: 0, normals: .flat) }
        }
        for _ in 0..<rng.int(in: 2...4) {
            let p = Vec3(rng.float(in: -0.3...0.3), 0.01, rng.float(in: -0.3...0.3))
            var path: [Vec3] = []
            for k in 0...4 { let t = Float(k) / 4; path.append(p + Vec3(t * 0.25, ksin(t * 3) * 0.05, t * t * 0.08)) }
            b.tube(.bone, path: path, radii: [0.008, 0.01, 0.01, 0.009, 0.006], segments: 4)
        }
        return b
    }

    /// A lidded urn (stone or, with `gold`, gilded), about `height` tall.
    public static func urn(height: Float = 0.45, gold: Bool = false, seed: UInt64, detail: Int = 12) -> MeshBuilder {
        var rng = KitRandom(seed: seed)
        let h = kitClamp(height, 0.1, 2, fallback: 0.45), w = h * rng.float(in: 0.32...0.42)
        var b = MeshBuilder()
        let kind: SurfaceKind = gold ? .gold : .ashlar
        if !gold { b.color = stoneTint(rng.float(in: 0.75...1)) }
        b.lathe(kind, profile: [Vec2(0, 0), Vec2(w * 0.55, 0), Vec2(w * 0.5, h * 0.06), Vec2(w * 0.35, h * 0.12), Vec2(w * 0.85, h * 0.35), Vec2(w, h * 0.55),
                                Vec2(w * 0.7, h * 0.8), Vec2(w * 0.45, h * 0.85), Vec2(w * 0.5, h * 0.9), Vec2(w * 0.25, h * 0.96), Vec2(w * 0.12, h), Vec2(0, h * 1.02)],
                segments: max(8, detail))
        b.color = nil
        return b
    }

    /// A goblet on a stem.
    public static func goblet(detail: Int = 12) -> MeshBuilder {
        var b = MeshBuilder()
        b.lathe(.gold, profile: [Vec2(0, 0), Vec2(0.045, 0), Vec2(0.04, 0.01), Vec2(0.01, 0.025), Vec2(0.008, 0.09), Vec2(0.02, 0.1), Vec2(0.045, 0.13),
                                 Vec2(0.05, 0.18), Vec2(0.043, 0.18), Vec2(0.038, 0.14), Vec2(0, 0.12)], segments: max(8, detail))
        return b
    }

    /// A spill of gold coins: a low mound with loose coins and a couple of goblets.
    public static func coinPile(radius: Float = 0.35, seed: UInt64, detail: Int = 12) -> MeshBuilder {
        var rng = KitRandom(seed: seed)
        let r = kitClamp(radius, 0.1, 2, fallback: 0.35)
        var b = MeshBuilder()
        let noise = KitNoise(seed: rng.next())
        let (unit, idx) = Icosphere.make(subdivisions: 2)
        let pts = unit.map { u -> Vec3 in
            let k = 1 + noise.fbm(u * 4, octaves: 2) * 0.3
            return Vec3(u.x * r * k, max(u.y, -0.02) * r * 0.5 * k, u.z * r * k)
        }
        b.addMesh(.gold, positions: pts, indices: idx, normals: .flat)
        for _ in 0..<Int(r * 50) {
            let a = rng.float(in: 0...6.28), d = r * rng.float(in: 0.7...1.5)
            let c = Vec3(kcos(a) * d, 0.005, ksin(a) * d)
            b.cylinder(.gold, from: c, to: c + Vec3(rng.float(in: -0.004...0.004), 0.006, rng.float(in: -0.004...0.004)), radiusBottom: 0.016, radiusTop: 0.016, segments: 7, normals: .flat)
        }
        b.append(goblet(detail: detail), transform: .place(Vec3(r * 0.9, 0, r * 0.4), yaw: 0))
        if rng.chance(0.6) { b.append(goblet(detail: detail), transform: Mat4.trs(Vec3(-r * 0.7, 0.04, r * 0.8), kquat(angle: 1.45, axis: normalize(Vec3(1, 0, 0.3))))) }
        return b
    }

    /// A plank shelf on iron brackets with urns, a skull and candles, for a wall; back against
    /// -Z, front towards +Z. One candle light anchor.
    public static func cryptShelf(width: Float = 1.2, seed: UInt64, detail: Int = 12) -> KitModel {
        var rng = KitRandom(seed: seed)
        let w = kitClamp(width, 0.4, 4, fallback: 1.2)
        var b = MeshBuilder()
        for y: Float in [0.9, 1.45] {
            b.box(.woodPlanks, min: Vec3(-w / 2, y - 0.04, 0), max: Vec3(w / 2, y, 0.32))
            for x in [-w / 2 + 0.12, w / 2 - 0.12] {
                b.beam(.metal, from: Vec3(x, y - 0.3, 0.01), to: Vec3(x, y - 0.04, 0.25), width: 0.025, depth: 0.025, up: Vec3(1, 0, 0))
            }
        }
        b.append(urn(height: 0.3, seed: rng.next(), detail: detail), transform: .translation(Vec3(-w * 0.3, 0.9, 0.16)))
        b.append(skull(detail: detail), transform: .place(Vec3(w * 0.05, 0.9, 0.14), yaw: rng.float(in: -0.4...0.4)))
        b.append(urn(height: 0.24, seed: rng.next(), detail: detail), transform: .translation(Vec3(w * 0.32, 1.45, 0.16)))
        b.append(skull(detail: detail), transform: .place(Vec3(-w * 0.2, 1.45, 0.14), yaw: rng.float(in: -0.4...0.4)))
        let c = candles(count: 2, seed: rng.next())
        b.append(c.merged(), transform: .translation(Vec3(w * 0.3, 0.9, 0.16)))
        var m = KitModel(name: "Shelf")
        m.add("Shelf", b)
        m.lightAnchors = c.lightAnchors.map { LightAnchor(position: $0.position + Vec3(w * 0.3, 0.9, 0.16), kind: $0.kind) }
        return m
    }
}
