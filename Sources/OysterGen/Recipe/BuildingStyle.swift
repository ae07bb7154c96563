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
    /// Read and reported; the kits have no modern buildings yet (apartment and office blocks
    /// are a later slice).
    case modern

    /// Whether the building kits honour it. The others are kept in the recipe and reported
    /// on every run, and the world is built in the biome's own look.
    public var isBuilt: Bool { self != .japanese && self != .modern }

    /// Paints of a nordic style's walls (sRGB multipliers of planks or plaster): Falu red
    /// most, then ochre and a grey green.
    static let nordicPaints: [Vec4] = [Vec4(1.0, 0.42, 0.34, 1), Vec4(1.0, 0.42, 0.34, 1), Vec4(1.0, 0.86, 0.5, 1), Vec4(0.72, 0.82, 0.72, 1)]
    /// Paints of a mediterranean style's plaster: whitewash most, then cream and a pale rose.
    static let mediterraneanPaints: [Vec4] = [Vec4(1, 1, 1, 1), Vec4(1, 1, 1, 1), Vec4(1.0, 0.94, 0.8, 1), Vec4(1.0, 0.86, 0.8, 1)]
}
