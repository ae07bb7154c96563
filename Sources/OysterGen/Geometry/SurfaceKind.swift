/// The surfaces generated geometry is made of. Builders tag triangles with a kind; the world
/// assembler turns each kind used into one procedural PBR material (baked textures), so
/// everything made of the same surface shares a material and merges into few draw calls.
public enum SurfaceKind: String, CaseIterable, Hashable, Sendable, Comparable {
    // Ground
    case grass, dirt, sand, rock, snow, mud, gravel
    // Water
    case water
    // Vegetation
    case bark, leaves, needles, palmLeaves, grassBlades, bushLeaves, flowers
    // Buildings
    case stoneWall, brick, plaster, woodPlanks, timber, roofTiles, thatch, slate, glass, door, metal, cobblestone
    // Dungeon and props
    case dungeonFloor, dungeonWall, cloth, gold, fire
    // Added by the asset kits: white birch bark (so `bark` stays brown)
    case birchBark
    // MARK: - Weather: rain streaks, snowflakes, mist banks; textured with
    // RGBA alpha by WeatherTextures, not by MaterialBaker.
    case rain, snowflake, mist
    // MARK: - Dungeon kit: dressed stone with real block geometry, dark mortar
    // joints, bone and candle wax.
    case ashlar, mortar, bone, wax
    // MARK: - Frozen water: lakes and rivers of a `frozen` world.
    case ice
    // MARK: - Characters: skin, dyed cloth, hair and leather, each near white so a
    // vertex colour (a skin tone, a dye) is the colour seen.
    case skin, fabric, hair, leather
    // MARK: - Spring blossom on broadleaf crowns (pink or white by vertex colour); last, so
    // the kinds before it keep their order.
    case blossom
    // MARK: - Volcanic land (a recipe's `volcano`): black sand where other worlds have sand,
    // ash on the cone, basalt where they have rock, glowing lava, and the crater's smoke
    // (alpha-blended like the weather kinds, textured by WeatherTextures).
    case blackSand, ash, basalt, lava, smoke
    // MARK: - A field's crop (wheat, cabbages): near white, so the vertex colour (the crop
    // and how far the season has brought it) is the colour seen, in every season; last, so
    // the kinds before it keep their order.
    case crop

    /// Kinds only characters use (the shared texture folders of a world with nobody in it
    /// leave these out).
    public static let characterKinds: Set<SurfaceKind> = [.skin, .fabric, .hair, .leather]

    /// Kinds only a world with a volcano uses (other worlds' shared texture folders leave
    /// these out, so they keep their files).
    public static let volcanicKinds: Set<SurfaceKind> = [.blackSand, .ash, .basalt, .lava, .smoke]

    public static func < (a: SurfaceKind, b: SurfaceKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
