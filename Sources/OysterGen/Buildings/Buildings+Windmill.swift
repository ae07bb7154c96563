import OysterCore

extension Buildings {
    /// A tower windmill: tapered octagonal body, door, windows, a cap roof and a `Blades`
    /// part (four lattice sails with cloth) that turns about its axle (rotate hint).
    public static func windmill(height: Float = 10, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let H = kitClamp(height, 5, 40, fallback: 10)
        let rb: Float = H * 0.3, rt: Float = H * 0.19
        var body = MeshBuilder()
        let bodyKind: SurfaceKind = rng.chance(0.5) ? .plaster : .woodPlanks
        body.lathe(bodyKind, profile: [Vec2(rb, 0), Vec2(rt, H)], segments: 8, normals: .flat)
        body.lathe(.stoneWall, profile: [Vec2(rb + 0.25, -0.4), Vec2(rb + 0.25, 0.5), Vec2(rb * 0.98, 0.5)], segments: 8, normals: .flat)
        var model = KitModel(name: "Windmill")
        // Door on the front face: the octagon's face normal at +Z.
        let faceR = rb * kcos(.pi / 8)
        let f = WallFrame(start: Vec3(-0.9, 0.4, faceR + 0.2), dir: Vec3(1, 0, 0), length: 1.8, thickness: 0.4)
        let door = WallOpening(x0: 0.4, x1: 1.4, y0: 0, y1: 2.1)
        body.wall(.timber, f, height: 2.5, openings: [door], capEnds: true)
        model.parts.append(doorPart(f, door))
        for (k, y) in [H * 0.45, H * 0.72].enumerated() {
            let a = Float(k) * 1.7 + 0.8
            let r = mix(rb, rt, y / H) * kcos(.pi / 8)
            let n = Vec3(kcos(a), 0, ksin(a))
            let axes = (Vec3(-n.z, 0, n.x), Vec3(0, 1, 0), n)
            body.orientedBox(.timber, center: n * r + Vec3(0, y, 0), axes: axes, half: Vec3(0.35, 0.45, 0.06))
            body.orientedBox(.glass, center: n * (r + 0.05) + Vec3(0, y, 0), axes: axes, half: Vec3(0.26, 0.36, 0.04))
        }
        // Cap: boat-shaped roof approximated by a squashed dome.
        var cap = MeshBuilder()
        cap.lathe(.roofTiles, profile: [Vec2(rt + 0.3, H), Vec2(rt + 0.2, H + 0.5), Vec2(rt * 0.7, H + 1.6), Vec2(0, H + 2.2)], segments: 10, normals: .flat)
        cap.cylinder(.timber, from: Vec3(0, H + 0.9, 0), to: Vec3(0, H + 0.9, rt + 0.9), radiusBottom: 0.2, radiusTop: 0.2, segments: 8)
        // Blades: four spars with lattice frames and cloth, pivoting at the hub.
        var blades = MeshBuilder()
        let len = H * 0.75
        blades.cylinder(.metal, from: Vec3(0, 0, -0.1), to: Vec3(0, 0, 0.35), radiusBottom: 0.3, radiusTop: 0.25, segments: 10)
        for k in 0..<4 {
            let a = Float(k) * .pi / 2 + 0.3
            let dir = Vec3(kcos(a), ksin(a), 0)
            let side = Vec3(-dir.y, dir.x, 0)
            blades.beam(.timber, from: Vec3(0, 0, 0.2), to: dir * len + Vec3(0, 0, 0.2), width: 0.14, depth: 0.14, up: Vec3(0, 0, 1))
            let s0: Float = len * 0.22, s1: Float = len, sw: Float = len * 0.22
            let bars = 6
            for i in 0...bars {
                let along = mix(s0, s1, Float(i) / Float(bars))
                blades.beam(.timber, from: dir * along + Vec3(0, 0, 0.25), to: dir * along + side * sw + Vec3(0, 0, 0.25), width: 0.05, depth: 0.05, up: Vec3(0, 0, 1))
            }
            blades.beam(.timber, from: dir * s0 + side * sw + Vec3(0, 0, 0.25), to: dir * s1 + side * sw + Vec3(0, 0, 0.25), width: 0.05, depth: 0.05, up: Vec3(0, 0, 1))
            blades.color = Vec4(0.95, 0.92, 0.85, 1)
            blades.addDoubleSidedQuad(.cloth, dir * s0 + Vec3(0, 0, 0.22), dir * s1 + Vec3(0, 0, 0.22), dir * s1 + side * sw + Vec3(0, 0, 0.22), dir * s0 + side * sw + Vec3(0, 0, 0.22))
            blades.color = nil
        }
        model.parts.insert(KitPart(name: "Body", mesh: body), at: 0)
        model.parts.insert(KitPart(name: "Cap", mesh: cap), at: 1)
        model.parts.append(KitPart(name: "Blades", mesh: blades, transform: .translation(Vec3(0, H + 0.9, rt + 0.95)), animation: .rotate(axis: Vec3(0, 0, 1), speed: 0.8)))
        return model
    }

    /// A village well: round stone wall, water inside, posts, crossbeam with crank, little
    /// tiled roof and a bucket on a rope.
    public static func well(seed: UInt64) -> KitModel {
        _ = seed
        var b = MeshBuilder()
        b.lathe(.stoneWall, profile: [Vec2(0.95, -0.2), Vec2(0.95, 0.8), Vec2(0.72, 0.8), Vec2(0.72, -0.4)], segments: 14, normals: .flat)
        b.lathe(.water, profile: [Vec2(0.72, -0.25), Vec2(0, -0.25)], segments: 14)
        for x in [Float(-0.85), 0.85] { b.box(.timber, min: Vec3(x - 0.08, 0, -0.08), max: Vec3(x + 0.08, 2.3, 0.08)) }
        b.cylinder(.timber, from: Vec3(-1.0, 1.75, 0), to: Vec3(1.0, 1.75, 0), radiusBottom: 0.07, radiusTop: 0.07, segments: 8)
        b.beam(.metal, from: Vec3(1.0, 1.75, 0), to: Vec3(1.0, 1.5, 0), width: 0.03, depth: 0.03)
        b.beam(.metal, from: Vec3(1.0, 1.5, 0), to: Vec3(1.2, 1.5, 0), width: 0.03, depth: 0.03)
        // Roof: two small slabs.
        for side in [Float(1), -1] {
            let n = normalize(Vec3(0, 1, side))
            let down = normalize(Vec3(0, -1, side))
            var ax = Vec3(1, 0, 0)
            if dot(cross(ax, n), down) < 0 { ax = -ax }
            b.orientedBox(.roofTiles, center: Vec3(0, 2.3, 0) + down * 0.6 + n * 0.05, axes: (ax, n, down), half: Vec3(1.2, 0.05, 0.65))
        }
        b.tube(.timber, path: [Vec3(0, 1.7, 0), Vec3(0, 1.05, 0)], radii: [0.012, 0.012], segments: 3)
        b.lathe(.woodPlanks, profile: [Vec2(0, 0.7), Vec2(0.15, 0.7), Vec2(0.18, 1.0), Vec2(0.16, 1.0), Vec2(0.13, 0.73), Vec2(0, 0.73)], segments: 8, normals: .flat)
        var m = KitModel(name: "Well")
        m.add("Well", b)
        return m
    }
}
