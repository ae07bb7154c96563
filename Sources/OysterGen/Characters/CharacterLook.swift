import OysterCore

/// What a character wears and looks like: body size, garments, hair, headwear and colours.
/// A pure function of (role, seed, palette), so the same seed dresses the same person.
public struct CharacterLook: Hashable, Sendable {
    /// The pieces of clothing a body can wear; several combine (a knight: armour, cloak,
    /// trousers, boots).
    public enum Garment: String, CaseIterable, Hashable, Sendable {
        case tunic, dress, robe, cloak, armour, apron, trousers, boots, belt
    }

    /// Hair cut (or none).
    public enum Hair: String, CaseIterable, Hashable, Sendable {
        case bald, short, long, bun, tonsure
    }

    /// What is worn on the head.
    public enum Headwear: String, CaseIterable, Hashable, Sendable {
        case none, hoodDown, strawHat, cap, helmet
    }

    public var role: CharacterRole
    public var height: Float
    public var build: Float
    public var garments: Set<Garment>
    public var hair: Hair
    public var headwear: Headwear
    /// Linear colours (vertex colours over near-white textures).
    public var skinTone: Vec4
    public var hairColor: Vec4
    /// The main dye (tunic, dress, robe) and the second one (trousers, cloak, cap).
    public var primary: Vec4
    public var secondary: Vec4
    public var leatherColor: Vec4

    /// The look of a `role` for `seed`, dyed from `palette`.
    public init(role: CharacterRole, seed: UInt64, palette: CharacterPalette) {
        var r = KitRandom(seed: seed)
        self.role = role
        height = r.float(in: 1.58...1.86)
        build = r.float(in: 0.2...0.8)
        skinTone = r.pick(palette.skinTones)
        hairColor = r.pick(palette.hairColors)
        primary = r.pick(palette.dyes)
        secondary = r.pick(palette.dyes)
        if secondary == primary { secondary = palette.undyed }
        leatherColor = r.pick(palette.leathers)
        hair = r.pick([.short, .short, .long, .bun, .bald])
        headwear = .none
        switch role {
        case .villager:
            garments = r.chance(0.5) ? [.dress, .belt, .boots] : [.tunic, .trousers, .belt, .boots]
        case .farmer:
            garments = [.tunic, .trousers, .apron, .boots]
            headwear = r.chance(0.7) ? .strawHat : .none
            primary = palette.undyed
        case .merchant:
            garments = [.robe, .belt, .boots]
            headwear = .cap
            build = max(build, 0.6)
        case .guard:
            garments = [.tunic, .trousers, .armour, .boots, .belt]
            headwear = .helmet
            primary = palette.heraldic
            height = max(height, 1.7)
        case .knight:
            garments = [.tunic, .trousers, .armour, .cloak, .boots, .belt]
            headwear = .helmet
            primary = palette.heraldic
            secondary = palette.heraldic * Vec4(0.55, 0.55, 0.55, 1)
            height = max(height, 1.74)
            build = max(build, 0.55)
        case .monk:
            garments = [.robe, .belt]
            headwear = .hoodDown
            hair = .tonsure
            primary = palette.monastic
            secondary = palette.undyed
        case .adventurer:
            garments = [.tunic, .trousers, .cloak, .boots, .belt]
            headwear = r.chance(0.5) ? .hoodDown : .none
        case .skeleton:
            garments = []
            hair = .bald
            skinTone = Vec4(1, 1, 1, 1)
        }
        if palette.modern { dressModern(&r, palette: palette) }
    }

    /// Today's clothes for a modern town's people, drawn after the rest so the same seed
    /// keeps its height, build, skin and hair: coats or long shirts over trousers, dresses,
    /// no belts, cloaks, robes or hoods; merchants in dark suits, guards in navy with caps.
    /// Knights, monks and the dead keep their own.
    private mutating func dressModern(_ r: inout KitRandom, palette: CharacterPalette) {
        switch role {
        case .villager, .adventurer:
            garments = garments.contains(.dress) ? [.dress, .boots] : [.tunic, .trousers, .boots]
            headwear = .none
        case .farmer:
            garments = [.tunic, .trousers, .apron, .boots]
            headwear = r.chance(0.4) ? .cap : .none
        case .merchant:
            garments = [.tunic, .trousers, .boots]
            headwear = .none
            primary = r.pick(CharacterPalette.suits)
            secondary = primary
        case .guard:
            garments = [.tunic, .trousers, .boots, .belt]
            headwear = .cap
            primary = CharacterPalette.suits[1]
            secondary = primary
        case .knight, .monk, .skeleton:
            break
        }
    }
}

/// Colours (linear RGBA) for people in one world: skin tones and hair colours people have, and the dyes
/// its biome's cloth takes (madder, woad and weld where those grow; indigo and saffron in
/// the desert; dark wool in the cold). Guards and knights all wear the world's one heraldic
/// colour, chosen from its seed, so a castle's garrison matches.
public struct CharacterPalette: Hashable, Sendable {
    public var skinTones: [Vec4]
    public var hairColors: [Vec4]
    public var dyes: [Vec4]
    public var leathers: [Vec4]
    public var undyed: Vec4
    public var heraldic: Vec4
    public var monastic: Vec4
    /// A modern town's people: today's dyes (denim, greys, black, white, navy, beige, a red),
    /// and today's clothes (`CharacterLook`).
    public var modern: Bool

    /// Dark suit cloth: charcoal, navy, black.
    static let suits: [Vec4] = [Vec4(0.035, 0.035, 0.04, 1), Vec4(0.018, 0.03, 0.09, 1), Vec4(0.012, 0.012, 0.014, 1)]

    /// The palette of a world in `biome` with `seed`; `modern` for a modern town's people.
    public init(biome: Biome, seed: UInt64, modern: Bool = false) {
        self.modern = modern
        // Written as sRGB (how colours are picked), stored linear: COLOR_0 multiplies the
        // base colour in linear space (glTF §3.9.2).
        func c(_ r: Float, _ g: Float, _ b: Float) -> Vec4 { Vec4(kpow(r, 2.2), kpow(g, 2.2), kpow(b, 2.2), 1) }
        skinTones = [c(0.93, 0.76, 0.64), c(0.86, 0.66, 0.52), c(0.72, 0.52, 0.38), c(0.55, 0.38, 0.26), c(0.38, 0.25, 0.17)]
        hairColors = [c(0.10, 0.07, 0.05), c(0.30, 0.19, 0.10), c(0.55, 0.38, 0.20), c(0.80, 0.65, 0.38), c(0.52, 0.22, 0.10), c(0.62, 0.60, 0.58)]
        leathers = [c(0.36, 0.22, 0.12), c(0.25, 0.16, 0.10), c(0.45, 0.32, 0.20)]
        undyed = c(0.80, 0.74, 0.62)
        switch biome {
        case .desert:
            dyes = [c(0.16, 0.22, 0.48), c(0.88, 0.62, 0.18), c(0.92, 0.90, 0.84), c(0.62, 0.30, 0.18)]
        case .tropical:
            dyes = [c(0.85, 0.35, 0.12), c(0.18, 0.55, 0.45), c(0.92, 0.78, 0.20), c(0.75, 0.20, 0.35)]
        case .alpine, .tundra:
            dyes = [c(0.30, 0.30, 0.32), c(0.55, 0.14, 0.12), c(0.22, 0.28, 0.42), c(0.45, 0.38, 0.30)]
        case .swamp:
            dyes = [c(0.30, 0.36, 0.20), c(0.38, 0.30, 0.20), c(0.42, 0.40, 0.30), c(0.26, 0.30, 0.32)]
        case .temperate:
            dyes = [c(0.62, 0.16, 0.12), c(0.20, 0.30, 0.55), c(0.55, 0.58, 0.22), c(0.45, 0.30, 0.18), c(0.35, 0.45, 0.30)]
        }
        if modern {
            dyes = [c(0.24, 0.34, 0.52), c(0.24, 0.34, 0.52), c(0.20, 0.20, 0.22), c(0.55, 0.56, 0.58), c(0.92, 0.92, 0.90),
                    c(0.16, 0.20, 0.34), c(0.72, 0.64, 0.50), c(0.66, 0.14, 0.14)]
        }
        let heraldry = [c(0.62, 0.08, 0.08), c(0.10, 0.18, 0.52), c(0.08, 0.35, 0.15), c(0.55, 0.42, 0.05), c(0.30, 0.10, 0.38)]
        heraldic = heraldry[Int(StableSeed.of("characters/heraldry", in: seed) % UInt64(heraldry.count))]
        monastic = biome == .desert ? c(0.82, 0.78, 0.68) : c(0.30, 0.22, 0.14)
    }
}
