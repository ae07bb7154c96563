import OysterCore

/// The colours and surface properties of every kind, tinted by biome: shared by the texture
/// baker and the terrain's vertex-colour blending so both agree.
enum Palette {
    /// Main albedo (sRGB 0…1) of a kind in a biome.
    static func albedo(_ kind: SurfaceKind, _ biome: Biome) -> Vec3 {
        switch kind {
        case .grass:
            switch biome {
            case .tropical: return Vec3(0.30, 0.52, 0.16)
            case .tundra: return Vec3(0.50, 0.50, 0.30)
            case .swamp: return Vec3(0.28, 0.36, 0.16)
            case .desert: return Vec3(0.55, 0.52, 0.28)
            case .alpine: return Vec3(0.34, 0.46, 0.20)
            case .temperate: return Vec3(0.33, 0.50, 0.18)
            }
        case .dirt: return biome == .desert ? Vec3(0.62, 0.46, 0.30) : Vec3(0.42, 0.32, 0.22)
        case .sand: return biome == .desert ? Vec3(0.86, 0.70, 0.46) : Vec3(0.82, 0.74, 0.56)
        case .rock: return biome == .desert ? Vec3(0.62, 0.44, 0.32) : Vec3(0.46, 0.44, 0.42)
        case .snow: return Vec3(0.92, 0.94, 0.97)
        case .mud: return Vec3(0.30, 0.25, 0.18)
        case .gravel: return Vec3(0.55, 0.52, 0.48)
        case .water: return Vec3(0.10, 0.28, 0.36)
        case .bark: return Vec3(0.34, 0.25, 0.18)
        case .birchBark: return Vec3(0.86, 0.84, 0.78)
        case .leaves: return biome == .tundra ? Vec3(0.46, 0.48, 0.24) : Vec3(0.32, 0.50, 0.18)
        case .needles: return Vec3(0.20, 0.36, 0.20)
        case .palmLeaves: return Vec3(0.30, 0.52, 0.16)
        case .grassBlades: return albedo(.grass, biome) * 1.1
        case .bushLeaves: return Vec3(0.30, 0.46, 0.18)
        case .flowers: return Vec3(0.85, 0.75, 0.30)
        case .stoneWall: return Vec3(0.56, 0.54, 0.50)
        case .brick: return Vec3(0.62, 0.32, 0.22)
        case .plaster: return Vec3(0.88, 0.84, 0.74)
        case .woodPlanks: return Vec3(0.55, 0.40, 0.26)
        case .timber: return Vec3(0.32, 0.22, 0.14)
        case .roofTiles: return Vec3(0.62, 0.28, 0.18)
        case .thatch: return Vec3(0.70, 0.58, 0.34)
        case .slate: return Vec3(0.30, 0.32, 0.36)
        case .glass: return Vec3(0.55, 0.68, 0.75)
        case .door: return Vec3(0.40, 0.26, 0.15)
        case .metal: return Vec3(0.55, 0.56, 0.58)
        case .cobblestone: return Vec3(0.50, 0.48, 0.45)
        case .dungeonFloor: return Vec3(0.38, 0.36, 0.33)
        case .dungeonWall: return Vec3(0.42, 0.40, 0.37)
        case .cloth: return Vec3(0.60, 0.15, 0.12)
        case .gold: return Vec3(1.00, 0.77, 0.34)
        case .fire: return Vec3(1.00, 0.60, 0.20)
        // MARK: Weather
        case .rain: return Vec3(0.78, 0.84, 0.92)
        case .snowflake: return Vec3(0.97, 0.98, 1.00)
        case .mist: return Vec3(0.86, 0.88, 0.90)
        // MARK: Dungeon kit
        case .ashlar: return Vec3(0.58, 0.55, 0.50)
        case .mortar: return Vec3(0.16, 0.15, 0.14)
        case .bone: return Vec3(0.86, 0.82, 0.70)
        case .wax: return Vec3(0.93, 0.89, 0.76)
        case .ice: return Vec3(0.72, 0.84, 0.92)
        // MARK: Characters: near white; vertex colours carry the tone or dye
        case .skin, .fabric, .hair, .leather: return Vec3(0.94, 0.93, 0.92)
        case .crop: return Vec3(0.94, 0.92, 0.88)
        // MARK: Spring blossom: near white; a tree's vertex tint makes it pink or leaves it white
        case .blossom: return Vec3(0.97, 0.93, 0.94)
        // MARK: Volcanic land: near-black sand and rock, grey ash, lava's orange
        case .blackSand: return Vec3(0.12, 0.115, 0.11)
        case .ash: return Vec3(0.31, 0.29, 0.27)
        case .basalt: return Vec3(0.16, 0.15, 0.15)
        case .lava: return Vec3(1.00, 0.42, 0.08)
        case .smoke: return Vec3(0.42, 0.40, 0.39)
        }
    }

    /// Perceptual roughness of a kind (0 mirror … 1 chalk).
    static func roughness(_ kind: SurfaceKind) -> Float {
        switch kind {
        case .water: return 0.05
        case .ice: return 0.25
        case .glass: return 0.08
        case .gold: return 0.3
        case .metal: return 0.45
        case .snow: return 0.7
        case .mud: return 0.55
        case .leaves, .palmLeaves, .bushLeaves, .needles, .blossom: return 0.75
        case .slate, .roofTiles: return 0.7
        case .wax: return 0.45
        case .bone: return 0.6
        case .skin: return 0.55
        case .hair: return 0.6
        case .leather: return 0.65
        case .crop: return 0.8
        case .blackSand: return 0.85
        case .lava: return 0.6
        default: return 0.9
        }
    }

    static func metallic(_ kind: SurfaceKind) -> Float {
        kind == .gold || kind == .metal ? 1 : 0
    }
}
