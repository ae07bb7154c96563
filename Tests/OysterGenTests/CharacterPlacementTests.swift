import OysterCore
import OysterJSON
import Testing
@testable import OysterGen

@Suite("Character placement")
struct CharacterPlacementTests {
    @Test func promptWordsCountAndChoosePeople() {
        func people(_ prompt: String) -> [CharacterGroup] { PromptInterpreter.interpret(prompt).recipe.characters }
        #expect(people("a village by a lake").isEmpty, "a world has nobody unless asked")
        #expect(people("three knights guarding a castle") == [CharacterGroup(.knight, count: 3)])
        #expect(people("a monk in a crypt") == [CharacterGroup(.monk, count: 1)])
        // "market" reads as its nearest meaning, a merchant, before "busy" fills the village.
        #expect(people("a busy market village").map(\.role) == [.merchant, .villager])
        #expect(people("a deserted village with three villagers and a knight").isEmpty)
        let huge = PromptInterpreter.interpret("a village with 100000 people").recipe
        #expect(huge.charactersAsked == 10_000)
        #expect(huge.placedPeople.reduce(0) { $0 + $1.count } == Recipe.maxCharacters)
        #expect(huge.warnings.count == 1 && huge.warnings[0].contains("\(Recipe.maxCharacters)"))
    }

    @Test func theRecipeCarriesCharactersAndRefusesBadOnes() throws {
        var r = Recipe()
        r.characters = [CharacterGroup(.guard, count: 2), CharacterGroup(.farmer, count: 1)]
        #expect(try Recipe(json: r.json) == r)
        #expect(Recipe().json.objectValue?["characters"] == nil, "recipes without people keep their bytes")
        for bad in [#"{"characters": [{"role": "dragon"}]}"#, #"{"characters": [{"role": "knight", "count": -1}]}"#,
                    #"{"characters": [{"role": "knight", "colour": "red"}]}"#, #"{"characters": {"role": "knight"}}"#] {
            #expect(throws: RecipeError.self) { try Recipe.parse(Array(bad.utf8)) }
        }
    }

    @Test func aVillageWithPeopleHasThemStandingRoundTheWellAndWalkingRoutes() throws {
        var r = smallRecipe("a busy village with two guards", seed: 3)
        r.size = 128
        let scene = WorldGenerator.generate(r)
        let asked = r.placedPeople.reduce(0) { $0 + $1.count }
        #expect(scene.skins.count == asked)
        let route = try #require(scene.animations.firstIndex { $0.name == "route" })
        #expect(abs(scene.animations[route].duration - CharacterRoute.duration) < 1e-3)
        // Walkers' ankles, on the ground of the route: still while planted, as in the clip.
        let walkerSkins = scene.skins.indices.filter { s in
            scene.animations[route].channels.contains { $0.node == scene.skins[s].joints[HumanoidBone.leftFoot.index] }
        }
        #expect(walkerSkins.count == CharacterRoute.maxWalkers)
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
        #expect(abs(scene.animations[stroll].duration - CharacterStroll.duration) < 1e-3)
        let rigs = Set(scene.animations[stroll].channels.filter { $0.path == .translation }.compactMap(\.node)).filter { scene.nodes[$0].name?.hasSuffix("Rig") == true }
        #expect(rigs.count == CharacterStroll.maxStrollers, "\(rigs.count) strollers")
        let walkT = CharacterStroll.walkSeconds, pause = CharacterStroll.pause
        func at(_ node: Int, _ t: Float) -> Vec3 {
            let m = scene.pose(at: t, animation: stroll).worldMatrices[node]
            return Vec3(m.m[12], m.m[13], m.m[14])
        }
        for rig in rigs {
            let start = at(rig, 0)
            #expect(length(at(rig, CharacterStroll.duration) - start) < 1e-3, "the stroll ends where it starts")
            let far = at(rig, walkT)
            #expect(length(SIMD2(far.x - start.x, far.z - start.z)) > 0.6 * CharacterStroll.way, "it walks away along the road: \(far - start)")
            // At the far end it stands: the rig stays put through the stop.
            #expect(length(at(rig, walkT + 1.5) - far) < 1e-3 && length(at(rig, walkT + pause - 0.01) - far) < 1e-3)
            #expect(length(at(rig, walkT + pause + walkT) - start) < 1e-2, "and walks back")
        }
        // A planted ankle stays within 2 cm while it carries the body, out and back: the feet
        // are put on the road's slope, not the flat ground the walk clip is made on.
        let walker = try #require(scene.skins.indices.first { s in
            scene.animations[stroll].channels.contains { $0.node == scene.skins[s].joints[HumanoidBone.leftFoot.index] }
        })
        let foot = scene.skins[walker].joints[HumanoidBone.leftFoot.index]
        let range = CharacterClip.walk.contacts.first { $0.bone == .leftFoot }!.phases[0]
        for loop in [Float(3), 12, 20, walkT + pause + 2, walkT + pause + 15] {
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

    @Test func worldsWithoutPeopleHaveNoCharacters() {
        let scene = WorldGenerator.generate(smallRecipe("a village by a lake", seed: 3))
        #expect(scene.skins.isEmpty && !scene.nodes.contains { $0.role == .character })
    }
}
