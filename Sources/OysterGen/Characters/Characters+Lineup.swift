import OysterCore

/// Characters on their own: a lineup scene, one asset file per kit as the other kits have.
public enum Characters {
    /// The character of `role` number `index` in a world of `recipe`: seeded from the world
    /// seed and a name saying what it is, dressed from the world's palette.
    public static func make(_ role: CharacterRole, index: Int, recipe: Recipe) -> Character {
        Character(role: role, seed: StableSeed.of("character/\(role.rawValue)/\(index)", in: recipe.seed),
                  palette: CharacterPalette(biome: recipe.biome, seed: recipe.seed, modern: recipe.style == .modern))
    }

    /// The animal of `species` number `index` in a world of `recipe`, seeded like people.
    public static func make(_ species: AnimalSpecies, index: Int, recipe: Recipe) -> Animal {
        Animal(species: species, seed: StableSeed.of("animal/\(species.rawValue)/\(index)", in: recipe.seed))
    }

    /// The bird of `species` number `index` in a world of `recipe`, seeded like people.
    public static func make(_ species: BirdSpecies, index: Int, recipe: Recipe) -> Bird {
        Bird(species: species, seed: StableSeed.of("bird/\(species.rawValue)/\(index)", in: recipe.seed))
    }

    /// The fish of `species` number `index` in a world of `recipe`, seeded like people.
    public static func make(_ species: FishSpecies, index: Int, recipe: Recipe) -> Fish {
        Fish(species: species, seed: StableSeed.of("fish/\(species.rawValue)/\(index)", in: recipe.seed))
    }

    /// `roles` standing in a row; see `lineup(_:recipe:bakeTextures:)` for kinds.
    public static func lineup(_ roles: [CharacterRole], recipe: Recipe, bakeTextures: Bool = true) -> Scene {
        lineup(roles.map { CharacterKind.person($0) }, recipe: recipe, bakeTextures: bakeTextures)
    }

    /// People and animals (at most `Recipe.maxCharacters` of each, as a world holds) standing
    /// in a row facing +Z on a paved square (people 1.2 m apart, animals as wide as they
    /// need), each with every clip of its kind: animation `walk` makes the people walk in
    /// place, `horse-walk` the horses, `crow-fly` the crows, and so on. Birds stand on the
    /// square with their wings spread (their rest pose); fish hang 40 cm above it. Lit and framed by the recipe's sky and a
    /// camera; materials baked as a world's are.
    public static func lineup(_ kinds: [CharacterKind], recipe: Recipe, bakeTextures: Bool = true) -> Scene {
        var people = 0, animals = 0
        let kinds = kinds.filter { k in
            if case .person = k { people += 1; return people <= Recipe.maxCharacters }
            animals += 1
            return animals <= Recipe.maxAnimals
        }
        func spacing(_ k: CharacterKind) -> Float {
            switch k {
            case .person: return 1.2
            case .animal(let s): return max(1.2, 2 * s.proportions.bodyRadius * s.proportions.bodyWidth + 0.6)
            case .bird(let s): return s.proportions.wingspan + 0.25
            case .fish(let s): return 2 * s.proportions.depth + 0.5
            }
        }
        var xs: [Float] = []
        var x: Float = 0
        for (i, k) in kinds.enumerated() {
            if i > 0 { x += (spacing(kinds[i - 1]) + spacing(k)) / 2 }
            // People alone keep the row they always had (exactly 1.2 m steps).
            xs.append(animals == 0 ? Float(i) * 1.2 : x)
        }
        let width = xs.last ?? 0
        let depth: Float = animals > 0 ? 3.5 : 2.5
        var a = SceneAssembler()
        var ground = MeshBuilder()
        ground.box(.cobblestone, min: Vec3(-width / 2 - 2, -0.1, -depth), max: Vec3(width / 2 + 2, 0, depth))
        if let m = a.addMesh(ground, name: "Ground") { a.add(Node(name: "Ground", mesh: m, role: .terrain), under: nil) }
        let group = a.group(.characters)
        var counts: [CharacterKind: Int] = [:]
        for (i, kind) in kinds.enumerated() {
            let k = counts[kind, default: 0]
            counts[kind] = k + 1
            let at = Vec3(-width / 2 + xs[i], 0, 0)
            switch kind {
            case .person(let role):
                a.addCharacter(make(role, index: k, recipe: recipe), name: k == 0 ? role.displayName : "\(role.displayName)_\(k + 1)",
                               translation: at, yaw: 0, under: group)
            case .animal(let species):
                a.addAnimal(make(species, index: k, recipe: recipe), name: k == 0 ? species.displayName : "\(species.displayName)_\(k + 1)",
                            translation: at, yaw: 0, under: group)
            case .bird(let species):
                a.addAnimal(make(species, index: k, recipe: recipe), name: k == 0 ? species.displayName : "\(species.displayName)_\(k + 1)",
                            translation: at, yaw: 0, under: group)
            case .fish(let species):
                a.addAnimal(make(species, index: k, recipe: recipe), name: k == 0 ? species.displayName : "\(species.displayName)_\(k + 1)",
                            translation: at + Vec3(0, 0.4, 0), yaw: 0, under: group)
            }
        }
        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: [], recipe: recipe, into: &a)
        // Birds and fish alone are small: the camera comes closer and lower.
        let small = !kinds.isEmpty && kinds.allSatisfy { if case .bird = $0 { return true }; if case .fish = $0 { return true }; return false }
        if small {
            Lighting.addCamera(eye: Vec3(0, 0.9, max(2.2, width * 0.8 + 1.2)), target: Vec3(0, 0.25, 0), into: &a)
        } else {
            let distance = max(animals > 0 ? 6 : 4.5, width * 0.95 + 2.5)
            Lighting.addCamera(eye: Vec3(0, 1.6, distance), target: Vec3(0, 0.95, 0), into: &a)
        }
        var options = WorldGenerator.Options()
        options.bakeTextures = bakeTextures
        return WorldGenerator.finish(&a, recipe: recipe, sky: sky, options: options, report: { _, _ in })
    }
}
