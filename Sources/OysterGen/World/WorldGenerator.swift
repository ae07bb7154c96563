import OysterCore
import OysterJSON

/// Prompt or recipe → a complete, deterministic `Scene`: terrain, water, vegetation, rocks,
/// buildings (or a dungeon), baked PBR materials, sun/moon and point lights, a camera,
/// animations and provenance in `asset.extras`.
public enum WorldGenerator {
    /// Generation options that are not part of the recipe.
    public struct Options: Sendable {
        /// Bake textures (off: untextured materials with factors only).
        public var bakeTextures = true
        /// Land to the horizon round the home region (the default scene only).
        public var horizon = true
        /// Place weather geometry for this camera (eye, target) instead of the establishing
        /// camera; chunks get weather only when one is given.
        public var weatherCamera: (eye: Vec3, target: Vec3)?
        /// People of the world's plan (by name) a tile leaves out: a directed session's
        /// gathering draws them where it took them.
        public var withoutPeople: Set<String> = []
        /// Give lanterns, torches and lit windows their lights whatever the hour, for a
        /// renderer that puts them out by day (`Environment.lampsLit`); tiles only.
        public var lamps = false
        /// Light a tile by this hour and weather instead of the recipe's (a directed session's
        /// export: the sun, sky, fog, lamps and weathered materials of the moment, on the
        /// same land); tiles only.
        public var light: (hour: Float, weather: Weather)?
        /// Called with (stage, fraction 0…1) as generation advances.
        public var progress: (@Sendable (String, Double) -> Void)?
        public init() {}
    }

    /// The world a recipe describes: its home region round the origin (with land to the
    /// horizon), or the dungeon.
    public static func generate(_ recipe: Recipe, options: Options = .init()) -> Scene {
        let report = options.progress ?? { _, _ in }
        if recipe.scene == .interior {
            var a = SceneAssembler()
            if options.bakeTextures { a.bakery = MaterialBakery(for: recipe) }
            var kits = KitPlacement()
            report("dungeon", 0.1)
            var dungeon = InteriorWorld(recipe: recipe)
            dungeon.build(into: &a, kits: &kits)
            let sky = Sky(recipe: recipe)
            Lighting.add(sky: sky, anchors: kits.anchors, recipe: recipe, into: &a)
            if let (eye, target) = dungeon.cameraPose { Lighting.addCamera(eye: eye, target: target, into: &a) }
            return finish(&a, recipe: recipe, sky: sky, options: options, report: report)
        }
        report("terrain", 0.05)
        let map = WorldMap(recipe: recipe)
        let region = Region.home(recipe)
        var a = SceneAssembler()
        // Textures bake on the cores the (mostly serial) building leaves idle.
        if options.bakeTextures { a.bakery = MaterialBakery(for: recipe) }
        var kits = KitPlacement()
        let builder = RegionBuilder(map: map, region: region)
        report("terrain mesh", 0.3)
        builder.terrain(into: &a, skirt: options.horizon)
        if options.horizon {
            report("horizon", 0.35)
            Horizon(map: map, region: region).build(into: &a)
        }
        report("water", 0.4)
        builder.water(into: &a)
        report("buildings", 0.45)
        builder.buildings(into: &a, kits: &kits)
        builder.inhabit(Inhabitants(builder), owns: { _ in true }, into: &a)
        report("vegetation", 0.55)
        builder.vegetation(into: &a, kits: &kits)
        builder.rocks(into: &a, kits: &kits)
        builder.volcano(into: &a, kits: &kits)
        report("lights", 0.65)
        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: kits.anchors, recipe: recipe, into: &a)
        let view = HomeView(home: map.home, features: builder.features, recipe: recipe)
        let (eye, target) = view.cameraPose(looking: view.focus)
        Lighting.addCamera(eye: eye, target: target, into: &a)
        report("weather", 0.68)
        addWeather(&a, map: map, recipe: recipe, sky: sky, camera: options.weatherCamera ?? (eye, target))
        return finish(&a, recipe: recipe, sky: sky, options: options, report: report)
    }

    /// One square tile of the unbounded world: [x·size, (x+1)·size) × [z·size, (z+1)·size).
    /// `map` shares one world's cell plans across the tiles of a block.
    static func tile(_ map: WorldMap, x: Int, z: Int, size: Float, options: Options = .init()) -> Scene {
        // The land is the map's; the light (and what the hour and weather do to materials)
        // may be another moment's.
        var recipe = map.recipe
        if let light = options.light {
            recipe.timeOfDay = light.hour
            recipe.weather = light.weather
        }
        let region = Region.tile(x: x, z: z, size: size, spacing: Region.spacing(recipe.detail))
        var a = SceneAssembler()
        a.lampsWhateverTheHour = options.lamps
        var kits = KitPlacement()
        let builder = RegionBuilder(map: map, region: region)
        builder.terrain(into: &a)
        builder.water(into: &a)
        builder.buildings(into: &a, kits: &kits)
        // The home region's people and herds, those standing (or walking round a point) here.
        let reach = Inhabitants.reach(map)
        if region.maxX > -reach, region.minX <= reach, region.maxZ > -reach, region.minZ <= reach {
            var plan = map.inhabitants
            if !options.withoutPeople.isEmpty { plan.people.removeAll { options.withoutPeople.contains($0.name) } }
            builder.inhabit(plan, owns: { region.owns($0.x, $0.y) }, into: &a)
        }
        builder.vegetation(into: &a, kits: &kits)
        builder.rocks(into: &a, kits: &kits)
        builder.volcano(into: &a, kits: &kits)
        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: kits.anchors, recipe: recipe, lamps: options.lamps, into: &a)
        let centre = Vec2(region.minX + region.maxX, region.minZ + region.maxZ) * 0.5
        let c3 = Vec3(centre.x, builder.grid.height(centre.x, centre.y), centre.y)
        Lighting.addCamera(eye: c3 + Vec3(-size * 0.7, size * 0.45, -size * 0.7), target: c3, into: &a)
        if let camera = options.weatherCamera { addWeather(&a, map: map, recipe: recipe, sky: sky, camera: camera) }
        // Tiles share their textures (see `ChunkGenerator`): no baking per tile.
        a.finishMaterials([], recipe: recipe)
        ChunkGenerator.shareTextures(&a, recipe: recipe)
        WeatherEffects.finishMaterials(&a, recipe: recipe, sky: sky, textured: options.bakeTextures)
        var extras = provenance(recipe, sky: sky).objectValue ?? .init()
        extras["chunk"] = ["x": .int(Int64(x)), "z": .int(Int64(z)), "size": .float(size)]
        return a.finish(recipe: recipe, extras: .object(extras))
    }

    /// Rain, snow and mist for `camera`, on the world's ground round it.
    static func addWeather(_ a: inout SceneAssembler, map: WorldMap, recipe: Recipe, sky: Sky, camera: (eye: Vec3, target: Vec3)) {
        guard case .perspective(let yfov, let aspect, _, _)? = a.scene.cameras.last?.projection else { return }
        let mid = (camera.eye + camera.target) * 0.5
        let features = map.features(minX: mid.x - 420, minZ: mid.z - 420, maxX: mid.x + 420, maxZ: mid.z + 420)
        let ground = WeatherGround(height: { features.height($0, $1) }, waterLevel: { features.waterLevel($0, $1) })
        WeatherEffects(recipe: recipe, sky: sky, eye: camera.eye, target: camera.target, yfov: yfov, aspect: aspect ?? 16.0 / 9.0)
            .add(on: ground, into: &a)
    }

    /// Textures, weather materials and provenance.
    static func finish(_ a: inout SceneAssembler, recipe: Recipe, sky: Sky, options: Options, report: (String, Double) -> Void) -> Scene {
        if options.bakeTextures {
            report("materials", 0.7)
            // Weather kinds carry RGBA textures of their own (WeatherTextures).
            let baked = (a.bakery ?? MaterialBakery(for: recipe)).materials(for: a.kinds)
            a.finishMaterials(baked, recipe: recipe)
        } else {
            a.finishMaterials([], recipe: recipe)
        }
        WeatherEffects.finishMaterials(&a, recipe: recipe, sky: sky, textured: options.bakeTextures)
        report("done", 1)
        return a.finish(recipe: recipe, extras: provenance(recipe, sky: sky))
    }

    /// What `asset.extras` records: enough to regenerate the same bytes.
    static func provenance(_ recipe: Recipe, sky: Sky) -> JSONValue {
        var o = JSONObject()
        o["generator"] = "oyster-generate"
        o["oysterVersion"] = .string(OysterGen.version)
        if let p = recipe.prompt { o["prompt"] = .string(p) }
        o["seed"] = .int(Int64(truncatingIfNeeded: recipe.seed))
        o["recipe"] = recipe.json
        o["environment"] = .object(sky.environment.json)
        o[LightUnits.extrasKey] = .string(Lighting.units.rawValue)
        return .object(o)
    }
}
