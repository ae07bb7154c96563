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
    /// Plain plaster, whitewashed or painted (`HouseParams.wallTint`), with no framing.
    case plastered

    /// The styles a village house is drawn from when no style is asked (the look before
    /// styles: `plastered` came with them, so it is not among these).
    static let villageChoices: [WallStyle] = [.timberFramed, .stone, .brick, .planks]
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
    /// Paint over the walls (an sRGB multiplier of their texture), none for the bare material.
    public var wallTint: Vec4?
    /// Roof pitch (rise over half-span) range; nil for the kit's own by roof material.
    public var pitch: ClosedRange<Float>?

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
                           roof: r.chance(0.7) ? .gable : .hip, wallStyle: r.pick(WallStyle.villageChoices),
                           roofKind: r.pick([.roofTiles, .roofTiles, .thatch, .slate]), chimney: r.chance(0.75), shutters: r.chance(0.6))
    }

    /// This house in `style` (`nordicPaints` on planks, `mediterraneanPaints` on plaster), drawn from `seed` (its size and floors kept, bar rustic's one
    /// storey).
    public mutating func apply(_ style: BuildingStyle, seed: UInt64) {
        var r = KitRandom(seed: seed ^ 0x5717_1E)
        switch style {
        case .medieval:
            if wallStyle == .brick { wallStyle = .timberFramed }
        case .rustic:
            wallStyle = r.pick([.stone, .stone, .planks])
            roofKind = .thatch
            floors = 1
            chimney = true
        case .nordic:
            wallStyle = .planks
            wallTint = r.pick(BuildingStyle.nordicPaints)
            roofKind = .slate
            roof = .gable
            pitch = 0.85...0.95
        case .mediterranean:
            wallStyle = .plastered
            wallTint = r.pick(BuildingStyle.mediterraneanPaints)
            roofKind = .roofTiles
            pitch = 0.32...0.42
            chimney = false
            shutters = true
        case .modern:
            // Rendered walls in white, grey, sand or anthracite under a flat roof; no chimney
            // or shutters; two storeys more often than the village's own.
            wallStyle = .plastered
            wallTint = r.pick(BuildingStyle.modernPaints)
            roof = .flat
            chimney = false
            shutters = false
            if floors == 1 && r.chance(0.6) { floors = 2 }
        case .japanese:
            break
        }
    }
}
