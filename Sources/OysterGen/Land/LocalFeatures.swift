import OysterCore

/// Everything laid on the ground near one rectangle of the world — lakes, building pads, roads
/// and rivers — and the per-point rule that applies them. Both the region grid and single-point
/// queries use `sample`, and the features come from the world's cells in a fixed (id) order, so
/// a point gets the same ground whichever region asks.
struct LocalFeatures: Sendable {
    var lakes: [Lake]
    var sites: [Site]
    var rivers: [Polyline]
    var roads: [Polyline]
    /// Waterfalls on the rivers: top, bottom, direction, width.
    var waterfalls: [Waterfall]
    let riverIndex: SegmentIndex
    let roadIndex: SegmentIndex
    let terrain: WorldTerrain

    static let roadHalfWidth: Float = 1.8
    static let roadOuter: Float = roadHalfWidth * 2.2
    static let riverHalfWidth: Float = 2.2
    static let riverBank: Float = riverHalfWidth * 3

    init(terrain: WorldTerrain, lakes: [Lake], sites: [Site], rivers: [Polyline], roads: [Polyline], waterfalls: [Waterfall]) {
        self.terrain = terrain
        self.lakes = lakes.sorted { $0.id < $1.id }
        self.sites = sites.sorted { $0.id < $1.id }
        self.rivers = rivers.sorted { $0.id < $1.id }
        self.roads = roads.sorted { $0.id < $1.id }
        self.waterfalls = waterfalls
        riverIndex = SegmentIndex(self.rivers, radius: LocalFeatures.riverBank * 1.3)
        roadIndex = SegmentIndex(self.roads, radius: LocalFeatures.roadOuter)
    }

    /// The ground at one point, with what the ground cover and scattering need to know.
    struct Sample: Sendable {
        var height: Float
        /// Distance to the nearest road centre line (∞ beyond its verge).
        var road: Float
        /// Distance to the nearest river centre line (∞ beyond its banks).
        var river: Float
        /// Water surface of that river there.
        var riverSurface: Float
    }

    /// Base ground with lake basins carved.
    func afterLakes(_ x: Float, _ z: Float, base: Float) -> Float {
        var h = base
        for lake in lakes { h = lake.carve(x, z, h) }
        return h
    }

    /// Ground with lakes carved and building pads flattened: what roads are graded on.
    func beforeRoads(_ x: Float, _ z: Float) -> Float {
        var h = afterLakes(x, z, base: terrain.height(x, z))
        let p = Vec2(x, z)
        for s in sites where s.kind.flattens {
            let d = OysterCore.length(p - s.position)
            if d < s.radius + 4 { h = mix(h, s.padHeight, 1 - smoothstep(s.radius, s.radius + 4, d)) }
        }
        return h
    }

    /// Ground at (x, z): lakes carved, building pads flattened, roads graded, river beds cut,
    /// in that order (each in id order), starting from the base height `base`.
    func sample(_ x: Float, _ z: Float, base: Float) -> Sample {
        var h = afterLakes(x, z, base: base)
        let p = Vec2(x, z)
        for s in sites where s.kind.flattens {
            let d = OysterCore.length(p - s.position)
            let outer = s.radius + 4
            guard d < outer else { continue }
            h = mix(h, s.padHeight, 1 - smoothstep(s.radius, outer, d))
        }
        var road = Float.infinity
        if let r = roadIndex.nearest(x, z) {
            road = r.distance
            let w = 1 - smoothstep(LocalFeatures.roadHalfWidth, LocalFeatures.roadOuter, r.distance)
            h = mix(h, r.value - 0.08, w)
        }
        var river = Float.infinity, surface = -Float.infinity
        if let r = riverIndex.nearest(x, z), r.distance <= LocalFeatures.riverBank {
            river = r.distance
            surface = r.value + 0.7
            let t = r.distance / LocalFeatures.riverBank
            h = min(h, r.value + 3.2 * t * t)
        }
        return Sample(height: h, road: road, river: river, riverSurface: surface)
    }

    /// Final ground height at a point.
    func height(_ x: Float, _ z: Float) -> Float { sample(x, z, base: terrain.height(x, z)).height }

    /// The still-water surface at (x, z): a lake's level within its shore, else the sea's
    /// where a coast is near; nil elsewhere (rivers are `Sample.riverSurface`).
    func waterLevel(_ x: Float, _ z: Float) -> Float? {
        for lake in lakes where lake.covers(x, z) { return lake.level }
        return terrain.coast.nearSea(x, z) ? WorldMap.seaLevel : nil
    }
}

/// A river falling over a step in its bed.
struct Waterfall: Sendable {
    var top: Vec3
    var bottom: Vec3
    var direction: Vec2
    var width: Float
}
