import OysterCore
import Testing
@testable import OysterGen

/// Animal clips measured as a client sees them: on the lineup scene, through `Scene.pose(at:)`
/// (glTF keyframes, linear interpolation), not the motion functions.
@Suite("Animal motion")
struct AnimalMotionTests {
    static let species = AnimalSpecies.allCases
    static let scene = Characters.lineup(species.map { CharacterKind.animal($0) }, recipe: Recipe(), bakeTextures: false)

    /// World position of `bone` of animal `c` at `time` of its species' `clip`.
    static func joint(_ c: Int, _ bone: QuadrupedBone, _ clip: AnimalClip, at time: Float) -> Vec3 {
        let a = scene.animations.firstIndex { $0.name == clip.animationName(species[c]) }!
        let m = scene.pose(at: time, animation: a).worldMatrices[scene.skins[c].joints[bone.index]]
        return Vec3(m.m[12], m.m[13], m.m[14])
    }

    /// The most a planted foot joint moves over its contact phases, with the root carried
    /// forward at the clip's speed (metres).
    static func worstDrift(_ c: Int, _ clip: AnimalClip) -> (drift: Float, leg: QuadrupedLeg) {
        let s = species[c], v = clip.rootSpeed(s), T = clip.duration(s)
        var worst: (Float, QuadrupedLeg) = (0, .leftFront)
        for (leg, phases) in clip.contacts {
            for range in phases {
                let times = (0...24).map { (range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / 24) * T }
                let ground = times.map { joint(c, leg.bones.foot, clip, at: min($0, T - 1e-4)) + Vec3(0, 0, v * $0) }
                let drift = ground.map { length($0 - ground[0]) }.max()!
                if drift > worst.0 { worst = (drift, leg) }
            }
        }
        return worst
    }

    @Test(arguments: AnimalClip.allCases)
    func plantedFeetDoNotSlideWhenTheRootMovesAtTheClipSpeed(_ clip: AnimalClip) {
        for c in Self.species.indices {
            let (drift, leg) = Self.worstDrift(c, clip)
            #expect(drift < 0.02, "\(Self.species[c]) \(clip) \(leg) moves \(drift) m over a contact")
        }
    }

    @Test(arguments: [AnimalClip.walk, .run])
    func strideTimesCadenceIsTheRootSpeed(_ clip: AnimalClip) {
        for c in Self.species.indices {
            let s = Self.species[c], T = clip.duration(s)
            for (leg, phases) in clip.contacts {
                // The planted foot's backward travel under the body over its contact, per
                // second, is the ground speed the legs carry the body at; times the loop, the stride.
                let range = phases[0]
                let t0 = range.lowerBound * T, t1 = min(range.upperBound * T, T - 1e-4)
                let back = Self.joint(c, leg.bones.foot, clip, at: t0).z - Self.joint(c, leg.bones.foot, clip, at: t1).z
                let stride = back / (t1 - t0) * T
                let speed = stride / T
                #expect(abs(speed - clip.rootSpeed(s)) / clip.rootSpeed(s) < 0.05,
                        "\(s) \(clip) \(leg): stride \(stride) m × \(1 / T)/s = \(speed) m/s, declared \(clip.rootSpeed(s))")
            }
        }
    }

    @Test func theWalkIsFourBeatLateralAndTheGallopHasAMomentInTheAir() {
        let walk = AnimalClip.walk.gait!, run = AnimalClip.run.gait!
        // Walk: left hind, left fore, right hind, right fore, evenly spaced.
        let order = walk.strikes.sorted { $0.value < $1.value }.map(\.key)
        #expect(order == [.leftHind, .leftFront, .rightHind, .rightFront])
        // At every moment of the walk two or three feet carry the body; in the gallop there is
        // a moment with none.
        func down(_ gait: AnimalClip.Gait, _ u: Float) -> Int {
            gait.strikes.values.filter { s in let d = (u - s + 1).truncatingRemainder(dividingBy: 1); return d < gait.duty }.count
        }
        #expect((0..<100).map { down(walk, Float($0) / 100 + 0.005) }.allSatisfy { $0 >= 2 && $0 <= 3 })
        #expect((0..<100).contains { down(run, Float($0) / 100 + 0.005) == 0 })
        // And the feet really leave the ground in the clip: a hoof rises in its swing.
        for c in Self.species.indices {
            let s = Self.species[c]
            let heights = (0..<40).map { Self.joint(c, .leftFrontFoot, .walk, at: Float($0) / 40 * AnimalClip.walk.duration(s)).y }
            #expect(heights.max()! - heights.min()! > 0.04 * s.proportions.withers, "\(s): the front foot does not lift")
        }
    }

    @Test(arguments: AnimalClip.allCases)
    func clipsLoopWithoutAJump(_ clip: AnimalClip) {
        for c in Self.species.indices {
            let T = clip.duration(Self.species[c])
            for bone in [QuadrupedBone.head, .tailTip, .leftFrontFoot, .rightHindFoot, .hips] {
                let a = Self.joint(c, bone, clip, at: 0), b = Self.joint(c, bone, clip, at: T)
                #expect(length(a - b) < 1e-3, "\(Self.species[c]) \(clip) \(bone) jumps \(length(a - b)) m at the loop")
            }
        }
    }

    @Test func grazingBringsTheMuzzleToTheGrass() {
        for c in Self.species.indices {
            let s = Self.species[c]
            let grazing = Self.joint(c, .head, .graze, at: 1).y, standing = Self.joint(c, .head, .idle, at: 1).y
            #expect(grazing < standing - 0.25 * s.proportions.withers, "\(s): the head does not go down to graze")
        }
    }
}
