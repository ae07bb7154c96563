import OysterCore

/// A town's sites in a region: rows, walls and bridges at the heights their plan chose, the
/// square's fountain, stalls, benches and lamps on its flattened pad; and what the town changes
/// on the ground (paving to the house fronts, no trees in its streets).
extension RegionBuilder {
    /// The town square among the region's features, with its lot.
    var townSquare: (site: Site, lot: TownLot)? {
        for s in features.sites where s.kind == .townSquare { if let lot = s.lot { return (s, lot) } }
        return nil
    }

    /// The kit of a site the town plan placed (nil for any other site).
    func townKit(_ s: Site) -> KitModel? {
        guard let lot = s.lot else { return nil }
        let seed = recipe.seed ^ s.id
        switch s.kind {
        case .terrace: return lot.terrace.map { t in
            var t = t
            t.style = recipe.style
            return Buildings.terrace(t, seed: seed)
        }
        case .church: return Buildings.church(length: lot.length, width: 8, seed: seed)
        case .bridge: return Buildings.bridge(length: lot.length, width: 4.2, stone: true, seed: seed)
        case .quay: return Buildings.quay(width: lot.length, depth: 6, seed: seed)
        case .townStreet: return lot.street.map { Buildings.street($0, seed: seed) }
        case .townWall: return Buildings.castleWall(CastleWallParams(length: lot.length, height: 6.5, thickness: 2.2, gate: lot.gate), seed: seed)
        default: return nil
        }
    }

    /// How far the ground at (x, z) is paved (0…1): the square, and in town the pavements
    /// from the street to the house fronts. `roadD` is the distance to the nearest road.
    func townPaving(_ square: (site: Site, lot: TownLot), _ x: Float, _ z: Float, roadD: Float) -> Float {
        let (s, lot) = square
        let d = Vec2(x, z) - s.position
        guard length(d) < lot.extent + 6 else { return 0 }
        let across = Vec2(-lot.axis.y, lot.axis.x)
        let u = abs(dot(d, lot.axis)), v = abs(dot(d, across))
        // A modern town's square is a park: grass (its paths are a kit).
        let square = lot.modern ? 0 : 1 - smoothstep(0, 1.2, max(u - lot.half.x, v - lot.half.y))
        let pavement = 1 - smoothstep(lot.front - 0.6, lot.front + 0.2, roadD)
        return max(square, pavement)
    }

    /// True inside a town's streets and square, where no tree or bush grows.
    func inTown(_ p: Vec2) -> Bool {
        guard let (s, lot) = townSquare else { return false }
        return length(p - s.position) < lot.extent
    }

    /// One thing on the town square: where it stands (world), turned how, how far people keep
    /// from it, and its kit (made only when the square is built).
    struct SquareItem {
        var label: String
        var at: Vec2
        var yaw: Float
        var clearance: Float
        var make: () -> KitModel
    }

    /// Fountain, market stalls, benches, a cart, barrels and lamps on the square: where each
    /// goes, for the square's props and for the people standing round the fountain.
    func townSquareItems(_ s: Site, _ lot: TownLot) -> [SquareItem] {
        let seed = recipe.seed ^ s.id
        var r = KitRandom(seed: seed ^ 0x5C0A)
        let axis = lot.axis, across = Vec2(-axis.y, axis.x), h = lot.half
        var items: [SquareItem] = []
        func add(_ label: String, _ offset: Vec2, _ turn: Float, _ clearance: Float, _ make: @escaping () -> KitModel) {
            items.append(SquareItem(label: label, at: s.position + axis * offset.x + across * offset.y, yaw: turn, clearance: clearance, make: make))
        }
        let yaw = katan2(axis.x, axis.y)
        if lot.modern {
            parkItems(s, lot, seed: seed, add: add)
            return items
        }
        add("Fountain", lot.fountain, 0, 3.2) { Props.fountain(radius: 2.4, seed: seed) }
        // Stalls in a row along the main street's side, facing into the square.
        var u = -h.x + 2.5
        while u < h.x - 2.5 {
            let stallSeed = seed ^ UInt64(bitPattern: Int64(u * 10))
            if r.chance(0.8) { add("MarketStall", Vec2(u, -h.y + 2.2), yaw + .pi, 2) { Props.marketStall(seed: stallSeed) } }
            u += 3.4
        }
        for k in 0..<2 {
            let side: Float = k == 0 ? 1 : -1
            add("Bench", Vec2(-h.x * 0.3 + side * 4.2, -1), yaw + side * .pi / 2, 1.3) { Props.bench(seed: seed ^ UInt64(k)) }
        }
        add("Cart", Vec2(h.x * 0.55, -h.y * 0.35), r.float(in: 0...6.28), 1.8) { Props.cart(seed: seed) }
        for k in 0..<3 { add("Barrel", Vec2(-h.x + 1.2 + Float(k) * 0.8, h.y - 1.2), 0, 0.7) { Props.barrel(seed: seed ^ UInt64(k + 5)) } }
        for (k, (du, dv)) in [(Float(-1), Float(-1)), (1, -1), (1, 1), (-1, 1)].enumerated() {
            add("Lamppost", Vec2(du * (h.x - 0.8), dv * (h.y - 0.8)), 0, 0.6) { Props.lamppost(height: 4, seed: seed ^ UInt64(k + 11)) }
        }
        return items
    }

    /// The square's things (`townSquareItems`) placed on its pad.
    func townSquareProps(_ s: Site, _ lot: TownLot, into a: inout SceneAssembler, kits: inout KitPlacement) {
        var counter: [String: Int] = [:]
        for item in townSquareItems(s, lot) {
            let n = counter[item.label, default: 0] + 1
            counter[item.label] = n
            let p = item.at
            kits.place(item.make(), key: "prop/\(s.name)/\(item.label)/\(n)", name: "\(item.label)_\(String(format2: n))", group: .village,
                       translation: Vec3(p.x, features.height(p.x, p.y) - 0.02, p.y), yaw: item.yaw, into: &a)
        }
    }

    /// A modern town's park on its square: the fountain where the square's would be (people
    /// gather round it), paved paths crossing at it and round it, trees in the four lawns,
    /// benches by the paths and a street light at each corner.
    func parkItems(_ s: Site, _ lot: TownLot, seed: UInt64, add: (String, Vec2, Float, Float, @escaping () -> KitModel) -> Void) {
        let axis = lot.axis, across = Vec2(-axis.y, axis.x), h = lot.half
        let f = lot.fountain
        func world(_ o: Vec2) -> Vec2 { s.position + axis * o.x + across * o.y }
        add("Fountain", f, 0, 3.2) { Props.fountain(radius: 2.4, seed: seed) }
        // Paths: along and across the park through the fountain, and a ring round it, draped
        // over the ground (a kit at the fountain, in world directions).
        let at = world(f)
        let base = features.height(at.x, at.y) - 0.02
        let ground: (Float, Float) -> Float = { [features] x, z in features.height(x + at.x, z + at.y) - base }
        let lines: [[Vec2]] = [
            [world(Vec2(-h.x, f.y)), world(Vec2(f.x - 3.2, f.y))], [world(Vec2(f.x + 3.2, f.y)), world(Vec2(h.x, f.y))],
            [world(Vec2(f.x, -h.y)), world(Vec2(f.x, f.y - 3.2))], [world(Vec2(f.x, f.y + 3.2)), world(Vec2(f.x, h.y))],
            (0...24).map { k in world(f + Vec2(kcos(Float(k) * .pi / 12), ksin(Float(k) * .pi / 12)) * 4.2) },
        ]
        add("ParkPaths", f, 0, 0) {
            var m = KitModel(name: "ParkPaths")
            var b = MeshBuilder()
            for line in lines { b.append(Buildings.road(polyline: line.map { $0 - at }, width: 2.2, kind: .cobblestone, segmentLength: 2, across: 1, lift: 0.05, height: ground)) }
            m.add("ParkPaths", b)
            return m
        }
        // Trees in the lawns, two to a quarter, clear of the paths.
        let species = OutdoorSpecies(recipe: recipe).kinds
        let detail = recipe.detail
        var r = KitRandom(seed: seed ^ 0x9A4C)
        var k = 0
        for (du, dv) in [(Float(-1), Float(-1)), (1, -1), (1, 1), (-1, 1)] {
            for j in 0..<2 {
                let cu = du < 0 ? (f.x - h.x) / 2 : (f.x + h.x) / 2, cv = dv < 0 ? (f.y - h.y) / 2 : (f.y + h.y) / 2
                let p = Vec2(cu + (j == 0 ? -1 : 1) * abs(cu - f.x) * 0.35 * r.float(in: 0.6...1), cv + r.float(in: -0.25...0.25) * abs(cv - f.y))
                let sp = species[(k + j) % species.count]
                let bits = seed ^ UInt64(k * 2 + j) &* 0x9E37_79B9_7F4A_7C15
                let season = recipe.season
                add("ParkTree", p, r.float(in: 0...6.28), 2) { KitCatalog.tree(sp, seed: bits, detail: detail, foliage: season.foliage(sp, bits: bits)) }
            }
            k += 1
        }
        // Benches facing the fountain along the paths.
        for (j, o) in [Vec2(-5.5, 2.0), Vec2(5.5, -2.0), Vec2(-2.0, -5.5), Vec2(2.0, 5.5)].enumerated() {
            let p = f + o
            let d = f - p
            add("Bench", p, katan2(axis.x * d.x + across.x * d.y, axis.y * d.x + across.y * d.y), 1.3) { Props.bench(seed: seed ^ UInt64(j)) }
        }
        for (j, (du, dv)) in [(Float(-1), Float(-1)), (1, -1), (1, 1), (-1, 1)].enumerated() {
            let toward = Vec2(-du, -dv)
            let dirW = axis * toward.x + across * toward.y
            add("StreetLight", Vec2(du * (h.x - 0.8), dv * (h.y - 0.8)), katan2(-dirW.y, dirW.x), 0.6) { Props.streetLight(height: 5, seed: seed ^ UInt64(j + 11)) }
        }
    }
}
