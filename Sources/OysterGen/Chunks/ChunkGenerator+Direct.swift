import OysterCore

/// What a director changes in a streamed world without regenerating it (an action script's
/// `set-time`, `weather` and `spawn`): the light of an hour and a weather, weather geometry
/// round a camera, and things from the registries placed on the ground. Each is a pure
/// function of the world, its arguments and the seed, so a replayed script gives the same
/// bytes.
extension ChunkGenerator.Stream {
    // MARK: - Light

    /// The sun (or moon), sky and fog of `hour` (0–24) in `weather`, as the generator lights a
    /// world made for that hour: `Sky`'s sun path and colours, the sun's illuminance in the
    /// tiles' light units (photometric), and whether lamps burn (from dusk to dawn).
    public func environment(hour: Float, weather: Weather) -> Environment {
        let sky = Sky(hour: hour, weather: weather)
        var e = sky.environment
        e.sunDirection = sky.sunDirection
        e.sunColor = sky.sunColor
        e.sunIntensity = sky.sunIntensity * Lighting.photometricScale
        e.weather = weather.rawValue
        e.lampsLit = sky.lampsLit
        return e
    }

    /// The light units of every tile, spawn and weather scene of the stream.
    public static var lightUnits: LightUnits { Lighting.units }

    /// Whether lamps, lit windows and torches would burn at `hour` (the sun below a few degrees).
    public static func lampsLit(hour: Float) -> Bool { Sky(hour: hour, weather: .clear).lampsLit }

    // MARK: - Weather

    /// Whether `weather` has geometry (rain, snow, or mist banks), given the world's moods.
    public func hasWeatherGeometry(_ weather: Weather) -> Bool {
        var r = map.recipe
        r.weather = weather
        return weather == .rain || weather == .snow || WeatherEffects(recipe: r, sky: Sky(hour: 12, weather: weather), eye: .zero, target: Vec3(0, 0, -1), yfov: 1, aspect: 1).mistLayers > 0
    }

    /// Rain, snow and mist of `weather` at `hour`, on the world's ground round a camera at `eye`
    /// looking at `target` (vertical field of view `yfov` radians, `aspect` width over height),
    /// as a scene of its own (role `weather`, animated: rain falls one period a second, snow
    /// drifts): the same geometry `--weather-camera` puts in a generated file. Nil in clear
    /// weather without mist.
    public func weather(_ weather: Weather, hour: Float, eye: Vec3, target: Vec3, yfov: Float, aspect: Float) -> Scene? {
        guard hasWeatherGeometry(weather) else { return nil }
        var recipe = map.recipe
        recipe.weather = weather
        recipe.timeOfDay = hour
        let sky = Sky(recipe: recipe)
        var a = SceneAssembler()
        let mid = (eye + target) * 0.5
        let features = map.features(minX: mid.x - 420, minZ: mid.z - 420, maxX: mid.x + 420, maxZ: mid.z + 420)
        let ground = WeatherGround(height: { features.height($0, $1) }, waterLevel: { features.waterLevel($0, $1) })
        WeatherEffects(recipe: recipe, sky: sky, eye: eye, target: target, yfov: yfov, aspect: aspect).add(on: ground, into: &a)
        a.finishMaterials([], recipe: recipe)
        WeatherEffects.finishMaterials(&a, recipe: recipe, sky: sky, textured: true)
        return a.finish(recipe: recipe, extras: .object([LightUnits.extrasKey: .string(Lighting.units.rawValue)]))
    }

    // MARK: - Spawned things

    /// What `spawn` places: every structure kind (`Structure.all`), every tree species and
    /// the bush, cactus, grass and flowers, a rock, every person's role and every animal.
    public static let spawnable: [String] = Structure.all.map(\.name) + Species.allCases.map(\.rawValue) + ["rock"]
        + CharacterRole.allCases.map(\.rawValue) + AnimalSpecies.allCases.map(\.rawValue) + BirdSpecies.allCases.map(\.rawValue)
        + FishSpecies.allCases.map(\.rawValue)

    /// `thing` (one of `spawnable`) standing on the ground at (x, z), turned `heading` radians
    /// to the right (clockwise seen from above), as a scene of its own: a structure (role
    /// structure: solid, like a generated one) or a plant or rock. Its variant is seeded by
    /// what and where it is, so the same spawn in the same world is the same thing. Its
    /// materials refer to the shared textures as tiles' do (`ChunkGenerator.materialFolder`).
    /// Nil for a name not in `spawnable`.
    /// With `lamps` its windows glow whatever the hour, for a frame's light to put out (as a
    /// tile's with `lamps`); with `light`, they glow as that hour and weather say (an export's).
    public func spawn(_ thing: String, x: Float, z: Float, heading: Float, lamps: Bool = false,
                      light: (hour: Float, weather: Weather)? = nil) -> Scene? {
        var recipe = map.recipe
        if let light {
            recipe.timeOfDay = light.hour
            recipe.weather = light.weather
        }
        let name = "spawn/\(thing)/\(Int(x.rounded(.down)))_\(Int(z.rounded(.down)))"
        let seed = StableSeed.of(name, in: recipe.seed)
        let kit: KitModel, group: WorldGroup
        if let s = Structure.named(thing) {
            (kit, group) = (s.build(seed, recipe).dressed(for: recipe.season), .buildings)
        } else if let species = Species(rawValue: thing) {
            let foliage = recipe.season.foliage(species, bits: SplitMix64.mix(seed))
            (kit, group) = (KitCatalog.tree(species, seed: seed, detail: recipe.detail, foliage: foliage), .vegetation)
        } else if thing == "rock" {
            (kit, group) = (KitCatalog.rock(seed: seed, size: 1.6, detail: recipe.detail), .rocks)
        } else if CharacterKind(name: thing) != nil {
            return inhabitant(thing, x: x, z: z, heading: heading, seed: seed, recipe: recipe)
        } else {
            return nil
        }
        let features = map.features(minX: x - 1, minZ: z - 1, maxX: x + 1, maxZ: z + 1)
        // On the ground, a little into it, as the region builder sets buildings and plants.
        let y = features.height(x, z) - (group == .buildings ? 0.05 : 0.1)
        var a = SceneAssembler()
        a.lampsWhateverTheHour = lamps
        var kits = KitPlacement()
        let label = thing.prefix(1).uppercased() + thing.dropFirst()
        kits.place(kit, key: name, name: "\(label)_Spawned_\(Int(x.rounded(.down)))_\(Int(z.rounded(.down)))", group: group,
                   translation: Vec3(x, y, z), yaw: -heading, shared: map.meshes, into: &a)
        a.finishMaterials([], recipe: recipe)
        ChunkGenerator.shareTextures(&a, recipe: recipe)
        return a.finish(recipe: recipe, extras: .object([LightUnits.extrasKey: .string(Lighting.units.rawValue)]))
    }

    /// A person of a role or an animal of a species standing on the ground at (x, z) (a bird
    /// circling over it), facing
    /// `heading`'s way back (a spawn turned by the player's heading faces the player), playing
    /// its role's standing clip (a walker of a village stands idle here; farmers work) or, for
    /// an animal, grazing or looking round; its looks are the `seed`'s.
    func inhabitant(_ thing: String, x: Float, z: Float, heading: Float, seed: UInt64, recipe: Recipe) -> Scene? {
        let features = map.features(minX: x - 1, minZ: z - 1, maxX: x + 1, maxZ: z + 1)
        let at = Vec3(x, features.height(x, z), z)
        let label = "\(thing.prefix(1).uppercased() + thing.dropFirst())_Spawned_\(Int(x.rounded(.down)))_\(Int(z.rounded(.down)))"
        // One of the first few looks of its kind, as a world's first villagers have.
        let index = Int(seed % 8)
        var a = SceneAssembler()
        let group = a.group(.characters)
        if let role = CharacterRole(rawValue: thing) {
            var clip = CharacterClip.idle
            if case .stand(let c) = role.activity(index) { clip = c }
            a.addCharacter(Characters.make(role, index: index, recipe: recipe), name: label, translation: at, yaw: -heading, under: group, clips: [clip])
        } else if let species = AnimalSpecies(rawValue: thing) {
            let clip: AnimalClip = species == .dog || (seed >> 8) % 10 >= 7 ? .idle : .graze
            a.addAnimal(Characters.make(species, index: index, recipe: recipe), name: label, translation: at, yaw: -heading, under: group, clips: [clip])
        } else if let species = BirdSpecies(rawValue: thing) {
            // Circling over the spot (a flock's bird alone): 8–14 m round, 22–30 m over the
            // ground there, banked, flapping or gliding as the seed says.
            let lap = max(4, (2 * .pi * 11 / species.proportions.speed).rounded())
            let route = CircleRoute(centre: Vec2(x, z), radius: 8 + 6 * seed.unit(0), duration: lap, start: heading,
                                    height: at.y + 22 + 8 * seed.unit(24), swell: 2, waves: 1, banks: true)
            let bird = Characters.make(species, index: index, recipe: recipe)
            let nodes = a.addAnimal(bird, name: label, translation: .zero, yaw: 0, under: group, clips: [])
            a.addRoute(nodes, bird, clip: seed.unit(36) < 0.4 ? .glide : .fly, route: route, as: "\(species.rawValue)-route")
        } else if let species = FishSpecies(rawValue: thing) {
            // Swimming a loop (a shoal's fish alone) in the still water nearest the spot.
            guard let (centre, level) = stillWater(near: Vec2(x, z)) else { return nil }
            let lap = max(4, (2 * .pi * 3 / species.proportions.speed).rounded())
            let route = CircleRoute(centre: centre, radius: 1.5 + 2 * seed.unit(0), duration: lap, start: heading,
                                    height: level - 0.6 - 0.3 * seed.unit(24), swell: 0.1, waves: 2, banks: false)
            let fish = Characters.make(species, index: index, recipe: recipe)
            let nodes = a.addAnimal(fish, name: label, translation: .zero, yaw: 0, under: group, clips: [])
            a.addRoute(nodes, fish, clip: .swim, route: route, as: "\(species.rawValue)-route")
        } else {
            return nil
        }
        a.finishMaterials([], recipe: recipe)
        ChunkGenerator.shareTextures(&a, recipe: recipe)
        return a.finish(recipe: recipe, extras: .object([LightUnits.extrasKey: .string(Lighting.units.rawValue)]))
    }

    /// How far from a fish's spot still water is looked for, metres.
    public static let fishReach: Float = 40

    /// The still water a spawned fish swims in: the point nearest `spot` (on a 2 m lattice,
    /// within `fishReach`) whose water is `RegionBuilder.shoalWater` deep there and all round
    /// a 3.5 m circle (the widest loop), and the water's level; nil with none (a river's
    /// flowing water is not still).
    public func stillWater(near spot: Vec2) -> (centre: Vec2, level: Float)? {
        let r = Self.fishReach + 4
        let features = map.features(minX: spot.x - r, minZ: spot.y - r, maxX: spot.x + r, maxZ: spot.y + r)
        func deep(_ p: Vec2, _ level: Float) -> Bool {
            features.waterLevel(p.x, p.y) == level && features.height(p.x, p.y) < level - RegionBuilder.shoalWater
        }
        var best: (distance: Float, centre: Vec2, level: Float)?
        let steps = Int(Self.fishReach / 2)
        for j in -steps...steps {
            for i in -steps...steps {
                let p = Vec2((spot.x / 2).rounded() * 2 + Float(i) * 2, (spot.y / 2).rounded() * 2 + Float(j) * 2)
                let d = length(p - spot)
                guard d <= Self.fishReach, d < best?.distance ?? .infinity, let level = features.waterLevel(p.x, p.y), deep(p, level) else { continue }
                let round = (0..<12).allSatisfy { k in
                    let a = Float(k) / 12 * 2 * .pi
                    return deep(p + Vec2(kcos(a), ksin(a)) * 3.5, level)
                }
                if round { best = (d, p, level) }
            }
        }
        return best.map { ($0.centre, $0.level) }
    }

    // MARK: - The land beyond the tiles

    /// The land round the tiles [x] × [z] out to `beyond` metres past them, as the default
    /// scene's horizon rings: coarse terrain growing coarser with distance, woods as a dark
    /// canopy, far lakes and the sea as open water, with a rectangular hole where the tiles
    /// are. A streamed view draws it round its tiles so the world runs on to the horizon. Its
    /// materials refer to the shared textures as tiles' do.
    public func horizon(x: ClosedRange<Int>, z: ClosedRange<Int>, beyond: Float = 2400) -> Scene {
        let recipe = map.recipe
        let spacing = Region.spacing(recipe.detail)
        let n = Int((size / spacing).rounded())
        let region = Region(i0: x.lowerBound * n, j0: z.lowerBound * n, i1: (x.upperBound + 1) * n, j1: (z.upperBound + 1) * n, spacing: spacing)
        var a = SceneAssembler()
        var horizon = Horizon(map: map, region: region)
        horizon.beyond = beyond
        horizon.build(into: &a)
        a.finishMaterials([], recipe: recipe)
        ChunkGenerator.shareTextures(&a, recipe: recipe)
        return a.finish(recipe: recipe, extras: .object([LightUnits.extrasKey: .string(Lighting.units.rawValue)]))
    }
}
