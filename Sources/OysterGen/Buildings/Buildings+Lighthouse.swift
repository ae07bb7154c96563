import OysterCore

extension Buildings {
    /// A lighthouse: tapered tower in white and red bands, door, small windows, gallery
    /// with railing, glazed lantern room with a rotating `Lens` part and a `beacon` light
    /// anchor, domed cap with vane.
    public static func lighthouse(height: Float = 18, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let H = kitClamp(height, 8, 60, fallback: 18)
        let r0: Float = H * 0.14, r1: Float = H * 0.085
        var tower = MeshBuilder(), top = MeshBuilder()
        let segs = 18
        // Bands: alternate plaster (white) and brick (red).
        let bands = 5
        for i in 0..<bands {
            let y0 = H * Float(i) / Float(bands), y1 = H * Float(i + 1) / Float(bands)
            let ra = mix(r0, r1, Float(i) / Float(bands)), rb = mix(r0, r1, Float(i + 1) / Float(bands))
            tower.lathe(i % 2 == 0 ? .plaster : .brick, profile: [Vec2(ra, y0), Vec2(rb, y1)], segments: segs)
        }
        tower.lathe(.stoneWall, profile: [Vec2(r0 + 0.4, -0.5), Vec2(r0 + 0.4, 0.5), Vec2(r0, 0.5)], segments: segs, normals: .flat)
        // Door with a small porch slab, and windows up the shaft.
        var model = KitModel(name: "Lighthouse")
        let doorW: Float = 1.0, doorH: Float = 2.2
        let f = WallFrame(start: Vec3(-doorW / 2 - 0.4, 0.5, r0 + 0.15), dir: Vec3(1, 0, 0), length: doorW + 0.8, thickness: 0.45)
        let door = WallOpening(x0: 0.4, x1: 0.4 + doorW, y0: 0, y1: doorH)
        tower.wall(.stoneWall, f, height: doorH + 0.5, openings: [door], capEnds: true)
        tower.append(doorFrame(f, door, frame: .timber, step: nil))
        model.parts.append(doorPart(f, door, tint: Vec4(0.35, 0.5, 0.8, 1)))
        var y: Float = H * 0.3
        var a = rng.float(in: 0...6.28)
        while y < H - 2 {
            let r = mix(r0, r1, y / H) + 0.02
            let n = Vec3(kcos(a), 0, ksin(a))
            let axes = (Vec3(-n.z, 0, n.x), Vec3(0, 1, 0), n)
            tower.orientedBox(.timber, center: n * r + Vec3(0, y, 0), axes: axes, half: Vec3(0.32, 0.45, 0.05))
            tower.orientedBox(.glass, center: n * (r + 0.04) + Vec3(0, y, 0), axes: axes, half: Vec3(0.24, 0.36, 0.03))
            y += H * 0.22
            a += 2.4
        }
        // Gallery: corbelled platform and railing.
        let g = r1 + 0.8
        top.lathe(.stoneWall, profile: [Vec2(r1, H - 0.6), Vec2(g, H), Vec2(g, H + 0.3), Vec2(0, H + 0.3)], segments: segs, normals: .flat)
        let posts = 16
        var ring: [Vec3] = []
        for i in 0..<posts {
            let an = Float(i) / Float(posts) * 2 * .pi
            let p = Vec3(kcos(an) * (g - 0.1), H + 0.3, ksin(an) * (g - 0.1))
            top.cylinder(.metal, from: p, to: p + Vec3(0, 1.0, 0), radiusBottom: 0.03, radiusTop: 0.03, segments: 4, capBottom: false)
            ring.append(p + Vec3(0, 1.0, 0))
        }
        ring.append(ring[0])
        top.tube(.metal, path: ring, radii: [Float](repeating: 0.04, count: ring.count), segments: 4)
        // Lantern room: low wall, glazing between mullions, dome, vent ball and vane.
        let lr = r1 * 0.75
        top.cylinder(.plaster, from: Vec3(0, H + 0.3, 0), to: Vec3(0, H + 1.0, 0), radiusBottom: lr, radiusTop: lr, segments: 10, normals: .flat)
        top.cylinder(.glass, from: Vec3(0, H + 1.0, 0), to: Vec3(0, H + 2.8, 0), radiusBottom: lr * 0.97, radiusTop: lr * 0.97, segments: 10, capBottom: false, capTop: false, normals: .flat)
        for i in 0..<10 {
            let an = (Float(i) + 0.5) / 10 * 2 * .pi
            let p = Vec3(kcos(an) * lr, 0, ksin(an) * lr)
            top.beam(.metal, from: p + Vec3(0, H + 1.0, 0), to: p + Vec3(0, H + 2.8, 0), width: 0.06, depth: 0.06)
        }
        top.lathe(.metal, profile: [Vec2(lr + 0.25, H + 2.8), Vec2(lr * 0.8, H + 3.3), Vec2(lr * 0.3, H + 3.7), Vec2(0, H + 3.8)], segments: 12, normals: .smooth)
        top.sphere(.metal, center: Vec3(0, H + 3.95, 0), radius: 0.18, rings: 4, segments: 8)
        top.beam(.metal, from: Vec3(0, H + 4.1, 0), to: Vec3(0, H + 4.7, 0), width: 0.03, depth: 0.03)
        top.box(.metal, min: Vec3(0, H + 4.45, -0.01), max: Vec3(0.45, H + 4.65, 0.01))
        // The lamp and its lens turn.
        var lens = MeshBuilder()
        lens.cylinder(.gold, from: Vec3(0, -0.45, 0), to: Vec3(0, 0.45, 0), radiusBottom: 0.35, radiusTop: 0.35, segments: 8, normals: .flat)
        lens.box(.glass, min: Vec3(-0.05, -0.35, -0.5), max: Vec3(0.05, 0.35, 0.5))
        lens.lathe(.fire, profile: [Vec2(0, -0.2), Vec2(0.2, 0), Vec2(0, 0.25)], segments: 6, center: Vec3(0, 0.5, 0))
        model.parts.insert(KitPart(name: "Tower", mesh: tower), at: 0)
        model.parts.insert(KitPart(name: "Lantern", mesh: top), at: 1)
        model.parts.append(KitPart(name: "Lens", mesh: lens, transform: .translation(Vec3(0, H + 1.9, 0)), animation: .rotate(axis: Vec3(0, 1, 0), speed: 1.2)))
        model.lightAnchors.append(LightAnchor(position: Vec3(0, H + 1.9, 0), kind: .beacon))
        return model
    }
}
