import OysterCore

extension Props {
    /// A wooden barrel with iron hoops (about 0.9 m tall).
    public static func barrel(height: Float = 0.9, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let h = kitClamp(height, 0.2, 5, fallback: 0.9), r = h * 0.36
        var b = MeshBuilder()
        b.color = Vec4(repeating: rng.float(in: 0.8...1))
        b.lathe(.woodPlanks, profile: [Vec2(r * 0.82, 0), Vec2(r * 0.95, h * 0.25), Vec2(r, h * 0.5), Vec2(r * 0.95, h * 0.75), Vec2(r * 0.82, h)], segments: 12, normals: .flat)
        b.lathe(.woodPlanks, profile: [Vec2(r * 0.82, h), Vec2(r * 0.75, h), Vec2(r * 0.75, h - 0.04), Vec2(0, h - 0.04)], segments: 12, normals: .flat)
        b.color = nil
        for (y, s) in [(Float(0.06), Float(0.85)), (0.3, 0.985), (0.7, 0.985), (0.94, 0.85)] {
            b.cylinder(.metal, from: Vec3(0, h * y - 0.025, 0), to: Vec3(0, h * y + 0.025, 0), radiusBottom: r * s + 0.012, radiusTop: r * s + 0.012, segments: 12, capBottom: false, capTop: false, normals: .flat)
        }
        var m = KitModel(name: "Barrel")
        m.add("Barrel", b)
        return m
    }

    /// A plank crate with a timber frame, `size` metres on a side.
    public static func crate(size: Float = 0.8, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let s = kitClamp(size, 0.1, 5, fallback: 0.8), e: Float = s * 0.09
        var b = MeshBuilder()
        b.color = Vec4(repeating: rng.float(in: 0.75...1))
        b.box(.woodPlanks, min: Vec3(-s / 2 + 0.01, 0.01, -s / 2 + 0.01), max: Vec3(s / 2 - 0.01, s - 0.01, s / 2 - 0.01))
        b.color = nil
        for x in [-s / 2, s / 2 - e] { for z in [-s / 2, s / 2 - e] { b.box(.timber, min: Vec3(x, 0, z), max: Vec3(x + e, s, z + e)) } }
        for y in [Float(0), s - e] {
            b.box(.timber, min: Vec3(-s / 2, y, -s / 2), max: Vec3(s / 2, y + e, -s / 2 + e))
            b.box(.timber, min: Vec3(-s / 2, y, s / 2 - e), max: Vec3(s / 2, y + e, s / 2))
            b.box(.timber, min: Vec3(-s / 2, y, -s / 2), max: Vec3(-s / 2 + e, y + e, s / 2))
            b.box(.timber, min: Vec3(s / 2 - e, y, -s / 2), max: Vec3(s / 2, y + e, s / 2))
        }
        // A diagonal brace on front and back.
        for z in [s / 2 + 0.005, -s / 2 - 0.005] {
            b.beam(.timber, from: Vec3(-s / 2 + e, e, z), to: Vec3(s / 2 - e, s - e, z), width: e * 0.8, depth: 0.03, up: Vec3(0, 0, 1))
        }
        var m = KitModel(name: "Crate")
        m.add("Crate", b)
        return m
    }

    /// A two-wheeled hand cart, shafts towards +Z.
    public static func cart(seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        let bedY: Float = 0.65
        b.color = Vec4(repeating: rng.float(in: 0.8...1))
        b.box(.woodPlanks, min: Vec3(-0.7, bedY, -1.0), max: Vec3(0.7, bedY + 0.08, 1.0))
        b.box(.woodPlanks, min: Vec3(-0.7, bedY, -1.0), max: Vec3(-0.64, bedY + 0.45, 1.0))
        b.box(.woodPlanks, min: Vec3(0.64, bedY, -1.0), max: Vec3(0.7, bedY + 0.45, 1.0))
        b.box(.woodPlanks, min: Vec3(-0.7, bedY, -1.0), max: Vec3(0.7, bedY + 0.45, -0.94))
        b.box(.woodPlanks, min: Vec3(-0.7, bedY, 0.94), max: Vec3(0.7, bedY + 0.3, 1.0))
        b.color = nil
        b.cylinder(.metal, from: Vec3(-0.9, 0.5, -0.1), to: Vec3(0.9, 0.5, -0.1), radiusBottom: 0.04, radiusTop: 0.04, segments: 6)
        for x in [Float(-0.82), 0.82] {
            b.cylinder(.woodPlanks, from: Vec3(x - 0.05, 0.5, -0.1), to: Vec3(x + 0.05, 0.5, -0.1), radiusBottom: 0.5, radiusTop: 0.5, segments: 16, normals: .flat)
            b.cylinder(.metal, from: Vec3(x - 0.06, 0.5, -0.1), to: Vec3(x + 0.06, 0.5, -0.1), radiusBottom: 0.1, radiusTop: 0.1, segments: 8)
        }
        for x in [Float(-0.45), 0.45] { b.beam(.timber, from: Vec3(x, bedY - 0.05, 0.3), to: Vec3(x * 0.8, 0.45, 2.4), width: 0.07, depth: 0.07) }
        b.box(.timber, min: Vec3(-0.1, 0, 0.8), max: Vec3(0.1, bedY, 0.9))
        var m = KitModel(name: "Cart")
        m.add("Cart", b)
        return m
    }

    /// A wooden bench with a backrest, 1.6 m long.
    public static func bench(length: Float = 1.6, seed: UInt64) -> KitModel {
        _ = seed
        let l = kitClamp(length, 0.5, 10, fallback: 1.6)
        var b = MeshBuilder()
        for z in [Float(-0.15), 0, 0.15] { b.box(.woodPlanks, min: Vec3(-l / 2, 0.42, z - 0.065), max: Vec3(l / 2, 0.46, z + 0.065)) }
        for x in [-l / 2 + 0.12, l / 2 - 0.12] {
            b.box(.timber, min: Vec3(x - 0.04, 0, 0.12), max: Vec3(x + 0.04, 0.42, 0.2))
            b.box(.timber, min: Vec3(x - 0.04, 0, -0.24), max: Vec3(x + 0.04, 0.9, -0.16))
        }
        for y in [Float(0.62), 0.8] { b.box(.woodPlanks, min: Vec3(-l / 2, y, -0.26), max: Vec3(l / 2, y + 0.1, -0.23)) }
        var m = KitModel(name: "Bench")
        m.add("Bench", b)
        return m
    }

    /// A street lamp: iron pole with a glazed lantern; one lantern light anchor.
    public static func lamppost(height: Float = 3.2, seed: UInt64) -> KitModel {
        _ = seed
        let h = kitClamp(height, 1.5, 12, fallback: 3.2)
        var b = MeshBuilder()
        b.lathe(.metal, profile: [Vec2(0.16, 0), Vec2(0.16, 0.25), Vec2(0.08, 0.45), Vec2(0.05, 0.5)], segments: 8, normals: .flat)
        b.cylinder(.metal, from: Vec3(0, 0.45, 0), to: Vec3(0, h - 0.5, 0), radiusBottom: 0.05, radiusTop: 0.04, segments: 8)
        // Lantern box: glass sides in a metal frame, pyramid cap.
        let c = Vec3(0, h - 0.28, 0), s: Float = 0.16
        b.box(.metal, min: c + Vec3(-s - 0.03, -0.24, -s - 0.03), max: c + Vec3(s + 0.03, -0.2, s + 0.03))
        for (dx, dz) in [(Float(-1), Float(-1)), (1, -1), (1, 1), (-1, 1)] {
            b.box(.metal, min: c + Vec3(dx * s - 0.015, -0.2, dz * s - 0.015), max: c + Vec3(dx * s + 0.015, 0.2, dz * s + 0.015))
        }
        b.box(.glass, min: c + Vec3(-s + 0.01, -0.2, -s + 0.01), max: c + Vec3(s - 0.01, 0.2, s - 0.01))
        b.cone(.metal, base: c + Vec3(0, 0.2, 0), apex: c + Vec3(0, 0.42, 0), radius: s * 1.5, segments: 4, normals: .flat)
        b.sphere(.metal, center: c + Vec3(0, 0.45, 0), radius: 0.04, rings: 3, segments: 6)
        b.lathe(.fire, profile: [Vec2(0, -0.08), Vec2(0.04, -0.02), Vec2(0.03, 0.05), Vec2(0, 0.1)], segments: 6, center: c)
        var m = KitModel(name: "Lamppost")
        m.add("Lamppost", b)
        m.lightAnchors.append(LightAnchor(position: c, kind: .lantern))
        return m
    }

    /// A flag on a pole: the `Flag` cloth part pivots at the pole and carries a sway hint.
    public static func flag(poleHeight: Float = 6, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let h = kitClamp(poleHeight, 2, 40, fallback: 6)
        var pole = MeshBuilder()
        pole.cylinder(.timber, from: Vec3(0, -0.3, 0), to: Vec3(0, h, 0), radiusBottom: 0.07, radiusTop: 0.045, segments: 8)
        pole.sphere(.gold, center: Vec3(0, h + 0.06, 0), radius: 0.08, rings: 4, segments: 8)
        let colors: [Vec4] = [Vec4(0.75, 0.1, 0.1, 1), Vec4(0.1, 0.2, 0.7, 1), Vec4(0.9, 0.75, 0.1, 1), Vec4(0.1, 0.5, 0.2, 1), Vec4(0.95, 0.95, 0.95, 1)]
        let c0 = rng.pick(colors), c1 = rng.pick(colors.filter { $0 != c0 })
        var cloth = MeshBuilder()
        let fw: Float = h * 0.32, fh: Float = h * 0.2
        let nx = 8, ny = 3
        func p(_ i: Int, _ j: Int) -> Vec3 {
            let u = Float(i) / Float(nx), v = Float(j) / Float(ny)
            return Vec3(u * fw, -v * fh, ksin(u * 5.5) * 0.12 * u)
        }
        for i in 0..<nx {
            for j in 0..<ny {
                cloth.color = (j == 1) ? c1 : c0
                let uv = { (a: Int, bb: Int) in Vec2(Float(a) / Float(nx) * fw, Float(bb) / Float(ny) * fh) }
                cloth.addDoubleSidedQuad(.cloth, p(i, j + 1), p(i + 1, j + 1), p(i + 1, j), p(i, j), uvs: (uv(i, j + 1), uv(i + 1, j + 1), uv(i + 1, j), uv(i, j)))
            }
        }
        var m = KitModel(name: "Flag")
        m.add("Pole", pole)
        m.parts.append(KitPart(name: "Flag", mesh: cloth, transform: .translation(Vec3(0.05, h - 0.1, 0)), animation: .sway(axis: Vec3(0, 1, 0), amplitude: 0.3)))
        return m
    }

    /// A market stall: counter, four posts, a striped cloth canopy with a scalloped valance
    /// (`Canopy` part, sway hint) and goods in crates.
    public static func marketStall(seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let w: Float = 2.6, d: Float = 1.6
        var b = MeshBuilder()
        for x in [-w / 2, w / 2] {
            b.box(.timber, min: Vec3(x - 0.05, 0, d / 2 - 0.1), max: Vec3(x + 0.05, 2.3, d / 2))
            b.box(.timber, min: Vec3(x - 0.05, 0, -d / 2), max: Vec3(x + 0.05, 2.7, -d / 2 + 0.1))
        }
        b.box(.woodPlanks, min: Vec3(-w / 2 + 0.05, 0.85, d / 2 - 0.6), max: Vec3(w / 2 - 0.05, 0.92, d / 2 - 0.02))
        b.box(.woodPlanks, min: Vec3(-w / 2 + 0.05, 0.1, d / 2 - 0.1), max: Vec3(w / 2 - 0.05, 0.85, d / 2 - 0.04))
        // Goods: small crates with produce.
        let produce: [Vec4] = [Vec4(0.85, 0.15, 0.1, 1), Vec4(0.95, 0.6, 0.1, 1), Vec4(0.5, 0.75, 0.2, 1), Vec4(0.55, 0.25, 0.6, 1)]
        for k in 0..<3 {
            let x = -w / 2 + 0.5 + Float(k) * 0.8
            b.box(.woodPlanks, min: Vec3(x - 0.3, 0.92, d / 2 - 0.55), max: Vec3(x + 0.3, 1.05, d / 2 - 0.1))
            b.color = rng.pick(produce)
            for i in 0..<6 {
                let px = x - 0.2 + Float(i % 3) * 0.2, pz = d / 2 - 0.42 + Float(i / 3) * 0.2
                b.icosphere(.flowers, center: Vec3(px, 1.08, pz), radius: 0.08, subdivisions: 0, normals: .flat)
            }
            b.color = nil
        }
        let stripes: [Vec4] = [Vec4(0.85, 0.15, 0.12, 1), Vec4(0.2, 0.4, 0.8, 1), Vec4(0.2, 0.6, 0.3, 1), Vec4(0.9, 0.7, 0.15, 1)]
        let c0 = rng.pick(stripes), c1 = Vec4(0.95, 0.93, 0.88, 1)
        var canopy = MeshBuilder()
        let n = 8
        let front = Vec3(0, 2.3, d / 2 + 0.25), back = Vec3(0, 2.75, -d / 2 - 0.05)
        for i in 0..<n {
            let x0 = -w / 2 - 0.15 + (w + 0.3) * Float(i) / Float(n), x1 = -w / 2 - 0.15 + (w + 0.3) * Float(i + 1) / Float(n)
            canopy.color = i % 2 == 0 ? c0 : c1
            canopy.addDoubleSidedQuad(.cloth, Vec3(x0, front.y, front.z), Vec3(x1, front.y, front.z), Vec3(x1, back.y, back.z), Vec3(x0, back.y, back.z))
            // Scalloped valance hanging at the front.
            canopy.addDoubleSidedQuad(.cloth, Vec3(x0, front.y - 0.18, front.z), Vec3(x1, front.y - 0.18, front.z), Vec3(x1, front.y, front.z), Vec3(x0, front.y, front.z))
            canopy.addDoubleSidedTriangle(.cloth, Vec3(x0, front.y - 0.18, front.z), Vec3((x0 + x1) / 2, front.y - 0.3, front.z), Vec3(x1, front.y - 0.18, front.z))
        }
        var m = KitModel(name: "MarketStall")
        m.add("Stall", b)
        m.parts.append(KitPart(name: "Canopy", mesh: canopy, animation: .sway(axis: Vec3(1, 0, 0), amplitude: 0.03)))
        return m
    }
}
