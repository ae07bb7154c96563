import OysterCore

/// Parameters for a defensive tower.
public struct TowerParams: Sendable, Hashable {
    public var round: Bool
    /// Radius (round) or half width (square), metres.
    public var radius: Float
    public var height: Float
    /// A pointed roof (conical or pyramid) instead of an open crenellated top.
    public var pointedRoof: Bool
    public var wallKind: SurfaceKind
    public var roofKind: SurfaceKind

    public init(round: Bool = true, radius: Float = 3, height: Float = 12, pointedRoof: Bool = false, wallKind: SurfaceKind = .stoneWall, roofKind: SurfaceKind = .slate) {
        self.round = round
        self.radius = radius
        self.height = height
        self.pointedRoof = pointedRoof
        self.wallKind = wallKind
        self.roofKind = roofKind
    }
}

extension Buildings {
    /// A tower: round (battered cylinder) or square (walls with real openings), door with
    /// torches either side, arrow-slit windows, and a crenellated top or a pointed roof.
    /// Parts: `Walls`, `Top`, `Door`, `Torch…`; anchors: two torch flames.
    public static func tower(_ p: TowerParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let R = kitClamp(p.radius, 1.5, 15, fallback: 3), H = kitClamp(p.height, 4, 60, fallback: 12)
        var walls = MeshBuilder(), top = MeshBuilder()
        var model = KitModel(name: "Tower")
        let doorW: Float = 1.2, doorH: Float = 2.4
        if p.round {
            let segs = 20
            walls.lathe(p.wallKind, profile: [Vec2(R * 1.12, -0.5), Vec2(R * 1.08, 1.2), Vec2(R, 2.2), Vec2(R, H)], segments: segs, normals: .smooth)
            walls.lathe(p.wallKind, profile: [Vec2(0, H - 0.01), Vec2(R * 0.5, H - 0.01), Vec2(R, H - 0.01)].reversed(), segments: segs)
            // Arrow slits spiral up the shaft.
            var y: Float = 3.2, a = rng.float(in: 0...6.28)
            while y < H - 2 {
                let n = Vec3(kcos(a), 0, ksin(a))
                let c = n * (R + 0.02) + Vec3(0, y, 0)
                walls.orientedBox(p.wallKind, center: c, axes: (Vec3(-n.z, 0, n.x), Vec3(0, 1, 0), n), half: Vec3(0.32, 0.75, 0.06))
                walls.orientedBox(.glass, center: c + n * 0.04, axes: (Vec3(-n.z, 0, n.x), Vec3(0, 1, 0), n), half: Vec3(0.09, 0.55, 0.04))
                y += 2.6
                a += 2.1
            }
            // A flat stone porch slab with the doorway cut through it, on the curved wall.
            let door = WallOpening(x0: 0.5, x1: 0.5 + doorW, y0: 0.1, y1: doorH)
            let f2 = WallFrame(start: Vec3(-doorW / 2 - 0.5, 0, R + 0.12), dir: Vec3(1, 0, 0), length: doorW + 1, thickness: 0.3)
            walls.wall(p.wallKind, f2, height: doorH + 0.6, openings: [door], capEnds: true)
            walls.append(doorFrame(f2, door, frame: .stoneWall, step: nil))
            model.parts.append(doorPart(f2, door))
            // Corbelled parapet.
            if p.pointedRoof {
                top.cone(p.roofKind, base: Vec3(0, H - 0.2, 0), apex: Vec3(0, H + R * 2.2, 0), radius: R + 0.5, segments: segs, normals: .flat)
                top.cylinder(.metal, from: Vec3(0, H + R * 2.1, 0), to: Vec3(0, H + R * 2.2 + 1.2, 0), radiusBottom: 0.05, radiusTop: 0.03, segments: 5)
            } else {
                top.lathe(p.wallKind, profile: [Vec2(R, H - 0.8), Vec2(R + 0.35, H - 0.3), Vec2(R + 0.35, H + 0.6), Vec2(R - 0.1, H + 0.6), Vec2(R - 0.1, H)], segments: segs, normals: .flat)
                let merlons = max(8, Int(2 * .pi * R / 1.1))
                for i in 0..<merlons where i % 2 == 0 {
                    let a = Float(i) / Float(merlons) * 2 * .pi
                    let n = Vec3(kcos(a), 0, ksin(a))
                    top.orientedBox(p.wallKind, center: n * (R + 0.12) + Vec3(0, H + 1.05, 0), axes: (Vec3(-n.z, 0, n.x), Vec3(0, 1, 0), n), half: Vec3(0.42, 0.45, 0.23))
                }
            }
        } else {
            let w = R * 2
            let frames = rectWalls(width: w, depth: w, thickness: 0.5)
            let door = WallOpening(x0: R - doorW / 2, x1: R + doorW / 2, y0: 0.1, y1: doorH)
            for (i, f) in frames.enumerated() {
                var ops: [WallOpening] = i == 0 ? [door] : []
                var y: Float = 4
                while y < H - 2.5 {
                    ops.append(WallOpening(x0: R - 0.2, x1: R + 0.2, y0: y, y1: y + 1.1))
                    y += 3.2
                }
                walls.wall(p.wallKind, f, height: H, openings: ops)
                for o in ops.dropFirst(i == 0 ? 1 : 0) { walls.append(window(f, o, frame: .timber, sill: p.wallKind, shutters: nil, mullions: false)) }
            }
            walls.box(p.wallKind, min: Vec3(-R - 0.2, -0.5, -R - 0.2), max: Vec3(R + 0.2, 0.6, R + 0.2))
            walls.append(doorFrame(frames[0], door, frame: .stoneWall, step: nil))
            model.parts.append(doorPart(frames[0], door))
            walls.box(.woodPlanks, min: Vec3(-R + 0.5, H - 0.2, -R + 0.5), max: Vec3(R - 0.5, H - 0.05, R - 0.5))
            if p.pointedRoof {
                hipRoof(&top, kind: p.roofKind, width: w, depth: w, eaveY: H, pitch: 0.95, overhang: 0.4, thickness: 0.15)
            } else {
                top.box(p.wallKind, min: Vec3(-R - 0.3, H - 0.5, -R - 0.3), max: Vec3(R + 0.3, H, R + 0.3))
                for f in rectWalls(width: w + 0.6, depth: w + 0.6, thickness: 0.45, baseY: H) {
                    let n = max(3, Int(f.length / 1.2) | 1)
                    for i in 0..<n where i % 2 == 0 {
                        let x0 = f.length * Float(i) / Float(n), x1 = f.length * Float(i + 1) / Float(n)
                        top.orientedBox(p.wallKind, center: f.point((x0 + x1) / 2, 0.5, 0.22), axes: (f.dir, f.up, f.outward), half: Vec3((x1 - x0) / 2, 0.5, 0.22))
                    }
                    top.orientedBox(p.wallKind, center: f.point(f.length / 2, 0.2, 0.22), axes: (f.dir, f.up, f.outward), half: Vec3(f.length / 2, 0.2, 0.22))
                }
            }
        }
        let zDoor: Float = p.round ? R + 0.12 : R
        for (k, x) in [-doorW / 2 - 0.75, doorW / 2 + 0.75].enumerated() {
            let t = Props.wallTorch(at: Vec3(x, 2.2, zDoor), outward: Vec3(0, 0, 1), name: "Torch\(k + 1)")
            model.parts += t.parts
            model.lightAnchors.append(t.anchor)
        }
        model.parts.insert(KitPart(name: "Walls", mesh: walls), at: 0)
        model.parts.insert(KitPart(name: "Top", mesh: top), at: 1)
        return model
    }
}
