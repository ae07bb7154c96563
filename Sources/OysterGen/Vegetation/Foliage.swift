import OysterCore

/// What one tree's crown wears at its time of year. The world chooses it per tree from the
/// season and the tree's position bits (`Season.foliage`), so every tile agrees; the kit
/// builds the same trunk and branches whatever the foliage, only the crown changes.
public enum Foliage: Hashable, Sendable {
    /// The leaves' own colour (the season's palette does the rest: spring's fresh green).
    case leaves
    /// Autumn colour: the whole crown one hue, each clump a little lighter or darker.
    case turned(AutumnHue)
    /// Spring blossom: most clumps in flower, pink or white, a few already in leaf.
    case blossom(white: Bool)
    /// Winter: broadleaf and birch crowns bare, conifer tiers carrying snow.
    case winter

    /// What the kit cache key adds, so trees of one shape and several foliages are kept apart
    /// (the shape's seed stays the key's without it).
    var keySuffix: String {
        switch self {
        case .leaves: return ""
        case .turned(let hue): return "-" + hue.rawValue
        case .blossom(let white): return white ? "-blossom-white" : "-blossom-pink"
        case .winter: return "-winter"
        }
    }
}

/// The colours autumn turns a broadleaf crown, as tints over the season's golden leaf texture.
public enum AutumnHue: String, CaseIterable, Hashable, Sendable {
    case yellow, orange, red, brown

    /// Vertex tint multiplying the autumn leaf albedo (0.90, 0.62, 0.16).
    var tint: Vec3 {
        switch self {
        case .yellow: return Vec3(1.0, 1.08, 1.0)
        case .orange: return Vec3(1.0, 0.74, 0.65)
        case .red: return Vec3(0.95, 0.36, 0.45)
        case .brown: return Vec3(0.62, 0.52, 0.55)
        }
    }
}

extension Season {
    /// The foliage of a tree of `species` whose position gave `bits` (a scatter candidate's):
    /// a share of oaks in blossom in spring, one autumn hue per tree, bare deciduous trees and
    /// snow-laden conifers in winter. Palms and dead trees are the same all year.
    func foliage(_ species: Species, bits: UInt64) -> Foliage {
        // Bits 8…47 already chose the species, rotation, size and variant: these are free.
        let roll = Float((bits >> 48) & 0xFFF) / 4096
        switch (self, species) {
        case (.summer, _), (_, .palm), (_, .dead), (_, .cactus), (_, .grass), (_, .flowers), (_, .bush): return .leaves
        case (.spring, .oak), (.spring, .willow): return roll < 0.4 ? .blossom(white: roll < 0.14) : .leaves
        case (.spring, _): return .leaves
        case (.autumn, .oak), (.autumn, .willow):
            return .turned(roll < 0.25 ? .yellow : roll < 0.6 ? .orange : roll < 0.8 ? .red : .brown)
        case (.autumn, .birch): return .turned(roll < 0.8 ? .yellow : .orange)
        case (.autumn, _): return .leaves
        case (.winter, _): return .winter
        }
    }
}

extension Vegetation {
    /// One clump of a broadleaf or birch crown, as `foliage` dresses it. Every foliage draws
    /// the same random numbers as green leaves, so the branches grown after it are the same
    /// in every season.
    static func crownClump(_ b: inout MeshBuilder, _ foliage: Foliage, center: Vec3, radii: Vec3, subdivisions: Int,
                           rng: inout KitRandom, warmth: Float = 0) {
        let tint = leafTint(&rng, warmth: warmth)
        switch foliage {
        case .leaves:
            leafBlob(&b, .leaves, center: center, radii: radii, subdivisions: subdivisions, rng: &rng, tint: tint)
        case .turned(let hue):
            // The green tint's lightness only: the hue is the tree's.
            let c = hue.tint * tint.y
            leafBlob(&b, .leaves, center: center, radii: radii, subdivisions: subdivisions, rng: &rng, tint: Vec4(c.x, c.y, c.z, 1))
        case .blossom(let white):
            // About one clump in five is already in leaf.
            if tint.y < 0.86 {
                leafBlob(&b, .leaves, center: center, radii: radii, subdivisions: subdivisions, rng: &rng, tint: tint)
            } else {
                let petal = white ? Vec3(1, 1, 1) : Vec3(1, 0.70, 0.82)
                let c = petal * (0.9 + 0.1 * (tint.y - 0.82) / 0.18)
                leafBlob(&b, .blossom, center: center, radii: radii, subdivisions: subdivisions, rng: &rng, tint: Vec4(c.x, c.y, c.z, 1))
            }
        case .winter:
            _ = rng.next()  // the clump's noise seed, drawn as leafBlob would
        }
    }
}
