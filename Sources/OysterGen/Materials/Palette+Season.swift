import OysterCore

/// The season's colours: what spring, autumn and winter do to the living surfaces (leaves,
/// bushes, grass). Everything else keeps its biome colour, and summer is the biome palette
/// itself, so summer worlds keep their bytes. The texture baker and the terrain's vertex
/// colours both read these, as they read the biome palette.
extension Palette {
    /// Main albedo (sRGB 0…1) of a kind in a biome at a time of year.
    static func albedo(_ kind: SurfaceKind, _ biome: Biome, _ season: Season) -> Vec3 {
        let summer = albedo(kind, biome)
        switch (season, kind) {
        case (.summer, _): return summer
        case (_, .grassBlades): return albedo(.grass, biome, season) * 1.1
        // Fresh growth: lighter, yellower greens.
        case (.spring, .grass): return mix(summer, Vec3(0.42, 0.64, 0.20), 0.6)
        case (.spring, .leaves): return Vec3(0.46, 0.68, 0.24)
        case (.spring, .bushLeaves): return Vec3(0.38, 0.60, 0.20)
        // Turned leaves: a bright golden base, which each tree's tint turns orange, red,
        // yellow or brown (`Foliage.autumn`); russet bushes; grass gone gold and dry.
        case (.autumn, .grass): return mix(summer, Vec3(0.70, 0.55, 0.24), 0.8)
        case (.autumn, .leaves): return Vec3(0.90, 0.62, 0.16)
        case (.autumn, .bushLeaves): return Vec3(0.64, 0.30, 0.13)
        // Dead grass where the snow leaves it showing, withered leaves on the bushes.
        case (.winter, .grass): return mix(summer, Vec3(0.60, 0.54, 0.40), 0.8)
        case (.winter, .leaves), (.winter, .bushLeaves): return Vec3(0.42, 0.34, 0.26)
        default: return summer
        }
    }
}
