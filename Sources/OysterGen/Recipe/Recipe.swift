/// Everything that decides a generated world. A recipe plus its seed gives the same bytes on
/// every run; the prompt interpreter produces one, and `--recipe FILE` reads one (JSON, see
/// docs/recipe.schema.json). Every field has a documented default, so `{}` is a valid recipe:
/// the default temperate valley.
public struct Recipe: Hashable, Sendable {
    /// The seed of every random decision. Default 1.
    public var seed: UInt64 = 1
    /// The prompt the recipe came from, kept for provenance. Default none.
    public var prompt: String?
    /// Side of the square world in metres (32…4096). Default 256.
    public var size: Float = 256
    /// Outdoor landscape or interior (dungeon). Default outdoor.
    public var scene: SceneKind = .outdoor
    /// Climate of an outdoor scene; decides ground, vegetation and palette. Default temperate.
    public var biome: Biome = .temperate
    /// Hour of the day, 0…24 (6 dawn, 12.5 noon, 19.3 dusk, 0 midnight). Default 14.
    public var timeOfDay: Float = 14
    /// Sky and atmosphere. Default clear.
    public var weather: Weather = .clear
    /// Time of year: leaves, grass, ground, roofs and water (see `Season`). Default summer.
    public var season: Season = .summer
    /// How its buildings look (`BuildingStyle`). Default none: the biome's own look.
    public var style: BuildingStyle?
    /// What the world contains, in order. Default: the valley features (see `defaultFeatures`).
    public var features: [Feature] = Recipe.defaultFeatures
    /// Mesh density: terrain resolution and kit detail. Default medium.
    public var detail: Detail = .medium
    /// Side of every baked texture in pixels (power of two, 16…2048). Default 512.
    public var textureResolution: Int = 512
    /// Write vegetation and rocks as EXT_mesh_gpu_instancing batches. Default false.
    public var instancing = false
    /// Mood adjectives ("ancient", "dark", "misty"…) that tint generators. Default none.
    public var moods: [Mood] = []
    /// Other biomes the land gives way to kilometres from home, in regions of a few
    /// kilometres; the home region and its surroundings keep `biome`. Default none: the
    /// recipe's biome everywhere (a prompt pins the biome it names).
    public var farBiomes: [Biome] = []
    /// The people and animals of the world, in order; at most `Recipe.maxCharacters` people
    /// and `Recipe.maxAnimals` animals are placed. Default nil: the ones the world's features
    /// imply (`impliedCharacters`: villagers in a village, sheep on its pasture, crows over
    /// its forest…); an empty list is a world with nobody in it. `cast` is what is placed.
    public var characters: [CharacterGroup]?

    public init() {}

    /// A temperate valley with a lake, a forest, a small village and a road.
    public static let defaultFeatures: [Feature] = [
        Feature(.hills), Feature(.lake), Feature(.river),
        Feature(.forest, density: 0.6), Feature(.village, count: 6), Feature(.road), Feature(.rocks),
        Feature(.windmill),
    ]

    /// The first feature of `kind`, if any.
    public func feature(_ kind: FeatureKind) -> Feature? { features.first { $0.kind == kind } }
    public func has(_ kind: FeatureKind) -> Bool { features.contains { $0.kind == kind } }

    /// True between sunset and sunrise (the sun's disc below the horizon, about 19:22 to 5:56).
    public var isNight: Bool { Sky.sunPosition(hour: timeOfDay).1 < -0.01 }
}

/// Outdoor landscape or interior.
public enum SceneKind: String, CaseIterable, Hashable, Sendable {
    case outdoor, interior
}

/// Outdoor climates.
public enum Biome: String, CaseIterable, Hashable, Sendable {
    case temperate, alpine, desert, tropical, tundra, swamp
}

/// Sky and atmosphere.
public enum Weather: String, CaseIterable, Hashable, Sendable {
    case clear, overcast, fog, rain, snow
}

/// Mesh density.
public enum Detail: String, CaseIterable, Hashable, Sendable {
    case low, medium, high

    /// Terrain grid cells per side for a world of `size` metres.
    func terrainCells(size: Float) -> Int {
        let perMetre: Float = self == .low ? 0.5 : self == .medium ? 1 : 1.5
        return max(32, min(768, Int(size * perMetre)))
    }
}

/// Adjectives that colour several generators at once.
public enum Mood: String, CaseIterable, Hashable, Sendable {
    case ancient, dark, misty, dense, sparse, ruined, peaceful, eerie, lush, barren, grand, frozen
}

/// What can appear in a world.
public enum FeatureKind: String, CaseIterable, Hashable, Sendable {
    case lake, river, sea, waterfall, mountains, hills, canyon, plains
    case forest, meadow, rocks
    case village, castle, tower, ruins, road, pier, lighthouse, cabin, windmill
    /// Ploughed fields round the village (wheat or cabbages by the seed, as the season has
    /// them; bare in winter), where its farmers work. `count` fields, default 2.
    case field
    case dungeon, treasure, torches
    /// Tombs in a dungeon: sarcophagi, burial niches, candles and pointed arches.
    case crypt
    /// A town round the origin instead of a village: streets fitted to the ground round a
    /// square with a fountain, market and church, terraces of 2–4 storey houses and shops along
    /// them, street lamps. `size` 0…1 is its extent (0.5 a market town, 1 a city); with the
    /// recipe's `castle` it is walled with gates, with a `river` its streets bridge it.
    case town
    /// A volcano: a cone with a crater shaped into the ground, lava glowing in the crater and
    /// down one flank, a smoke plume, black sand, ash and basalt (see `Volcano`). `size` 0…1
    /// scales the cone (0.5: about 55 m high, 95 m in radius); `position` places its crater
    /// (default: the middle of an island, else a seeded spot off to one side of home).
    case volcano

    /// Features that shape the ground rather than sit on it.
    var isLandform: Bool { [.mountains, .hills, .canyon, .plains].contains(self) }
}

/// One feature with its parameters; a nil parameter means "the generator's default".
public struct Feature: Hashable, Sendable {
    public var kind: FeatureKind
    /// How many (houses of a village, rooms of a dungeon, trees…). Default per kind.
    public var count: Int?
    /// 0…1 how much (forest density, rock density, mountain height…). Default per kind.
    public var density: Float?
    /// 0…1 relative size (lake radius, mountain height, castle size). Default per kind.
    public var size: Float?
    /// Species or styles to use (forest: "pine", "oak", "birch", "palm", "bush", "dead").
    public var species: [String] = []
    /// Where, in world fractions -1…1 (x, z); nil lets the generator choose.
    public var position: (x: Float, z: Float)?

    public init(_ kind: FeatureKind, count: Int? = nil, density: Float? = nil, size: Float? = nil, species: [String] = []) {
        self.kind = kind
        self.count = count
        self.density = density
        self.size = size
        self.species = species
    }

    public static func == (a: Feature, b: Feature) -> Bool {
        a.kind == b.kind && a.count == b.count && a.density == b.density && a.size == b.size
            && a.species == b.species && a.position?.x == b.position?.x && a.position?.z == b.position?.z
    }

    public func hash(into h: inout Hasher) {
        h.combine(kind)
        h.combine(count)
        h.combine(density)
        h.combine(species)
    }
}
