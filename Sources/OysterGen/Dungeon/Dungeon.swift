import OysterCore

/// Dungeon interiors: a room-and-corridor layout turned into floors, walls, ceilings, door
/// frames with swinging doors, pillars, torches and props.
public enum Dungeon {
    static let inset: Float = DungeonGrid.inset

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
        let g = DungeonGrid(L, params: params)
        let s = g.s, H = g.H
        let dirs = DungeonGrid.dirs
        func center(_ x: Int, _ z: Int) -> Vec3 { g.center(x, z) }
        var props = MeshBuilder(), pillars = MeshBuilder()
        var model = KitModel(name: "Dungeon")
        let doorCells = Set(L.doors.map(\.roomCell))
        // Torch places first, so niches keep clear of them.
        var torchSpots: [(Vec3, Vec3)] = []
        var busy = Set<WallEdge>()
        var wallSpots: [(Vec3, Vec3, WallEdge)] = []
        let largest = L.rooms.indices.max { L.rooms[$0].width * L.rooms[$0].depth < L.rooms[$1].width * L.rooms[$1].depth } ?? 0
        for (ri, r) in L.rooms.enumerated() {
            var spots: [(Vec3, Vec3, WallEdge)] = []
            for z in r.z..<(r.z + r.depth) {
                for x in r.x..<(r.x + r.width) where !doorCells.contains(.init(x, z)) {
                    for (dx, dz) in dirs where !r.contains(x + dx, z + dz) && !L.passable(.init(x, z), .init(x + dx, z + dz)) {
                        let n = Vec3(Float(dx), 0, Float(dz))
                        spots.append((center(x, z) + n * (s / 2 - inset) + Vec3(0, min(2.2, H - 1.1), 0), -n, WallEdge(x: x, z: z, dx: dx, dz: dz)))
                    }
                }
            }
            guard !spots.isEmpty else { continue }
            wallSpots += spots
            // Crypts are candle-lit: fewer torches leave engines' light budget to the candles.
            // The largest room, where the camera looks, is the best lit.
            let torches = min(spots.count, (r.width * r.depth >= 20 ? 3 : 2) - (g.style == .crypt ? 1 : 0) + (ri == largest ? 2 : 0))
            for k in 0..<torches {
                let idx = (k * spots.count / max(torches, 1) + rng.int(in: 0...max(0, spots.count / max(torches, 1) - 1))) % spots.count
                torchSpots.append((spots[idx].0, spots[idx].1))
                busy.insert(spots[idx].2)
            }
        }
        // Crypt rooms get burial niches in every other solid wall cell that backs onto rock.
        var nicheEdges = Set<WallEdge>()
        if g.style == .crypt {
            for r in L.rooms {
                for z in r.z..<(r.z + r.depth) {
                    for x in r.x..<(r.x + r.width) where !doorCells.contains(.init(x, z)) && (x + z) % 2 == 0 {
                        for (dx, dz) in dirs where !r.contains(x + dx, z + dz) && L.regionAt(x + dx, z + dz) == -1 && !L.isFloor(x + 2 * dx, z + 2 * dz) {
                            let e = WallEdge(x: x, z: z, dx: dx, dz: dz)
                            // Not in a corner: both neighbours along the wall are in the room.
                            let (ax, az) = (dz != 0 ? 1 : 0, dx != 0 ? 1 : 0)
                            guard !busy.contains(e), r.contains(x + ax, z + az), r.contains(x - ax, z - az) else { continue }
                            nicheEdges.insert(e)
                        }
                    }
                }
            }
        }
        var (walls, niches) = Dungeon.walls(g, niches: nicheEdges, rng: &rng)
        for (i, nc) in niches.enumerated() {
            let yaw = katan2(nc.inward.x, nc.inward.z)
            switch i % 4 {
            case 0, 2: props.append(Props.skull(detail: g.detail.round), transform: .place(nc.shelf, yaw: yaw + rng.float(in: -0.5...0.5)))
            case 1: props.append(Props.urn(height: 0.4, seed: rng.next(), detail: g.detail.round), transform: .translation(nc.shelf))
            default:
                let c = Props.candles(count: 3, seed: rng.next())
                props.append(c.merged(), transform: .translation(nc.shelf))
                for a in c.lightAnchors where i % 8 == 3 || g.style == .crypt { model.lightAnchors.append(LightAnchor(position: a.position + nc.shelf, kind: a.kind)) }
            }
        }
        // Against some bare walls: shelves of urns and skulls in a crypt, banners in a dungeon.
        var hung = 0
        for (p, inward, e) in wallSpots where !busy.contains(e) && !nicheEdges.contains(e) && (e.x * 7 + e.z * 3) % 4 == 1 {
            let base = Vec3(p.x, 0, p.z) + inward * 0.07
            let yaw = katan2(inward.x, inward.z)
            hung += 1
            if g.style == .crypt {
                let shelf = Props.cryptShelf(width: min(1.3, s * 0.6), seed: rng.next(), detail: g.detail.round)
                props.append(shelf.merged(), transform: .place(base, yaw: yaw))
                if hung % 2 == 1 {
                    for a in shelf.lightAnchors { model.lightAnchors.append(LightAnchor(position: Mat4.place(base, yaw: yaw).transformPoint(a.position), kind: a.kind)) }
                }
            } else {
                props.append(Props.banner(length: min(1.8, H * 0.45), seed: rng.next()), transform: .place(base + Vec3(0, H - 0.5, 0), yaw: yaw))
            }
        }
        // Doorways: arched stone surrounds with swinging doors.
        for (i, door) in L.doors.enumerated() {
            model.parts.append(doorway(g, door, index: i, into: &walls, rng: &rng))
        }
        let floor = floors(g, rng: &rng)
        let (ceiling, vaults) = ceilings(g, rng: &rng)
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
        for (p, n) in torchSpots { addTorch(p, n) }
        let eye = viewpoint(L, params: params).eye
        let treasureRoom = L.rooms.indices.max { L.rooms[$0].width * L.rooms[$0].depth < L.rooms[$1].width * L.rooms[$1].depth } ?? 0
        for (ri, r) in L.rooms.enumerated() {
            // Pillars in big rooms, up to the vault.
            if r.width >= 5 && r.depth >= 5 {
                for (px, pz) in [(r.x + 1, r.z + 1), (r.x + r.width - 1, r.z + 1), (r.x + 1, r.z + r.depth - 1), (r.x + r.width - 1, r.z + r.depth - 1)] {
                    let c = g.corner(px, pz)
                    let v = vaults[ri]
                    let top = (v.height(atSpan: v.alongX ? c.z : c.x) ?? H) - 0.06
                    pillar(at: c, top: max(H, top), segments: g.detail.round, octagonal: g.style == .crypt, into: &pillars, rng: &rng)
                }
            }
            // Props in free cells along the walls.
            var free: [(Int, Int)] = []
            for z in r.z..<(r.z + r.depth) {
                for x in r.x..<(r.x + r.width) where !doorCells.contains(.init(x, z)) {
                    let edge = x == r.x || z == r.z || x == r.x + r.width - 1 || z == r.z + r.depth - 1
                    if edge { free.append((x, z)) }
                }
            }
            // Keep the camera's standing place clear.
            free.removeAll { length(center($0.0, $0.1) - Vec3(eye.x, 0, eye.z)) < s * 1.2 }
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
                if g.style == .crypt {
                    // Crypt clutter: fallen bones, a skull, urns, candles on the floor.
                    let p = center(x, z) + Vec3(rng.float(in: -0.3...0.3), 0, rng.float(in: -0.3...0.3))
                    switch rng.int(in: 0...3) {
                    case 0: props.append(Props.bones(seed: rng.next()), transform: .place(p, yaw: rng.float(in: 0...6)))
                            props.append(Props.skull(detail: g.detail.round), transform: .place(p + Vec3(0.25, 0, 0.1), yaw: rng.float(in: 0...6)))
                    case 1: for k in 0..<rng.int(in: 1...3) {
                                props.append(Props.urn(height: rng.float(in: 0.35...0.6), seed: rng.next(), detail: g.detail.round), transform: .translation(p + Vec3(Float(k) * 0.4 - 0.4, 0, 0)))
                            }
                    case 2: placeStatic(Props.candles(count: rng.int(in: 3...6), seed: rng.next()), x, z, jitter: 0.3)
                    default: props.append(Props.coinPile(radius: 0.3, seed: rng.next(), detail: g.detail.round), transform: .place(p, yaw: rng.float(in: 0...6)))
                    }
                    continue
                }
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
                guard k % (g.style == .crypt ? 9 : 6) == 0 else { continue }
                for (dx, dz) in dirs where !L.isFloor(x + dx, z + dz) {
                    let n = Vec3(Float(dx), 0, Float(dz))
                    addTorch(center(x, z) + n * (s / 2 - inset) + Vec3(0, min(2.1, H - 1.2), 0), -n)
                    break
                }
            }
        }
        // Engines light only the first few dozen anchors: list those nearest the viewpoint first.
        model.lightAnchors = model.lightAnchors.enumerated().sorted { a, b in
            let da = length(a.element.position - eye), db = length(b.element.position - eye)
            return da != db ? da < db : a.offset < b.offset
        }.map(\.element)
        model.parts.insert(KitPart(name: "Floor", mesh: floor), at: 0)
        model.parts.insert(KitPart(name: "Walls", mesh: walls), at: 1)
        model.parts.insert(KitPart(name: "Ceiling", mesh: ceiling), at: 2)
        if !pillars.isEmpty { model.parts.insert(KitPart(name: "Pillars", mesh: pillars), at: 3) }
        if !props.isEmpty { model.parts.append(KitPart(name: "Props", mesh: props)) }
        return model
    }
}
