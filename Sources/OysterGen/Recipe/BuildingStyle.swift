import OysterCore

/// How a world's buildings look: their walls, roofs and colours. A recipe without one builds
/// what its biome suggests (the look before styles), so it keeps its bytes.
public enum BuildingStyle: String, CaseIterable, Hashable, Sendable {
    /// Timber-framed plaster and stone under thatch, tiles or slate (the default look, without
    /// brick).
    case medieval
    /// Stone and plank cottages of one storey, under thatch.
    case rustic
    /// Plank houses painted Falu red, ochre or white, under steep slate roofs; town fronts in
    /// the same paints.
    case nordic
    /// White plaster under low roofs of terracotta tiles, no chimneys; town fronts whitewashed
    /// or in pale paints.
    case mediterranean
    /// Read and reported; the kits have no Japanese buildings yet.
    case japanese
    /// Flat-roofed rendered houses in a village; in a town, apartment and office blocks along
    /// asphalt streets with markings, parked cars and street lights, and a park for a square.
    case modern

    /// Whether the building kits honour it. The others are kept in the recipe and reported
    /// on every run, and the world is built in the biome's own look.
    public var isBuilt: Bool { self != .japanese }

    /// Paints of a nordic style's walls (sRGB multipliers of planks or plaster): Falu red
    /// most, then ochre and a grey green.
    static let nordicPaints: [Vec4] = [Vec4(1.0, 0.42, 0.34, 1), Vec4(1.0, 0.42, 0.34, 1), Vec4(1.0, 0.86, 0.5, 1), Vec4(0.72, 0.82, 0.72, 1)]
    /// Paints of a mediterranean style's plaster: whitewash most, then cream and a pale rose.
    /// Paints of a modern style's render (sRGB multipliers of plaster): white most, then a
    /// light grey, a warm sand and an anthracite grey.
    static let modernPaints: [Vec4] = [Vec4(1, 1, 1, 1), Vec4(1, 1, 1, 1), Vec4(0.82, 0.83, 0.85, 1), Vec4(0.96, 0.9, 0.78, 1), Vec4(0.42, 0.43, 0.45, 1)]
    static let mediterraneanPaints: [Vec4] = [Vec4(1, 1, 1, 1), Vec4(1, 1, 1, 1), Vec4(1.0, 0.94, 0.8, 1), Vec4(1.0, 0.86, 0.8, 1)]
}
