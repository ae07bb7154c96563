import Foundation
import OysterCore
import OysterImage

/// Tiles of the unbounded world for streaming: each tile is a region of the one world
/// (`WorldMap`), generated alone, in any order, and equal to the same ground of any other
/// region (`WorldGenerator.generate`'s home region included), vertex for vertex.
///
/// Materials reference shared textures by URI (`materials/<kind>_<slot>.png`, beside the tile)
/// instead of embedding them, so streaming a tile costs no texture baking; `sharedMaterialKinds`
/// lists what to bake once with `MaterialBaker`.
public enum ChunkGenerator {
    /// Folder (relative to the tile file) holding the shared textures.
    public static let materialFolder = "materials"

    /// Tile coordinates must stay within ±`maxTile(size:)`: beyond 2^20 m from the origin a
    /// Float no longer holds the terrain lattice exactly.
    public static func maxTile(size: Float) -> Int { Int((WorldMap.limit / size).rounded(.down)) - 1 }

    /// Every kind a tile may use (ground, water, plants, rocks and every structure's; people's
    /// and animals' when the world has any; blossom in spring), so the shared textures can be
    /// baked once for all tiles.
    public static func sharedMaterialKinds(_ recipe: Recipe) -> [SurfaceKind] {
        let inhabited = Inhabitants.live(in: recipe), volcanic = recipe.has(.volcano)
        return SurfaceKind.allCases.filter {
            !$0.isWeather && (inhabited || !SurfaceKind.characterKinds.contains($0)) && ($0 != .blossom || recipe.season == .spring)
                && (volcanic || !SurfaceKind.volcanicKinds.contains($0)) && ($0 != .crop || recipe.has(.field))
        }
    }

    /// The tile (`x`, `z`) of side `size` metres: world rectangle [x·size, (x+1)·size) × [z·size, (z+1)·size).
    public static func generate(_ recipe: Recipe, x: Int, z: Int, size: Float = 64) -> Scene {
        WorldGenerator.tile(WorldMap(recipe: recipe), x: x, z: z, size: size)
    }

    /// A world's tiles generated one after another on one shared world plan, as a streaming
    /// game does: each tile has the same bytes as when generated alone.
    public final class Stream: @unchecked Sendable {
        let map: WorldMap
        public let size: Float
        public init(_ recipe: Recipe, size: Float = 64) {
            map = WorldMap(recipe: recipe)
            self.size = size
        }
        /// Tile (x, z); with `weatherCamera` (eye, target) it carries rain, snow and mist placed
        /// for that camera, as `--weather-camera` asks; with `lamps` its lanterns, torches and
        /// windows have their lights whatever the hour (see `WorldGenerator.Options.lamps`);
        /// with `light`, it is lit by that hour and weather instead of the recipe's.
        /// `withoutPeople` leaves those of the plan out (a gathering draws them elsewhere).
        public func tile(x: Int, z: Int, weatherCamera: (eye: Vec3, target: Vec3)? = nil, lamps: Bool = false,
                         light: (hour: Float, weather: Weather)? = nil, withoutPeople: Set<String> = []) -> Scene {
            var options = WorldGenerator.Options()
            options.withoutPeople = withoutPeople
            options.weatherCamera = weatherCamera
            options.lamps = lamps
            options.light = light
            return WorldGenerator.tile(map, x: x, z: z, size: size, options: options)
        }
    }

    /// Points every material at the shared texture files instead of embedding images.
    static func shareTextures(_ a: inout SceneAssembler, recipe: Recipe) {
        let sampler = a.scene.samplers.count
        a.scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear))
        for kind in a.kinds where !kind.isWeather {  // weather kinds carry their own RGBA textures
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
            SceneAssembler.tune(&mat, kind, recipe: recipe, lamps: a.lampsWhateverTheHour)
            a.scene.materials[m] = mat
        }
    }
}

/// The trees a world grows: the recipe's named species, else its biome's.
struct OutdoorSpecies {
    let kinds: [Species]
    init(recipe: Recipe) {
        let named = recipe.feature(.forest)?.species.compactMap(Species.init(rawValue:)) ?? []
        kinds = named.isEmpty ? recipe.biome.species : named
    }
}

/// Bakes the shared chunk textures (what `ChunkGenerator` references) as named PNG files.
extension ChunkGenerator {
    public static func sharedTextureFiles(_ recipe: Recipe) -> [(name: String, bytes: [UInt8])] {
        let baked = MaterialBaker.bake(sharedMaterialKinds(recipe), for: recipe)
        let files = baked.flatMap { b in
            [("\(b.kind.rawValue)_baseColor.png", b.baseColor), ("\(b.kind.rawValue)_normal.png", b.normal), ("\(b.kind.rawValue)_orm.png", b.orm)]
        }
        // These go straight to disk, so they are encoded here, in parallel, as the baker says.
        let bytes = Parallel.map(files.map(\.1)) { (try? ImageCodec.encode($0, using: MaterialBaker.encoding)) ?? [] }
        return zip(files, bytes).map { ($0.0, $1) }
    }
}
