import OysterCore

/// One kind of structure, declared once: its name and prompt words, the recipe feature that
/// asks for it, the flat pad it needs, how the home region places it, how often it recurs in
/// the rest of the world, and the kit that builds it. Each kind lives in its own
/// `Structure+Name.swift`; `Structure.all` is the registry everything else reads (the site
/// placer, far cells, roads, the lexicon and the scene builder), so adding a building type is
/// one file plus one entry here (and its `FeatureKind` word, if prompts should ask for it).
struct Structure: Sendable, Hashable, CustomStringConvertible {
    /// Lower-case name ("castle"): node labels, kit seeds and ids derive from it.
    let name: String
    /// The recipe feature that asks for it (nil: only as part of something else, like a well).
    let feature: FeatureKind?
    /// Prompt words that ask for it, and what else they mean (a lighthouse implies the sea).
    let words: String
    var alsoMeans: [FeatureKind] = []
    /// Words for a group of them ("village": houses round a well). Prompts read them as
    /// `words`; Direct mode builds the group (`DirectPlacement.Layout.village`).
    var groupWords = ""
    /// Radius of the flattened pad in metres, and the steepest ground it accepts.
    let padRadius: Float
    let maxSlope: Float
    /// Weight among landmarks that recur in far cells (0: never on its own); the prompt's own
    /// kinds recur four times as often.
    var recurrence: Float = 0
    /// Recurs only near a coast.
    var coastal = false
    /// A lane leads to it from a village square.
    var lane = false
    /// Its pad flattens the ground. A pier stands in the water, and a town's buildings stand
    /// on the slope with their own foundations (`TownLot`), stepping down the street.
    var flattens = true
    /// How home places it when the recipe asks (nil: placed as part of another kind).
    var placeAtHome: (@Sendable (inout SitePlacer, HomeSetting) -> Void)?
    /// The kit, from a seed and the recipe (biome and moods choose materials).
    let build: @Sendable (UInt64, Recipe) -> KitModel

    /// Node name stem ("Castle").
    var label: String { name.prefix(1).uppercased() + name.dropFirst() }
    var description: String { name }

    static func == (a: Structure, b: Structure) -> Bool { a.name == b.name }
    func hash(into h: inout Hasher) { h.combine(name) }

    /// The registry, in the order home places them (a village first: it wants the best ground).
    static let all: [Structure] = [.house, .well, .castle, .tower, .ruins, .cabin, .windmill, .field, .lighthouse, .pier]

    static func named(_ name: String) -> Structure? { all.first { $0.name == name } }
}

/// What home placement rules may look at: the recipe, the home lake, the sea's side, the
/// village square (once placed) and the ground.
struct HomeSetting {
    let recipe: Recipe
    let lake: Lake?
    let seaward: Vec2?
    let hasSea: Bool
    var villageCenter: Vec2 { villageCentre ?? .zero }
    var villageCentre: Vec2?
    let context: PlacementContext

    /// How many the recipe asks for, within 1…`limit`.
    func count(_ f: FeatureKind, default d: Int = 1, limit: Int) -> Int { max(1, min(recipe.feature(f)?.count ?? d, limit)) }
}
