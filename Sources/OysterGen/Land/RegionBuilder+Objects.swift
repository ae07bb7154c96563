import OysterCore

/// Structures, vegetation and rocks of a region: each belongs to the region holding its
/// anchor, is named by what and where it is, and uses kit variants seeded by name.
extension RegionBuilder {
    // MARK: - Rules

    /// True where a tree, bush or rock of the given clearance may stand: dry ground off roads,
    /// river banks and building sites.
    func canGrow(_ p: Vec2, clearance: Float) -> Bool {
        let k = grid.nearest(p.x, p.y)
        let h = grid.height(p.x, p.y)
        if let w = features.waterLevel(p.x, p.y), h < w + 0.6 { return false }
        if grid.road[k] < LocalFeatures.roadHalfWidth + clearance { return false }
        if grid.river[k] < LocalFeatures.riverHalfWidth * 2 + clearance { return false }
        if inTown(p) { return false }
        for s in features.sites where length(s.position - p) < s.radius + clearance + (s.kind == .pier ? 14 : 1) { return false }
        return true
    }

    func kitSeed(_ name: String) -> UInt64 { StableSeed.of(name, in: recipe.seed) }

    // MARK: - Vegetation

    func vegetation(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let r = region
        let forest = recipe.feature(.forest)
        let density = forest?.density ?? (forest == nil ? 0.12 : 0.55)
        let mask = Fractal(seed: recipe.seed ^ StableSeed.of("vegetation/woods"), octaves: 3)
        // The recipe's named species everywhere; else each tree's own biome's (far biomes).
        let named = !(recipe.feature(.forest)?.species.compactMap(Species.init(rawValue:)) ?? []).isEmpty
        let homeKinds = OutdoorSpecies(recipe: recipe).kinds
        let detail = recipe.detail
        let variants = detail == .low ? 2 : 3
        var batches: [String: [Instance]] = [:]
        var batchKits: [String: (KitModel, String)] = [:]
        let treeCell: Float = 9 - 5 * density
        let trees = Scatter(seed: recipe.seed, salt: StableSeed.of("scatter/trees"), cell: treeCell, minDistance: treeCell * 0.55)
        for c in trees.points(minX: r.minX, minZ: r.minZ, maxX: r.maxX, maxZ: r.maxZ) {
            let p = c.position
            // Woods and clearings: noise decides where; density moves the tree line.
            let m = mask.fbm(p.x / 70, p.y / 70) + (density - 0.5) * 0.9
            guard m > 0.05 + c.bits.unit(40) * 0.2 else { continue }
            guard canGrow(p, clearance: 1.5), grid.slope(p.x, p.y) < 0.8, !onBareCone(p, c.bits) else { continue }
            let h = grid.height(p.x, p.y)
            let biome = named ? recipe.biome : map.terrain.biome(p.x, p.y)
            let kinds = named || biome == recipe.biome ? homeKinds : biome.species
            let snowline = cover.snowline(biome)
            if h > snowline + 6 { continue }
            var sp = kinds[Int(c.bits.unit(8) * Float(kinds.count)) % kinds.count]
            if h > snowline - 10, sp != .pine, sp != .fir, kinds.contains(.pine) { sp = .pine }
            let variant = Int(c.bits >> 60) % variants
            // The season dresses each tree by its own bits; its shape (seeded by `shape`) is
            // the same all year.
            let foliage = recipe.season.foliage(sp, bits: c.bits)
            let shape = "tree/\(sp.rawValue)/\(variant)", key = shape + foliage.keySuffix
            if batchKits[key] == nil {
                batchKits[key] = (map.kit(key) { KitCatalog.tree(sp, seed: kitSeed(shape), detail: detail, foliage: foliage) }, sp.rawValue.capitalized)
            }
            batches[key, default: []].append(Instance(Vec3(p.x, h - 0.1, p.y), c.bits.unit(20) * 2 * .pi, 0.8 + 0.45 * c.bits.unit(32)))
        }
        // An oasis: in dry land, water draws a ring of palms and bushes to its low shore.
        if recipe.biome == .desert {
            for lake in features.lakes {
                let ring = Scatter(seed: recipe.seed, salt: StableSeed.of("scatter/oasis"), cell: 4.5, minDistance: 3)
                let reach = lake.radius * 1.8
                for c in ring.points(minX: max(r.minX, lake.center.x - reach), minZ: max(r.minZ, lake.center.y - reach),
                                     maxX: min(r.maxX, lake.center.x + reach), maxZ: min(r.maxZ, lake.center.y + reach)) {
                    let p = c.position
                    guard length(p - lake.center) < reach, grid.height(p.x, p.y) < lake.level + 3.5, canGrow(p, clearance: 1) else { continue }
                    let palm = c.bits.unit(40) < 0.7
                    let variant = Int(c.bits >> 60) % variants
                    let key = palm ? "tree/palm/\(variant)" : "bush/\(variant % 2)"
                    if batchKits[key] == nil {
                        batchKits[key] = palm ? (map.kit(key) { KitCatalog.tree(.palm, seed: kitSeed(key), detail: detail) }, "Palm")
                                          : (map.kit(key) { KitCatalog.bush(seed: kitSeed(key)) }, "Bush")
                    }
                    batches[key, default: []].append(Instance(Vec3(p.x, grid.height(p.x, p.y) - 0.1, p.y), c.bits.unit(20) * 2 * .pi, 0.8 + 0.4 * c.bits.unit(32)))
                }
            }
        }
        // Undergrowth: bushes near woods and on meadows.
        if !recipe.moods.contains(.barren) {
            let bushes = Scatter(seed: recipe.seed, salt: StableSeed.of("scatter/bushes"), cell: 11 - 4 * density, minDistance: 4)
            for c in bushes.points(minX: r.minX, minZ: r.minZ, maxX: r.maxX, maxZ: r.maxZ) {
                let p = c.position
                guard c.bits.unit(40) < 0.55, canGrow(p, clearance: 0.8), grid.slope(p.x, p.y) < 0.6, !onBareCone(p, c.bits) else { continue }
                let h = grid.height(p.x, p.y)
                if h > cover.snowline(map.terrain.biome(p.x, p.y)) { continue }
                let key = "bush/\(Int(c.bits >> 61) % 2)"
                if batchKits[key] == nil { batchKits[key] = (map.kit(key) { KitCatalog.bush(seed: kitSeed(key)) }, "Bush") }
                batches[key, default: []].append(Instance(Vec3(p.x, h - 0.05, p.y), c.bits.unit(20) * 6.28, 0.7 + 0.6 * c.bits.unit(32)))
            }
        }
        place(batches, batchKits, group: .vegetation, into: &a, kits: &kits)
    }

    func rocks(into a: inout SceneAssembler, kits: inout KitPlacement) {
        let r = region
        let density = recipe.feature(.rocks)?.density ?? 0.4
        let scatter = Scatter(seed: recipe.seed, salt: StableSeed.of("scatter/rocks"), cell: 16 - 9 * density, minDistance: 5)
        var batches: [String: [Instance]] = [:]
        var batchKits: [String: (KitModel, String)] = [:]
        let volcanic = map.terrain.volcano != nil
        for c in scatter.points(minX: r.minX, minZ: r.minZ, maxX: r.maxX, maxZ: r.maxZ) {
            let p = c.position
            let slope = grid.slope(p.x, p.y)
            // More rocks on slopes and in the mountains.
            guard c.bits.unit(40) < 0.35 + slope * 0.8, canGrow(p, clearance: 1) else { continue }
            let key = "rock/\(Int(c.bits >> 59) % 6)"
            if batchKits[key] == nil { batchKits[key] = (map.kit(volcanic ? key + "/basalt" : key) { rock(key, volcanic: volcanic) }, "Rock") }
            batches[key, default: []].append(Instance(Vec3(p.x, grid.height(p.x, p.y), p.y), c.bits.unit(20) * 6.28, 0.4 + 1.3 * c.bits.unit(32) * c.bits.unit(48)))
        }
        place(batches, batchKits, group: .rocks, into: &a, kits: &kits)
    }

    struct Instance {
        var position: Vec3, yaw: Float, scale: Float
        init(_ p: Vec3, _ yaw: Float, _ scale: Float) { position = p; self.yaw = yaw; self.scale = scale }
        /// Name suffix: where it stands, in whole metres (unique: scattered objects stand metres apart).
        var place: String { "\(Int(position.x.rounded(.down)))_\(Int(position.z.rounded(.down)))" }
    }

    /// Places batches of identical kits: as nodes sharing one mesh, or one
    /// EXT_mesh_gpu_instancing node per variant when the recipe asks.
    func place(_ batches: [String: [Instance]], _ batchKits: [String: (KitModel, String)], group: WorldGroup,
               into a: inout SceneAssembler, kits: inout KitPlacement) {
        for key in batches.keys.sorted() {
            guard let instances = batches[key], let (kit, label) = batchKits[key] else { continue }
            if recipe.instancing {
                let merged = kit.merged()
                guard let m = kits.mesh(merged, key: key + "/merged", name: label, shared: map.meshes, into: &a) else { continue }
                var t: [Float] = [], rot: [Float] = [], s: [Float] = []
                for i in instances {
                    t += [i.position.x, i.position.y, i.position.z]
                    let q = Orientation.yaw(i.yaw)
                    rot += [q.x, q.y, q.z, q.w]
                    s += [i.scale, i.scale, i.scale]
                }
                var node = Node(name: "\(label)_Instances_\(key.split(separator: "/").last ?? "0")")
                node.mesh = m
                node.instancing = [
                    "TRANSLATION": DataArray(floats: t, elementType: .vec3),
                    "ROTATION": DataArray(floats: rot, elementType: .vec4),
                    "SCALE": DataArray(floats: s, elementType: .vec3),
                ]
                a.add(node, under: a.group(group))
            } else {
                for i in instances {
                    kits.place(kit, key: key, name: "\(label)_\(i.place)", group: group, translation: i.position, yaw: i.yaw, scale: i.scale,
                               shared: map.meshes, into: &a)
                }
            }
        }
    }

    // MARK: - Structures

    func buildings(into a: inout SceneAssembler, kits: inout KitPlacement) {
        for s in features.sites where region.owns(s.position.x, s.position.y) {
            if s.kind == .well {
                villageSquare(s, into: &a, kits: &kits)
                continue
            }
            if s.kind == .townSquare, let lot = s.lot {
                townSquareProps(s, lot, into: &a, kits: &kits)
                continue
            }
            if let kit = townKit(s)?.dressed(for: recipe.season), let lot = s.lot {
                kits.place(kit, key: "site/\(s.name)", name: s.name, group: .buildings,
                           translation: Vec3(s.position.x, lot.baseY, s.position.y), yaw: s.yaw, into: &a)
                continue
            }
            let kit = s.kind.build(recipe.seed ^ s.id, recipe).dressed(for: recipe.season)
            let ground = features.height(s.position.x, s.position.y)
            let y = s.kind == .pier ? (features.waterLevel(s.position.x, s.position.y) ?? ground) : ground - 0.05
            kits.place(kit, key: "site/\(s.name)", name: s.name, group: .buildings,
                       translation: Vec3(s.position.x, y, s.position.y), yaw: s.yaw, into: &a)
        }
    }

    /// Well, flag, market stall, cart, lampposts and barrels on a village square.
    func villageSquare(_ s: Site, into a: inout SceneAssembler, kits: inout KitPlacement) {
        var counter: [String: Int] = [:]
        // Home's square keeps short names ("Well_01"); others carry the square's place.
        let suffix = s.isHome ? "" : "_\(Int(s.position.x.rounded()))_\(Int(s.position.y.rounded()))"
        for (prop, label, offset, yaw) in KitCatalog.villageProps(seed: recipe.seed ^ s.id) {
            let kit = prop.dressed(for: recipe.season)  // the well's little roof takes winter's snow too
            let n = counter[label, default: 0] + 1
            counter[label] = n
            let p = s.position + offset
            kits.place(kit, key: "prop/\(s.name)/\(label)/\(n)", name: "\(label)_\(String(format2: n))\(suffix)", group: .village,
                       translation: Vec3(p.x, features.height(p.x, p.y) - 0.02, p.y), yaw: yaw, into: &a)
        }
    }
}
