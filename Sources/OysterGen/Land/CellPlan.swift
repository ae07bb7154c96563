import OysterCore

/// What a cell away from home holds, decided from hashes of its coordinates: perhaps a lake,
/// perhaps a river's source, perhaps a village or a landmark. How often each recurs follows
/// the recipe (a prompt's lake makes lakes commoner, its castle makes castles recur) and the
/// biome; the cells beside home that its roads lead to always hold a settlement.
enum CellPlan {
    /// Chances per cell.
    struct Odds {
        var lake: Float
        var river: Float
        var village: Float
        var landmark: Float

        init(_ r: Recipe) {
            lake = r.has(.lake) ? 0.3 : 0.12
            river = r.has(.river) || r.has(.waterfall) ? 0.35 : 0.12
            village = r.has(.village) || r.has(.town) ? 0.3 : 0.1
            landmark = 0.3
            let biome = r.biome.waterAndPeople
            lake *= biome.lake
            river *= biome.river
            village *= biome.village
            if r.moods.contains(.barren) { village *= 0.3 }
        }
    }

    // MARK: - Lake

    static func lake(_ map: WorldMap, _ c: WorldMap.CellKey) -> Lake? {
        let odds = Odds(map.recipe)
        let bits = map.bits(c, "lake")
        guard bits.unit(0) < odds.lake else { return nil }
        let radius = 14 + 22 * bits.unit(24)
        // Kept inside its own cell with all it carves, so a lake never reaches another cell.
        let room = WorldMap.cellSize / 2 - radius * 2.1 - 4
        let centre = map.centre(c) + Vec2(bits.unit(40) * 2 - 1, SplitMix64.mix(bits).unit(0) * 2 - 1) * max(0, room)
        guard map.terrain.coast.landness(centre.x, centre.y) > 150 else { return nil }
        let seed = map.bits(c, "lake/seed")
        return Lake(id: StableSeed.of("lake/\(c.i)/\(c.j)"), center: centre, radius: radius, seed: seed) { map.terrain.height($0, $1) }
    }

    // MARK: - River

    static func river(_ map: WorldMap, _ c: WorldMap.CellKey) -> CellRiver? {
        let odds = Odds(map.recipe)
        let bits = map.bits(c, "river")
        guard bits.unit(0) < odds.river else { return nil }
        let terrain = map.terrain
        // Source: the highest of a few points in the cell's middle.
        var source = map.centre(c), best = -Float.infinity
        var r = SplitMix64(seed: bits)
        for _ in 0..<6 {
            let p = map.centre(c) + Vec2(Float(r.next() >> 40) / 16_777_216 - 0.5, Float(r.next() >> 40) / 16_777_216 - 0.5) * WorldMap.cellSize * 0.6
            let h = terrain.height(p.x, p.y)
            if h > best { best = h; source = p }
        }
        guard best > WorldMap.seaLevel + 4 else { return nil }
        let lakes = map.lakes(near: source, cells: 2)
        guard !lakes.contains(where: { $0.covers(source.x, source.y) }) else { return nil }
        let homeEdge = map.homeHalf + 40
        let walk = RiverCourse.descend(from: source, ground: { terrain.height($0, $1) }, lakes: lakes) { p in
            max(abs(p.x), abs(p.y)) < homeEdge
        }
        guard walk.line.count >= 12 else { return nil }
        let path = resample(RiverCourse.smooth(RiverCourse.smooth(walk.line)), step: 3)
        var pond: Lake?
        if walk.lake == nil, !walk.sea, let end = path.last {
            pond = Lake(id: StableSeed.of("pond/\(c.i)/\(c.j)"), center: end, radius: 10, seed: map.bits(c, "pond")) { terrain.height($0, $1) }
        }
        let all = lakes + (pond.map { [$0] } ?? [])
        let stop = walk.lake?.level ?? pond?.level ?? WorldMap.seaLevel
        let bed = RiverCourse.bed(path, ground: { x, z in all.reduce(terrain.height(x, z)) { $1.carve(x, z, $0) } },
                                  stopLevel: stop, lake: walk.lake ?? pond, sea: walk.sea)
        guard bed.points.count > 8 else { return nil }
        return CellRiver(line: Polyline(id: StableSeed.of("river/\(c.i)/\(c.j)"), points: bed.points, values: bed.beds), pond: pond)
    }

    // MARK: - Sites

    /// Structures that recur away from home with their weights: the prompt's own kinds four
    /// times as often, coastal ones only near a coast.
    static func landmarkWeights(_ r: Recipe, coastal: Bool) -> [(Structure, Float)] {
        Structure.all.filter { $0.recurrence > 0 && (coastal || !$0.coastal) }.map { k in
            (k, k.feature.map { r.has($0) } == true ? k.recurrence * 4 : k.recurrence)
        }
    }

    static func sites(_ map: WorldMap, _ c: WorldMap.CellKey) -> CellSites {
        let recipe = map.recipe
        let odds = Odds(recipe)
        let bits = map.bits(c, "sites")
        let forced = map.roadCells.contains(c)
        let terrain = map.terrain
        let centre = map.centre(c)
        // Water this cell's structures keep clear of: lakes and rivers that can reach it.
        let lakes = map.lakes(near: centre, cells: 1)
        var riverPoints: [Vec2] = [], ponds: [Lake] = []
        for j in (c.j - 2)...(c.j + 2) {
            for i in (c.i - 2)...(c.i + 2) {
                guard let r = map.river(WorldMap.CellKey(i, j)) else { continue }
                riverPoints += r.line.points.filter { abs($0.x - centre.x) < 200 && abs($0.y - centre.y) < 200 }
                if let p = r.pond { ponds.append(p) }
            }
        }
        let water = lakes + ponds
        func ground(_ x: Float, _ z: Float) -> Float { water.reduce(terrain.height(x, z)) { $1.carve(x, z, $0) } }
        func waterLevel(_ x: Float, _ z: Float) -> Float? {
            for l in water where l.covers(x, z) { return l.level }
            return terrain.coast.nearSea(x, z) ? WorldMap.seaLevel : nil
        }
        let context = PlacementContext(half: WorldMap.cellSize * 0.42, ground: ground,
                                       isWet: { x, z, m in waterLevel(x, z).map { ground(x, z) < $0 + m } ?? false },
                                       slope: { p in
                                           let gx = (ground(p.x + 1, p.y) - ground(p.x - 1, p.y)) / 2, gz = (ground(p.x, p.y + 1) - ground(p.x, p.y - 1)) / 2
                                           return (gx * gx + gz * gz).squareRoot()
                                       }, waterLevel: waterLevel)
        var placer = SitePlacer(context: context, rng: PCG32(seed: bits, stream: 0x517E), river: riverPoints,
                                idPrefix: "cell/\(c.i)/\(c.j)", naming: .positional, centre: centre)
        var out = CellSites()
        if forced || bits.unit(0) < odds.village {
            // Hamlets and villages: three to nine houses round a square.
            placer.village(houses: 3 + Int(bits.unit(24) * 7), tries: 24, lake: water.first, seaward: nil)
            out.hub = placer.villageCenter
        }
        if out.hub == nil, forced || bits.unit(40) < odds.landmark {
            let coastal = terrain.coast.landness(centre.x, centre.y) < 300
            let weights = landmarkWeights(recipe, coastal: coastal)
            var pick = SplitMix64.mix(bits).unit(8) * weights.reduce(0) { $0 + $1.1 }
            var kind = weights[0].0
            for (k, w) in weights { if pick < w { kind = k; break }; pick -= w }
            if placer.pick(kind: kind, centre: centre, spread: WorldMap.cellSize * 0.3, tries: 16, score: { ground($0.x, $0.y) * 0.1 }) {
                out.hub = placer.sites.last?.position
            }
        }
        out.sites = placer.sites.map { s in
            var s = s
            s.padHeight = ground(s.position.x, s.position.y)
            return s
        }
        return out
    }
}
