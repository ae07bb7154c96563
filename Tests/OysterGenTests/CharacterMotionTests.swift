import OysterCore
import Testing
@testable import OysterGen

/// Clips measured as a client sees them: on the lineup scene, through `Scene.pose(at:)`
/// (glTF keyframes, linear interpolation, skinning matrices), not the motion functions.
@Suite("Character motion")
struct CharacterMotionTests {
    static let roles: [CharacterRole] = [.villager, .knight, .skeleton, .merchant]
    static let scene = Characters.lineup(roles, recipe: Recipe(), bakeTextures: false)

    /// World position of `bone` of character `c` at `time` of `clip`.
    static func joint(_ c: Int, _ bone: HumanoidBone, _ clip: CharacterClip, at time: Float) -> Vec3 {
        let a = scene.animations.firstIndex { $0.name == clip.rawValue }!
        let pose = scene.pose(at: time, animation: a)
        let m = pose.worldMatrices[scene.skins[c].joints[bone.index]]
        return Vec3(m.m[12], m.m[13], m.m[14])
    }

    @Test(arguments: CharacterClip.allCases)
    func plantedFeetDoNotSlideWhenTheRootMovesAtTheClipSpeed(_ clip: CharacterClip) {
        let v = clip.rootSpeed, T = clip.duration
        for c in Self.roles.indices {
            for (bone, phases) in clip.contacts {
                for range in phases {
                    let samples = 24
                    let times = (0...samples).map { (range.lowerBound + (range.upperBound - range.lowerBound) * Float($0) / Float(samples)) * T }
                    // The ground position: the in-place position plus where the root has gone.
                    let ground = times.map { Self.joint(c, bone, clip, at: min($0, T - 1e-4)) + Vec3(0, 0, v * $0) }
                    let drift = ground.map { length($0 - ground[0]) }.max()!
                    #expect(drift < 0.02, "\(Self.roles[c]) \(clip) \(bone) moves \(drift) m over its contact \(range)")
                    // Ankles rest 0.04 H up and the toe joints 0.012 H: a planted joint is no higher.
                    let highest = ground.map(\.y).max()!
                    let limit: Float = bone == .leftToes || bone == .rightToes ? 0.035 : 0.09
                    #expect(highest < limit, "\(bone) is planted but \(highest) m up")
                }
            }
        }
    }

    @Test(arguments: [CharacterClip.walk, .run])
    func strideTimesCadenceIsTheRootSpeed(_ clip: CharacterClip) {
        let T = clip.duration
        for c in Self.roles.indices {
            for (bone, phases) in clip.contacts where bone == .leftFoot || bone == .rightFoot {
                // The planted foot's backward speed under the body is the ground speed the legs
                // carry the body at; over one loop that is the stride.
                let range = phases[0]
                let t0 = range.lowerBound * T, t1 = range.upperBound * T
                let back = Self.joint(c, bone, clip, at: t0).z - Self.joint(c, bone, clip, at: min(t1, T - 1e-4)).z
                let stride = back / (t1 - t0) * T
                let speed = stride / T
                #expect(abs(speed - clip.rootSpeed) / clip.rootSpeed < 0.05, "\(Self.roles[c]) \(clip) \(bone): stride \(stride) m × \(1 / T)/s = \(speed) m/s, declared \(clip.rootSpeed)")
                #expect(stride > (clip == .walk ? 0.9 : 1.5) && stride < (clip == .walk ? 1.6 : 2.6))
            }
        }
    }

    @Test(arguments: CharacterClip.allCases)
    func clipsLoopWithoutAJump(_ clip: CharacterClip) {
        for c in Self.roles.indices {
            for bone in [HumanoidBone.head, .leftHand, .rightHand, .leftFoot, .rightToes] {
                let a = Self.joint(c, bone, clip, at: 0), b = Self.joint(c, bone, clip, at: clip.duration)
                #expect(length(a - b) < 1e-3, "\(clip) \(bone) jumps \(length(a - b)) m at the loop")
            }
        }
    }

    @Test func walkingMovesTheFeetAndWavingRaisesTheRightHand() {
        let left = (0..<20).map { Self.joint(0, .leftFoot, .walk, at: Float($0) / 20).z }
        #expect(left.max()! - left.min()! > 0.6, "a walking foot travels")
        let lifted = (0..<20).map { Self.joint(0, .leftFoot, .walk, at: Float($0) / 20).y }.max()!
        #expect(lifted > 0.1, "a swinging foot leaves the ground")
        let head = Self.joint(0, .head, .wave, at: 0.5).y
        #expect(Self.joint(0, .rightHand, .wave, at: 0.5).y > head - 0.05, "the waving hand is up by the head")
        #expect(Self.joint(0, .leftHand, .wave, at: 0.5).y < head - 0.5, "the other hangs")
        let sitting = Self.joint(0, .hips, .sit, at: 1).y, standing = Self.joint(0, .hips, .idle, at: 1).y
        #expect(sitting < standing * 0.7)
    }
}
