/// The time of year: what the leaves, the grass, the ground and the water look like. Summer is
/// the look every world had before seasons existed, so a recipe without a season (and one that
/// says "summer") keeps its bytes.
public enum Season: String, CaseIterable, Hashable, Sendable {
    /// Fresh light green leaves and grass, flowers in the grass, blossom on some broadleaf trees.
    case spring
    /// The default: the palette as it always was.
    case summer
    /// Broadleaf crowns orange, red, yellow and brown (one colour per tree), golden grass.
    case autumn
    /// Broadleaf trees bare, conifers snow-laden, ground and roofs under snow, lakes frozen.
    case winter
}
