import OysterCore
import OysterJSON
import OysterTestSupport
import Testing
@testable import OysterGen

/// Birds and fish in worlds: prompt words, the recipe, the cap, and their routes.
@Suite("Flock and shoal placement")
struct FlockAndShoalPlacementTests {
    func wildlife(_ prompt: String) -> [CharacterGroup] {
        PromptInterpreter.interpret(prompt).recipe.cast.filter { $0.bird != nil || $0.fish != nil }
    }

    @Test func promptWordsCountAndChooseBirdsAndFish() {
        // The world's own: crows over its forest, trout in its lake.
        #expect(wildlife("a forest by a lake") == [CharacterGroup(.bird(.crow), count: 5), CharacterGroup(.fish(.trout), count: 4)])
        // Birds or fish named replace the world's own of their kit.
        #expect(wildlife("a flock of crows over the forest") == [CharacterGroup(.bird(.crow), count: BirdSpecies.crow.flockSize)])
        #expect(wildlife("gulls over the sea") == [CharacterGroup(.bird(.gull), count: BirdSpecies.gull.flockSize)])
        #expect(wildlife("three ravens and a pigeon") == [CharacterGroup(.bird(.crow), count: 3), CharacterGroup(.bird(.pigeon), count: 1),
                                                          CharacterGroup(.fish(.trout), count: 4)])
        #expect(wildlife("fish in the lake") == [CharacterGroup(.fish(.trout), count: FishSpecies.trout.shoalSize), CharacterGroup(.bird(.crow), count: 5)])
        #expect(wildlife("a pond with two carp") == [CharacterGroup(.fish(.carp), count: 2), CharacterGroup(.bird(.crow), count: 5)])
        // "Birds" are the world's own: crows over its forest, gulls over a barren coast.
        #expect(wildlife("birds above a forest") == [CharacterGroup(.bird(.crow), count: BirdSpecies.crow.flockSize)])
        #expect(wildlife("a barren island with birds") == [CharacterGroup(.bird(.gull), count: BirdSpecies.gull.flockSize)])
        #expect(wildlife("four birds in a forest") == [CharacterGroup(.bird(.crow), count: 4)])
        // Quadrupeds are read as before beside them.
        let r = PromptInterpreter.interpret("a herd of deer and a flock of crows").recipe
        #expect(r.placedAnimals.map(\.species) == [.deer] && r.placedBirds.map(\.species) == [.crow])
    }

    @Test func birdsAndFishCountAgainstTheAnimalCapWithAWarningNamingIt() {
        let r = PromptInterpreter.interpret("a forest with 60 crows and 10 trout in a lake").recipe
        #expect(r.animalsAsked == 74, "the 70 asked and the forest's four deer")
        #expect(r.placedBirds.map(\.count) == [60] && r.placedFish.map(\.count) == [Recipe.maxAnimals - 60])
        #expect(r.warnings == ["animals: 74 in the cast, at most \(Recipe.maxAnimals) are placed (Recipe.maxAnimals)"])
    }

    @Test func fishWithoutALakeOrSeaAreNotPlacedAndTheWarningSaysSo() {
        var r = PromptInterpreter.interpret("a village on the plains with fish").recipe
        r.features.removeAll { $0.kind == .lake || $0.kind == .sea }
        #expect(r.warnings == ["fish: this world has no lake or sea, so its 5 fish are not placed"])
        r.size = 128
        r.detail = .low
        r.textureResolution = 16
        let scene = WorldGenerator.generate(r)
        #expect(!scene.nodes.contains { $0.name?.hasPrefix("Trout") == true })
    }

    @Test func theRecipeCarriesBirdsAndFishAndRefusesUnknownAnimals() throws {
        var r = Recipe()
        r.characters = [CharacterGroup(.bird(.gull), count: 4), CharacterGroup(.fish(.carp), count: 2), CharacterGroup(.horse, count: 1)]
        #expect(try Recipe(json: r.json) == r)
        #expect(r.json["characters"]?[0]?["animal"]?.stringValue == "gull")
        #expect(throws: RecipeError.self) { try Recipe.parse(Array(#"{"characters": [{"animal": "dragon"}]}"#.utf8)) }
    }

    static let recipe: Recipe = {
        var r = smallRecipe("a lake beside a forest with a flock of crows, gulls and fish in the lake", seed: 4)
        r.size = 256
        return r
    }()
    static let scene = WorldGenerator.generate(recipe)

    /// The rig's translation and rotation keys of every character whose rig `animation` moves.
    func routes(_ animation: String) throws -> [(name: String, positions: [Vec3], rotations: [Vec4])] {
        let scene = Self.scene
        let a = try #require(scene.animations.first { $0.name == animation }, "no \(animation)")
        var out: [(String, [Vec3], [Vec4])] = []
        for node in scene.nodes where node.role == .character {
            guard let rig = node.children.first(where: { scene.nodes[$0].name?.hasSuffix("Rig") == true }),
                  let t = a.channels.first(where: { $0.node == rig && $0.path == .translation }),
                  let q = a.channels.first(where: { $0.node == rig && $0.path == .rotation }) else { continue }
            let tv = a.samplers[t.sampler].output.floats(), qv = a.samplers[q.sampler].output.floats()
            out.append((node.name!, stride(from: 0, to: tv.count, by: 3).map { Vec3(tv[$0], tv[$0 + 1], tv[$0 + 2]) },
                        stride(from: 0, to: qv.count, by: 4).map { Vec4(qv[$0], qv[$0 + 1], qv[$0 + 2], qv[$0 + 3]) }))
        }
        return out
    }

    @Test func flocksCircleAboveTheGroundOnRoutesThatClose() throws {
        let features = RegionBuilder(map: WorldMap(recipe: Self.recipe), region: Region.home(Self.recipe)).features
        for (species, animation) in [(BirdSpecies.crow, "crow-route"), (.gull, "gull-route")] {
            let birds = try routes(animation)
            #expect(birds.count == species.flockSize, "\(animation): \(birds.count) birds")
            for bird in birds {
                #expect(length(bird.positions.first! - bird.positions.last!) < 1e-3, "\(bird.name)'s route does not close")
                let q0 = bird.rotations.first!, q1 = bird.rotations.last!
                #expect(min(dot(q0 - q1, q0 - q1), dot(q0 + q1, q0 + q1)).squareRoot() < 1e-4, "\(bird.name) ends facing another way")
                var lowest = Float.infinity, highest = -Float.infinity
                for p in bird.positions {
                    let clear = p.y - max(features.height(p.x, p.z), features.waterLevel(p.x, p.z) ?? -.infinity)
                    lowest = min(lowest, clear)
                    highest = max(highest, clear)
                }
                #expect(lowest >= 20 && highest <= 60, "\(bird.name) flies \(lowest)…\(highest) m above the ground")
                // Banked into the turn: the body's up leans toward the loop's middle.
                let ups = bird.rotations.map { Quat($0).rotate(Vec3(0, 1, 0)) }
                #expect(ups.allSatisfy { $0.y < 0.99 && $0.y > 0.7 }, "\(bird.name) banks between 8° and 45°")
            }
        }
        // The two flocks in different places: crows over the woods, gulls over the lake.
        let crows = try routes("crow-route"), gulls = try routes("gull-route")
        let gullMiddle = gulls[0].positions.reduce(Vec3.zero, +) * (1 / Float(gulls[0].positions.count))
        #expect(features.waterLevel(gullMiddle.x, gullMiddle.z) != nil, "the gulls circle over water")
        let crowMiddle = crows[0].positions.reduce(Vec3.zero, +) * (1 / Float(crows[0].positions.count))
        #expect(features.waterLevel(crowMiddle.x, crowMiddle.z) == nil, "the crows circle over land")
    }

    @Test func fishSwimUnderTheSurfaceAndAboveTheBed() throws {
        let builder = RegionBuilder(map: WorldMap(recipe: Self.recipe), region: Region.home(Self.recipe))
        let fish = try routes("trout-route")
        #expect(fish.count == FishSpecies.trout.shoalSize)
        for f in fish {
            #expect(length(f.positions.first! - f.positions.last!) < 1e-3, "\(f.name)'s route does not close")
            for p in f.positions {
                let level = try #require(builder.features.waterLevel(p.x, p.z), "\(f.name) leaves the water at \(p)")
                #expect(p.y < level - 0.35, "\(f.name) at \(p.y), the surface at \(level)")
                #expect(p.y > builder.grid.height(p.x, p.z) + 0.3, "\(f.name) in the lake bed at \(p)")
            }
        }
    }

    @Test func routesKeyTheFlightClipUnderThemWholeLoopsPerLap() throws {
        let scene = Self.scene
        let a = try #require(scene.animations.first { $0.name == "crow-route" })
        let joints = Set(scene.skins.flatMap(\.joints))
        let jointChannels = a.channels.filter { $0.node.map(joints.contains) ?? false }
        #expect(jointChannels.count == Self.recipe.placedBirds[0].count * (BirdBone.allCases.count + 1), "every joint's rotation and the root's translation")
        #expect(!scene.animations.contains { $0.name == "crow-fly" || $0.name == "crow-glide" }, "a world's birds carry their clip in the route")
    }
}
