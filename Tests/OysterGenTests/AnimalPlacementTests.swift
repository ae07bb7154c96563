import OysterCore
import OysterJSON
import OysterTestSupport
import Testing
@testable import OysterGen

@Suite("Animal placement")
struct AnimalPlacementTests {
    func animals(_ prompt: String) -> [CharacterGroup] {
        PromptInterpreter.interpret(prompt).recipe.cast.filter { $0.species != nil }
    }

    @Test func promptWordsCountAndChooseAnimals() {
        // The world's own: deer where no one lives, a settlement's livestock by the seed.
        #expect(animals("a meadow by a lake") == [CharacterGroup(.deer, count: 4)])
        #expect(animals("a village") == [CharacterGroup(.sheep, count: 5)])
        #expect(PromptInterpreter.interpret("a village", seed: 2).recipe.cast.filter { $0.species != nil } == [CharacterGroup(.cow, count: 5)])
        #expect(animals("a jungle village").isEmpty, "no livestock in the tropics")
        #expect(animals("a herd of deer in a forest clearing") == [CharacterGroup(.deer, count: AnimalSpecies.deer.herdSize)])
        #expect(animals("five horses and a dog near a village") == [CharacterGroup(.horse, count: 5), CharacterGroup(.dog, count: 1)])
        #expect(animals("sheep on the hills") == [CharacterGroup(.sheep, count: AnimalSpecies.sheep.herdSize)])
        #expect(animals("cows grazing") == [CharacterGroup(.cow, count: 3)])
        #expect(animals("a flock of sheep and a sheepdog") == [CharacterGroup(.sheep, count: 8), CharacterGroup(.dog, count: 1)])
        #expect(animals("a deserted village with horses") == [CharacterGroup(.horse, count: 3)], "deserted means no people")
        let r = PromptInterpreter.interpret("three knights and a herd of horses").recipe
        #expect(r.cast.compactMap(\.role) == [.knight, .villager, .farmer] && r.placedAnimals.map(\.species) == [.horse])
    }

    @Test func aHugeHerdIsCappedWithAWarningNamingTheCap() {
        let r = PromptInterpreter.interpret("a valley with 200 sheep and 70 cows").recipe
        #expect(r.animalsAsked == 275, "the 270 asked and the valley's five crows")
        #expect(r.placedAnimals.reduce(0) { $0 + $1.count } == Recipe.maxAnimals)
        #expect(r.warnings == ["animals: 275 in the cast, at most \(Recipe.maxAnimals) are placed (Recipe.maxAnimals)"])
    }

    @Test func theRecipeCarriesAnimalsAndRefusesBadOnes() throws {
        var r = Recipe()
        r.characters = [CharacterGroup(.guard, count: 2), CharacterGroup(.horse, count: 4)]
        #expect(try Recipe(json: r.json) == r)
        #expect(r.json["characters"]?[1]?["animal"]?.stringValue == "horse")
        for bad in [#"{"characters": [{"animal": "dragon"}]}"#, #"{"characters": [{"animal": "horse", "role": "knight"}]}"#,
                    #"{"characters": [{"count": 3}]}"#, #"{"characters": [{"animal": "dog", "count": 10001}]}"#] {
            #expect(throws: RecipeError.self) { try Recipe.parse(Array(bad.utf8)) }
        }
    }

    @Test func theSchemaListsTheRolesAndAnimalsTheParserKnows() throws {
        let schema = try JSONParser.parse(try FileIO.read(RepoPaths.root + "/docs/recipe.schema.json"))
        let item = try #require(schema["properties"]?["characters"]?["items"]?["properties"]?.objectValue)
        #expect(Set(item.keys) == Set(Recipe.characterKeys))
        func choices(_ v: JSONValue?) -> Set<String> { Set(v?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
        #expect(choices(item["role"]) == Set(CharacterRole.allCases.map(\.rawValue)))
        #expect(choices(item["animal"]) == Set(CharacterKind.allAnimals.map(\.name)))
    }

    static let recipe: Recipe = {
        var r = smallRecipe("a village with a herd of deer and two horses", seed: 5)
        r.size = 256
        // The herds alone (the village's people stand at its doors; its crows fly over it).
        r.characters = r.cast.filter { $0.species != nil }
        return r
    }()
    static let scene = WorldGenerator.generate(recipe)

    @Test func herdsGrazeOnOpenMeadowAwayFromHousesAndWater() throws {
        let scene = Self.scene
        #expect(scene.skins.count == 8)
        let map = WorldMap(recipe: Self.recipe)
        let builder = RegionBuilder(map: map, region: Region.home(Self.recipe))
        let features = builder.features
        let houses = features.sites.filter { $0.kind != .well }
        #expect(!houses.isEmpty)
        // Where each animal stands: its rig node, or every key of its route.
        var spots: [(String, Vec2)] = []
        for node in scene.nodes where node.role == .character {
            // The character nodes (not their group): each holds a rig.
            guard let rigIndex = node.children.first(where: { scene.nodes[$0].name?.hasSuffix("Rig") == true }) else { continue }
            let route = scene.animations.first { $0.name?.hasSuffix("-route") == true && $0.channels.contains { $0.node == rigIndex && $0.path == .translation } }
            if let route, let ch = route.channels.first(where: { $0.node == rigIndex && $0.path == .translation }) {
                let v = route.samplers[ch.sampler].output.floats()
                spots += stride(from: 0, to: v.count, by: 30).map { (node.name!, Vec2(v[$0], v[$0 + 2])) }
            } else if case .trs(let t, _, _) = scene.nodes[rigIndex].transform {
                spots.append((node.name!, Vec2(t.x, t.z)))
            }
        }
        #expect(Set(spots.map(\.0)).count == 8)
        for (name, p) in spots {
            #expect(features.waterLevel(p.x, p.y) == nil, "\(name) stands in water at \(p)")
            for h in houses { #expect(length(h.position - p) > h.radius + 8, "\(name) at \(p) is in \(h.kind) at \(h.position)") }
            #expect(builder.grid.slope(p.x, p.y) < 0.4)
        }
        // The herd is together: every deer within 25 m of the others' middle.
        let deer = spots.filter { $0.0.hasPrefix("Deer") }.map(\.1)
        let middle = deer.reduce(Vec2(0, 0), +) * (1 / Float(deer.count))
        #expect(deer.allSatisfy { length($0 - middle) < 25 })
    }

    @Test func aWalkingAnimalsFeetStayPlantedOnItsRoute() throws {
        let scene = Self.scene
        let route = try #require(scene.animations.firstIndex { $0.name == "deer-route" })
        let walker = try #require(scene.skins.firstIndex { s in scene.animations[route].channels.contains { $0.node == s.joints[0] } })
        let T = AnimalClip.walk.duration(.deer)
        var worst: Float = 0, worstLeg = QuadrupedLeg.leftFront
        for (leg, phases) in AnimalClip.walk.contacts {
            let foot = scene.skins[walker].joints[leg.bones.foot.index]
            for loop in [0, 3, 7] {
                for range in phases {
                    let ts = (0...12).map { (Float(loop) + range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / 12) * T }
                    let ps = ts.map { t -> Vec3 in
                        let m = scene.pose(at: t, animation: route).worldMatrices[foot]
                        return Vec3(m.m[12], m.m[13], m.m[14])
                    }
                    let drift = ps.map { length($0 - ps[0]) }.max()!
                    if drift > worst { (worst, worstLeg) = (drift, leg) }
                }
            }
        }
        // Placed on the curve and the ground, not on a straight line: within a straight walk's 2 cm.
        #expect(worst < 0.02, "the \(worstLeg) foot on the route moves \(worst) m while planted")
        #expect(abs(scene.animations[route].duration.truncatingRemainder(dividingBy: T)) < 1e-3 || abs(scene.animations[route].duration.truncatingRemainder(dividingBy: T) - T) < 1e-3)
    }

    @Test func theSameSeedPlacesTheSameHerds() {
        var r = smallRecipe("a dog and five sheep", seed: 8)
        r.size = 192
        #expect(WorldGenerator.generate(r) == WorldGenerator.generate(r))
    }
}
