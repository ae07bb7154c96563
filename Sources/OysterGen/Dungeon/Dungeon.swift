import OysterCore

/// Dungeon interiors: a room-and-corridor layout turned into floors, walls, ceilings, door
/// frames with swinging doors, pillars, torches and props.
public enum Dungeon {
    static let inset: Float = 0.15

    /// Builds the dungeon for `params` and `seed` (layout from `DungeonLayout.generate`).
    /// Parts: `Floor`, `Walls`, `Ceiling`, `Pillars`, `Props`, `Door_N` (swing), `Chest_N`
    /// with child `Lid` (swing), `TorchFlame_N` (flicker). Anchors: torch flames, candles.
    /// Origin: the grid centre at floor level.
    public static func build(_ params: DungeonParams, seed: UInt64) -> KitModel {
        let layout = DungeonLayout.generate(params, seed: seed)
        return build(layout, params: params, seed: seed)
    }

    /// Builds geometry for an existing layout.
    public static func build(_ L: DungeonLayout, params: DungeonParams, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed ^ 0xD0_D0)
        let s = kitClamp(params.cellSize, 1, 8, fallback: 2), H = kitClamp(params.wallHeight, 2.6, 12, fallback: 3.6)
        let ox = -Float(L.width) * s / 2, oz = -Float(L.depth) * s / 2
        func corner(_ x: Int, _ z: Int) -> Vec3 { Vec3(ox + Float(x) * s, 0, oz + Float(z) * s) }
        func center(_ x: Int, _ z: Int) -> Vec3 { corner(x, z) + Vec3(s / 2, 0, s / 2) }
        var floor = MeshBuilder(), ceiling = MeshBuilder(), walls = MeshBuilder(), pillars = MeshBuilder(), props = MeshBuilder()
        var model = KitModel(name: "Dungeon")
        // Floor and ceiling, one quad per cell.
        for z in 0..<L.depth {
            for x in 0..<L.width where L.isFloor(x, z) {
                let a = corner(x, z), b = corner(x + 1, z), c = corner(x + 1, z + 1), d = corner(x, z + 1)
                // Corridors are cobbled; rooms have flagstone floors.
                floor.addQuad(L.regionAt(x, z) == -2 ? .cobblestone : .dungeonFloor, a, d, c, b, facing: Vec3(0, 1, 0))
                let up = Vec3(0, H, 0)
                ceiling.addQuad(.dungeonWall, a + up, b + up, c + up, d + up, facing: Vec3(0, -1, 0))
            }
        }
        // Walls in runs along each of the four sides.
        let dirs: [(Int, Int)] = [(0, -1), (0, 1), (-1, 0), (1, 0)]
        for (dx, dz) in dirs {
            let alongX = dz != 0
            let outer = alongX ? L.depth : L.width, inner = alongX ? L.width : L.depth
            for o in 0..<outer {
                var runStart: Int? = nil
                for i in 0...inner {
                    let (x, z) = alongX ? (i, o) : (o, i)
                    let need = i < inner && L.isFloor(x, z) && !L.passable(.init(x, z), .init(x + dx, z + dz))
                    if need && runStart == nil { runStart = i }
                    if !need, let st = runStart {
                        runStart = nil
                        // Wall plane: the cell edge towards (dx, dz), pulled in by the inset.
                        let n = Vec3(Float(dx), 0, Float(dz))
                        let (x0, z0) = alongX ? (st, o) : (o, st)
                        let (x1, z1) = alongX ? (i - 1, o) : (o, i - 1)
                        let c0 = center(x0, z0) + n * (s / 2 - inset), c1 = center(x1, z1) + n * (s / 2 - inset)
                        let along = alongX ? Vec3(1, 0, 0) : Vec3(0, 0, 1)
                        let a = c0 - along * (s / 2 + inset), b = c1 + along * (s / 2 + inset)
                        walls.addQuad(.dungeonWall, a, b, b + Vec3(0, H, 0), a + Vec3(0, H, 0), facing: -n)
                        // Skirting stones along the bottom.
                        walls.addQuad(.stoneWall, a - n * 0.08, b - n * 0.08, b - n * 0.08 + Vec3(0, 0.3, 0), a - n * 0.08 + Vec3(0, 0.3, 0), facing: -n)
                        walls.addQuad(.stoneWall, a - n * 0.08 + Vec3(0, 0.3, 0), b - n * 0.08 + Vec3(0, 0.3, 0), b + Vec3(0, 0.3, 0), a + Vec3(0, 0.3, 0), facing: Vec3(0, 1, 0))
                    }
                }
            }
        }
        // Doors: a thick slab with a doorway at each corridor/room boundary.
        for (i, door) in L.doors.enumerated() {
            let rc = center(door.roomCell.x, door.roomCell.z), cc = center(door.corridorCell.x, door.corridorCell.z)
            let out = normalize(cc - rc)
            let dir = cross(Vec3(0, 1, 0), out)
            let boundary = (rc + cc) / 2
            let f = WallFrame(start: boundary - dir * (s / 2) + out * inset, dir: dir, length: s, thickness: inset * 2)
            let dw: Float = min(1.3, s - 0.4), dh: Float = min(2.4, H - 0.5)
            let o = WallOpening(x0: s / 2 - dw / 2, x1: s / 2 + dw / 2, y0: 0, y1: dh)
            walls.wall(.dungeonWall, f, height: H, openings: [o], capTop: false)
            walls.append(Buildings.doorFrame(f, o, frame: .stoneWall, step: nil))
            let inner = WallFrame(start: boundary + dir * (s / 2) - out * inset, dir: -dir, length: s, thickness: inset * 2)
            walls.append(Buildings.doorFrame(inner, WallOpening(x0: s - o.x1, x1: s - o.x0, y0: 0, y1: dh), frame: .stoneWall, step: nil))
            model.parts.append(Buildings.doorPart(f, o, name: "Door_\(i + 1)", tint: Vec4(0.7, 0.6, 0.5, 1)))
        }
        // Per room: pillars, torches, props.
        var torchCount = 0, chestCount = 0
        func addTorch(_ p: Vec3, _ outward: Vec3) {
            torchCount += 1
            let t = Props.wallTorch(at: p, outward: outward, name: "Torch")
            props.append(t.parts[0].mesh, transform: t.parts[0].transform)
            var flame = t.parts[1]
            flame.name = "TorchFlame_\(torchCount)"
            model.parts.append(flame)
            model.lightAnchors.append(t.anchor)
        }
        let doorCells = Set(L.doors.map(\.roomCell))
        let treasureRoom = L.rooms.indices.max { L.rooms[$0].width * L.rooms[$0].depth < L.rooms[$1].width * L.rooms[$1].depth } ?? 0
        for (ri, r) in L.rooms.enumerated() {
            // Pillars in big rooms.
            if r.width >= 5 && r.depth >= 5 {
                for (px, pz) in [(r.x + 1, r.z + 1), (r.x + r.width - 1, r.z + 1), (r.x + 1, r.z + r.depth - 1), (r.x + r.width - 1, r.z + r.depth - 1)] {
                    let c = corner(px, pz)
                    pillars.box(.stoneWall, min: c - Vec3(0.4, 0, 0.4), max: c + Vec3(0.4, 0.35, 0.4))
                    pillars.cylinder(.stoneWall, from: c + Vec3(0, 0.35, 0), to: c + Vec3(0, H - 0.35, 0), radiusBottom: 0.3, radiusTop: 0.27, segments: 10, capBottom: false, capTop: false)
                    pillars.box(.stoneWall, min: c + Vec3(-0.4, H - 0.35, -0.4), max: c + Vec3(0.4, H, 0.4))
                }
            }
            // Heavy timber beams under the ceiling, across the room's short side, every two cells.
            let alongX = r.width <= r.depth
            let span = alongX ? r.depth : r.width
            var k = 2
            while k < span - 0 {
                let a: Vec3, b: Vec3
                if alongX {
                    a = corner(r.x, r.z + k) + Vec3(0, H - 0.2, 0); b = corner(r.x + r.width, r.z + k) + Vec3(0, H - 0.2, 0)
                } else {
                    a = corner(r.x + k, r.z) + Vec3(0, H - 0.2, 0); b = corner(r.x + k, r.z + r.depth) + Vec3(0, H - 0.2, 0)
                }
                let dir = normalize(b - a)
                pillars.beam(.timber, from: a + dir * inset, to: b - dir * inset, width: 0.3, depth: 0.4, up: Vec3(0, 1, 0))
                k += 2
            }
            // Torches on wall cells (a wall on the outside, not next to a door).
            var spots: [(Vec3, Vec3)] = []
            for z in r.z..<(r.z + r.depth) {
                for x in r.x..<(r.x + r.width) where !doorCells.contains(.init(x, z)) {
                    for (dx, dz) in dirs where !r.contains(x + dx, z + dz) && !L.passable(.init(x, z), .init(x + dx, z + dz)) {
                        let n = Vec3(Float(dx), 0, Float(dz))
                        spots.append((center(x, z) + n * (s / 2 - inset) + Vec3(0, 2.2, 0), -n))
                    }
                }
            }
            let torches = min(spots.count, r.width * r.depth >= 20 ? 3 : 2)
            for k in 0..<torches {
                let idx = (k * spots.count / max(torches, 1) + rng.int(in: 0...max(0, spots.count / max(torches, 1) - 1))) % spots.count
                addTorch(spots[idx].0, spots[idx].1)
            }
            // Props in free cells along the walls.
            var free: [(Int, Int)] = []
            for z in r.z..<(r.z + r.depth) {
                for x in r.x..<(r.x + r.width) where !doorCells.contains(.init(x, z)) {
                    let edge = x == r.x || z == r.z || x == r.x + r.width - 1 || z == r.z + r.depth - 1
                    if edge { free.append((x, z)) }
                }
            }
            func take() -> (Int, Int)? { free.isEmpty ? nil : free.remove(at: rng.int(in: 0...(free.count - 1))) }
            func facingIn(_ x: Int, _ z: Int) -> Float {
                let c = center(x, z), rc = center(r.center.x, r.center.z)
                let d = rc - c
                return katan2(d.x, d.z)  // yaw turning +Z towards the room centre
            }
            func placeStatic(_ m: KitModel, _ x: Int, _ z: Int, jitter: Float = 0.25) {
                let p = center(x, z) + Vec3(rng.float(in: -jitter...jitter), 0, rng.float(in: -jitter...jitter))
                props.append(m.merged(), transform: .place(p, yaw: facingIn(x, z) + rng.float(in: -0.3...0.3)))
                for a in m.lightAnchors { model.lightAnchors.append(LightAnchor(position: Mat4.place(p, yaw: facingIn(x, z)).transformPoint(a.position), kind: a.kind)) }
            }
            if ri == treasureRoom || rng.chance(0.35), let (x, z) = take() {
                chestCount += 1
                let chest = Props.chest(seed: rng.next())
                var part = chest.parts[0]
                part.name = "Chest_\(chestCount)"
                part.transform = .place(center(x, z), yaw: facingIn(x, z))
                model.parts.append(part)
            }
            if ri == treasureRoom {
                let c = center(r.center.x, r.center.z) + Vec3(0, 0, 0)
                props.append(Props.treasurePile(radius: 0.9, seed: rng.next()).merged(), transform: .translation(c))
            }
            let clutter = kitClamp(params.clutter, 0, 1)
            for _ in 0..<Int((Float(r.width + r.depth) * clutter * 0.6).rounded()) {
                guard let (x, z) = take() else { break }
                switch rng.int(in: 0...3) {
                case 0, 1:
                    for k in 0..<rng.int(in: 1...3) {
                        let p = Vec3(Float(k % 2) * 0.7 - 0.35, 0, Float(k / 2) * 0.7 - 0.2)
                        props.append(Props.barrel(seed: rng.next()).merged(), transform: .place(center(x, z) + p, yaw: rng.float(in: 0...6)))
                    }
                case 2:
                    props.append(Props.crate(size: 0.8, seed: rng.next()).merged(), transform: .place(center(x, z), yaw: rng.float(in: -0.4...0.4)))
                    if rng.chance(0.5) { props.append(Props.crate(size: 0.6, seed: rng.next()).merged(), transform: .place(center(x, z) + Vec3(0, 0.8, 0), yaw: rng.float(in: -0.6...0.6))) }
                default:
                    if r.width >= 4 && r.depth >= 4 { placeStatic(Props.table(seed: rng.next()), x, z, jitter: 0.1) }
                }
            }
        }
        // Torches along corridors, every few cells where there is a wall.
        var k = 0
        for z in 0..<L.depth {
            for x in 0..<L.width where L.regionAt(x, z) == -2 {
                k += 1
                guard k % 6 == 0 else { continue }
                for (dx, dz) in dirs where !L.isFloor(x + dx, z + dz) {
                    let n = Vec3(Float(dx), 0, Float(dz))
                    addTorch(center(x, z) + n * (s / 2 - inset) + Vec3(0, 2.1, 0), -n)
                    break
                }
            }
        }
        model.parts.insert(KitPart(name: "Floor", mesh: floor), at: 0)
        model.parts.insert(KitPart(name: "Walls", mesh: walls), at: 1)
        model.parts.insert(KitPart(name: "Ceiling", mesh: ceiling), at: 2)
        if !pillars.isEmpty { model.parts.insert(KitPart(name: "Pillars", mesh: pillars), at: 3) }
        if !props.isEmpty { model.parts.append(KitPart(name: "Props", mesh: props)) }
        return model
    }
}
