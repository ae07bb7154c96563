import OysterCore

extension Buildings {
    static let storey: Float = 2.8
    static let plinthTop: Float = 0.25

    /// A house's outer size (width along its front, depth) as `house` builds it from `p`.
    static func houseSize(_ p: HouseParams) -> (width: Float, depth: Float) {
        let pw = kitClamp(p.width, 3, 30, fallback: 7), pd = kitClamp(p.depth, 3, 30, fallback: 5.5)
        return (max(pw, pd), min(pw, pd))
    }

    /// The first draws of a house's front from its random stream: the windows' width, and the
    /// door's middle along the front wall from its left end. One function for `house` and for
    /// whoever needs the door without the house (the people standing at it).
    static func houseFront(width w: Float, rng: inout KitRandom) -> (windowWidth: Float, doorX: Float) {
        let winW = rng.float(in: 0.8...1.0)
        return (winW, w / 2 + rng.float(in: -0.15...0.15) * w)
    }

    /// Where the door of the house of `p` and `seed` is, in the house's frame (the front wall
    /// faces +Z; y 0 is its base): the middle of the doorway on the front wall's outer face.
    static func houseDoor(_ p: HouseParams, seed: UInt64) -> Vec3 {
        let (w, d) = houseSize(p)
        var rng = KitRandom(seed: seed)
        let (_, doorX) = houseFront(width: w, rng: &rng)
        return Vec3(doorX - w / 2, plinthTop, d / 2)
    }

    /// A house: plinth, walls with a door and windows cut in, timber framing or quoins by
    /// style, a gable or hip roof with overhang, an optional chimney. Parts: `Walls`, `Roof`,
    /// `Door` (swing hint), `Window_N`; light anchors: one window glow per window.
    public static func house(_ p: HouseParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        let (w, d) = houseSize(p)
        let floors = max(1, min(p.floors, 3))
        let t: Float = 0.3
        let H = Float(floors) * storey + plinthTop
        let wallKind: SurfaceKind
        switch p.wallStyle {
        case .timberFramed: wallKind = .plaster
        case .stone: wallKind = .stoneWall
        case .brick: wallKind = .brick
        case .planks: wallKind = .woodPlanks
        case .plastered: wallKind = .plaster
        }
        var walls = MeshBuilder(), roof = MeshBuilder()
        var model = KitModel(name: "House")
        let frames = rectWalls(width: w, depth: d, thickness: t)
        // Openings per wall.
        let doorW: Float = 1.05, winH: Float = 1.15
        let (winW, doorX) = houseFront(width: w, rng: &rng)
        let door = WallOpening(x0: doorX - doorW / 2, x1: doorX + doorW / 2, y0: plinthTop, y1: plinthTop + 2.1)
        var openings: [[WallOpening]] = [[door], [], [], []]
        func windows(_ length: Float, count: Int, floor: Int, avoid: WallOpening?) -> [WallOpening] {
            var out: [WallOpening] = []
            guard count > 0 else { return out }
            for i in 0..<count {
                let x = length * (Float(i) + 0.5) / Float(count)
                let y0 = plinthTop + Float(floor) * storey + 0.95
                let o = WallOpening(x0: x - winW / 2, x1: x + winW / 2, y0: y0, y1: y0 + winH)
                if let a = avoid, o.x1 > a.x0 - 1.15 && o.x0 < a.x1 + 1.15 && o.y0 < a.y1 { continue }  // room for shutters and the lantern
                if o.x0 < 0.45 || o.x1 > length - 0.45 { continue }
                out.append(o)
            }
            return out
        }
        for f in 0..<floors {
            openings[0] += windows(w, count: f == 0 ? 3 : max(2, Int(w / 2.3)), floor: f, avoid: f == 0 ? door : nil)
            openings[1] += windows(d, count: max(1, Int(d / 3)), floor: f, avoid: nil)
            openings[2] += windows(w, count: max(1, Int(w / 3)), floor: f, avoid: nil).filter { _ in rng.chance(0.8) }
            openings[3] += windows(d, count: max(1, Int(d / 3)), floor: f, avoid: nil)
        }
        // Walls, plinth and floor.
        var u: Float = 0
        walls.color = p.wallTint
        for (i, f) in frames.enumerated() {
            walls.wall(wallKind, f, height: H, openings: openings[i], inner: .plaster, uOffset: u)
            u += f.length
        }
        walls.color = nil
        walls.box(.stoneWall, min: Vec3(-w / 2 - 0.07, -0.6, -d / 2 - 0.07), max: Vec3(w / 2 + 0.07, plinthTop, d / 2 + 0.07))
        walls.box(.woodPlanks, min: Vec3(-w / 2 + t, plinthTop, -d / 2 + t), max: Vec3(w / 2 - t, plinthTop + 0.02, d / 2 - t))
        // Style details.
        switch p.wallStyle {
        case .timberFramed:
            for (i, f) in frames.enumerated() { timberFraming(&walls, f, height: H, floors: floors, openings: openings[i]) }
        case .brick:
            for f in frames { quoins(&walls, f, height: H) }
        case .planks:
            for f in frames {
                walls.wallBeam(.timber, f, from: Vec2(0.08, plinthTop), to: Vec2(0.08, H), width: 0.18, proud: 0.08)
            }
        case .stone:
            for f in frames { walls.wallBeam(.timber, f, from: Vec2(0, H - 0.12), to: Vec2(f.length, H - 0.12), width: 0.2, proud: 0.06) }
        case .plastered:
            break
        }
        // Door, frame and step.
        // A flat-roofed (modern) house's door has a metal frame.
        walls.append(doorFrame(frames[0], door, frame: p.roof == .flat ? .metal : .timber))
        let lanternX = door.x1 + 0.4 < w - 0.3 ? door.x1 + 0.4 : door.x0 - 0.4
        let lantern = Props.wallLantern(at: frames[0].point(lanternX, plinthTop + 1.95, -0.02), outward: frames[0].outward)
        walls.append(lantern.mesh)
        model.lightAnchors.append(lantern.anchor)
        model.parts.append(doorPart(frames[0], door, tint: Vec4(rng.float(in: 0.6...1), rng.float(in: 0.6...1), rng.float(in: 0.6...1), 1)))
        // Windows with glow anchors.
        let shutterColor: Vec4? = p.shutters ? rng.pick([Vec4(0.3, 0.55, 0.35, 1), Vec4(0.35, 0.45, 0.75, 1), Vec4(0.75, 0.3, 0.25, 1), Vec4(1, 1, 1, 1)]) : nil
        var wi = 0
        for (i, f) in frames.enumerated() {
            for o in openings[i] where o.y0 > plinthTop + 0.1 {
                wi += 1
                let sill: SurfaceKind = p.wallStyle == .planks ? .timber : .stoneWall
                // A flat-roofed (modern) house has slim metal frames and undivided panes.
                let modern = p.roof == .flat
                model.parts.append(KitPart(name: "Window_\(wi)", mesh: window(f, o, frame: modern ? .metal : .timber, sill: modern ? .metal : sill,
                                                                               shutters: shutterColor, mullions: !modern)))
                model.lightAnchors.append(LightAnchor(position: f.point((o.x0 + o.x1) / 2, (o.y0 + o.y1) / 2, t + 0.35), kind: .windowGlow))
            }
        }
        // Roof.
        let thatch = p.roofKind == .thatch
        let pitch: Float = rng.float(in: p.pitch ?? (thatch ? 0.75...0.85 : 0.58...0.72))
        let overhang: Float = thatch ? 0.55 : 0.4
        let thick: Float = thatch ? 0.35 : 0.14
        let ridgeY: Float
        switch p.roof {
        case .gable:
            ridgeY = gableRoof(&roof, walls: &walls, kind: p.roofKind, gableKind: wallKind, width: w, depth: d, eaveY: H, pitch: pitch, overhang: overhang,
                               thickness: thick, wallThickness: t, timber: p.wallStyle == .timberFramed ? .timber : nil)
        case .hip:
            ridgeY = hipRoof(&roof, kind: p.roofKind, width: w, depth: d, eaveY: H, pitch: pitch, overhang: overhang, thickness: thick)
        case .flat:
            ridgeY = flatRoof(&roof, width: w, depth: d, eaveY: H, wallKind: wallKind, paint: p.wallTint)
        }
        if p.chimney {
            let cx = (w / 2 - 0.8) * (rng.chance(0.5) ? 1 : -1)
            chimney(&roof, kind: p.wallStyle == .brick ? .brick : .stoneWall, x: cx, z: -d / 4, baseY: H - 0.4, topY: ridgeY + 0.45)
        }
        model.parts.insert(KitPart(name: "Walls", mesh: walls), at: 0)
        model.parts.insert(KitPart(name: "Roof", mesh: roof), at: 1)
        return model
    }

    /// Posts, rails and braces on a plastered wall, kept clear of openings.
    static func timberFraming(_ b: inout MeshBuilder, _ f: WallFrame, height H: Float, floors: Int, openings: [WallOpening]) {
        let L = f.length
        b.wallBeam(.timber, f, from: Vec2(0.09, plinthTop), to: Vec2(0.09, H), width: 0.18)
        b.wallBeam(.timber, f, from: Vec2(L - 0.09, plinthTop), to: Vec2(L - 0.09, H), width: 0.18)
        for k in 0...floors {
            let y = k == floors ? H - 0.09 : plinthTop + Float(k) * storey + (k == 0 ? 0.08 : 0)
            b.wallBeam(.timber, f, from: Vec2(0, y), to: Vec2(L, y), width: 0.16)
        }
        func clear(_ x0: Float, _ x1: Float, _ y0: Float, _ y1: Float) -> Bool {
            !openings.contains { $0.x1 + 0.12 > x0 && $0.x0 - 0.12 < x1 && $0.y1 > y0 && $0.y0 < y1 }
        }
        for k in 0..<floors {
            let y0 = plinthTop + Float(k) * storey + 0.08, y1 = k == floors - 1 ? H - 0.09 : y0 + storey - 0.08
            let bays = max(2, Int(L / 1.3))
            for s in 1..<bays {
                let x = L * Float(s) / Float(bays)
                if clear(x - 0.08, x + 0.08, y0, y1) { b.wallBeam(.timber, f, from: Vec2(x, y0), to: Vec2(x, y1), width: 0.13) }
            }
            // Braces in the end bays when nothing is in the way.
            let bw = L / Float(bays)
            if clear(0, bw, y0, y1) { b.wallBeam(.timber, f, from: Vec2(0.15, y0), to: Vec2(bw - 0.05, y1), width: 0.12) }
            if clear(L - bw, L, y0, y1) { b.wallBeam(.timber, f, from: Vec2(L - 0.15, y0), to: Vec2(L - bw + 0.05, y1), width: 0.12) }
        }
    }

    /// Alternating stone blocks up a brick wall's corners.
    static func quoins(_ b: inout MeshBuilder, _ f: WallFrame, height H: Float) {
        var y = plinthTop
        var i = 0
        while y + 0.3 <= H {
            let wdt: Float = i % 2 == 0 ? 0.55 : 0.35
            let c = f.point(wdt / 2 - 0.02, y + 0.15, -0.02)
            b.orientedBox(.stoneWall, center: c, axes: (f.dir, f.up, f.outward), half: Vec3(wdt / 2, 0.14, 0.04))
            y += 0.3
            i += 1
        }
    }
}
