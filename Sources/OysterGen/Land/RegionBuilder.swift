import OysterCore

/// Builds one region of the world into a scene: terrain with painted ground, water (lakes, the
/// sea, rivers, waterfalls), buildings on their sites, vegetation and rocks. Everything comes
/// from the world's features and lattice, so two regions agree wherever they overlap.
struct RegionBuilder {
    let map: WorldMap
    let region: Region
    let features: LocalFeatures
    let grid: GroundGrid
    let cover: GroundCover
    var recipe: Recipe { map.recipe }

    init(map: WorldMap, region: Region) {
        self.map = map
        self.region = region
        features = map.features(minX: region.minX, minZ: region.minZ, maxX: region.maxX, maxZ: region.maxZ)
        grid = GroundGrid(features: features, gi0: region.i0, gj0: region.j0, gi1: region.i1, gj1: region.j1, spacing: region.spacing)
        cover = GroundCover(recipe: map.recipe, shape: map.terrain.home, volcano: map.terrain.volcano)
    }

    /// The water surface a sample sees: a lake's or the sea's, else its river's.
    func water(_ k: Int, _ x: Float, _ z: Float) -> Float {
        features.waterLevel(x, z) ?? (grid.river[k] < 8 ? grid.riverSurface[k] - 1 : -.infinity)
    }

    // MARK: - Terrain

    /// The terrain mesh of the region. With `skirt`, its border hangs a few metres down, so a
    /// coarser horizon beyond never shows a crack.
    func terrain(into a: inout SceneAssembler, skirt: Bool = false) {
        let r = region
        let nx = r.i1 - r.i0 + 1, nz = r.j1 - r.j0 + 1
        precondition(nx == nz, "regions are square")
        let n = nx
        let kc = cover.kinds.count
        var positions = [Vec3](repeating: .zero, count: n * n)
        var normals = positions
        var weights = [Float](repeating: 0, count: n * n * kc)
        var shade = [Float](repeating: 0, count: n * n)
        let terrainField = map.terrain
        let varied = !terrainField.farBiomes.isEmpty
        var biomes = [Biome](repeating: recipe.biome, count: varied ? n * n : 0)
        let town = townSquare
        for jj in 0..<n {
            for ii in 0..<n {
                let i = r.i0 + ii, j = r.j0 + jj
                let k = grid.k(i, j)
                let x = Float(i) * r.spacing, z = Float(j) * r.spacing, h = grid.heights[k]
                let v = jj * n + ii
                positions[v] = Vec3(x, h, z)
                let nor = grid.normal(i, j)
                normals[v] = nor
                let slope = (1 - nor.y * nor.y).squareRoot() / max(nor.y, 0.05)
                let water = self.water(k, x, z)
                let roadD = grid.road[k]
                let road = roadD.isFinite ? 1 - smoothstep(LocalFeatures.roadHalfWidth * 0.7, LocalFeatures.roadHalfWidth * 1.3, roadD) : 0
                var above = h - water
                if grid.river[k] < LocalFeatures.riverHalfWidth * 2.2 { above = min(above, 0.5) }
                let b = varied ? terrainField.biome(x, z) : recipe.biome
                if varied { biomes[v] = b }
                let paved = town.map { townPaving($0, x, z, roadD: roadD) } ?? 0
                let w = cover.weights(.init(height: h, slope: slope, aboveWater: above, deposit: grid.deposit(i, j), road: road, x: x, z: z, paved: paved), biome: b)
                for c in 0..<kc { weights[v * kc + c] = w[c] }
                // Gullies (negative curvature) and deep water darken a little.
                let lap = (grid.h(i - 1, j) + grid.h(i + 1, j) + grid.h(i, j - 1) + grid.h(i, j + 1)) * 0.25 - h
                shade[v] = clamp(lap * 0.12, 0, 0.25) + (above < 0 ? clamp(-above * 0.08, 0, 0.4) : 0)
            }
        }
        var mesher = TerrainMesher(side: n, positions: positions, normals: normals, weights: weights, shade: shade)
        mesher.kinds = cover.kinds
        if varied { mesher.biomes = biomes }
        let mesh = mesher.build(name: "Terrain", biome: recipe.biome, season: recipe.season, skirt: skirt ? 4 : 0) { a.material($0) }
        let m = a.addMesh(mesh)
        var node = Node(name: "Terrain", role: .terrain)
        node.mesh = m
        a.add(node, under: nil)
    }

    // MARK: - Water

    func water(into a: inout SceneAssembler) {
        let r = region
        var bodies: [(name: String, body: MeshBuilder, lake: Bool, swell: Float)] = []
        let ground: (Float, Float) -> Float = { grid.height($0, $1) }
        for lake in features.lakes {
            // On the world's 2 m water lattice, clipped to the region.
            let reach = lake.radius * 1.7
            let lo = Vec2(max(r.minX, ((lake.center.x - reach) / 2).rounded(.down) * 2), max(r.minZ, ((lake.center.y - reach) / 2).rounded(.down) * 2))
            let hi = Vec2(min(r.maxX, ((lake.center.x + reach) / 2).rounded(.up) * 2), min(r.maxZ, ((lake.center.y + reach) / 2).rounded(.up) * 2))
            guard lo.x < hi.x, lo.y < hi.y else { continue }
            let sheet = WaterMesh.sheet(level: lake.level, minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y, spacing: 2, ground: ground,
                                        keep: { length(Vec2($0, $1) - lake.center) < lake.radius * 1.3 })
            guard !sheet.isEmpty else { continue }
            let name = lake.isHome ? "Lake" : "Lake_\(Int(lake.center.x.rounded()))_\(Int(lake.center.y.rounded()))"
            bodies.append((name, sheet, true, 0.04))
        }
        let coast = map.terrain.coast
        if coast.nearSea(r.minX, r.minZ) || coast.nearSea(r.maxX, r.maxZ) || coast.nearSea(r.minX, r.maxZ) || coast.nearSea(r.maxX, r.minZ) {
            let sheet = WaterMesh.sheet(level: WorldMap.seaLevel, minX: r.minX, minZ: r.minZ, maxX: r.maxX, maxZ: r.maxZ, spacing: 4, ground: ground,
                                        keep: { coast.nearSea($0, $1) })
            if !sheet.isEmpty { bodies.append(("Sea", sheet, false, 0.12)) }
        }
        for river in features.rivers {
            // The segments whose start lies in the region; tangents and UVs from the whole line.
            let pts = zip(river.points, river.values).map { (p: $0, surface: $1 + 0.7) }
            let owned = pts.indices.dropLast().filter { r.owns(pts[$0].p.x, pts[$0].p.y) }
            guard !owned.isEmpty else { continue }
            let ribbon = WaterMesh.ribbon(pts, halfWidth: LocalFeatures.riverHalfWidth * 1.35, segments: owned)
            let name = river.id == StableSeed.of("home/river") ? "River" : "River_\(Int(river.points[0].x.rounded()))_\(Int(river.points[0].y.rounded()))"
            bodies.append((name, ribbon, true, 0.04))
        }
        for (k, f) in features.waterfalls.enumerated() where r.owns(f.top.x, f.top.z) {
            bodies.append((k == 0 ? "Waterfall" : "Waterfall_\(k + 1)", WaterMesh.curtain(top: f.top, bottom: f.bottom, direction: f.direction, width: f.width), false, 0))
        }
        guard !bodies.isEmpty else { return }
        // A frozen world, or winter: lakes and rivers are ice (the sea and a falling curtain
        // stay water).
        let frozen = recipe.moods.contains(.frozen) || recipe.season == .winter
        let group = a.group(.water)
        for body in bodies {
            var b = body.body
            let iced = frozen && body.lake
            if iced { b.retag(.water, as: .ice) }
            let name = iced ? "Ice_" + body.name : body.name
            guard let m = a.addMesh(b, name: name) else { continue }
            var node = Node(name: name, role: iced ? .ice : .water)
            node.mesh = m
            let n = a.add(node, under: group)
            // A slow swell: the surface rises and falls a few centimetres (not under ice).
            if body.swell > 0 && !iced {
                let amp = body.swell
                a.animate("Water", node: n, path: .translation, times: [0, 2, 4, 6, 8],
                          values: [0, 0, 0, 0, amp, 0, 0, 0, 0, 0, -amp, 0, 0, 0, 0])
            }
        }
    }
}
