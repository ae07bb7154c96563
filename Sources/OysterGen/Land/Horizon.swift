import OysterCore

/// Land to the horizon round a region: the same world's ground (base terrain, lakes and the
/// sea), on rings of samples round the region whose cells grow with their distance from it
/// (`HorizonRings`) out to `reach` metres, with woods as a dark canopy raised over the ground.
/// A few thousand triangles let every establishing camera see land, not the region's edge.
struct Horizon {
    let map: WorldMap
    let region: Region
    /// How far out the land goes from the origin (metres).
    var reach: Float = 2400
    /// Metres between samples along the region's border; rings outwards are spaced as their
    /// samples are (`HorizonRings`).
    var spacing: Float = 16
    /// When set, the land goes this far past the region on every side (a streamed view's
    /// horizon round its tiles) instead of to `reach` from the origin.
    var beyond: Float?

    /// The sample rings this horizon's land is built on.
    var rings: HorizonRings {
        let r = region
        let distance = beyond ?? (reach - min(r.maxX, r.maxZ, -r.minX, -r.minZ))
        return HorizonRings(region: r, distance: max(distance, spacing), spacing: spacing)
    }

    func build(into a: inout SceneAssembler) {
        let recipe = map.recipe
        let rings = self.rings
        let nx = rings.columns, nz = rings.rows
        let terrain = map.terrain
        let cover = GroundCover(recipe: recipe, shape: terrain.home, volcano: terrain.volcano)
        let density = recipe.feature(.forest)?.density ?? (recipe.has(.forest) ? 0.55 : 0.12)
        let woods = Fractal(seed: recipe.seed ^ StableSeed.of("vegetation/woods"), octaves: 3)
        let kc = cover.kinds.count
        let basalt = cover.kinds.firstIndex(of: .basalt)
        // Heights: base ground with the lakes of the sample's cell (lakes stay in their cell).
        let samples: [Float] = Parallel.map(nx * nz) { k in
            let p = rings.points[k]
            var h = terrain.height(p.x, p.y)
            for lake in map.lakes(near: p, cells: 0) { h = lake.carve(p.x, p.y, h) }
            return h
        }
        let ground = (0..<(nx * nz)).map { Vec3(rings.points[$0].x, samples[$0], rings.points[$0].y) }
        var positions = [Vec3](repeating: .zero, count: nx * nz), normals = positions
        var weights = [Float](repeating: 0, count: nx * nz * kc), shade = [Float](repeating: 0, count: nx * nz)
        var water = [Float](repeating: -.infinity, count: nx * nz)
        let varied = !terrain.farBiomes.isEmpty
        var biomes = [Biome](repeating: recipe.biome, count: varied ? nx * nz : 0)
        for j in 0..<nz {
            for i in 0..<nx {
                let k = j * nx + i
                let x = ground[k].x, z = ground[k].z, h = samples[k]
                // The ground's normal from the neighbouring samples round the ring (the last
                // column is the first again) and across the rings.
                let il = i > 0 ? i - 1 : nx - 2, ir = i < nx - 1 ? i + 1 : 1
                let jd = max(j - 1, 0), ju = min(j + 1, nz - 1)
                let along = ground[j * nx + ir] - ground[j * nx + il], outwards = ground[ju * nx + i] - ground[jd * nx + i]
                var n = normalize(cross(outwards, along))
                if n.y < 0 { n = -n }
                let level = map.lakes(near: Vec2(x, z), cells: 0).first { $0.covers(x, z) }?.level
                    ?? (terrain.coast.nearSea(x, z) ? WorldMap.seaLevel : nil)
                water[k] = level ?? -.infinity
                let slope = (n.x * n.x + n.z * n.z).squareRoot() / max(n.y, 0.05)
                let b = varied ? terrain.biome(x, z) : recipe.biome
                if varied { biomes[k] = b }
                var w = cover.weights(.init(height: h, slope: slope, aboveWater: h - water[k], deposit: 0, road: 0, x: x, z: z), biome: b)
                // Woods seen from afar: a canopy a few metres over the ground, darker than grass
                // (none in a desert, whose plants stand alone).
                let away = rings.offsets[j]
                let canopy = smoothstep(0.15, 0.35, woods.fbm(x / 70, z / 70) + (density - 0.5) * 0.9)
                    * smoothstep(20, 160, away) * (h > water[k] + 1 && h < cover.snowline(b) && slope < 0.8 && b != .desert ? 1 : 0)
                    * (cover.volcano.map { 1 - smoothstep(0.05, 0.3, $0.upness(x, z)) } ?? 1)
                w[0] += canopy * 3
                // Coarse cells turn a steep strip into one big rock triangle: rock only where
                // it dominates clearly.
                w[3] *= 0.35
                if let basalt { w[basalt] *= 0.35 }
                positions[k] = Vec3(x, h + canopy * 7, z)
                normals[k] = n
                for c in 0..<kc { weights[k * kc + c] = w[c] }
                // Woods darker than meadows; ground under water darker with depth, as in regions.
                let depth = water[k] - h
                shade[k] = max(canopy * 0.35, depth > 0 ? clamp(depth * 0.08, 0, 0.4) : 0)
            }
        }
        var mesher = TerrainMesher(columns: nx, rows: nz, positions: positions, normals: normals, weights: weights, shade: shade)
        if varied { mesher.biomes = biomes }
        mesher.kinds = cover.kinds
        mesher.cutsBetweenKinds = true
        let mesh = mesher.build(name: "Horizon", biome: recipe.biome, season: recipe.season) { a.material($0) }
        let m = a.addMesh(mesh)
        var node = Node(name: "Horizon", role: .terrain)
        node.mesh = m
        a.add(node, under: nil)

        if beyond != nil { skirt(rings: rings, positions: positions, weights: weights, kinds: cover.kinds, into: &a) }

        // Water to the horizon: a quad per flooded cell at its lake's or the sea's level.
        var b = MeshBuilder()  // far lakes and the sea, as open water
        for j in 0..<(nz - 1) {
            for i in 0..<(nx - 1) {
                let ks = [j * nx + i, j * nx + i + 1, (j + 1) * nx + i, (j + 1) * nx + i + 1]
                let level = ks.map { water[$0] }.max()!
                guard level.isFinite, ks.contains(where: { samples[$0] < level }) else { continue }
                let v = ks.map { k in
                    let p = rings.points[k]
                    return b.vertex(.water, Vec3(p.x, level, p.y), normal: Vec3(0, 1, 0), uv: Vec2(p.x / 4, p.y / 4))
                }
                b.triangle(.water, v[0], v[2], v[1])
                b.triangle(.water, v[1], v[2], v[3])
            }
        }
        if !b.isEmpty {
            if let wm = a.addMesh(b, name: "Horizon_Water") {
                var wn = Node(name: "Horizon_Water", role: .water)
                wn.mesh = wm
                a.add(wn, under: a.group(.water))
            }
        }
    }

    /// Round a streamed view's tiles: a wall hanging `Horizon.skirtDepth` metres down from the
    /// land's inner edge. The tiles' edge follows the ground every few metres and this edge
    /// every 16, so where a tile's edge dips below it, sky would show through the crack; the
    /// wall closes it (the tiles cannot carry skirts of their own without changing their bytes).
    /// Each stretch takes the ground cover strongest at its top.
    func skirt(rings: HorizonRings, positions: [Vec3], weights: [Float], kinds: [SurfaceKind], into a: inout SceneAssembler) {
        let kc = kinds.count
        var b = MeshBuilder()
        // Ring 0 is the land's inner edge, round the region.
        for i in 0..<(rings.columns - 1) {
            let k0 = i, k1 = i + 1
            let top = [positions[k0], positions[k1]]
            let strongest = (0..<kc).max { weights[k0 * kc + $0] < weights[k0 * kc + $1] } ?? 0
            let kind = kinds[strongest]
            let v = (top + top.map { $0 - Vec3(0, Self.skirtDepth, 0) }).map { p in
                b.vertex(kind, p, normal: Vec3(0, 1, 0), uv: Vec2((p.x + p.y) / 4, (p.z + p.y) / 4))
            }
            // Both windings: the wall is seen from inside the hole whichever side it is on.
            b.triangle(kind, v[0], v[1], v[2]); b.triangle(kind, v[1], v[3], v[2])
            b.triangle(kind, v[0], v[2], v[1]); b.triangle(kind, v[1], v[2], v[3])
        }
        guard !b.isEmpty, let m = a.addMesh(b, name: "Horizon_Skirt") else { return }
        var node = Node(name: "Horizon_Skirt", role: .terrain)
        node.mesh = m
        a.add(node, under: nil)
    }

    /// How far the wall round a streamed view's tiles hangs below the land's edge (metres).
    static let skirtDepth: Float = 10
}
