import OysterCore

/// What the prompt asked for, placed round the origin: its lake, its river (with a waterfall),
/// its village and landmarks, the village's lanes. Decided once per world from the recipe and a
/// seeded PCG32, in the same order and with the same rules the finite world used, but on the
/// world's ground functions, so the home region is one more region of the unbounded world.
struct HomePlan: Sendable {
    let half: Float
    var lakes: [Lake] = []
    var rivers: [Polyline] = []
    var waterfalls: [Waterfall] = []
    var sites: [Site] = []
    var roads: [Polyline] = []
    var villageCenter: Vec2?
    /// The town, when the recipe asks for one instead of a village.
    var town: TownPlan?
    /// Where roads from neighbouring cells arrive.
    var hub: Vec2?

    /// Where a road from `p` enters home: the nearest of a town's gates, else the hub.
    func entry(from p: Vec2) -> Vec2? {
        guard let gates = town?.gates, !gates.isEmpty else { return hub }
        return gates.min { length($0 - p) < length($1 - p) }
    }

    /// The prompt's lake, if any.
    var lake: Lake? { lakes.first { $0.isHome } }

    init(map: WorldMap) {
        let recipe = map.recipe
        var rng = PCG32(seed: recipe.seed, stream: 0x4043)
        half = recipe.size / 2
        let terrain = map.terrain
        let seaward: Vec2? = { if case .side(let s) = terrain.coast.kind { return s }; return nil }()
        let hasSea = terrain.coast.kind != .inland
        // The lake: where the recipe puts it, else near the middle, pushed away from the sea.
        if let f = recipe.feature(.lake) {
            let r = half * (0.16 + 0.16 * (f.size ?? 0.5))
            var c = Vec2(rng.nextFloat(-0.25, 0.25), rng.nextFloat(-0.25, 0.25)) * half
            if let p = f.position { c = Vec2(p.x, p.z) * half * 0.8 }
            if let s = seaward { c -= s * half * 0.2 }
            // Off a volcano's cone, unless the recipe put it there: a lake carved into the
            // flank would cut a cliff in it.
            if f.position == nil, let v = terrain.volcano, length(c - v.center) < v.radius + r {
                c = v.center + normalize2(c - v.center) * (v.radius + r)
            }
            var lake = Lake(id: StableSeed.of("home/lake"), center: c, radius: r, seed: recipe.seed) { terrain.height($0, $1) }
            lake.isHome = true
            lakes.append(lake)
        }
        let lakes = self.lakes
        func ground(_ x: Float, _ z: Float) -> Float {
            var h = terrain.height(x, z)
            for l in lakes { h = l.carve(x, z, h) }
            return h
        }
        func waterLevel(_ x: Float, _ z: Float) -> Float? {
            for l in lakes where l.covers(x, z) { return l.level }
            return terrain.coast.nearSea(x, z) ? WorldMap.seaLevel : nil
        }
        func isWet(_ x: Float, _ z: Float, margin: Float) -> Bool {
            guard let w = waterLevel(x, z) else { return false }
            return ground(x, z) < w + margin
        }
        func slope(_ p: Vec2) -> Float {
            let gx = (ground(p.x + 1, p.y) - ground(p.x - 1, p.y)) / 2, gz = (ground(p.x, p.y + 1) - ground(p.x, p.y - 1)) / 2
            return (gx * gx + gz * gz).squareRoot()
        }
        let context = PlacementContext(half: half, ground: ground, isWet: isWet, slope: slope, waterLevel: waterLevel)

        // The river: from a high point on the home ring (away from the sea) to the lake, the
        // sea, or a pond across the valley.
        var riverPath: [Vec2] = []
        if recipe.has(.river) || recipe.has(.waterfall) {
            var best = Vec2(0, 0), bestH = -Float.infinity
            for _ in 0..<24 {
                let a = rng.nextFloat() * 2 * .pi
                var p = Vec2(kcos(a), ksin(a)) * half * 0.82
                p = Vec2(clamp(p.x, -half * 0.85, half * 0.85), clamp(p.y, -half * 0.85, half * 0.85))
                if let s = seaward, dot(p / half, s) > -0.2 { continue }
                let h = ground(p.x, p.y)
                if h > bestH { bestH = h; best = p }
            }
            let target: Vec2
            if let lake = self.lake { target = lake.center }
            else if let s = seaward { target = s * half * 0.95 }
            else if terrain.coast.kind == .island { target = normalize2(-best) * half * 0.9 }
            else { target = -best * 0.9 }
            riverPath = resample(meander(from: best, to: target, amplitude: half * 0.25, seed: StableSeed.of("home/river", in: recipe.seed)), step: 2)
        }
        // Sites, as the finite world placed them (village first, then landmarks, then a pier).
        var placer = SitePlacer(context: context, rng: rng, river: riverPath, idPrefix: "home", naming: .numbered)
        // A town is laid out first: it wants the best ground, and the rest keeps off it.
        if recipe.has(.town) {
            town = TownPlan(recipe: recipe, placer: &placer, towards: map.roadCells.first.map { map.centre($0) }, seaward: seaward)
        }
        placer.placeHomeSites(recipe: recipe, lake: lake, seaward: seaward, hasSea: hasSea)
        villageCenter = placer.villageCenter
        // Pads: flattened to the ground at their centre.
        sites = placer.sites.map { s in
            var s = s
            s.padHeight = ground(s.position.x, s.position.y)
            return s
        }
        hub = town?.gates.first ?? villageCenter ?? sites.first { $0.kind != .pier && $0.kind != .house }?.position
        if hub == nil, recipe.has(.road) { hub = Vec2(0, 0) }
        let padded = sites
        func beforeRoads(_ x: Float, _ z: Float) -> Float {
            var h = ground(x, z)
            let p = Vec2(x, z)
            for s in padded where s.kind.flattens {
                let d = length(p - s.position)
                if d < s.radius + 4 { h = mix(h, s.padHeight, 1 - smoothstep(s.radius, s.radius + 4, d)) }
            }
            return h
        }
        // Lanes: from the square to each door and to each landmark.
        if let vc = villageCenter {
            var paths: [(String, [Vec2])] = []
            for s in sites where s.kind == .house {
                let door = s.position + Vec2(ksin(s.yaw), kcos(s.yaw)) * 3.5
                paths.append(("lane/\(s.name)", meander(from: vc, to: door, amplitude: 2, seed: StableSeed.of("home/lane/\(s.name)", in: recipe.seed))))
            }
            for s in sites where s.kind.lane {
                let end = s.position + (vc - s.position).normalizedOrZero * (s.radius + 1)
                paths.append(("lane/\(s.name)", meander(from: vc, to: end, amplitude: 6, seed: StableSeed.of("home/lane/\(s.name)", in: recipe.seed))))
            }
            for (name, path) in paths {
                roads += RoadNetwork.grade(path, id: StableSeed.of("home/" + name), height: beforeRoads) { isWet($0, $1, margin: 0) }
            }
        }
        // The town's streets, graded like any road, then its rows of houses along them.
        if let town {
            var streets: [Polyline] = []
            for (k, path) in town.streets.enumerated() {
                streets += RoadNetwork.grade(path, id: StableSeed.of("home/town/street/\(k)"), height: beforeRoads) { isWet($0, $1, margin: 0) }
            }
            roads += streets
            let church = sites.firstIndex { $0.kind == .church }, square = sites.first { $0.kind == .townSquare }
            if let church, let square { sites[church].lot = TownLot(baseY: square.padHeight, length: town.churchLength) }
            sites += town.lots(ground: .init(beforeRoads: beforeRoads, streets: streets, river: riverPath, isWet: { isWet($0, $1, margin: 0.3) }),
                               seed: StableSeed.of("home/town", in: recipe.seed))
        }
        // The river's bed, cut after everything else and always falling.
        if riverPath.count > 2 {
            var pond: Lake?
            if self.lake == nil, !hasSea, let end = riverPath.last {
                pond = Lake(id: StableSeed.of("home/pond"), center: end, radius: 12, seed: recipe.seed ^ 0x90D) { terrain.height($0, $1) }
            }
            if let pond { self.lakes.append(pond) }
            let allLakes = self.lakes
            func bedGround(_ x: Float, _ z: Float) -> Float {
                var h = terrain.height(x, z)
                for l in allLakes { h = l.carve(x, z, h) }
                return h
            }
            let stop = self.lake?.level ?? pond?.level ?? WorldMap.seaLevel
            let course = RiverCourse.bed(riverPath, ground: bedGround, stopLevel: stop, lake: self.lake ?? pond, sea: hasSea,
                                         waterfallAt: recipe.has(.waterfall) ? riverPath.count * 3 / 10 : nil)
            if course.points.count > 2 {
                rivers.append(Polyline(id: StableSeed.of("home/river"), points: course.points, values: course.beds))
                waterfalls += course.waterfall.map { [$0] } ?? []
            }
        }
    }
}

/// What placing structures needs to know about the ground, as functions of position.
struct PlacementContext {
    let half: Float
    let ground: (Float, Float) -> Float
    let isWet: (Float, Float, Float) -> Bool
    let slope: (Vec2) -> Float
    let waterLevel: (Float, Float) -> Float?
}
