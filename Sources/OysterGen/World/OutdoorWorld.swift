import OysterCore

/// The finite outdoor world: eroded terrain with painted ground, water bodies, scattered
/// vegetation and rocks, buildings on their sites.
struct OutdoorWorld {
    let recipe: Recipe
    var layout: WorldLayout
    let cover: GroundCover

    init(recipe: Recipe) {
        self.recipe = recipe
        layout = WorldLayout(recipe: recipe)
        cover = GroundCover(recipe: recipe, shape: layout.shape)
    }

    // MARK: - Terrain

    func terrainMesh(into a: inout SceneAssembler) -> Int {
        let hf = layout.hf
        let n = hf.side
        var positions = [Vec3](repeating: .zero, count: n * n)
        var normals = positions
        var weights = [Float](repeating: 0, count: n * n * GroundCover.kinds.count)
        var shade = [Float](repeating: 0, count: n * n)
        let kc = GroundCover.kinds.count
        for j in 0..<n {
            for i in 0..<n {
                let k = j * n + i
                let x = hf.worldX(i), z = hf.worldZ(j), h = hf[i, j]
                positions[k] = Vec3(x, h, z)
                let nor = hf.normal(i, j)
                normals[k] = nor
                let slope = (1 - nor.y * nor.y).squareRoot() / max(nor.y, 0.05)
                let water = layout.waterLevel(x, z) ?? (layout.riverDistance[k] < 8 ? h - 0.3 : -.infinity)
                let roadD = layout.roadDistance[k]
                let road = roadD.isFinite ? 1 - smoothstep(WorldLayout.roadHalfWidth * 0.7, WorldLayout.roadHalfWidth * 1.3, roadD) : 0
                var above = h - water
                if layout.riverDistance[k] < WorldLayout.riverHalfWidth * 2.2 { above = min(above, 0.5) }
                let w = cover.weights(.init(height: h, slope: slope, aboveWater: above, deposit: layout.deposit[k],
                                            road: road, x: x, z: z))
                for c in 0..<kc { weights[k * kc + c] = w[c] }
                // Gullies (negative curvature) and deep water darken a little.
                let lap = (hf[max(i - 1, 0), j] + hf[min(i + 1, n - 1), j] + hf[i, max(j - 1, 0)] + hf[i, min(j + 1, n - 1)]) * 0.25 - h
                shade[k] = clamp(lap * 0.12, 0, 0.25) + (above < 0 ? clamp(-above * 0.08, 0, 0.4) : 0)
            }
        }
        let mesher = TerrainMesher(side: n, positions: positions, normals: normals, weights: weights, shade: shade)
        let mesh = mesher.build(name: "Terrain", biome: recipe.biome) { a.material($0) }
        let m = a.addMesh(mesh)
        var node = Node(name: "Terrain", role: .terrain)
        node.mesh = m
        return a.add(node, under: nil)
    }

    // MARK: - Water

    func water(into a: inout SceneAssembler) {
        let hf = layout.hf
        let half = recipe.size / 2
        var bodies: [(String, MeshBuilder)] = []
        if let lake = layout.plan.lake, let level = layout.lakeLevel {
            let r = lake.radius * 1.7
            let sheet = WaterMesh.sheet(level: level, minX: max(-half, lake.center.x - r), minZ: max(-half, lake.center.y - r),
                                        maxX: min(half, lake.center.x + r), maxZ: min(half, lake.center.y + r), spacing: 2,
                                        ground: { hf.height($0, $1) }, from: lake.center,
                                        keep: { length(Vec2($0, $1) - lake.center) < lake.radius * 1.3 })
            bodies.append(("Lake", sheet))
        }
        if layout.plan.seaDirection != nil || layout.plan.island {
            let sheet = WaterMesh.sheet(level: WorldPlan.seaLevel, minX: -half, minZ: -half, maxX: half, maxZ: half, spacing: 4,
                                        ground: { hf.height($0, $1) })
            bodies.append(("Sea", sheet))
        }
        if !layout.river.isEmpty {
            bodies.append(("River", WaterMesh.ribbon(layout.river, halfWidth: WorldLayout.riverHalfWidth * 1.35)))
        }
        if let f = layout.waterfall {
            bodies.append(("Waterfall", WaterMesh.curtain(top: f.top, bottom: f.bottom, direction: f.direction, width: f.width)))
        }
        guard !bodies.isEmpty else { return }
        // A frozen world: lakes and rivers are ice (the sea and a falling curtain stay water).
        let frozen = recipe.moods.contains(.frozen)
        let group = a.group(.water)
        for (name, body) in bodies {
            var b = body
            let iced = frozen && (name == "Lake" || name == "River")
            if iced { b.retag(.water, as: .ice) }
            guard let m = a.addMesh(b, name: iced ? "Ice_" + name : name) else { continue }
            var node = Node(name: iced ? "Ice_" + name : name, role: iced ? .ice : .water)
            node.mesh = m
            let n = a.add(node, under: group)
            // A slow swell: the surface rises and falls a few centimetres (not under ice).
            if name != "Waterfall" && !iced {
                let amp: Float = name == "Sea" ? 0.12 : 0.04
                a.animate("Water", node: n, path: .translation, times: [0, 2, 4, 6, 8],
                          values: [0, 0, 0, 0, amp, 0, 0, 0, 0, 0, -amp, 0, 0, 0, 0])
            }
        }
    }

    // MARK: - Vegetation and rocks

    /// Species that grow in this biome (recipe species first).
    var species: [Species] { OutdoorSpecies(recipe: recipe).kinds }

    func canGrow(_ p: Vec2, clearance: Float) -> Bool {
        let hf = layout.hf
        let half = recipe.size / 2
        guard abs(p.x) < half - 1, abs(p.y) < half - 1 else { return false }
        if layout.isWet(p.x, p.y, margin: 0.6) { return false }
        let c = hf.nearest(p.x, p.y)
        let k = c.j * hf.side + c.i
        if layout.roadDistance[k] < WorldLayout.roadHalfWidth + clearance { return false }
        if layout.riverDistance[k] < WorldLayout.riverHalfWidth * 2 + clearance { return false }
        for s in layout.sites where length(s.position - p) < s.radius + clearance + (s.kind == .pier ? 14 : 1) { return false }
        return true
    }

    mutating func vegetation(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let hf = layout.hf
        let half = recipe.size / 2
        let forest = recipe.feature(.forest)
        let density = forest?.density ?? (forest == nil ? 0.12 : 0.55)
        let mask = Fractal(seed: recipe.seed ^ 0xF0E5, octaves: 3)
        let kinds = species
        let detail = recipe.detail
        let variants = detail == .low ? 2 : 3
        var batches: [String: [(Vec3, Float, Float)]] = [:]
        var batchKits: [String: (KitModel, String)] = [:]
        var counter: [String: Int] = [:]
        let treeCell: Float = 9 - 5 * density
        let trees = Scatter(seed: recipe.seed, salt: 0x7EE5, cell: treeCell, minDistance: treeCell * 0.55)
        let snowline = cover.snowline
        for c in trees.points(minX: -half, minZ: -half, maxX: half, maxZ: half) {
            let p = c.position
            // Forest clumps: noise decides where woods are; density shifts the threshold.
            // Woods and clearings: noise decides where; density moves the tree line.
            let m = mask.fbm(p.x / 70, p.y / 70) + (density - 0.5) * 0.9
            guard m > 0.05 + c.bits.unit(40) * 0.2 else { continue }
            guard canGrow(p, clearance: 1.5), hf.slope(p.x, p.y) < 0.8 else { continue }
            let h = hf.height(p.x, p.y)
            if h > snowline + 6 { continue }
            var sp = kinds[Int(c.bits.unit(8) * Float(kinds.count)) % kinds.count]
            if h > snowline - 10, sp != .pine, sp != .fir, kinds.contains(.pine) { sp = .pine }
            let variant = Int(c.bits >> 60) % variants
            let key = "tree/\(sp.rawValue)/\(variant)"
            if batchKits[key] == nil {
                batchKits[key] = (KitCatalog.tree(sp, seed: recipe.seed ^ UInt64(variant * 7919 + sp.rawValue.count), detail: detail), sp.rawValue.capitalized)
            }
            batches[key, default: []].append((Vec3(p.x, h - 0.1, p.y), c.bits.unit(20) * 2 * .pi, 0.8 + 0.45 * c.bits.unit(32)))
        }
        // An oasis: in dry land, water draws a ring of palms and bushes to its low shore.
        if recipe.biome == .desert, let lake = layout.plan.lake {
            let ring = Scatter(seed: recipe.seed, salt: 0x0A5E, cell: 4.5, minDistance: 3)
            let reach = lake.radius * 1.8
            for c in ring.points(minX: lake.center.x - reach, minZ: lake.center.y - reach, maxX: lake.center.x + reach, maxZ: lake.center.y + reach) {
                let p = c.position
                guard length(p - lake.center) < reach, layout.isWet(p.x, p.y, margin: 3.5), canGrow(p, clearance: 1) else { continue }
                let palm = c.bits.unit(40) < 0.7
                let variant = Int(c.bits >> 60) % variants
                let key = palm ? "tree/palm/\(variant)" : "bush/\(variant % 2)"
                if batchKits[key] == nil {
                    batchKits[key] = palm ? (KitCatalog.tree(.palm, seed: recipe.seed ^ UInt64(variant * 7919 + 4), detail: detail), "Palm")
                                          : (KitCatalog.bush(seed: recipe.seed ^ UInt64(variant % 2 + 41)), "Bush")
                }
                let h = hf.height(p.x, p.y)
                batches[key, default: []].append((Vec3(p.x, h - 0.1, p.y), c.bits.unit(20) * 2 * .pi, 0.8 + 0.4 * c.bits.unit(32)))
            }
        }
        // Undergrowth: bushes near woods and on meadows.
        if !recipe.moods.contains(.barren) {
            let bushes = Scatter(seed: recipe.seed, salt: 0xB05E, cell: 11 - 4 * density, minDistance: 4)
            for c in bushes.points(minX: -half, minZ: -half, maxX: half, maxZ: half) {
                let p = c.position
                guard c.bits.unit(40) < 0.55, canGrow(p, clearance: 0.8), hf.slope(p.x, p.y) < 0.6 else { continue }
                let h = hf.height(p.x, p.y)
                if h > snowline { continue }
                let variant = Int(c.bits >> 61) % 2
                let key = "bush/\(variant)"
                if batchKits[key] == nil { batchKits[key] = (KitCatalog.bush(seed: recipe.seed ^ UInt64(variant + 41)), "Bush") }
                batches[key, default: []].append((Vec3(p.x, h - 0.05, p.y), c.bits.unit(20) * 6.28, 0.7 + 0.6 * c.bits.unit(32)))
            }
        }
        place(batches, batchKits, group: .vegetation, counter: &counter, into: &a, kits: &kits)
    }

    mutating func rocks(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let hf = layout.hf
        let half = recipe.size / 2
        let density = recipe.feature(.rocks)?.density ?? 0.4
        let scatter = Scatter(seed: recipe.seed, salt: 0x20C5, cell: 16 - 9 * density, minDistance: 5)
        var batches: [String: [(Vec3, Float, Float)]] = [:]
        var batchKits: [String: (KitModel, String)] = [:]
        var counter: [String: Int] = [:]
        for c in scatter.points(minX: -half, minZ: -half, maxX: half, maxZ: half) {
            let p = c.position
            let slope = hf.slope(p.x, p.y)
            // More rocks on slopes and in the mountains.
            guard c.bits.unit(40) < 0.35 + slope * 0.8, canGrow(p, clearance: 1) else { continue }
            let variant = Int(c.bits >> 59) % 6
            let key = "rock/\(variant)"
            if batchKits[key] == nil { batchKits[key] = (KitCatalog.rock(seed: recipe.seed ^ UInt64(variant * 104_729), size: 1.6, detail: recipe.detail), "Rock") }
            let h = hf.height(p.x, p.y)
            batches[key, default: []].append((Vec3(p.x, h, p.y), c.bits.unit(20) * 6.28, 0.4 + 1.3 * c.bits.unit(32) * c.bits.unit(48)))
        }
        place(batches, batchKits, group: .rocks, counter: &counter, into: &a, kits: &kits)
    }

    /// Places batches of identical kits: as nodes sharing one mesh, or one
    /// EXT_mesh_gpu_instancing node per variant when the recipe asks.
    func place(_ batches: [String: [(Vec3, Float, Float)]], _ batchKits: [String: (KitModel, String)], group: WorldGroup,
               counter: inout [String: Int], into a: inout SceneAssembler, kits: inout KitPlacement) {
        for key in batches.keys.sorted() {
            guard let instances = batches[key], let (kit, label) = batchKits[key] else { continue }
            if recipe.instancing {
                let merged = kit.merged()
                guard let m = kits.mesh(merged, key: key + "/merged", name: label, into: &a) else { continue }
                var t: [Float] = [], r: [Float] = [], s: [Float] = []
                for (p, yaw, scale) in instances {
                    t += [p.x, p.y, p.z]
                    let q = Orientation.yaw(yaw)
                    r += [q.x, q.y, q.z, q.w]
                    s += [scale, scale, scale]
                }
                var node = Node(name: "\(label)_Instances_\(key.split(separator: "/").last ?? "0")")
                node.mesh = m
                node.instancing = [
                    "TRANSLATION": DataArray(floats: t, elementType: .vec3),
                    "ROTATION": DataArray(floats: r, elementType: .vec4),
                    "SCALE": DataArray(floats: s, elementType: .vec3),
                ]
                a.add(node, under: a.group(group))
            } else {
                for (p, yaw, scale) in instances {
                    let n = counter[label, default: 0] + 1
                    counter[label] = n
                    kits.place(kit, key: key, name: "\(label)_\(String(format3: n))", group: group, translation: p, yaw: yaw, scale: scale, into: &a)
                }
            }
        }
    }

    // MARK: - Buildings

    mutating func buildings(into a: inout SceneAssembler, kits: inout KitPlacement) {
        var counter: [String: Int] = [:]
        for s in layout.sites {
            let label: String
            switch s.kind {
            case .house: label = "House"
            case .castle: label = "Castle"
            case .tower: label = "Tower"
            case .ruins: label = "Ruins"
            case .cabin: label = "Cabin"
            case .windmill: label = "Windmill"
            case .lighthouse: label = "Lighthouse"
            case .pier: label = "Pier"
            case .well: label = "Well"
            }
            if s.kind == .well {
                villageSquare(s, into: &a, kits: &kits)
                continue
            }
            let n = counter[label, default: 0] + 1
            counter[label] = n
            let seed = recipe.seed ^ PositionHash.hash(recipe.seed, Int32(s.position.x), Int32(s.position.y), 0xB1D)
            let kit = KitCatalog.building(s.kind, seed: seed, recipe: recipe)
            let y = s.kind == .pier ? (layout.waterLevel(s.position.x, s.position.y) ?? s.height) : s.height - 0.05
            kits.place(kit, key: "\(label)/\(n)", name: "\(label)_\(String(format2: n))", group: .buildings,
                       translation: Vec3(s.position.x, y, s.position.y), yaw: s.yaw, into: &a)
        }
    }
}

extension OutdoorWorld {
    /// Well, flag, market stall, cart, lampposts and barrels on the village square.
    func villageSquare(_ s: Site, into a: inout SceneAssembler, kits: inout KitPlacement) {
        var counter: [String: Int] = [:]
        for (kit, label, offset, yaw) in KitCatalog.villageProps(seed: recipe.seed) {
            let n = counter[label, default: 0] + 1
            counter[label] = n
            let p = s.position + offset
            kits.place(kit, key: "prop/\(label)/\(n)", name: "\(label)_\(String(format2: n))", group: .village,
                       translation: Vec3(p.x, layout.hf.height(p.x, p.y) - 0.02, p.y), yaw: yaw, into: &a)
        }
    }
}

extension String {
    init(format3 n: Int) { self = n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
