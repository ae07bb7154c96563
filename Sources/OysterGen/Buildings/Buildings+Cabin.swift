import OysterCore

extension Buildings {
    /// A log cabin: stacked round logs interlocking at the corners (gaps where the door and
    /// window are), gable roof of planks or thatch, an outside stone chimney. Parts: `Walls`,
    /// `Roof`, `Door` (swing), `Window_1`; anchors: window glow.
    public static func cabin(width: Float = 6, depth: Float = 4.5, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let w = kitClamp(width, 3, 20, fallback: 6), d = kitClamp(depth, 3, 16, fallback: 4.5)
        let r: Float = 0.15
        let courses = 9
        let wallH = Float(courses) * r * 2
        var walls = MeshBuilder(), roof = MeshBuilder()
        var model = KitModel(name: "Cabin")
        let frames = rectWalls(width: w, depth: d, thickness: 2 * r)
        let door = WallOpening(x0: w * 0.5 - 0.5, x1: w * 0.5 + 0.5, y0: 0.3, y1: 0.3 + 2.0)
        let win = WallOpening(x0: d / 2 - 0.5, x1: d / 2 + 0.5, y0: 1.0, y1: 2.0)
        let openings: [[WallOpening]] = [[door], [win], [], []]
        for (i, f) in frames.enumerated() {
            // Logs of walls 0/2 sit half a log above those of 1/3, so corners interlock.
            let lift: Float = i % 2 == 0 ? 0 : r
            for c in 0..<courses {
                let y = Float(c) * 2 * r + r + lift
                guard y < wallH + r * 0.5 else { continue }
                var cuts: [(Float, Float)] = []
                for o in openings[i] where y + r > o.y0 && y - r < o.y1 { cuts.append((o.x0, o.x1)) }
                var x0: Float = -0.3
                let segments = cuts.sorted { $0.0 < $1.0 } + [(f.length + 0.3, f.length + 0.3)]
                for (c0, c1) in segments {
                    if c0 - x0 > 0.1 {
                        let a = f.point(x0, y, r), bb = f.point(c0, y, r)
                        walls.color = Vec4(repeating: rng.float(in: 0.8...1))
                        walls.cylinder(.timber, from: a, to: bb, radiusBottom: r * rng.float(in: 0.95...1.05), radiusTop: r, segments: 7)
                    }
                    x0 = c1
                }
            }
        }
        walls.color = nil
        // Chinking between logs (dark infill) is implied by an inner plank lining.
        for (i, f) in frames.enumerated() { walls.wall(.woodPlanks, WallFrame(start: f.point(0, 0, r * 1.6), dir: f.dir, length: f.length - 0, thickness: 0.05), height: wallH, openings: openings[i], capTop: false) }
        walls.box(.stoneWall, min: Vec3(-w / 2 - 0.2, -0.4, -d / 2 - 0.2), max: Vec3(w / 2 + 0.2, 0.05, d / 2 + 0.2))
        walls.box(.woodPlanks, min: Vec3(-w / 2 + 0.3, 0.05, -d / 2 + 0.3), max: Vec3(w / 2 - 0.3, 0.3, d / 2 - 0.3))
        // Door and window frames in timber.
        let outerFront = WallFrame(start: frames[0].start + Vec3(0, 0, 0.02), dir: frames[0].dir, length: frames[0].length, thickness: 2 * r)
        walls.append(doorFrame(outerFront, door, frame: .timber, step: .woodPlanks))
        model.parts.append(doorPart(outerFront, door))
        let side = frames[1]
        model.parts.append(KitPart(name: "Window_1", mesh: window(side, win, frame: .timber, sill: .timber, shutters: nil)))
        model.lightAnchors.append(LightAnchor(position: side.point((win.x0 + win.x1) / 2, (win.y0 + win.y1) / 2, 0.6), kind: .windowGlow))
        let roofKind: SurfaceKind = rng.chance(0.5) ? .woodPlanks : .thatch
        let ridge = gableRoof(&roof, walls: &walls, kind: roofKind, gableKind: .woodPlanks, width: w, depth: d, eaveY: wallH, pitch: 0.7, overhang: 0.5,
                              thickness: roofKind == .thatch ? 0.3 : 0.12, wallThickness: 2 * r)
        // Outside chimney on the left gable.
        roof.box(.stoneWall, min: Vec3(-w / 2 - 0.9, -0.2, -0.5), max: Vec3(-w / 2 - 0.05, wallH * 0.8, 0.5))
        chimney(&roof, kind: .stoneWall, x: -w / 2 - 0.4, z: 0, baseY: wallH * 0.8, topY: ridge + 0.6, size: 0.6)
        model.parts.insert(KitPart(name: "Walls", mesh: walls), at: 0)
        model.parts.insert(KitPart(name: "Roof", mesh: roof), at: 1)
        return model
    }
}
