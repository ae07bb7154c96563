import OysterCore

/// What a modern town puts on a lot: a block of flats or of offices.
public enum ModernBlockKind: String, Sendable, Hashable, CaseIterable {
    /// Rendered or brick walls, a regular grid of windows, balconies, an entrance (and shop
    /// glazing) on the ground floor, a flat roof behind a parapet with a stair tower.
    case apartments
    /// A curtain wall: bands of dark glass between concrete or steel spandrels, metal mullions
    /// up the whole front, a glazed lobby, a flat roof with a plant box.
    case offices
}

/// A modern block on one lot of a row (`TerraceHouse.modern`).
public struct ModernBlock: Sendable, Hashable {
    public var kind: ModernBlockKind
    /// Storeys, the ground floor's included (4–8 for flats, 5–10 for offices).
    public var floors: Int
    public init(kind: ModernBlockKind, floors: Int) { self.kind = kind; self.floors = floors }

    /// Ground floor (lobby, shops) and upper storey heights.
    static let groundFloor: Float = 4.0
    var storey: Float { kind == .offices ? 3.6 : 3.0 }
    /// The block's height above its ground floor's level (walls; the parapet stands higher).
    var height: Float { ModernBlock.groundFloor + Float(max(1, floors) - 1) * storey }
}

extension Buildings {
    /// Render paints of modern flats (sRGB multipliers of plaster): whites, light greys, sand.
    static let flatPaints: [Vec4] = [Vec4(1, 1, 1, 1), Vec4(0.9, 0.9, 0.92, 1), Vec4(0.97, 0.91, 0.8, 1), Vec4(0.78, 0.8, 0.82, 1), Vec4(0.98, 0.86, 0.74, 1)]
    /// Concrete (plaster greyed) and steel spandrels of an office block.
    static let concrete = Vec4(0.74, 0.75, 0.77, 1)
    static let darkGlass = Vec4(0.34, 0.42, 0.5, 1)

    /// The blocks a modern row builds, one per house of `p`: the plan's (`TerraceHouse.modern`),
    /// or for a row asked for without one, drawn from `seed` (flats mostly).
    public static func modernBlocks(_ p: TerraceParams, seed: UInt64) -> [ModernBlock] {
        var r = KitRandom(seed: seed ^ 0x30D_E2)
        return p.houses.map { h in
            let drawn = ModernBlock(kind: r.chance(0.3) ? .offices : .apartments, floors: r.int(in: 4...6))
            return h.modern ?? drawn
        }
    }

    /// A modern row: each house of `p` a block (`modernBlocks`) of flats or offices on its own
    /// foundations down to `footY`, detached or touching as the plan laid them. One static part,
    /// `Terrace`; light anchors: a window glow per block, a lantern per street light (only
    /// when `p.lamps`, a row asked for without a town; a town's street lights line its streets).
    static func modernRow(_ p: TerraceParams, seed: UInt64) -> KitModel {
        let houses = p.houses.filter { $0.width > 2 && $0.width < 60 && $0.baseY.isFinite }.sorted { $0.x0 < $1.x0 }
        let d = kitClamp(p.depth, 4, 24, fallback: 10)
        let footY = p.footY.isFinite ? min(p.footY, (houses.map(\.baseY).min() ?? 0) - 0.3) : -0.6
        let blocks = modernBlocks(TerraceParams(houses: houses, depth: d), seed: seed)
        var model = KitModel(name: "Terrace")
        var b = MeshBuilder()
        for (i, h) in houses.enumerated() {
            var r = KitRandom(seed: seed).fork(UInt64(i) &+ 1)
            let blk = ModernBlock(kind: blocks[i].kind, floors: max(2, min(blocks[i].floors, 12)))
            if blk.kind == .offices { officeBlock(&b, h, blk, depth: d, footY: footY, rng: &r) } else { apartmentBlock(&b, h, shop: h.shop, blk, depth: d, footY: footY, rng: &r) }
            model.lightAnchors.append(LightAnchor(position: Vec3((h.x0 + h.x1) / 2, h.baseY + ModernBlock.groundFloor + 1.5, d / 2 + 0.5), kind: .windowGlow))
            if p.lamps && i % 2 == 0 {
                let light = Props.streetLight(seed: seed ^ UInt64(i))
                let at = Vec3(min(h.x0 + 0.8, h.x1 - 0.5), h.baseY - 0.15, d / 2 + 2.0)
                b.append(light.merged(), transform: Mat4.place(at, yaw: -.pi / 2))
                for a in light.lightAnchors { model.lightAnchors.append(LightAnchor(position: Mat4.place(at, yaw: -.pi / 2).transformPoint(a.position), kind: a.kind)) }
            }
        }
        model.add("Terrace", b)
        return model
    }

    /// The body of a block: its walls as one box from its foundations to `top`, painted.
    private static func body(_ b: inout MeshBuilder, _ h: TerraceHouse, depth d: Float, footY: Float, top: Float, kind: SurfaceKind, paint: Vec4?) {
        b.color = paint
        b.box(kind, min: Vec3(h.x0, footY, -d / 2), max: Vec3(h.x1, h.baseY + top, d / 2))
        b.color = nil
    }

    /// A pane of glass on a face: `x` along the face (from its left seen from outside), `y`
    /// up, standing `proud` out of the wall.
    private static func pane(_ b: inout MeshBuilder, _ f: WallFrame, _ x0: Float, _ x1: Float, _ y0: Float, _ y1: Float, proud: Float = 0.03, tint: Vec4? = nil) {
        b.color = tint
        b.addQuad(.glass, f.point(x0, y0, -proud), f.point(x1, y0, -proud), f.point(x1, y1, -proud), f.point(x0, y1, -proud), facing: f.outward)
        b.color = nil
    }

    /// The four faces of a block's box, front (+Z) first, then right, back and left.
    private static func faces(_ h: TerraceHouse, depth d: Float) -> [WallFrame] {
        let y = h.baseY
        return [
            WallFrame(start: Vec3(h.x0, y, d / 2), dir: Vec3(1, 0, 0), length: h.width, thickness: 0.3),
            WallFrame(start: Vec3(h.x1, y, d / 2), dir: Vec3(0, 0, -1), length: d, thickness: 0.3),
            WallFrame(start: Vec3(h.x1, y, -d / 2), dir: Vec3(-1, 0, 0), length: h.width, thickness: 0.3),
            WallFrame(start: Vec3(h.x0, y, -d / 2), dir: Vec3(0, 0, 1), length: d, thickness: 0.3),
        ]
    }

    /// A glazed entrance on the front: a door of dark glass in a metal frame under a canopy.
    private static func entrance(_ b: inout MeshBuilder, _ f: WallFrame, at x: Float, width: Float = 1.8) {
        let axes = (f.dir, f.up, f.outward)
        b.color = Vec4(0.25, 0.25, 0.27, 1)
        b.orientedBox(.metal, center: f.point(x, 1.3, -0.06), axes: axes, half: Vec3(width / 2 + 0.1, 1.3, 0.05))
        b.color = nil
        pane(&b, f, x - width / 2 + 0.06, x + width / 2 - 0.06, 0.05, 2.5, proud: 0.12, tint: darkGlass)
        b.orientedBox(.metal, center: f.point(x, 1.3, -0.13), axes: axes, half: Vec3(0.03, 1.25, 0.02))
        // Canopy: a thin slab out over the door.
        b.orientedBox(.metal, center: f.point(x, 2.95, -0.75), axes: axes, half: Vec3(width / 2 + 0.6, 0.08, 0.75))
        // Step.
        b.orientedBox(.stoneWall, center: f.point(x, -0.05, -0.5), axes: axes, half: Vec3(width / 2 + 0.3, 0.1, 0.5))
    }

    /// The flat roof of a block: membrane, parapet and coping (`flatRoof`), placed over it.
    private static func roof(_ b: inout MeshBuilder, _ h: TerraceHouse, depth d: Float, top: Float, kind: SurfaceKind, paint: Vec4?, parapet: Float) {
        var roof = MeshBuilder()
        flatRoof(&roof, width: h.width, depth: d, eaveY: top, wallKind: kind, paint: paint, parapet: parapet, edge: 0.3)
        b.append(roof, transform: Mat4.place(Vec3((h.x0 + h.x1) / 2, h.baseY, 0)))
    }

    /// A block of flats: rendered (or brick) walls, a window grid with metal sills, balconies on
    /// some bays, an entrance (and shop glazing with a fascia for a shop) on the ground floor,
    /// a flat roof behind a parapet with a stair tower.
    static func apartmentBlock(_ b: inout MeshBuilder, _ h: TerraceHouse, shop: Bool, _ blk: ModernBlock, depth d: Float, footY: Float, rng r: inout KitRandom) {
        let w = h.width, y0 = h.baseY, H = blk.height
        let brick = r.chance(0.3)
        let kind: SurfaceKind = brick ? .brick : .plaster
        let paint: Vec4? = brick ? nil : r.pick(flatPaints)
        let balconies = r.chance(0.7)
        let frame = Vec4(0.3, 0.31, 0.33, 1)
        body(&b, h, depth: d, footY: footY, top: H, kind: kind, paint: paint)
        // A concrete band round the ground floor.
        b.color = concrete
        b.box(.plaster, min: Vec3(h.x0 - 0.06, footY, -d / 2 - 0.06), max: Vec3(h.x1 + 0.06, y0 + 0.35, d / 2 + 0.06))
        b.box(.plaster, min: Vec3(h.x0 - 0.08, y0 + ModernBlock.groundFloor - 0.35, d / 2 - 0.2), max: Vec3(h.x1 + 0.08, y0 + ModernBlock.groundFloor, d / 2 + 0.12))
        b.color = nil
        let fs = faces(h, depth: d)
        let front = fs[0]
        let bays = max(2, Int(w / 3.2))
        let bw = w / Float(bays)
        let winW = min(1.8, bw - 1.0)
        func bayX(_ k: Int) -> Float { bw * (Float(k) + 0.5) }
        // Ground floor: the entrance in the middle bay; shop glazing or windows in the others.
        let door = bays / 2
        entrance(&b, front, at: bayX(door))
        if shop {
            let x0: Float = 0.5, x1 = bayX(door) - 1.4, x2 = bayX(door) + 1.4, x3 = w - 0.5
            for (a, c) in [(x0, x1), (x2, x3)] where c - a > 1.5 {
                pane(&b, front, a, c, 0.45, 3.2, tint: darkGlass)
                var x = a + 2
                while x < c - 0.5 {
                    b.orientedBox(.metal, center: front.point(x, 1.82, -0.06), axes: (front.dir, front.up, front.outward), half: Vec3(0.04, 1.38, 0.04))
                    x += 2
                }
            }
            // Fascia: a coloured sign band over the shop fronts.
            b.color = r.pick([Vec4(0.75, 0.15, 0.12, 1), Vec4(0.12, 0.3, 0.6, 1), Vec4(0.15, 0.45, 0.3, 1), Vec4(0.2, 0.2, 0.22, 1)])
            b.orientedBox(.cloth, center: front.point(w / 2, 3.42, -0.09), axes: (front.dir, front.up, front.outward), half: Vec3(w / 2 - 0.4, 0.18, 0.06))
            b.color = nil
        } else {
            for k in 0..<bays where k != door {
                pane(&b, front, bayX(k) - winW / 2, bayX(k) + winW / 2, 1.0, 2.6, tint: Vec4(0.6, 0.68, 0.75, 1))
            }
        }
        // Upper floors: the grid, balcony doors with slabs and rails on alternate bays.
        for fl in 1..<max(2, blk.floors) {
            let y = ModernBlock.groundFloor + Float(fl - 1) * blk.storey
            for k in 0..<bays {
                let x = bayX(k)
                if balconies && k % 2 == 1 {
                    pane(&b, front, x - 1.0, x + 1.0, y + 0.1, y + 2.4, tint: Vec4(0.6, 0.68, 0.75, 1))
                    let axes = (front.dir, front.up, front.outward)
                    b.color = concrete
                    b.orientedBox(.plaster, center: front.point(x, y + 0.02, -0.7), axes: axes, half: Vec3(1.35, 0.1, 0.7))
                    b.color = frame
                    b.orientedBox(.metal, center: front.point(x, y + 0.6, -1.36), axes: axes, half: Vec3(1.35, 0.5, 0.03))
                    b.orientedBox(.metal, center: front.point(x - 1.32, y + 0.6, -0.7), axes: axes, half: Vec3(0.03, 0.5, 0.66))
                    b.orientedBox(.metal, center: front.point(x + 1.32, y + 0.6, -0.7), axes: axes, half: Vec3(0.03, 0.5, 0.66))
                    b.color = nil
                } else {
                    pane(&b, front, x - winW / 2, x + winW / 2, y + 0.9, y + 2.45, tint: Vec4(0.6, 0.68, 0.75, 1))
                    b.color = frame
                    b.orientedBox(.metal, center: front.point(x, y + 0.86, -0.06), axes: (front.dir, front.up, front.outward), half: Vec3(winW / 2 + 0.08, 0.04, 0.08))
                    b.color = nil
                }
            }
        }
        // Back and ends: windows on every floor (panes only).
        for (fi, f) in fs.enumerated() where fi > 0 {
            let n = max(1, Int(f.length / 3.2)), fw = f.length / Float(n)
            let ww = min(1.6, fw - 1.0)
            guard ww > 0.5 else { continue }
            for fl in 0..<max(2, blk.floors) {
                let y = fl == 0 ? Float(1.0) : ModernBlock.groundFloor + Float(fl - 1) * blk.storey + 0.9
                for k in 0..<n {
                    let x = fw * (Float(k) + 0.5)
                    pane(&b, f, x - ww / 2, x + ww / 2, y, y + 1.5, tint: Vec4(0.6, 0.68, 0.75, 1))
                }
            }
        }
        roof(&b, h, depth: d, top: H, kind: kind, paint: paint, parapet: 0.9)
        // A stair tower on the roof, set back from the street.
        let sx = (h.x0 + h.x1) / 2 + r.float(in: -0.25...0.25) * (w - 4)
        b.color = paint
        b.box(kind, min: Vec3(sx - 1.6, y0 + H, -d / 2 + 1.2), max: Vec3(sx + 1.6, y0 + H + 2.8, -d / 2 + 4.2))
        b.color = nil
        b.box(.metal, min: Vec3(sx - 1.7, y0 + H + 2.8, -d / 2 + 1.1), max: Vec3(sx + 1.7, y0 + H + 2.9, -d / 2 + 4.3))
    }

    /// An office block: a curtain wall of dark glass bands between concrete or steel spandrels
    /// on every face, metal mullions the whole height, a glazed lobby with its entrance, and a
    /// flat roof with a plant box.
    static func officeBlock(_ b: inout MeshBuilder, _ h: TerraceHouse, _ blk: ModernBlock, depth d: Float, footY: Float, rng r: inout KitRandom) {
        let w = h.width, y0 = h.baseY, H = blk.height
        let steel = r.chance(0.4)
        let kind: SurfaceKind = steel ? .metal : .plaster
        let paint: Vec4 = steel ? Vec4(0.85, 0.87, 0.9, 1) : concrete
        let glass = r.pick([darkGlass, Vec4(0.28, 0.36, 0.4, 1), Vec4(0.4, 0.48, 0.55, 1)])
        body(&b, h, depth: d, footY: footY, top: H, kind: kind, paint: paint)
        let fs = faces(h, depth: d)
        for (fi, f) in fs.enumerated() {
            let L = f.length
            // Lobby glazing on the front, a band of glass on the other faces' ground floor.
            pane(&b, f, 0.4, L - 0.4, fi == 0 ? 0.15 : 0.9, ModernBlock.groundFloor - 0.5, tint: glass)
            for fl in 1..<max(2, blk.floors) {
                let y = ModernBlock.groundFloor + Float(fl - 1) * blk.storey
                pane(&b, f, 0.25, L - 0.25, y + 0.85, y + blk.storey - 0.05, tint: glass)
            }
            // Mullions every 1.5 m up the whole face, a little proud of the glass.
            let n = max(2, Int(L / 1.5))
            b.color = Vec4(0.45, 0.47, 0.5, 1)
            for k in 1..<n {
                let x = L * Float(k) / Float(n)
                b.orientedBox(.metal, center: f.point(x, (ModernBlock.groundFloor - 0.5 + H) / 2, -0.08), axes: (f.dir, f.up, f.outward),
                              half: Vec3(0.05, (H - ModernBlock.groundFloor + 0.5) / 2, 0.06))
            }
            b.color = nil
        }
        entrance(&b, fs[0], at: w / 2, width: 2.4)
        roof(&b, h, depth: d, top: H, kind: kind, paint: paint, parapet: 1.1)
        // Plant: a louvred metal box and a smaller one.
        b.color = Vec4(0.7, 0.72, 0.75, 1)
        let px = (h.x0 + h.x1) / 2 + r.float(in: -0.2...0.2) * (w - 6)
        b.box(.metal, min: Vec3(px - 2.2, y0 + H, -d / 2 + 1.5), max: Vec3(px + 2.2, y0 + H + 2.2, min(d / 2 - 1.5, -d / 2 + 5.5)))
        b.box(.metal, min: Vec3(px + 2.8, y0 + H, -d / 2 + 1.5), max: Vec3(px + 4.2, y0 + H + 1.2, -d / 2 + 3.2))
        b.color = nil
    }
}

// MARK: - Streets

/// A car parked along a modern street's kerb (model space of its street section).
public struct ParkedCar: Sendable, Hashable {
    public var position: Vec3
    public var yaw: Float
    /// An index into `Props.carPaints`.
    public var paint: Int
}

/// A street light at a modern street's kerb, its arm over the road (model space, yaw turns
/// the arm's +X towards the road).
public struct StreetLamp: Sendable, Hashable {
    public var position: Vec3
    public var yaw: Float
}

/// One stretch of a modern town's street (`TownPlan.streetSections`): the centre line's samples
/// with the ground's height at each of `offsets` across it, which of its 2 m segments carry
/// asphalt, centre dashes and kerbs (cut where another street crosses), its parked cars and
/// its street lights. Model space: x, z from the section's site, y from its lot's `baseY`.
public struct StreetSection: Sendable, Hashable {
    /// Across the street from its centre line: the asphalt's edges (the parking lanes'
    /// outer edges, where the kerbs stand), the carriageway's edges and the centre.
    public static let offsets: [Float] = [-3.9, -1.8, 0, 1.8, 3.9]
    public var centre: [Vec2] = []
    /// The unit vector across the street at each sample (to its left, going along it).
    public var side: [Vec2] = []
    /// Heights at `offsets` at each sample.
    public var heights: [[Float]] = []
    /// Per segment (between samples i and i + 1).
    public var asphalt: [Bool] = []
    public var dashes: [Bool] = []
    public var kerbs: [[Bool]] = []
    public var cars: [ParkedCar] = []
    public var lamps: [StreetLamp] = []
    /// How far the asphalt lies above the ground (streets that cross differ, so neither
    /// flickers through the other).
    public var lift: Float = 0.05

    /// A straight 24 m stretch on level ground with two cars and a light, for a kit asked for
    /// without a town.
    public static func sample() -> StreetSection {
        var s = StreetSection()
        for k in 0...12 {
            s.centre.append(Vec2(Float(k) * 2 - 12, 0))
            s.side.append(Vec2(0, -1))
            s.heights.append(offsets.map { _ in 0 })
        }
        s.asphalt = Array(repeating: true, count: 12)
        s.dashes = Array(repeating: true, count: 12)
        s.kerbs = Array(repeating: [true, true], count: 12)
        s.cars = [ParkedCar(position: Vec3(-6, 0, 2.85), yaw: 0, paint: 0), ParkedCar(position: Vec3(4, 0, -2.85), yaw: .pi, paint: 3)]
        s.lamps = [StreetLamp(position: Vec3(0, 0, 4.5), yaw: .pi / 2)]
        return s
    }
}

extension Buildings {
    /// A stretch of modern street: asphalt over the ground's shape, white centre dashes and
    /// edge lines, concrete kerbs, parked cars and street lights. One static part, `Street`;
    /// light anchors: a lantern per street light.
    static func street(_ s: StreetSection, seed: UInt64) -> KitModel {
        var model = KitModel(name: "Street")
        var b = MeshBuilder()
        let n = min(s.centre.count, s.side.count, s.heights.count)
        let o = StreetSection.offsets
        let lift = kitClamp(s.lift, 0, 0.5, fallback: 0.05)
        func at(_ i: Int, _ k: Int, _ off: Float? = nil, up: Float = 0) -> Vec3 {
            let across = off ?? o[k]
            let p = s.centre[i] + s.side[i] * across
            let hk = s.heights[i]
            // Height between the sampled offsets, linearly.
            var y = hk[k]
            if let off {
                var j = 0
                while j < o.count - 2 && off > o[j + 1] { j += 1 }
                let t = clamp((off - o[j]) / (o[j + 1] - o[j]), 0, 1)
                y = hk[j] + (hk[j + 1] - hk[j]) * t
            }
            return Vec3(p.x, y + lift + up, p.y)
        }
        guard n >= 2 else { model.add("Street", b); return model }
        for i in 0..<(n - 1) where s.heights[i].count == o.count && s.heights[i + 1].count == o.count {
            if i < s.asphalt.count && s.asphalt[i] {
                b.color = Vec4(0.42, 0.42, 0.44, 1)
                for k in 0..<(o.count - 1) {
                    b.addQuad(.gravel, at(i, k), at(i, k + 1), at(i + 1, k + 1), at(i + 1, k), facing: Vec3(0, 1, 0))
                }
                // Edge lines between the carriageway and the parking lanes.
                b.color = Vec4(1, 1, 1, 1)
                for e: Float in [-1.85, 1.85] {
                    b.addQuad(.plaster, at(i, 0, e - 0.06, up: 0.012), at(i, 0, e + 0.06, up: 0.012), at(i + 1, 0, e + 0.06, up: 0.012), at(i + 1, 0, e - 0.06, up: 0.012),
                              facing: Vec3(0, 1, 0))
                }
            }
            if i < s.dashes.count && s.dashes[i] && i % 2 == 0 {
                b.color = Vec4(1, 1, 1, 1)
                b.addQuad(.plaster, at(i, 2, -0.08, up: 0.015), at(i, 2, 0.08, up: 0.015), at(i + 1, 2, 0.08, up: 0.015), at(i + 1, 2, -0.08, up: 0.015),
                          facing: Vec3(0, 1, 0))
            }
            b.color = nil
            // Kerbs: a concrete edge 14 cm up along each side.
            if i < s.kerbs.count {
                for (side, on) in s.kerbs[i].enumerated() where on {
                    let sign: Float = side == 0 ? -1 : 1
                    let k = side == 0 ? 0 : o.count - 1
                    let inner = o[k], outer = o[k] + sign * 0.3
                    let a0 = at(i, k, inner, up: -0.1), a1 = at(i + 1, k, inner, up: -0.1)
                    let t0 = at(i, k, inner, up: 0.14), t1 = at(i + 1, k, inner, up: 0.14)
                    let u0 = at(i, k, outer, up: 0.14), u1 = at(i + 1, k, outer, up: 0.14)
                    let d0 = at(i, k, outer, up: -0.1), d1 = at(i + 1, k, outer, up: -0.1)
                    let inward = Vec3(-s.side[i].x * sign, 0, -s.side[i].y * sign)
                    b.addQuad(.stoneWall, a0, a1, t1, t0, facing: inward)
                    b.addQuad(.stoneWall, t0, t1, u1, u0, facing: Vec3(0, 1, 0))
                    b.addQuad(.stoneWall, u0, u1, d1, d0, facing: -inward)
                }
            }
        }
        for (k, c) in s.cars.enumerated() {
            let car = Props.car(paint: c.paint, seed: seed ^ UInt64(k &+ 1))
            b.append(car.merged(), transform: Mat4.place(c.position + Vec3(0, lift, 0), yaw: c.yaw))
        }
        for l in s.lamps {
            let light = Props.streetLight(seed: seed)
            let m = Mat4.place(l.position, yaw: l.yaw)
            b.append(light.merged(), transform: m)
            for a in light.lightAnchors { model.lightAnchors.append(LightAnchor(position: m.transformPoint(a.position), kind: a.kind)) }
        }
        model.add("Street", b)
        return model
    }
}

extension Props {
    /// Car paints: white, silver, black, red, blue, dark green, yellow (sRGB multipliers of
    /// the body's plaster, a smooth painted surface).
    public static let carPaints: [Vec4] = [
        Vec4(1, 1, 1, 1), Vec4(0.72, 0.74, 0.78, 1), Vec4(0.13, 0.13, 0.14, 1), Vec4(0.85, 0.12, 0.1, 1),
        Vec4(0.18, 0.3, 0.75, 1), Vec4(0.18, 0.4, 0.26, 1), Vec4(1, 0.8, 0.22, 1),
    ]

    /// A parked car, low poly: a body with a cabin, dark windows, four wheels, lights. About
    /// 4.2 m long along +X, its origin on the ground under its middle.
    public static func car(paint: Int, seed: UInt64) -> KitModel {
        var r = KitRandom(seed: seed)
        let colour = carPaints[((paint % carPaints.count) + carPaints.count) % carPaints.count]
        let L = r.float(in: 3.9...4.6), W: Float = 1.76, hatch = r.chance(0.4)
        var b = MeshBuilder()
        b.color = colour
        b.box(.plaster, min: Vec3(-L / 2, 0.3, -W / 2), max: Vec3(L / 2, 0.95, W / 2))
        // Cabin: a box narrowing to the roof, as a polygon prism.
        let rear: Float = hatch ? -L / 2 + 0.15 : -L / 2 + 0.75, front = L / 2 - 1.35
        let side: [Vec2] = [Vec2(rear - 0.1, 0.95), Vec2(front + 0.25, 0.95), Vec2(front - 0.35, 1.45), Vec2(rear + 0.35, 1.45)]
        let cw = W / 2 - 0.1
        b.addPolygon(.plaster, side.map { Vec3($0.x, $0.y, cw) })
        b.addPolygon(.plaster, side.reversed().map { Vec3($0.x, $0.y, -cw) })
        for k in 0..<4 {
            let p = side[k], q = side[(k + 1) % 4]
            b.addQuad(.plaster, Vec3(p.x, p.y, cw), Vec3(p.x, p.y, -cw), Vec3(q.x, q.y, -cw), Vec3(q.x, q.y, cw),
                      facing: Vec3(q.y - p.y, p.x - q.x, 0))
        }
        // Windows: dark panes just proud of the cabin's sides, front and back.
        b.color = Vec4(0.08, 0.09, 0.1, 1)
        let ws: [Vec2] = [Vec2(rear + 0.05, 1.0), Vec2(front + 0.12, 1.0), Vec2(front - 0.3, 1.4), Vec2(rear + 0.33, 1.4)]
        for z in [cw + 0.01, -cw - 0.01] {
            b.addQuad(.metal, Vec3(ws[0].x, ws[0].y, z), Vec3(ws[1].x, ws[1].y, z), Vec3(ws[2].x, ws[2].y, z), Vec3(ws[3].x, ws[3].y, z), facing: Vec3(0, 0, z))
        }
        for (p, q) in [(side[1], side[2]), (side[3], side[0])] {
            let nn = normalize(Vec3(q.y - p.y, p.x - q.x, 0))
            let e = normalize(Vec3(q.x - p.x, q.y - p.y, 0)) * 0.06
            b.addQuad(.metal, Vec3(p.x, p.y, cw - 0.12) + nn * 0.01 + e, Vec3(p.x, p.y, -cw + 0.12) + nn * 0.01 + e,
                      Vec3(q.x, q.y, -cw + 0.12) + nn * 0.01 - e, Vec3(q.x, q.y, cw - 0.12) + nn * 0.01 - e, facing: nn)
        }
        // Bumpers, lights.
        b.color = Vec4(0.15, 0.15, 0.16, 1)
        b.box(.metal, min: Vec3(-L / 2 - 0.05, 0.28, -W / 2 + 0.05), max: Vec3(-L / 2 + 0.1, 0.48, W / 2 - 0.05))
        b.box(.metal, min: Vec3(L / 2 - 0.1, 0.28, -W / 2 + 0.05), max: Vec3(L / 2 + 0.05, 0.48, W / 2 - 0.05))
        b.color = Vec4(1, 1, 0.95, 1)
        for z in [W / 2 - 0.3, -W / 2 + 0.3] { b.box(.metal, min: Vec3(L / 2 - 0.02, 0.7, z - 0.2), max: Vec3(L / 2 + 0.02, 0.82, z + 0.2)) }
        b.color = Vec4(0.9, 0.1, 0.08, 1)
        for z in [W / 2 - 0.25, -W / 2 + 0.25] { b.box(.metal, min: Vec3(-L / 2 - 0.02, 0.72, z - 0.18), max: Vec3(-L / 2 + 0.02, 0.84, z + 0.18)) }
        // Wheels.
        b.color = Vec4(0.1, 0.1, 0.1, 1)
        for x in [L / 2 - 0.8, -L / 2 + 0.75] {
            for z in [W / 2 - 0.12, -W / 2 + 0.12] {
                b.cylinder(.metal, from: Vec3(x, 0.33, z - 0.11), to: Vec3(x, 0.33, z + 0.11), radiusBottom: 0.33, radiusTop: 0.33, segments: 8)
            }
        }
        b.color = nil
        var m = KitModel(name: "Car")
        m.add("Car", b)
        return m
    }

    /// A modern street light: a slim grey pole 7 m tall with an arm out along +X and a flat
    /// lamp head whose glass lights at night; one lantern light anchor under the head.
    public static func streetLight(height: Float = 7, seed: UInt64) -> KitModel {
        _ = seed
        let h = kitClamp(height, 3, 15, fallback: 7)
        var b = MeshBuilder()
        b.color = Vec4(0.6, 0.62, 0.65, 1)
        b.cylinder(.metal, from: Vec3(0, -0.2, 0), to: Vec3(0, 0.5, 0), radiusBottom: 0.12, radiusTop: 0.1, segments: 8)
        b.cylinder(.metal, from: Vec3(0, 0.5, 0), to: Vec3(0, h, 0), radiusBottom: 0.08, radiusTop: 0.05, segments: 8)
        b.box(.metal, min: Vec3(-0.05, h - 0.06, -0.04), max: Vec3(1.4, h + 0.02, 0.04))
        b.box(.metal, min: Vec3(1.1, h - 0.12, -0.18), max: Vec3(1.9, h + 0.02, 0.18))
        b.color = nil
        b.addQuad(.glass, Vec3(1.15, h - 0.13, -0.14), Vec3(1.85, h - 0.13, -0.14), Vec3(1.85, h - 0.13, 0.14), Vec3(1.15, h - 0.13, 0.14), facing: Vec3(0, -1, 0))
        var m = KitModel(name: "StreetLight")
        m.add("StreetLight", b)
        m.lightAnchors.append(LightAnchor(position: Vec3(1.5, h - 0.3, 0), kind: .lantern))
        return m
    }
}
