import OysterCore

/// What Oyster knows about each plant species, declared once: the prompt words that name it
/// and the kit that grows it. The lexicon and the scatterers read these; `Biome.species`
/// says which grow where.
extension Species {
    /// Prompt words naming the species.
    var words: String {
        switch self {
        case .pine: return "pine pines conifer conifers spruce evergreen"
        case .fir: return "fir firs"
        case .oak: return "oak oaks"
        case .birch: return "birch birches"
        case .palm: return "palm palms"
        case .willow: return "willow willows"
        case .cactus: return "cactus cacti cactuses saguaro"
        case .bush: return "bush bushes shrub shrubs"
        case .dead: return "dead"
        case .grass, .flowers: return ""
        }
    }

    /// Node name stem ("Pine").
    var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The species' kit: one variant per seed, its crown as `foliage` dresses it (trees only).
    func kit(seed: UInt64, detail: Detail, foliage: Foliage = .leaves) -> KitModel {
        let d = KitCatalog.detailLevel(detail)
        switch self {
        case .pine, .fir: return Vegetation.tree(TreeParams(species: .conifer, height: self == .fir ? 13 : nil, detail: d, foliage: foliage), seed: seed)
        case .oak, .willow: return Vegetation.tree(TreeParams(species: .broadleaf, detail: d, foliage: foliage), seed: seed)
        case .birch: return Vegetation.tree(TreeParams(species: .birch, detail: d, foliage: foliage), seed: seed)
        case .palm: return Vegetation.tree(TreeParams(species: .palm, detail: d), seed: seed)
        case .dead: return Vegetation.tree(TreeParams(species: .dead, detail: d), seed: seed)
        case .bush: return Vegetation.bush(detail: d, seed: seed)
        // The vegetation kit's ribbed saguaro (Vegetation+Cactus), not a stand-in.
        case .cactus: return Vegetation.cactus(detail: d, seed: seed)
        case .grass: return Vegetation.grassClump(detail: d, seed: seed)
        case .flowers: return Vegetation.flowers(detail: d, seed: seed)
        }
    }
}

/// What each biome is, declared once: the words that name it, the trees that grow in it, the
/// landforms its land gives way to as you travel, and how often its far cells hold water and
/// settlements. (Ground colours and materials are per-biome rules in `GroundCover` and
/// `Palette`, where the shading code lives.)
extension Biome {
    /// Prompt words naming the biome (more words that also mean other things are in the lexicon).
    var words: String {
        switch self {
        case .temperate: return "temperate green countryside pastoral rural verdant"
        // "winter" is a season (`Season`): a temperate village in winter, not the mountains.
        case .alpine: return "alpine snowy snowcapped frozen icy glacier glacial"
        case .desert: return "desert dune dunes sandy arid sahara badlands"
        case .tropical: return "tropical tropics paradise caribbean"
        case .tundra: return "tundra arctic polar permafrost steppe"
        case .swamp: return "swamp swampy marsh marshy bog boggy bayou wetland wetlands fen mire"
        }
    }

    /// Trees of the biome (repeats weight the draw).
    var species: [Species] {
        switch self {
        case .temperate: return [.oak, .birch, .pine, .oak]
        case .alpine: return [.pine, .fir]
        case .desert: return [.cactus, .dead, .palm]
        case .tropical: return [.palm, .palm, .oak]
        case .tundra: return [.fir, .pine, .dead]
        case .swamp: return [.willow, .dead, .oak]
        }
    }

    /// The landforms the biome's land gives way to far from home.
    var landforms: [TerrainShape.Landform] {
        switch self {
        case .temperate: return [.hills, .mountains, .plains]
        case .alpine: return [.mountains, .hills]
        case .desert: return [.dunes, .canyon, .mountains]
        case .tropical: return [.hills, .plains]
        case .tundra: return [.plains, .hills, .mountains]
        case .swamp: return [.plains, .hills]
        }
    }

    /// Multipliers on a far cell's chances of a lake, a river and a village.
    var waterAndPeople: (lake: Float, river: Float, village: Float) {
        switch self {
        case .desert: return (0.3, 0.2, 0.5)
        case .swamp: return (1.6, 1, 1)
        case .tundra, .alpine: return (1, 1, 0.6)
        case .temperate, .tropical: return (1, 1, 1)
        }
    }
}
