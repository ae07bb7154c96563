import OysterCore

/// Roads: graded centre lines between places. Within home, lanes join the square to each door
/// and landmark; between cells, a road joins the hubs (village squares or landmarks) of
/// neighbouring cells. Each road between two cells is owned by the cell with the lower
/// coordinates, so a region collects every road that can reach it exactly once.
enum RoadNetwork {
    /// Grades `path`: points in water are dropped (the road stops at the bank, so a line never
    /// spans the water), and each remaining run gets the ground's height smoothed along it, so
    /// it climbs gently. One polyline per dry run.
    static func grade(_ path: [Vec2], id: UInt64, height: (Float, Float) -> Float, isWet: (Float, Float) -> Bool) -> [Polyline] {
        let pts = resample(path, step: 2)
        var runs: [[Vec2]] = [[]]
        for p in pts {
            if isWet(p.x, p.y) { if !runs[runs.count - 1].isEmpty { runs.append([]) } } else { runs[runs.count - 1].append(p) }
        }
        var out: [Polyline] = []
        for (k, run) in runs.enumerated() where run.count > 1 {
            let raw = run.map { height($0.x, $0.y) }
            let smooth = raw.indices.map { i -> Float in
                let lo = max(0, i - 6), hi = min(raw.count - 1, i + 6)
                return raw[lo...hi].reduce(0, +) / Float(hi - lo + 1)
            }
            out.append(Polyline(id: id &+ UInt64(k), points: run, values: smooth))
        }
        return out
    }

    /// The hub of a cell (home's for home cells).
    static func hub(_ map: WorldMap, _ c: WorldMap.CellKey) -> Vec2? {
        map.isHome(c) ? map.home.hub : map.sites(c).hub
    }

    /// Roads owned by cell `c`: to its +x and +z neighbours, and into home for the four cells
    /// straight beside it (home counts as one node; it owns nothing itself). Every road between
    /// two hubs thus has exactly one owner, found from either end.
    static func roads(_ map: WorldMap, from c: WorldMap.CellKey) -> [Polyline] {
        guard !map.isHome(c), let from = hub(map, c) else { return [] }
        var ends: [(WorldMap.CellKey, Vec2)] = []
        for n in [WorldMap.CellKey(c.i + 1, c.j), WorldMap.CellKey(c.i, c.j + 1)] where !map.isHome(n) {
            if let h = hub(map, n) { ends.append((n, h)) }
        }
        let k = map.homeCells + 1
        let besideHome = (c.j == 0 && abs(c.i) == k) || (c.i == 0 && abs(c.j) == k)
        if besideHome, let h = map.home.entry(from: from) { ends.append((WorldMap.CellKey(0, 0), h)) }
        return ends.flatMap { n, to in road(map, from: from, to: to, id: StableSeed.of("road/\(c.i)/\(c.j)/\(n.i)/\(n.j)")) }
    }

    /// A meandering road between two hubs, graded on the ground near it.
    static func road(_ map: WorldMap, from a: Vec2, to b: Vec2, id: UInt64) -> [Polyline] {
        let path = meander(from: a, to: b, amplitude: min(60, length(b - a) * 0.15), seed: map.recipe.seed ^ id)
        let lo = pointwiseMin(a, b), hi = pointwiseMax(a, b)
        // The ground the road is graded on: lakes and pads, without other roads (no feedback).
        let near = map.features(minX: lo.x - 70, minZ: lo.y - 70, maxX: hi.x + 70, maxZ: hi.y + 70, roadsToo: false)
        return grade(path, id: id, height: { x, z in near.beforeRoads(x, z) }) { x, z in
            let h = near.afterLakes(x, z, base: map.terrain.height(x, z))
            if let w = near.waterLevel(x, z), h < w { return true }
            return (near.riverIndex.nearest(x, z)?.distance ?? .infinity) < LocalFeatures.riverHalfWidth * 2
        }
    }
}
