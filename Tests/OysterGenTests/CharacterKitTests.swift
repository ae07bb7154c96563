import OysterCore
import Testing
@testable import OysterGen

@Suite("Character kit")
struct CharacterKitTests {
    static let recipe = Recipe()

    @Test func jointsAreTheVRMHumanoidBonesParentsFirst() {
        let vrm: Set<String> = ["hips", "spine", "chest", "neck", "head", "leftShoulder", "leftUpperArm", "leftLowerArm", "leftHand",
                                "rightShoulder", "rightUpperArm", "rightLowerArm", "rightHand", "leftUpperLeg", "leftLowerLeg", "leftFoot",
                                "leftToes", "rightUpperLeg", "rightLowerLeg", "rightFoot", "rightToes"]
        #expect(Set(HumanoidBone.allCases.map(\.rawValue)) == vrm)
        for (i, bone) in HumanoidBone.allCases.enumerated() {
            #expect(bone.index == i, "\(bone)'s index is its place in allCases")
            if let p = bone.parent { #expect(p.index < bone.index, "\(bone) before its parent \(p)") }
        }
        #expect(MemoryLayout<HumanoidBone>.size == 1)
    }

    @Test func skeletonScalesWithHeightAndStandsOnTheGround() {
        for height: Float in [1.4, 1.75, 2.1] {
            let s = HumanoidSkeleton(height: height, build: 0.5)
            #expect(abs(s.position(.head).y / height - 0.875) < 1e-4)
            #expect(s.position(.leftFoot).x > 0, "the character's left is +X (facing +Z)")
            let (thigh, shin) = s.legLengths
            #expect(abs(thigh + shin - 0.49 * height) < 1e-3)
        }
        let odd = HumanoidSkeleton(height: .nan, build: -3)
        #expect(odd.height == 1.75 && odd.build == 0)
    }

    @Test(arguments: CharacterRole.allCases)
    func everyRoleIsOneSmallSkinnedMeshWithGoodWeights(_ role: CharacterRole) {
        let c = Characters.make(role, index: 0, recipe: Self.recipe)
        #expect(c.triangleCount > 400 && c.triangleCount <= 5000, "\(role): \(c.triangleCount) triangles")
        #expect(kitGeometryProblems(c.body.mesh).isEmpty)
        let mesh = c.body.makeMesh(name: role.rawValue) { _ in 0 }
        let problems = skinWeightProblems(mesh, joints: HumanoidBone.allCases.count)
        #expect(problems.isEmpty, "\(role): \(problems)")
    }

    @Test func everyContactStartsAndEndsOnAKey() {
        for clip in CharacterClip.allCases {
            let n = Float(CharacterKeys.intervals(clip))
            for (_, phases) in clip.contacts {
                for p in phases.flatMap({ [$0.lowerBound, $0.upperBound] }) {
                    #expect(abs(p * n - (p * n).rounded()) < 1e-4, "\(clip): contact boundary \(p) between keys")
                }
            }
        }
    }

    @Test func theSameSeedDressesTheSamePersonAndAnotherSeedAnother() {
        let a = Character(role: .villager, seed: 7, palette: CharacterPalette(biome: .temperate, seed: 1))
        let b = Character(role: .villager, seed: 7, palette: CharacterPalette(biome: .temperate, seed: 1))
        let others = (8..<12).map { Character(role: .villager, seed: $0, palette: CharacterPalette(biome: .temperate, seed: 1)) }
        #expect(a.body.makeMesh(name: "a") { _ in 0 } == b.body.makeMesh(name: "a") { _ in 0 })
        #expect(others.contains { $0.look != a.look })
    }

    /// A modern town's people wear today's clothes in today's dyes; the same seed keeps its
    /// body (height, build, skin, hair), and knights keep their armour.
    @Test func aModernTownsPeopleWearTodaysClothes() {
        var r = Recipe()
        r.seed = 5
        var modern = r
        modern.style = .modern
        let palette = CharacterPalette(biome: .temperate, seed: 5, modern: true)
        for role in [CharacterRole.villager, .farmer, .merchant, .guard, .adventurer] {
            for i in 0..<6 {
                let old = Characters.make(role, index: i, recipe: r).look, new = Characters.make(role, index: i, recipe: modern).look
                #expect(new.garments.isDisjoint(with: [.cloak, .robe, .armour]), "\(role) \(i): \(new.garments)")
                #expect(new.headwear != .hoodDown && new.headwear != .helmet && new.headwear != .strawHat)
                #expect(new.height == old.height && new.build == old.build && new.skinTone == old.skinTone && new.hair == old.hair)
                if role == .villager { #expect(palette.dyes.contains(new.primary) || new.primary == palette.undyed) }
            }
        }
        #expect(Characters.make(.merchant, index: 0, recipe: modern).look.primary != Characters.make(.merchant, index: 0, recipe: r).look.primary)
        #expect(Characters.make(.knight, index: 0, recipe: modern).look.garments.contains(.armour))
    }

    @Test func guardsAndKnightsOfOneWorldWearItsColours() {
        var r = Recipe()
        r.seed = 99
        let colours = Set((0..<4).flatMap { i in [Characters.make(.guard, index: i, recipe: r).look.primary, Characters.make(.knight, index: i, recipe: r).look.primary] })
        #expect(colours.count == 1)
    }

    @Test func aLineupHasOneSkinPerCharacterAndOneAnimationPerClip() {
        let scene = Characters.lineup([.villager, .knight, .skeleton], recipe: Self.recipe, bakeTextures: false)
        #expect(scene.skins.count == 3)
        #expect(scene.skins.allSatisfy { $0.joints.count == HumanoidBone.allCases.count })
        #expect(CharacterClip.allCases.allSatisfy { clip in scene.animations.filter { $0.name == clip.rawValue }.count == 1 })
        let roles = scene.effectiveRoles()
        let skinned = scene.nodes.indices.filter { scene.nodes[$0].skin != nil }
        #expect(skinned.count == 3 && skinned.allSatisfy { roles[$0] == .character && scene.nodes[$0].mesh != nil })
        for s in scene.skins { #expect(s.joints.map { scene.nodes[$0].name! } == HumanoidBone.allCases.map(\.rawValue)) }
        let again = Characters.lineup([.villager, .knight, .skeleton], recipe: Self.recipe, bakeTextures: false)
        #expect(scene == again)
    }
}
