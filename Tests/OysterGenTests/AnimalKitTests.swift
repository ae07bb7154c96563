import OysterCore
import Testing
@testable import OysterGen

@Suite("Animal kit")
struct AnimalKitTests {
    @Test func jointsAreNamedConsistentlyParentsFirst() {
        #expect(QuadrupedBone.allCases.count == 19)
        #expect(MemoryLayout<QuadrupedBone>.size == 1)
        for (i, bone) in QuadrupedBone.allCases.enumerated() {
            #expect(bone.index == i, "\(bone)'s index is its place in allCases")
            if let p = bone.parent { #expect(p.index < bone.index, "\(bone) before its parent \(p)") }
            #expect(bone.rawValue.allSatisfy { $0.isLetter }, "\(bone): letters only")
        }
        for leg in QuadrupedLeg.allCases {
            let b = leg.bones
            #expect([b.upper, b.lower, b.foot].map(\.rawValue) == ["UpperLeg", "LowerLeg", "Foot"].map { leg.rawValue + $0 })
        }
    }

    @Test(arguments: AnimalSpecies.allCases)
    func everySpeciesStandsOnItsHoovesWithLegsThatBend(_ species: AnimalSpecies) {
        let s = QuadrupedSkeleton(species: species)
        for leg in QuadrupedLeg.allCases {
            #expect(abs(s.hoof(leg).y) < 1e-5, "hooves on the ground")
            #expect((s.position(leg.bones.upper).x > 0) == (leg.sign > 0), "the animal's left is +X")
            // Hind stifle forward of the hip–hock line, front elbow behind the shoulder–knee line.
            let a = s.position(leg.bones.upper), b = s.position(leg.bones.lower), c = s.position(leg.bones.foot)
            let t = (b.y - a.y) / (c.y - a.y)
            let onLine = a.z + (c.z - a.z) * t
            #expect(leg.isFront ? b.z < onLine : b.z > onLine, "\(species) \(leg) bends the wrong way")
        }
        #expect(abs(s.position(.leftFrontUpperLeg).y + s.proportions.bodyRadius * 1.2 - species.proportions.withers) < 1e-4)
    }

    @Test(arguments: AnimalSpecies.allCases)
    func everySpeciesIsOneSmallSkinnedMeshWithGoodWeights(_ species: AnimalSpecies) {
        var r = Recipe()
        for k in 0..<3 {
            r.seed = UInt64(k + 1)
            let animal = Characters.make(species, index: k, recipe: r)
            #expect(animal.triangleCount > 1000 && animal.triangleCount <= 5000, "\(species): \(animal.triangleCount) triangles")
            #expect(kitGeometryProblems(animal.body.mesh).isEmpty)
            let mesh = animal.body.makeMesh(name: species.rawValue) { _ in 0 }
            let problems = skinWeightProblems(mesh, joints: QuadrupedBone.allCases.count)
            #expect(problems.isEmpty, "\(species): \(problems)")
        }
    }

    @Test func weightsAreSmoothAcrossAJoint() {
        // Vertices of a leg round its middle joint share it with the bone above.
        let animal = Characters.make(.horse, index: 0, recipe: Recipe())
        let s = animal.skeleton, leg = QuadrupedLeg.leftHind.bones
        let knee = s.position(leg.lower)
        let blend = animal.body.influence(at: knee + Vec3(0.05, 0, 0), bones: [.hips, leg.upper, leg.lower, leg.foot])
        let shares = (0..<4).filter { blend.weights[$0] > 0.2 }.map { Int(blend.joints[$0]) }
        #expect(Set(shares) == [leg.upper.index, leg.lower.index], "a knee vertex follows both bones: \(blend)")
    }

    @Test func theSameSeedMakesTheSameAnimalAndOthersDiffer() {
        let a = Animal(species: .cow, seed: 7), b = Animal(species: .cow, seed: 7)
        #expect(a.body.makeMesh(name: "a") { _ in 0 } == b.body.makeMesh(name: "a") { _ in 0 })
        let others = (8..<14).map { Animal(species: .cow, seed: $0).look }
        #expect(others.contains { $0.coat != a.look.coat } && others.contains { $0.horns != a.look.horns })
    }

    @Test func aLineupHasOneSkinPerAnimalAndOneAnimationPerSpeciesAndClip() {
        let kinds: [CharacterKind] = [.animal(.deer), .animal(.horse), .animal(.horse), .person(.knight)]
        let scene = Characters.lineup(kinds, recipe: Recipe(), bakeTextures: false)
        #expect(scene.skins.count == 4)
        #expect(scene.skins.prefix(3).allSatisfy { $0.joints.count == QuadrupedBone.allCases.count })
        for s in scene.skins.prefix(3) { #expect(s.joints.map { scene.nodes[$0].name! } == QuadrupedBone.allCases.map(\.rawValue)) }
        for species in [AnimalSpecies.deer, .horse] {
            for clip in AnimalClip.allCases {
                let matches = scene.animations.filter { $0.name == clip.animationName(species) }
                #expect(matches.count == 1)
                let speed = matches.first?.extras?["rootSpeed"]?.doubleValue
                #expect(speed.map { abs(Float($0) - clip.rootSpeed(species)) < 1e-4 } == true)
            }
        }
        #expect(scene.animations.contains { $0.name == "walk" })
        #expect(scene == Characters.lineup(kinds, recipe: Recipe(), bakeTextures: false))
    }
}
