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
        /// Called with (stage, fraction 0…1) as generation advances.
        public var progress: (@Sendable (String, Double) -> Void)?
        public init() {}
    }

    /// The world a recipe describes.
    public static func generate(_ recipe: Recipe, options: Options = .init()) -> Scene {
        var a = SceneAssembler()
        var kits = KitPlacement()
        let report = options.progress ?? { _, _ in }
        var focus = Vec3.zero
        var cameraPose: (Vec3, Vec3)?
        var outdoor: OutdoorWorld?
        if recipe.scene == .interior {
            report("dungeon", 0.1)
            var dungeon = InteriorWorld(recipe: recipe)
            dungeon.build(into: &a, kits: &kits)
            cameraPose = dungeon.cameraPose
        } else {
            report("terrain", 0.05)
            var world = OutdoorWorld(recipe: recipe)
            report("terrain mesh", 0.3)
            _ = world.terrainMesh(into: &a)
            report("water", 0.4)
            world.water(into: &a)
            report("buildings", 0.45)
            world.buildings(into: &a, kits: &kits)
            report("vegetation", 0.55)
            world.vegetation(into: &a, kits: &kits)
            world.rocks(into: &a, kits: &kits)
            focus = world.focus
            cameraPose = world.cameraPose(looking: focus)
            outdoor = world
        }
        report("lights", 0.65)
        let sky = Sky(recipe: recipe)
        Lighting.add(sky: sky, anchors: kits.anchors, recipe: recipe, into: &a)
        if let (eye, target) = cameraPose { Lighting.addCamera(eye: eye, target: target, into: &a) }
        if let world = outdoor, let (eye, target) = cameraPose, case .perspective(let yfov, let aspect, _, _)? = a.scene.cameras.last?.projection {
            report("weather", 0.68)
            WeatherEffects(recipe: recipe, sky: sky, eye: eye, target: target, yfov: yfov, aspect: aspect ?? 16.0 / 9.0)
                .add(to: world, into: &a)
        }
        if options.bakeTextures {
            report("materials", 0.7)
            // Weather kinds carry RGBA textures of their own (WeatherTextures).
            let baked = MaterialBaker.bake(a.kinds.filter { !$0.isWeather }, biome: recipe.biome, seed: recipe.seed, resolution: recipe.textureResolution)
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
