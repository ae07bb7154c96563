import OysterCore
import OysterImage
import Testing
@testable import OysterGen

/// A small, fast world for tests: 96 m (or `size`), low detail, tiny textures.
func smallRecipe(_ prompt: String = "", seed: UInt64 = 1, size: Float = 96) -> Recipe {
    var r = prompt.isEmpty ? Recipe() : PromptInterpreter.interpret(prompt, seed: seed).recipe
    r.seed = seed
    r.size = size
    r.detail = .low
    r.textureResolution = 16
    return r
}

/// A home region alone, for tests that look at its geometry: no horizon, no baked textures.
var regionOnly: WorldGenerator.Options {
    var o = WorldGenerator.Options()
    o.horizon = false
    o.bakeTextures = false
    return o
}

@Suite struct WorldTests {
    @Test func sameRecipeAndSeedGiveTheSameSceneAndAnotherSeedADifferentOne() {
        let a = WorldGenerator.generate(smallRecipe(seed: 5))
        let b = WorldGenerator.generate(smallRecipe(seed: 5))
        let c = WorldGenerator.generate(smallRecipe(seed: 6))
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: ["", "a snowy mountain village at dusk", "tropical island with a lighthouse at night", "a dark dungeon with six rooms and treasure"])
    func everyWorldHasWhatAnEngineNeeds(_ prompt: String) {
        let scene = WorldGenerator.generate(smallRecipe(prompt))
        let s = scene.statistics
        #expect(s.triangles > 1000)
        #expect(s.materials >= 3)
        #expect(s.textures >= 3 * min(s.materials, 3))
        #expect(s.lights >= 1)
        #expect(s.cameras == 1)
        #expect(s.animations >= 1)
        // Every texture is handed over as pixels and encodes to a PNG when written.
        for t in scene.textures {
            let image = scene.images[t.source ?? -1 < 0 ? 0 : t.source!]
            #expect(image.pixels != nil && image.data == nil)
            let data = (try? image.encodedData()).flatMap { $0 } ?? []
            #expect(Image.sniffMimeType(data) == "image/png")
        }
        #expect(scene.asset.extras?["recipe"] != nil)
        #expect(scene.asset.extras?["seed"] != nil)
    }

    @Test func onlyUsedSurfaceKindsGetMaterials() {
        let scene = WorldGenerator.generate(smallRecipe())
        let used = Set(scene.meshes.flatMap { $0.primitives.compactMap(\.material) })
        #expect(used == Set(scene.materials.indices))
    }

    @Test func hierarchyIsNamed() {
        let scene = WorldGenerator.generate(smallRecipe("a village with four houses by a lake in a pine forest"))
        let names = Set(scene.nodes.compactMap(\.name))
        for expected in ["Terrain", "Water", "Vegetation", "Buildings", "Lights", "Camera"] { #expect(names.contains(expected)) }
        #expect(names.contains { $0.hasPrefix("House_") })
        #expect(names.contains { $0.hasPrefix("Pine_") })
    }

    @Test func instancingPacksVegetationIntoBatches() {
        var r = smallRecipe("a dense pine forest")
        r.instancing = true
        let scene = WorldGenerator.generate(r)
        let batches = scene.nodes.filter { $0.instancing != nil }
        #expect(!batches.isEmpty)
        for b in batches { #expect((b.instancing?["TRANSLATION"]?.count ?? 0) > 0) }
    }

    @Test func nightWorldsGetPointLightsAndDayWorldsASun() {
        let night = WorldGenerator.generate(smallRecipe("a village at night"))
        #expect(night.lights.contains { $0.name == "Moon" })
        let day = WorldGenerator.generate(smallRecipe("a village at noon"))
        #expect(day.lights.first?.name == "Sun")
        #expect(day.lights.count == 1)
    }
}

@Suite struct ChunkTests {
    /// Terrain vertices on the plane x = `x` (any primitive), keyed by z.
    func border(_ scene: Scene, x: Float) -> [Float: (Float, Vec3)] {
        var out: [Float: (Float, Vec3)] = [:]
        guard let mesh = scene.nodes.first(where: { $0.name == "Terrain" })?.mesh else { return out }
        for p in scene.meshes[mesh].primitives {
            guard let pos = p.attributes["POSITION"], let nor = p.attributes["NORMAL"] else { continue }
            for i in 0..<pos.count where pos.vec3(i).x == x { out[pos.vec3(i).z] = (pos.vec3(i).y, nor.vec3(i)) }
        }
        return out
    }

    @Test func neighbouringChunksShareBorderHeightsAndNormals() {
        var r = Recipe()
        r.features = [Feature(.hills), Feature(.forest, density: 0.7), Feature(.rocks)]
        let a = ChunkGenerator.generate(r, x: 0, z: 0, size: 32)
        let b = ChunkGenerator.generate(r, x: 1, z: 0, size: 32)
        let ea = border(a, x: 32), eb = border(b, x: 32)
        #expect(ea.count == 33)
        #expect(ea.count == eb.count)
        for (z, va) in ea {
            let vb = eb[z]
            #expect(vb?.0 == va.0)
            #expect(vb?.1 == va.1)
        }
    }

    @Test func objectsBelongToExactlyOneTile() {
        var r = Recipe()
        r.features = [Feature(.plains), Feature(.forest, density: 0.9)]
        let s = Scatter(seed: r.seed, salt: 0x7EE5, cell: 4, minDistance: 2)
        let whole = s.points(minX: 0, minZ: 0, maxX: 64, maxZ: 64).map(\.position)
        var parts: [Vec2] = []
        for (x, z) in [(0, 0), (32, 0), (0, 32), (32, 32)] {
            parts += s.points(minX: Float(x), minZ: Float(z), maxX: Float(x + 32), maxZ: Float(z + 32)).map(\.position)
        }
        #expect(Set(whole.map { "\($0)" }) == Set(parts.map { "\($0)" }))
        #expect(whole.count == parts.count)
    }

    @Test func chunksReferenceSharedTexturesInsteadOfEmbeddingThem() {
        let scene = ChunkGenerator.generate(Recipe(), x: -3, z: 7, size: 32)
        #expect(!scene.images.isEmpty)
        for image in scene.images {
            #expect(!image.hasContent)
            #expect(image.uri?.hasPrefix(ChunkGenerator.materialFolder + "/") == true)
        }
    }
}

@Suite struct WorldLightingTests {
    func lights(_ scene: Scene) -> (key: Light, points: [Light]) {
        (scene.lights.first { $0.kind == .directional }!, scene.lights.filter { $0.kind == .point })
    }

    @Test func lightsArePhotometricAndSaySo() {
        let scene = WorldGenerator.generate(smallRecipe("a village at noon"))
        #expect(scene.asset.extras?["lightUnits"] == "photometric")
        // A noon sun of about Blender's strength 5 (W/m², 683 lm/W).
        let sun = lights(scene).key.intensity / LightUnits.lumensPerWatt
        #expect(sun > 3 && sun < 6)
    }

    @Test func atNightATorchOutshinesTheMoonNearby() throws {
        let scene = WorldGenerator.generate(smallRecipe("a village with four houses at midnight"))
        let (moon, points) = lights(scene)
        #expect(moon.name == "Moon")
        let brightest = try #require(points.map(\.intensity).max())
        // Illuminance 2.5 m from the lamp against the moon's: pools of light, not a floodlit night.
        let ratio = brightest / (2.5 * 2.5) / moon.intensity
        #expect(ratio > 2 && ratio < 100)
    }
}

@Suite struct OasisTests {
    @Test func aDesertLakeGathersPalmsOnItsShore() throws {
        let recipe = smallRecipe("an oasis in the desert", seed: 3)
        let lake = try #require(WorldMap(recipe: recipe).home.lake)
        let scene = WorldGenerator.generate(recipe)
        let world = scene.worldMatrices()
        var near = 0, far = 0
        for (i, node) in scene.nodes.enumerated() where node.name?.hasPrefix("Palm_") == true {
            let p = world[i].transformPoint(.zero)
            if length(Vec2(p.x, p.z) - lake.center) < lake.radius * 1.8 { near += 1 } else { far += 1 }
        }
        // The shore ring is a few percent of the map but holds most of the palms.
        #expect(near >= 4)
        #expect(near > far)
    }
}

@Suite struct FrozenWaterTests {
    @Test func aFrozenLakeIsIceThatDoesNotSwell() throws {
        let scene = WorldGenerator.generate(smallRecipe("a frozen lake in the tundra"))
        let ice = try #require(scene.nodes.firstIndex { $0.name == "Ice_Lake" })
        #expect(!scene.nodes.contains { $0.name == "Lake" })
        let mesh = try #require(scene.nodes[ice].mesh)
        let names = scene.meshes[mesh].primitives.compactMap { $0.material.flatMap { scene.materials[$0].name } }
        #expect(names == ["ice"])
        // The swell animation moves water surfaces only.
        #expect(!scene.animations.flatMap(\.channels).contains { $0.node == ice })
    }

    @Test func openWaterStaysWaterWithoutTheWord() {
        let scene = WorldGenerator.generate(smallRecipe("a lake in the tundra"))
        #expect(scene.nodes.contains { $0.name == "Lake" })
        #expect(!scene.materials.contains { $0.name == "ice" })
    }
}

@Suite struct WorldRoleTests {
    @Test func frozenLakeIsIceAndTheRestOfTheWaterIsWater() throws {
        let scene = WorldGenerator.generate(smallRecipe("a frozen lake by the sea in the tundra"))
        let roles = scene.effectiveRoles()
        let ice = try #require(scene.nodes.firstIndex { $0.name == "Ice_Lake" })
        #expect(roles[ice] == .ice)
        let sea = try #require(scene.nodes.firstIndex { $0.name == "Sea" })
        #expect(roles[sea] == .water)
    }

    @Test func everyDrawnNodeOfAWorldHasARole() {
        for prompt in ["a village with four houses by a lake in a pine forest on a rainy day", "a dark dungeon with four rooms and treasure"] {
            let scene = WorldGenerator.generate(smallRecipe(prompt))
            let roles = scene.effectiveRoles()
            let unnamed = scene.nodes.indices.filter { scene.nodes[$0].mesh != nil && roles[$0] == nil }.map { scene.nodes[$0].name ?? "?" }
            #expect(unnamed.isEmpty, "\(prompt): \(unnamed.prefix(5))")
        }
    }

    @Test func groupsSayWhatTheirNodesAre() throws {
        let scene = WorldGenerator.generate(smallRecipe("a village with four houses by a lake in a pine forest on a rainy day"))
        let roles = scene.effectiveRoles()
        func role(of name: String) -> NodeRole?? { scene.nodes.firstIndex { $0.name == name }.map { roles[$0] } }
        #expect(role(of: "Terrain") == .terrain)
        #expect(role(of: "Vegetation") == .vegetation)
        #expect(role(of: "Buildings") == .structure)
        #expect(role(of: "Weather") == .weather)
        // A door inherits its house's role.
        let door = try #require(scene.nodes.firstIndex { $0.name?.hasSuffix("Door") == true })
        #expect(roles[door] == .structure)
    }
}
