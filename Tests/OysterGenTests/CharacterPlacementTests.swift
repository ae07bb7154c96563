import OysterCore
import OysterJSON
import Testing
@testable import OysterGen

@Suite("Character placement")
struct CharacterPlacementTests {
    @Test func promptWordsCountAndChoosePeople() {
        func people(_ prompt: String) -> [CharacterGroup] { PromptInterpreter.interpret(prompt).recipe.cast.filter { $0.role != nil } }
        // Nobody named: the world's own (six houses: four villagers and a farmer).
        #expect(PromptInterpreter.interpret("a village by a lake").recipe.characters == nil)
        #expect(people("a village by a lake") == [CharacterGroup(.villager, count: 4), CharacterGroup(.farmer, count: 1)])
        // Named people come first, then the world's own: a castle's two guards.
        #expect(people("three knights guarding a castle") == [CharacterGroup(.knight, count: 3), CharacterGroup(.guard, count: 2)])
        #expect(people("two guards at a castle") == [CharacterGroup(.guard, count: 2)], "a counted role has the prompt's count")
        #expect(people("a monk in a crypt") == [CharacterGroup(.monk, count: 1), CharacterGroup(.skeleton, count: 2)])
        // "market" reads as its nearest meaning, a merchant, before "busy" fills the village.
        #expect(people("a busy market village") == [CharacterGroup(.merchant, count: 2), CharacterGroup(.villager, count: 10), CharacterGroup(.farmer, count: 1)])
        #expect(people("a deserted village with three villagers and a knight").isEmpty)
        #expect(people("a dark dungeon").isEmpty, "a plain dungeon is empty")
        let huge = PromptInterpreter.interpret("a village with 100000 people").recipe
        #expect(huge.charactersAsked == 10_001, "the 10,000 villagers asked, and the village's farmer")
        #expect(huge.placedPeople.reduce(0) { $0 + $1.count } == Recipe.maxCharacters)
        #expect(huge.warnings.count == 1 && huge.warnings[0].contains("\(Recipe.maxCharacters)"))
    }

    @Test func theRecipeCarriesCharactersAndRefusesBadOnes() throws {
        var r = Recipe()
        r.characters = [CharacterGroup(.guard, count: 2), CharacterGroup(.farmer, count: 1)]
        #expect(try Recipe(json: r.json) == r)
        #expect(Recipe().json.objectValue?["characters"] == nil, "a recipe naming nobody writes no list: its cast is implied")
        // An empty list is a world with nobody in it, and stays one through its JSON.
        let empty = try Recipe.parse(Array(#"{"characters": []}"#.utf8))
        #expect(empty.characters == [] && empty.cast.isEmpty && !Recipe().cast.isEmpty)
        #expect(try Recipe(json: empty.json) == empty)
        for bad in [#"{"characters": [{"role": "dragon"}]}"#, #"{"characters": [{"role": "knight", "count": -1}]}"#,
                    #"{"characters": [{"role": "knight", "colour": "red"}]}"#, #"{"characters": {"role": "knight"}}"#] {
            #expect(throws: RecipeError.self) { try Recipe.parse(Array(bad.utf8)) }
        }
    }

    @Test func aVillageWithPeopleHasThemStandingRoundTheWellAndWalkingRoutes() throws {
        var r = smallRecipe("a busy village with two guards", seed: 3)
        r.size = 128
        let scene = WorldGenerator.generate(r)
        // The people asked for and the village's own animals (its sheep, the crows over its
        // forest, the trout in its lake), each a skin.
        let placed = (r.placedPeople.map(\.count) + r.placedAnimals.map(\.count) + r.placedBirds.map(\.count) + r.placedFish.map(\.count)).reduce(0, +)
        #expect(scene.skins.count == placed)
        #expect(scene.nodes.filter { $0.name?.hasPrefix("Guard_") == true && $0.name?.hasSuffix("Rig") == true }.count == 2)
        let route = try #require(scene.animations.firstIndex { $0.name == "route" })
        #expect(abs(scene.animations[route].duration - CharacterRoute.duration) < 1e-3)
        // Walkers' ankles, on the ground of the route: still while planted, as in the clip.
        let walkerSkins = scene.skins.indices.filter { s in
            scene.skins[s].joints.count == HumanoidBone.allCases.count
                && scene.animations[route].channels.contains { $0.node == scene.skins[s].joints[HumanoidBone.leftFoot.index] }
        }
        // Every other villager of the ten walks: round the well and out along the roads in
        // turn, the loop taking the rest.
        let strollers = scene.animations.first { $0.name == "stroll" }.map { a in
            Set(a.channels.compactMap(\.node).filter { scene.nodes[$0].name?.hasSuffix("Rig") == true }).count
        } ?? 0
        #expect(walkerSkins.count == min(CharacterRoute.maxWalkers, 5 - strollers) && strollers <= CharacterStroll.maxStrollers)
        for s in walkerSkins.prefix(2) {
            let foot = scene.skins[s].joints[HumanoidBone.leftFoot.index]
            let range = CharacterClip.walk.contacts.first { $0.bone == .leftFoot }!.phases[0]
            for loop in [0, 5, 11] {
                let ts = (0...10).map { Float(loop) + (range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / 10) * CharacterClip.walk.duration }
                let ps = ts.map { t -> Vec3 in
                    let m = scene.pose(at: t, animation: route).worldMatrices[foot]
                    return Vec3(m.m[12], m.m[13], m.m[14])
                }
                let drift = ps.map { length($0 - ps[0]) }.max()!
                // The route bends (a 2.8 m circle) and climbs, so allow a little more than a
                // straight, level walk's 2 cm.
                #expect(drift < 0.035, "a planted foot on the route moves \(drift) m")
            }
        }
    }

    /// Villagers beyond the well's loop walk the road out of the square and back: a closed
    /// loop that stops at each end (the rig still, turned round) and keeps the feet planted
    /// on the way.
    @Test func villagersBeyondTheLoopStrollTheRoadAndBack() throws {
        var r = smallRecipe("a village with twelve villagers", seed: 3)
        r.size = 192
        let scene = WorldGenerator.generate(r, options: { var o = WorldGenerator.Options(); o.horizon = false; return o }())
        let stroll = try #require(scene.animations.firstIndex { $0.name == "stroll" }, "a road leads out of the square")
        // Whole walk loops each way (as many as the road allows, 6 to 24), a stop at each end.
        let duration = scene.animations[stroll].duration
        let walkT = duration / 2 - CharacterStroll.pause
        #expect(abs(walkT - walkT.rounded()) < 1e-3 && (CharacterStroll.minLoops...CharacterStroll.maxLoops).contains(Int(walkT.rounded())), "\(walkT) s each way")
        let way = walkT * CharacterStroll.stride
        // Every sampler's keys strictly increase (glTF requires it; the validator checks it).
        for sampler in scene.animations[stroll].samplers {
            let t = sampler.input.floats()
            #expect(zip(t, t.dropFirst()).allSatisfy { $0 < $1 }, "a stroll key repeats a time")
        }
        let rigs = Set(scene.animations[stroll].channels.filter { $0.path == .translation }.compactMap(\.node)).filter { scene.nodes[$0].name?.hasSuffix("Rig") == true }
        #expect(rigs.count == CharacterStroll.maxStrollers, "\(rigs.count) strollers")
        let pause = CharacterStroll.pause
        func at(_ node: Int, _ t: Float) -> Vec3 {
            let m = scene.pose(at: t, animation: stroll).worldMatrices[node]
            return Vec3(m.m[12], m.m[13], m.m[14])
        }
        for rig in rigs {
            let start = at(rig, 0)
            #expect(length(at(rig, duration) - start) < 1e-3, "the stroll ends where it starts")
            let far = at(rig, walkT)
            #expect(length(SIMD2(far.x - start.x, far.z - start.z)) > 0.6 * way, "it walks away along the road: \(far - start)")
            // At the far end it stands: the rig stays put through the stop.
            #expect(length(at(rig, walkT + 1.5) - far) < 1e-3 && length(at(rig, walkT + pause - 0.01) - far) < 1e-3)
            #expect(length(at(rig, walkT + pause + walkT) - start) < 1e-2, "and walks back")
        }
        // A planted ankle stays within 2 cm while it carries the body, out and back: the feet
        // are put on the road's slope, not the flat ground the walk clip is made on.
        let walker = try #require(scene.skins.indices.first { s in
            scene.skins[s].joints.count == HumanoidBone.allCases.count
                && scene.animations[stroll].channels.contains { $0.node == scene.skins[s].joints[HumanoidBone.leftFoot.index] }
        })
        let foot = scene.skins[walker].joints[HumanoidBone.leftFoot.index]
        let range = CharacterClip.walk.contacts.first { $0.bone == .leftFoot }!.phases[0]
        for loop in [Float(1), (walkT / 2).rounded(.down), walkT - 2, walkT + pause + 1, walkT + pause + (walkT / 2).rounded(.down)] {
            let ts = (0...10).map { loop + (range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / 10) * CharacterClip.walk.duration }
            let ps = ts.map { at(foot, $0) }
            let drift = ps.map { length($0 - ps[0]) }.max()!
            #expect(drift < 0.02, "a planted foot on the road moves \(drift) m (loop \(loop))")
        }
    }

    @Test func aCryptHasItsDeadInItsRooms() {
        var r = smallRecipe("a crypt with five rooms and four skeletons", seed: 2)
        r.size = 96
        let scene = WorldGenerator.generate(r)
        #expect(scene.skins.count == 4)
        #expect(scene.animations.contains { $0.name == "idle" })
    }

    @Test func theSameSeedPlacesTheSamePeople() {
        let r = smallRecipe("two farmers and a merchant in a village", seed: 8)
        #expect(WorldGenerator.generate(r) == WorldGenerator.generate(r))
    }

    @Test func aDesertedVillageHasNoPeopleAndAnEmptyCastNobodyAtAll() {
        // Deserted: no people and no livestock; the crows and the lake's trout stay.
        let deserted = smallRecipe("a deserted village by a lake", seed: 3)
        #expect(deserted.placedPeople.isEmpty && deserted.placedAnimals.isEmpty)
        let scene = WorldGenerator.generate(deserted)
        #expect(scene.skins.count == (deserted.placedBirds.map(\.count) + deserted.placedFish.map(\.count)).reduce(0, +))
        #expect(!scene.nodes.contains { $0.name?.hasPrefix("Villager_") == true || $0.name?.hasPrefix("Sheep_") == true })
        var nobody = smallRecipe("a village by a lake", seed: 3)
        nobody.characters = []
        let empty = WorldGenerator.generate(nobody)
        #expect(empty.skins.isEmpty && !empty.nodes.contains { $0.role == .character })
    }
}
