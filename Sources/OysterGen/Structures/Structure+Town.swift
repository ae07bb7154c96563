import OysterCore

/// The parts of a town. They are placed only by the town's plan (`TownPlan`), so none is in
/// `Structure.all`: prompts ask for the town, never for its rows or its square.
extension Structure {
    /// A row of terraced houses along a street (`TownPlan`): stands on its own foundations at
    /// the street's level, so its pad flattens nothing. Its kit without a plan's lot: three
    /// houses on level ground.
    static let terrace: Structure = Structure(
        name: "terrace", feature: nil, words: "", padRadius: 8, maxSlope: 1, flattens: false,
        build: { seed, _ in Buildings.terrace(.sample(seed: seed), seed: seed) })

    /// A town's square: flattened, paved, with a fountain, market stalls, benches and lamps.
    static let townSquare: Structure = Structure(
        name: "square", feature: nil, words: "", padRadius: 12, maxSlope: 0.3,
        build: { seed, _ in Props.fountain(seed: seed) })

    /// The church on a town's square (stands on the square's pad).
    static let church: Structure = Structure(
        name: "church", feature: nil, words: "", padRadius: 9, maxSlope: 0.3, flattens: false,
        build: { seed, _ in Buildings.church(seed: seed) })

    /// A stone bridge where a town street crosses the river, its deck at the street's level.
    static let bridge: Structure = Structure(
        name: "bridge", feature: nil, words: "", padRadius: 7, maxSlope: 1, flattens: false,
        build: { seed, _ in Buildings.bridge(length: 16, width: 4, stone: true, seed: seed) })

    /// A stretch of a walled town's wall, a gate where a street leaves the town.
    static let townWall: Structure = Structure(
        name: "townwall", feature: nil, words: "", padRadius: 4, maxSlope: 1, flattens: false,
        build: { seed, _ in Buildings.castleWall(CastleWallParams(length: 16, height: 6, thickness: 2), seed: seed) })

    /// A harbour town's quay where a street runs down to the sea.
    static let quay: Structure = Structure(
        name: "quay", feature: nil, words: "", padRadius: 6, maxSlope: 1, flattens: false,
        build: { seed, _ in Buildings.quay(seed: seed) })

    /// A stretch of a modern town's street (`TownPlan.streetSections`): asphalt with markings,
    /// kerbs, parked cars and street lights over the graded street. Its kit without a plan: a
    /// straight 24 m stretch on level ground.
    static let townStreet: Structure = Structure(
        name: "street", feature: nil, words: "", padRadius: 1, maxSlope: 1, flattens: false,
        build: { seed, _ in Buildings.street(.sample(), seed: seed) })
}
