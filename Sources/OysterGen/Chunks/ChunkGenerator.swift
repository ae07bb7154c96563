import Foundation
import OysterCore
import OysterImage

/// One square tile of an unbounded world. Everything is sampled in world coordinates:
/// heights from `TerrainShape` (no finite-world shaping or particle erosion, which are not
/// local), normals by central differences of the height function itself (one ring beyond the
/// tile), UVs from world position, and objects from position hashing, each belonging to the
/// tile holding its anchor. Neighbouring tiles therefore share border heights, normals and
/// UVs exactly, and never duplicate or lose an object.
///
/// Materials reference shared textures by URI (`materials/<kind>_<slot>.png`, beside the tile)
/// instead of embedding them, so streaming a tile costs no texture baking; `sharedMaterialKinds`
/// lists what to bake once with `MaterialBaker`.
public enum ChunkGenerator {
    /// Folder (relative to the tile file) holding the shared textures.
    public static let materialFolder = "materials"

    /// Every kind a chunk may use, so the shared textures can be baked once for all tiles.
    public static func sharedMaterialKinds(_ recipe: Recipe) -> [SurfaceKind] {
        var kinds = GroundCover.kinds + [recipe.moods.contains(.frozen) ? .ice : .water, .bark, .birchBark, .leaves, .needles, .palmLeaves, .bushLeaves, .rock]
        if recipe.biome == .desert { kinds.append(.grassBlades) }
        return kinds
    }

    /// The tile (`x`, `z`) of side `size` metres: world rectangle [x·size, (x+1)·size) × [z·size, (z+1)·size).
    public static func generate(_ recipe: Recipe, x cx: Int, z cz: Int, size: Float = 64) -> Scene {
        var a = SceneAssembler()
        var kits = KitPlacement()
        let shape = TerrainShape(recipe: recipe)
        let cover = GroundCover(recipe: recipe, shape: shape)
        let spacing: Float = recipe.detail == .low ? 2 : recipe.detail == .medium ? 1 : 0.5
        let cells = max(4, Int((size / spacing).rounded()))
        let step = size / Float(cells)
        let x0 = Float(cx) * size, z0 = Float(cz) * size
        let waterLevel: Float? = recipe.has(.sea) || recipe.has(.lake) || recipe.has(.river) ? shape.base + shape.amplitude * 0.28 : nil
        // Heights with one extra ring for normals.
        let ring = cells + 3
        var h = [Float](repeating: 0, count: ring * ring)
        for j in 0..<ring {
            for i in 0..<ring {
                h[j * ring + i] = shape.height(x0 + Float(i - 1) * step, z0 + Float(j - 1) * step)
            }
        }
        let n = cells + 1
        let kc = GroundCover.kinds.count
        var positions = [Vec3](repeating: .zero, count: n * n), normals = positions
        var weights = [Float](repeating: 0, count: n * n * kc)
        var shade = [Float](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in 0..<n {
                let r = (j + 1) * ring + (i + 1)
                let x = x0 + Float(i) * step, z = z0 + Float(j) * step
                let y = h[r]
                let dx = (h[r + 1] - h[r - 1]) / (2 * step), dz = (h[r + ring] - h[r - ring]) / (2 * step)
                let nor = normalize(Vec3(-dx, 1, -dz))
                let k = j * n + i
                positions[k] = Vec3(x, y, z)
                normals[k] = nor
                let slope = (dx * dx + dz * dz).squareRoot()
                let above = waterLevel.map { y - $0 } ?? .infinity
                let w = cover.weights(.init(height: y, slope: slope, aboveWater: above, deposit: 0, road: 0, x: x, z: z))
                for c in 0..<kc { weights[k * kc + c] = w[c] }
                let lap = (h[r - 1] + h[r + 1] + h[r - ring] + h[r + ring]) * 0.25 - y
                shade[k] = clamp(lap * 0.12, 0, 0.25)
            }
        }
        let mesher = TerrainMesher(side: n, positions: positions, normals: normals, weights: weights, shade: shade)
        let terrain = a.addMesh(mesher.build(name: "Terrain", biome: recipe.biome) { a.material($0) })
        var tnode = Node(name: "Terrain", role: .terrain)
        tnode.mesh = terrain
        a.add(tnode, under: nil)

        func height(_ x: Float, _ z: Float) -> Float { shape.height(x, z) }
        if let level = waterLevel {
            // Cells on the shared world grid, so neighbouring sheets meet edge to edge.
            var sheet = WaterMesh.sheet(level: level, minX: x0, minZ: z0, maxX: x0 + size, maxZ: z0 + size, spacing: size / Float(max(1, cells / 4)),
                                        ground: height)
            if recipe.moods.contains(.frozen) { sheet.retag(.water, as: .ice) }
            if let m = a.addMesh(sheet, name: "Water") {
                var node = Node(name: "Water")
                node.mesh = m
                let w = a.add(node, under: a.group(.water))
                a.animate("Water", node: w, path: .translation, times: [0, 2, 4, 6, 8], values: [0, 0, 0, 0, 0.04, 0, 0, 0, 0, 0, -0.04, 0, 0, 0, 0])
            }
        }
        scatter(recipe, shape: shape, cover: cover, waterLevel: waterLevel, x0: x0, z0: z0, size: size, into: &a, kits: &kits)

        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: kits.anchors, recipe: recipe, into: &a)
        let centre = Vec3(x0 + size / 2, height(x0 + size / 2, z0 + size / 2), z0 + size / 2)
        Lighting.addCamera(eye: centre + Vec3(-size * 0.7, size * 0.45, -size * 0.7), target: centre, into: &a)
        a.finishMaterials([], recipe: recipe)
        shareTextures(&a, recipe: recipe)
        var extras = WorldGenerator.provenance(recipe, sky: sky).objectValue ?? .init()
        extras["chunk"] = ["x": .int(Int64(cx)), "z": .int(Int64(cz)), "size": .float(size)]
        return a.finish(recipe: recipe, extras: .object(extras))
    }

    static func scatter(_ recipe: Recipe, shape: TerrainShape, cover: GroundCover, waterLevel: Float?, x0: Float, z0: Float, size: Float,
                        into a: inout SceneAssembler, kits: inout KitPlacement) {
        let density = recipe.feature(.forest)?.density ?? (recipe.has(.forest) ? 0.55 : 0.12)
        let mask = Fractal(seed: recipe.seed ^ 0xF0E5, octaves: 3)
        let cell: Float = 9 - 5 * density
        let trees = Scatter(seed: recipe.seed, salt: 0x7EE5, cell: cell, minDistance: cell * 0.55)
        let world = OutdoorSpecies(recipe: recipe)
        var count: [String: Int] = [:]
        func kit(_ key: String, _ make: () -> KitModel) -> KitModel {
            KitCache.shared.model("\(recipe.seed)/\(recipe.detail)/\(key)", make)
        }
        func slope(_ x: Float, _ z: Float) -> Float {
            let dx = shape.height(x + 1, z) - shape.height(x - 1, z), dz = shape.height(x, z + 1) - shape.height(x, z - 1)
            return (dx * dx + dz * dz).squareRoot() / 2
        }
        for c in trees.points(minX: x0, minZ: z0, maxX: x0 + size, maxZ: z0 + size) {
            let p = c.position
            let m = mask.fbm(p.x / 70, p.y / 70) + (density - 0.5) * 0.9
            guard m > 0.05 + c.bits.unit(40) * 0.2 else { continue }
            let y = shape.height(p.x, p.y)
            if let w = waterLevel, y < w + 0.6 { continue }
            guard slope(p.x, p.y) < 0.8, y < cover.snowline + 6 else { continue }
            let sp = world.kinds[Int(c.bits.unit(8) * Float(world.kinds.count)) % world.kinds.count]
            let variant = Int(c.bits >> 60) % 2
            let tree = kit("tree/\(sp.rawValue)/\(variant)") {
                KitCatalog.tree(sp, seed: recipe.seed ^ UInt64(variant * 7919 + sp.rawValue.count), detail: recipe.detail)
            }
            let label = sp.rawValue.capitalized
            let k = count[label, default: 0] + 1
            count[label] = k
            // Names carry the world cell so they are unique across tiles.
            kits.place(tree, key: "tree/\(sp.rawValue)/\(variant)", name: "\(label)_\(Int(p.x))_\(Int(p.y))", group: .vegetation,
                       translation: Vec3(p.x, y - 0.1, p.y), yaw: c.bits.unit(20) * 6.28, scale: 0.8 + 0.45 * c.bits.unit(32), into: &a)
        }
        let rocks = Scatter(seed: recipe.seed, salt: 0x20C5, cell: 12, minDistance: 5)
        for c in rocks.points(minX: x0, minZ: z0, maxX: x0 + size, maxZ: z0 + size) {
            let p = c.position
            let s = slope(p.x, p.y)
            guard c.bits.unit(40) < 0.3 + s * 0.8 else { continue }
            let y = shape.height(p.x, p.y)
            if let w = waterLevel, y < w - 0.5 { continue }
            let variant = Int(c.bits >> 59) % 3
            let rock = kit("rock/\(variant)") { KitCatalog.rock(seed: recipe.seed ^ UInt64(variant * 104_729), size: 1.6, detail: recipe.detail) }
            kits.place(rock, key: "rock/\(variant)", name: "Rock_\(Int(p.x))_\(Int(p.y))", group: .rocks,
                       translation: Vec3(p.x, y, p.y), yaw: c.bits.unit(20) * 6.28, scale: 0.4 + 1.3 * c.bits.unit(32) * c.bits.unit(48), into: &a)
        }
    }

    /// Points every material at the shared texture files instead of embedding images.
    static func shareTextures(_ a: inout SceneAssembler, recipe: Recipe) {
        let sampler = a.scene.samplers.count
        a.scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear))
        for kind in a.kinds {
            guard let m = a.materialOf[kind] else { continue }
            func texture(_ slot: String) -> Int {
                let name = "\(kind.rawValue)_\(slot)"
                a.scene.images.append(Image(name: name, mimeType: "image/png", data: nil, uri: "\(materialFolder)/\(name).png"))
                a.scene.textures.append(Texture(name: name, source: a.scene.images.count - 1, sampler: sampler))
                return a.scene.textures.count - 1
            }
            var mat = Material(name: kind.rawValue)
            mat.baseColorTexture = TextureRef(texture: texture("baseColor"))
            mat.normalTexture = TextureRef(texture: texture("normal"))
            let orm = texture("orm")
            mat.metallicRoughnessTexture = TextureRef(texture: orm)
            mat.occlusionTexture = TextureRef(texture: orm)
            SceneAssembler.tune(&mat, kind, recipe: recipe)
            a.scene.materials[m] = mat
        }
    }
}

/// Species choice shared by the finite world and chunks.
struct OutdoorSpecies {
    let kinds: [Species]
    init(recipe: Recipe) {
        let named = recipe.feature(.forest)?.species.compactMap(Species.init(rawValue:)) ?? []
        if !named.isEmpty { kinds = named; return }
        switch recipe.biome {
        case .temperate: kinds = [.oak, .birch, .pine, .oak]
        case .alpine: kinds = [.pine, .fir]
        case .desert: kinds = [.cactus, .dead, .palm]
        case .tropical: kinds = [.palm, .palm, .oak]
        case .tundra: kinds = [.fir, .pine, .dead]
        case .swamp: kinds = [.willow, .dead, .oak]
        }
    }
}

/// Bakes the shared chunk textures (what `ChunkGenerator` references) as named PNG files.
extension ChunkGenerator {
    public static func sharedTextureFiles(_ recipe: Recipe) -> [(name: String, bytes: [UInt8])] {
        let baked = MaterialBaker.bake(sharedMaterialKinds(recipe), biome: recipe.biome, seed: recipe.seed, resolution: recipe.textureResolution)
        let files = baked.flatMap { b in
            [("\(b.kind.rawValue)_baseColor.png", b.baseColor), ("\(b.kind.rawValue)_normal.png", b.normal), ("\(b.kind.rawValue)_orm.png", b.orm)]
        }
        // These go straight to disk, so they are encoded here, in parallel, as the baker says.
        let bytes = Parallel.map(files.map(\.1)) { (try? ImageCodec.encode($0, using: MaterialBaker.encoding)) ?? [] }
        return zip(files, bytes).map { ($0.0, $1) }
    }
}

/// Kits built once per process: chunks of a streamed world reuse the same tree and rock
/// variants, so only the first tile pays for building them. Kits are pure functions of their
/// key, so caching cannot change any output.
final class KitCache: @unchecked Sendable {
    static let shared = KitCache()
    private var models: [String: KitModel] = [:]
    private let lock = NSLock()

    func model(_ key: String, _ make: () -> KitModel) -> KitModel {
        lock.lock()
        if let m = models[key] { lock.unlock(); return m }
        lock.unlock()
        let m = make()
        lock.lock()
        if models.count > 512 { models.removeAll() }
        models[key] = m
        lock.unlock()
        return m
    }
}
