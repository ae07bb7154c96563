import OysterCore

/// Buildings from a small shape grammar: footprint → walls with cut openings (doors with
/// frames, windows with sills) → roof → details. Every function is pure: parameters + seed →
/// `KitModel`, origin at ground level in the middle of the footprint, front towards +Z.
public enum Buildings {}

/// What a house's walls are made of.
public enum WallStyle: String, Sendable, Hashable, CaseIterable {
    /// White plaster between dark timber beams (posts, rails, braces).
    case timberFramed
    case stone
    /// Brick with stone corner quoins.
    case brick
    /// Wooden plank siding with corner posts.
    case planks
}

/// Parameters for a house.
public struct HouseParams: Sendable, Hashable {
    /// Along X (the ridge direction), metres.
    public var width: Float
    /// Along Z, metres.
    public var depth: Float
    /// 1–3 storeys of 2.8 m.
    public var floors: Int
    public var roof: RoofStyle
    public var wallStyle: WallStyle
    /// `.roofTiles`, `.thatch` or `.slate`.
    public var roofKind: SurfaceKind
    public var chimney: Bool
    public var shutters: Bool

    public init(width: Float = 7, depth: Float = 5.5, floors: Int = 1, roof: RoofStyle = .gable, wallStyle: WallStyle = .timberFramed,
                roofKind: SurfaceKind = .roofTiles, chimney: Bool = true, shutters: Bool = true) {
        self.width = width
        self.depth = depth
        self.floors = floors
        self.roof = roof
        self.wallStyle = wallStyle
        self.roofKind = roofKind
        self.chimney = chimney
        self.shutters = shutters
    }

    /// A varied but plausible village house for `seed`.
    public static func random(seed: UInt64) -> HouseParams {
        var r = KitRandom(seed: seed ^ 0x486F_7573_65)
        let w = r.float(in: 6...10)
        return HouseParams(width: w, depth: min(w - 0.5, r.float(in: 5...7)), floors: r.chance(0.4) ? 2 : 1,
                           roof: r.chance(0.7) ? .gable : .hip, wallStyle: r.pick(WallStyle.allCases),
                           roofKind: r.pick([.roofTiles, .roofTiles, .thatch, .slate]), chimney: r.chance(0.75), shutters: r.chance(0.6))
    }
}
