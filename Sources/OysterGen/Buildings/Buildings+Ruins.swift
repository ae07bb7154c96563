import OysterCore

extension Buildings {
    /// Ruins of a stone house: walls broken to jagged heights (a few courses left in places),
    /// empty window and door holes, no roof, rubble and fallen blocks and beams.
    public static func ruins(width: Float = 8, depth: Float = 6, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let w = kitClamp(width, 3, 30, fallback: 8), d = kitClamp(depth, 3, 30, fallback: 6)
        let noise = KitNoise(seed: rng.next())
        let t: Float = 0.55, H: Float = 4.2
        var b = MeshBuilder()
        let frames = rectWalls(width: w, depth: d, thickness: t)
        let door = WallOpening(x0: w * 0.35, x1: w * 0.35 + 1.2, y0: 0, y1: 2.3)
        var perimeter: Float = 0
        for (i, f) in frames.enumerated() {
            var ops: [WallOpening] = i == 0 ? [door] : []
            let nwin = max(1, Int(f.length / 3.2))
            for k in 0..<nwin {
                let x = f.length * (Float(k) + 0.5) / Float(nwin)
                if i == 0 && abs(x - (door.x0 + door.x1) / 2) < 1.6 { continue }
                ops.append(WallOpening(x0: x - 0.45, x1: x + 0.45, y0: 1.1, y1: 2.4))
            }
            // Column by column, height from noise along the perimeter.
            let col: Float = 0.5
            let n = max(1, Int((f.length / col).rounded()))
            let cw = f.length / Float(n)
            for c in 0..<n {
                let x0 = Float(c) * cw
                let s = perimeter + x0
                let k = noise.fbm(Vec3(s * 0.18, 0.5, 3.1), octaves: 3)
                var h = H * (0.55 + k * 0.9)
                h = max(0.35, min(H, h)) - Float(c % 2) * rng.float(in: 0...0.25)
                let sub = WallFrame(start: f.point(x0, 0), dir: f.dir, length: cw, thickness: t)
                let local = ops.compactMap { o -> WallOpening? in
                    let a = max(o.x0 - x0, 0), bb = min(o.x1 - x0, cw)
                    guard bb > a + 1e-3, o.y0 < h else { return nil }
                    return WallOpening(x0: a, x1: bb, y0: o.y0, y1: min(o.y1, h + 0.01))
                }
                b.wall(.stoneWall, sub, height: h, openings: local, capEnds: true, uOffset: s)
            }
            perimeter += f.length
        }
        b.box(.stoneWall, min: Vec3(-w / 2 - 0.1, -0.4, -d / 2 - 0.1), max: Vec3(w / 2 + 0.1, 0.15, d / 2 + 0.1))
        // Rubble inside and along the walls, some fallen blocks and a charred beam.
        b.append(Rocks.rubble(count: 26, radius: min(w, d) * 0.45, stoneSize: 0.4, kind: .stoneWall, seed: rng.next()), transform: .translation(Vec3(0, 0.15, 0)))
        for _ in 0..<6 {
            let side: Float = rng.chance(0.5) ? 1 : -1
            let p = Vec3(rng.float(in: -w / 2...w / 2), 0.15 + 0.2, side * (d / 2 + rng.float(in: 0.5...1.5)))
            b.box(.stoneWall, center: p, size: Vec3(0.7, 0.4, 0.45), yaw: rng.float(in: 0...3))
        }
        for _ in 0..<2 {
            let a = Vec3(rng.float(in: -w / 3...w / 3), 0.2, rng.float(in: -d / 3...d / 3))
            let dir = Vec3(rng.float(in: -1...1), 0, rng.float(in: -1...1))
            b.color = Vec4(0.45, 0.42, 0.4, 1)
            b.beam(.timber, from: a, to: a + normalize(dir) * 3 + Vec3(0, 1.2, 0), width: 0.22, depth: 0.22)
            b.color = nil
        }
        var model = KitModel(name: "Ruins")
        model.add("Ruins", b)
        return model
    }
}
