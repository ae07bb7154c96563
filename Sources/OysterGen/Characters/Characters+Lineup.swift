import OysterCore

/// Characters on their own: a lineup scene, one asset file per kit as the other kits have.
public enum Characters {
    /// The character of `role` number `index` in a world of `recipe`: seeded from the world
    /// seed and a name saying what it is, dressed from the world's palette.
    public static func make(_ role: CharacterRole, index: Int, recipe: Recipe) -> Character {
        Character(role: role, seed: StableSeed.of("character/\(role.rawValue)/\(index)", in: recipe.seed),
                  palette: CharacterPalette(biome: recipe.biome, seed: recipe.seed))
    }

    /// `roles` (at most `Recipe.maxCharacters`, as a world holds) standing in a row (1.2 m apart, facing +Z) on a paved square, each with every
    /// clip: animation `walk` makes them all walk in place, and so on. Lit and framed by the
    /// recipe's sky and a camera; materials baked as a world's are.
    public static func lineup(_ roles: [CharacterRole], recipe: Recipe, bakeTextures: Bool = true) -> Scene {
        let roles = Array(roles.prefix(Recipe.maxCharacters))
        var a = SceneAssembler()
        let spacing: Float = 1.2
        let width = Float(max(roles.count, 1) - 1) * spacing
        var ground = MeshBuilder()
        ground.box(.cobblestone, min: Vec3(-width / 2 - 2, -0.1, -2.5), max: Vec3(width / 2 + 2, 0, 2.5))
        if let m = a.addMesh(ground, name: "Ground") { a.add(Node(name: "Ground", mesh: m, role: .terrain), under: nil) }
        let group = a.group(.characters)
        var counts: [CharacterRole: Int] = [:]
        for (i, role) in roles.enumerated() {
            let k = counts[role, default: 0]
            counts[role] = k + 1
            let character = make(role, index: k, recipe: recipe)
            a.addCharacter(character, name: k == 0 ? role.displayName : "\(role.displayName)_\(k + 1)",
                           translation: Vec3(-width / 2 + Float(i) * spacing, 0, 0), yaw: 0, under: group)
        }
        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: [], recipe: recipe, into: &a)
        let distance = max(4.5, width * 0.95 + 2.5)
        Lighting.addCamera(eye: Vec3(0, 1.6, distance), target: Vec3(0, 0.95, 0), into: &a)
        var options = WorldGenerator.Options()
        options.bakeTextures = bakeTextures
        return WorldGenerator.finish(&a, recipe: recipe, sky: sky, options: options, report: { _, _ in })
    }
}
