import OysterCore

/// One house of a terrace: where it stands along the street front and how high its ground floor is.
public struct TerraceHouse: Sendable, Hashable {
    /// Along X in model space (x0 < x1); neighbours share the party wall at their common x.
    public var x0: Float, x1: Float
    /// Ground-floor level relative to the kit's origin: houses step with the street.
    public var baseY: Float
    /// A shop on the ground floor: a wide shop window, a door and an awning.
    public var shop: Bool
    /// In a modern town: the block of flats or offices on this lot (none for a town house).
    public var modern: ModernBlock?

    public init(x0: Float, x1: Float, baseY: Float = 0, shop: Bool = false, modern: ModernBlock? = nil) {
        self.x0 = x0; self.x1 = x1; self.baseY = baseY; self.shop = shop; self.modern = modern
    }
    public var width: Float { x1 - x0 }
}

/// A row of town houses sharing party walls, fronts on the street (+Z).
public struct TerraceParams: Sendable, Hashable {
    public var houses: [TerraceHouse]
    /// Front to back, metres; the front wall stands at z = +depth/2.
    public var depth: Float
    /// Where the foundations reach down to (model space): the lowest ground under the row.
    public var footY: Float
    /// A street lamp at the kerb in front of every second house.
    public var lamps: Bool
    /// The fronts' style; none for the town's own mix (stone, brick, painted plaster).
    public var style: BuildingStyle?

    public init(houses: [TerraceHouse], depth: Float = 9, footY: Float = -0.6, lamps: Bool = true) {
        self.houses = houses; self.depth = depth; self.footY = footY; self.lamps = lamps
    }

    /// Three houses on level ground, for a kit asked for without a town plan.
    public static func sample(seed: UInt64) -> TerraceParams {
        var r = KitRandom(seed: seed ^ 0x7E22)
        var x: Float = 0, houses: [TerraceHouse] = []
        for _ in 0..<3 {
            let w = r.float(in: 5...7.5)
            houses.append(TerraceHouse(x0: x, x1: x + w, shop: r.chance(0.3)))
            x += w
        }
        for i in houses.indices { houses[i].x0 -= x / 2; houses[i].x1 -= x / 2 }
        return TerraceParams(houses: houses)
    }
}

extension Buildings {
    /// Storey height of a town house (taller than a cottage's).
    static let townStorey: Float = 3.0
    /// Paint colours for plastered town houses (sRGB multipliers of the plaster texture).
    static let townPaints: [Vec4] = [
        Vec4(1, 1, 1, 1), Vec4(1.0, 0.86, 0.62, 1), Vec4(0.98, 0.78, 0.70, 1), Vec4(0.80, 0.88, 0.95, 1),
        Vec4(0.86, 0.92, 0.78, 1), Vec4(1.0, 0.93, 0.75, 1), Vec4(0.93, 0.72, 0.55, 1),
    ]

    /// A terrace of 2–4 storey town houses: stone, brick or painted plaster fronts with a cornice,
    /// windows on every floor (glass that glows at night), a door with a step on the street side,
    /// some balconies, shops with striped awnings, a gable roof per house (ridge along the street,
    /// stopping at the party walls), chimneys, and street lamps at the kerb. Party walls are built
    /// once: only where one house rises above its neighbour. One static part, `Terrace`, so a row
    /// is one node; light anchors: a window glow per house, a lantern per lamp.
    public static func terrace(_ p: TerraceParams, seed: UInt64) -> KitModel {
        // A modern row is a row of blocks of flats and offices (`modernRow`).
        if p.style == .modern { return modernRow(p, seed: seed) }
        let houses = p.houses.filter { $0.width > 2 && $0.width < 40 && $0.baseY.isFinite }.sorted { $0.x0 < $1.x0 }
        let d = kitClamp(p.depth, 4, 20, fallback: 9)
        let footY = p.footY.isFinite ? min(p.footY, (houses.map(\.baseY).min() ?? 0) - 0.3) : -0.6
        var model = KitModel(name: "Terrace")
        var b = MeshBuilder()
        var rng = KitRandom(seed: seed)
        let t: Float = 0.35
        // Each house's look, drawn first so the tops are known when party walls are decided.
        struct Look { var floors: Int; var wall: SurfaceKind; var paint: Vec4?; var roof: SurfaceKind; var pitch: Float; var balcony: Bool; var shutters: Vec4? }
        let roofKind: SurfaceKind = rng.chance(0.7) ? .roofTiles : .slate
        var looks: [Look] = houses.map { _ in
            let wall: SurfaceKind = rng.pick([.plaster, .plaster, .plaster, .stoneWall, .brick])
            return Look(floors: rng.int(in: 2...4), wall: wall, paint: wall == .plaster ? rng.pick(townPaints) : nil,
                        roof: rng.chance(0.85) ? roofKind : (roofKind == .slate ? .roofTiles : .slate), pitch: rng.float(in: 0.5...0.72),
                        balcony: rng.chance(0.4),
                        shutters: wall == .plaster && rng.chance(0.5) ? rng.pick([Vec4(0.3, 0.5, 0.35, 1), Vec4(0.35, 0.45, 0.7, 1), Vec4(0.9, 0.9, 0.88, 1)]) : nil)
        }
        // A style repaints and reroofs the town's own mix, from its own random stream (so a
        // town without one keeps its bytes).
        if let style = p.style, style.isBuilt {
            var r = KitRandom(seed: seed ^ 0x5717_1E)
            for i in looks.indices {
                switch style {
                case .medieval:
                    if looks[i].wall == .brick { looks[i].wall = .plaster; looks[i].paint = r.pick(townPaints) }
                case .rustic:
                    looks[i].wall = r.pick([.stoneWall, .stoneWall, .plaster])
                    looks[i].paint = looks[i].wall == .plaster ? Vec4(1, 1, 1, 1) : nil
                    looks[i].floors = min(looks[i].floors, 2)
                    looks[i].roof = r.chance(0.5) ? .slate : .roofTiles
                case .nordic:
                    looks[i].wall = .plaster
                    looks[i].paint = r.pick(BuildingStyle.nordicPaints)
                    looks[i].roof = .slate
                    looks[i].pitch = r.float(in: 0.8...0.95)
                case .mediterranean:
                    looks[i].wall = .plaster
                    looks[i].paint = r.pick(BuildingStyle.mediterraneanPaints)
                    looks[i].roof = .roofTiles
                    looks[i].pitch = r.float(in: 0.3...0.4)
                    looks[i].shutters = r.chance(0.6) ? r.pick([Vec4(0.2, 0.4, 0.75, 1), Vec4(0.3, 0.5, 0.35, 1)]) : nil
                case .japanese, .modern:
                    break  // japanese is not built; modern rows are `modernRow`'s
                }
            }
        }
        func top(_ i: Int) -> Float { houses[i].baseY + plinthTop + Float(looks[i].floors) * townStorey }
        for (i, h) in houses.enumerated() {
            let look = looks[i]
            var r = rng.fork(UInt64(i) &+ 1)
            let w = h.width, y0 = h.baseY
            let H = plinthTop + Float(look.floors) * townStorey
            let front = WallFrame(start: Vec3(h.x0, y0, d / 2), dir: Vec3(1, 0, 0), length: w, thickness: t)
            let back = WallFrame(start: Vec3(h.x1, y0, -d / 2), dir: Vec3(-1, 0, 0), length: w, thickness: t)
            let left = WallFrame(start: Vec3(h.x0, y0, -d / 2), dir: Vec3(0, 0, 1), length: d, thickness: t)
            let right = WallFrame(start: Vec3(h.x1, y0, d / 2), dir: Vec3(0, 0, -1), length: d, thickness: t)
            // Openings: windows on a regular rhythm per floor; the ground floor has the door (and a shop window).
            let bays = max(1, Int(w / 2.3))
            let winW: Float = min(1.1, w / Float(bays) - 0.8), winH: Float = 1.5
            func bayX(_ k: Int) -> Float { w * (Float(k) + 0.5) / Float(bays) }
            var frontOpen: [WallOpening] = [], backOpen: [WallOpening] = []
            let doorBay = bays == 1 ? 0 : r.int(in: 0...(bays - 1))
            let doorX = bayX(doorBay)
            let door = WallOpening(x0: doorX - 0.55, x1: doorX + 0.55, y0: plinthTop, y1: plinthTop + 2.3)
            frontOpen.append(door)
            var shopWindow: WallOpening?
            if h.shop {
                // The widest stretch beside the door becomes the shop window.
                let leftRoom = door.x0 - 0.5, rightRoom = w - door.x1 - 0.5
                let o = leftRoom > rightRoom ? WallOpening(x0: 0.5, x1: door.x0 - 0.4, y0: plinthTop + 0.45, y1: plinthTop + 2.5)
                                             : WallOpening(x0: door.x1 + 0.4, x1: w - 0.5, y0: plinthTop + 0.45, y1: plinthTop + 2.5)
                if o.width > 1.2 { shopWindow = o; frontOpen.append(o) }
            } else {
                for k in 0..<bays where k != doorBay {
                    let y = plinthTop + 0.9
                    frontOpen.append(WallOpening(x0: bayX(k) - winW / 2, x1: bayX(k) + winW / 2, y0: y, y1: y + winH))
                }
            }
            let balconyFloor = look.balcony && look.floors >= 2 ? 1 : -1
            var balconyDoor: WallOpening?
            for f in 1..<look.floors {
                let y = plinthTop + Float(f) * townStorey + 0.8
                for k in 0..<bays {
                    if f == balconyFloor && k == bays / 2 {
                        let o = WallOpening(x0: bayX(k) - 0.6, x1: bayX(k) + 0.6, y0: y - 0.65, y1: y + winH + 0.1)
                        balconyDoor = o
                        frontOpen.append(o)
                    } else {
                        frontOpen.append(WallOpening(x0: bayX(k) - winW / 2, x1: bayX(k) + winW / 2, y0: y, y1: y + winH))
                    }
                }
            }
            for f in 0..<look.floors {
                let y = plinthTop + Float(f) * townStorey + 0.9
                for k in 0..<bays where (k + f) % 2 == 0 || bays == 1 {
                    backOpen.append(WallOpening(x0: bayX(k) - winW / 2, x1: bayX(k) + winW / 2, y0: y, y1: y + winH))
                }
            }
            b.color = look.paint
            b.wall(look.wall, front, height: H, openings: frontOpen, inner: .plaster)
            b.wall(look.wall, back, height: H, openings: backOpen, inner: .plaster)
            // Party walls: built by the taller house only; the row's ends always.
            let leftOpen = i == 0 || top(i - 1) < top(i) - 0.01
            let rightOpen = i == houses.count - 1 || top(i + 1) < top(i) - 0.01
            if leftOpen { b.wall(look.wall, left, height: H, openings: i == 0 ? sideWindows(d, floors: look.floors, width: winW) : [], inner: .plaster) }
            if rightOpen { b.wall(look.wall, right, height: H, openings: i == houses.count - 1 ? sideWindows(d, floors: look.floors, width: winW) : [], inner: .plaster) }
            b.color = nil
            // Foundations down to the lowest ground, a cornice under the eaves, quoins on brick.
            b.box(.stoneWall, min: Vec3(h.x0, footY, -d / 2 - 0.06), max: Vec3(h.x1, y0 + plinthTop, d / 2 + 0.06))
            b.box(.stoneWall, min: Vec3(h.x0, y0 + H - 0.22, d / 2 - 0.05), max: Vec3(h.x1, y0 + H, d / 2 + 0.16))
            b.box(.stoneWall, min: Vec3(h.x0, y0 + plinthTop + townStorey - 0.1, d / 2 - 0.05), max: Vec3(h.x1, y0 + plinthTop + townStorey + 0.05, d / 2 + 0.08))
            if look.wall == .brick { quoins(&b, front, height: H) }
            // Windows (glass that lights at night), the door with its frame and step.
            let frame: SurfaceKind = look.wall == .plaster ? .timber : .stoneWall
            for (f, list) in [(front, frontOpen), (back, backOpen)] {
                for o in list where o != door && o != balconyDoor {
                    b.append(window(f, o, frame: frame, sill: .stoneWall, shutters: o == shopWindow ? nil : look.shutters, mullions: o != shopWindow))
                }
            }
            b.append(doorFrame(front, door, frame: .stoneWall))
            let leaf = doorPart(front, door, tint: r.pick([Vec4(0.45, 0.2, 0.15, 1), Vec4(0.2, 0.3, 0.45, 1), Vec4(0.25, 0.4, 0.28, 1), Vec4(1, 1, 1, 1)]))
            b.append(leaf.mesh, transform: leaf.transform)
            if let o = balconyDoor {
                b.append(window(front, o, frame: frame, sill: .stoneWall, mullions: true))
                balcony(&b, front, o)
            }
            if let o = shopWindow { awning(&b, front, o, door: door, seed: r.next()) }
            model.lightAnchors.append(LightAnchor(position: front.point(door.x0 < w / 2 ? w * 0.75 : w * 0.25, plinthTop + 1.6, t + 0.5), kind: .windowGlow))
            // Roof: ridge along the street, no overhang past the party walls.
            var roof = MeshBuilder(), gables = MeshBuilder()
            gables.color = look.paint
            let ridge = gableRoof(&roof, walls: &gables, kind: look.roof, gableKind: look.wall, width: w, depth: d, eaveY: H, pitch: look.pitch,
                                  overhang: 0.35, thickness: 0.14, wallThickness: t, endOverhang: 0)
            if r.chance(0.7) { chimney(&roof, kind: look.wall == .brick ? .brick : .stoneWall, x: -w / 2 + 0.45, z: -d / 5, baseY: H - 0.4, topY: ridge + 0.5) }
            let place = Mat4(translation: Vec3((h.x0 + h.x1) / 2, y0, 0), rotation: .identity, scale: Vec3(1, 1, 1))
            b.append(gables, transform: place)
            b.append(roof, transform: place)
            // A street lamp at the kerb before every second house.
            if p.lamps && i % 2 == 0 {
                let lamp = Props.lamppost(height: 4, seed: seed ^ UInt64(i))
                let at = Vec3(min(h.x0 + 0.8, h.x1 - 0.5), y0 - 0.15, d / 2 + 2.0)
                b.append(lamp.merged(), transform: Mat4(translation: at, rotation: .identity, scale: Vec3(1, 1, 1)))
                for a in lamp.lightAnchors { model.lightAnchors.append(LightAnchor(position: a.position + at, kind: a.kind)) }
            }
        }
        model.add("Terrace", b)
        return model
    }

    /// A window or two per floor in a terrace's end wall.
    static func sideWindows(_ d: Float, floors: Int, width: Float) -> [WallOpening] {
        (0..<floors).map { f in
            let y = plinthTop + Float(f) * townStorey + 0.9
            return WallOpening(x0: d / 2 - width / 2, x1: d / 2 + width / 2, y0: y, y1: y + 1.5)
        }
    }

    /// A stone balcony slab with an iron railing in front of opening `o`.
    static func balcony(_ b: inout MeshBuilder, _ f: WallFrame, _ o: WallOpening) {
        let axes = (f.dir, f.up, f.outward)
        let w = o.width / 2 + 0.35, deep: Float = 0.8
        b.orientedBox(.stoneWall, center: f.point((o.x0 + o.x1) / 2, o.y0 - 0.08, -deep / 2), axes: axes, half: Vec3(w, 0.08, deep / 2))
        // Rail on three sides, bars every 0.25 m.
        let y = o.y0 + 0.95
        b.orientedBox(.metal, center: f.point((o.x0 + o.x1) / 2, y, -deep + 0.03), axes: axes, half: Vec3(w, 0.03, 0.03))
        for side in [o.x0 - 0.35 + 0.03, o.x1 + 0.35 - 0.03] {
            b.orientedBox(.metal, center: f.point(side, y, -deep / 2), axes: axes, half: Vec3(0.03, 0.03, deep / 2))
        }
        var x = (o.x0 + o.x1) / 2 - w + 0.05
        while x < (o.x0 + o.x1) / 2 + w {
            b.orientedBox(.metal, center: f.point(x, o.y0 + 0.47, -deep + 0.03), axes: axes, half: Vec3(0.012, 0.47, 0.012))
            x += 0.25
        }
    }

    /// A striped cloth awning over a shop window and its door, sloping down to the street.
    static func awning(_ b: inout MeshBuilder, _ f: WallFrame, _ o: WallOpening, door: WallOpening, seed: UInt64) {
        var r = KitRandom(seed: seed)
        let stripes: [Vec4] = [Vec4(0.8, 0.15, 0.12, 1), Vec4(0.15, 0.35, 0.7, 1), Vec4(0.15, 0.5, 0.25, 1), Vec4(0.85, 0.6, 0.1, 1)]
        let c0 = r.pick(stripes), c1 = Vec4(0.95, 0.93, 0.86, 1)
        let x0 = min(o.x0, door.x0) - 0.2, x1 = max(o.x1, door.x1) + 0.2
        let yTop = max(o.y1, door.y1) + 0.35, out: Float = 1.3, drop: Float = 0.55
        let n = max(2, Int((x1 - x0) / 0.45))
        for k in 0..<n {
            let a = x0 + (x1 - x0) * Float(k) / Float(n), c = x0 + (x1 - x0) * Float(k + 1) / Float(n)
            b.color = k % 2 == 0 ? c0 : c1
            b.addDoubleSidedQuad(.cloth, f.point(a, yTop, 0), f.point(a, yTop - drop, -out), f.point(c, yTop - drop, -out), f.point(c, yTop, 0))
            b.addDoubleSidedQuad(.cloth, f.point(a, yTop - drop, -out), f.point(a, yTop - drop - 0.22, -out), f.point(c, yTop - drop - 0.22, -out), f.point(c, yTop - drop, -out))
        }
        b.color = nil
    }
}
