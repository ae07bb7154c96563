#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import OysterCore

/// Keyframe interpolation and pose evaluation against values worked out by hand from the
/// glTF 2.0 spec, Appendix C.
@Suite struct PoseTests {
    static func sampler(_ times: [Float], _ values: [Float], width: Int, _ mode: Interpolation) -> AnimationSampler {
        AnimationSampler(input: DataArray(floats: times, elementType: .scalar),
                         output: DataArray(floats: values, elementType: ElementType.vector(width) ?? .scalar), interpolation: mode)
    }

    static func close(_ a: [Float]?, _ b: [Float], _ tolerance: Float = 1e-5) -> Bool {
        guard let a, a.count == b.count else { return false }
        return zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    // MARK: - Samplers

    @Test func linearTranslationBlendsBetweenKeys() {
        let s = Self.sampler([0, 2], [0, 0, 0, 2, 4, 6], width: 3, .linear)
        #expect(Self.close(s.value(at: 0.5), [0.5, 1, 1.5]))
        #expect(Self.close(s.value(at: 2), [2, 4, 6]))
    }

    @Test func timesOutsideTheKeysClampToTheEndValues() {
        let s = Self.sampler([1, 2], [10, 20], width: 1, .linear)
        #expect(s.value(at: -5) == [10])
        #expect(s.value(at: 99) == [20])
    }

    @Test func stepHoldsThePreviousKeyUntilTheNext() {
        let s = Self.sampler([0, 1, 2], [5, 7, 9], width: 1, .step)
        #expect(s.value(at: 0.99) == [5])
        #expect(s.value(at: 1) == [7])
        #expect(s.value(at: 1.5) == [7])
    }

    @Test func linearRotationSlerpsHalfwayToHalfTheAngle() {
        let q90 = Quat(angle: .pi / 2, axis: Vec3(0, 1, 0))
        let s = Self.sampler([0, 1], [0, 0, 0, 1, q90.x, q90.y, q90.z, q90.w], width: 4, .linear)
        let half = Float.pi / 8 // 45° about Y: (0, sin 22.5°, 0, cos 22.5°)
        #expect(Self.close(s.value(at: 0.5, isRotation: true), [0, sinf(half), 0, cosf(half)]))
        // Away from the midpoint a normalised component blend would give a slightly different angle.
        let quarter = Float.pi / 16
        #expect(Self.close(s.value(at: 0.25, isRotation: true), [0, sinf(quarter), 0, cosf(quarter)]))
    }

    @Test func slerpTakesTheShorterArcWhenTheKeysHaveOppositeSigns() {
        let q90 = Quat(angle: .pi / 2, axis: Vec3(0, 1, 0))
        // -q90 is the same rotation; the blend must still be 45°, not 45° the long way (225°).
        let s = Self.sampler([0, 1], [0, 0, 0, 1, -q90.x, -q90.y, -q90.z, -q90.w], width: 4, .linear)
        let v = s.value(at: 0.5, isRotation: true) ?? []
        let half = Float.pi / 8
        #expect(Self.close(v.map(abs), [0, sinf(half), 0, cosf(half)]))
    }

    @Test func cubicSplineScalesTangentsByTheKeyframeGap() {
        // Keys at t = 0 and t = 2 (Δ = 2): v0 = 0, out-tangent b0 = 1; v1 = 1, in-tangent a1 = 2.
        // At t = 1 (s = ½): h00 = ½, h10 = ⅛, h01 = ½, h11 = −⅛ → 0 + 2·⅛·1 + ½·1 − 2·⅛·2 = 0.25.
        // Tangents not scaled by Δ would give 0.375.
        let s = Self.sampler([0, 2], [9, 0, 1, 2, 1, 9], width: 1, .cubicSpline)
        #expect(Self.close(s.value(at: 1), [0.25]))
        #expect(Self.close(s.value(at: 0), [0]))
        #expect(Self.close(s.value(at: 3), [1]))
    }

    @Test func cubicSplineRotationIsNormalised() {
        let q90 = Quat(angle: .pi / 2, axis: Vec3(0, 0, 1))
        let values: [Float] = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0] + [0, 0, 0, 0, q90.x, q90.y, q90.z, q90.w, 0, 0, 0, 0]
        let s = Self.sampler([0, 1], values, width: 4, .cubicSpline)
        let v = s.value(at: 0.5, isRotation: true) ?? []
        #expect(abs(v.map { $0 * $0 }.reduce(0, +) - 1) < 1e-5)
    }

    @Test func morphWeightsWidthComesFromTheOutputCount() {
        let s = Self.sampler([0, 1], [0, 1, 1, 0], width: 1, .linear)
        #expect(s.valueWidth == 2)
        #expect(Self.close(s.value(at: 0.25), [0.25, 0.75]))
    }

    // MARK: - Scene pose

    static func animatedScene() -> Scene {
        var scene = Scene()
        var parent = Node(name: "parent", children: [1])
        parent.transform = .trs(translation: Vec3(1, 0, 0), rotation: .identity, scale: .one)
        var child = Node(name: "child")
        child.transform = .trs(translation: Vec3(0, 2, 0), rotation: .identity, scale: .one)
        var morph = Node(name: "morph", mesh: 0)
        morph.weights = nil
        scene.nodes = [parent, child, morph]
        var mesh = Mesh()
        mesh.weights = [0.5, 0]
        scene.meshes = [mesh]
        scene.roots = [SceneRoot(nodes: [0, 2])]
        let q90 = Quat(angle: .pi / 2, axis: Vec3(0, 0, 1))
        var anim = Animation(name: "a")
        anim.samplers = [
            sampler([0, 1], [0, 0, 0, 1, q90.x, q90.y, q90.z, q90.w], width: 4, .linear),
            sampler([0, 1], [0, 1, 1, 0], width: 1, .linear),
        ]
        anim.channels = [AnimationChannel(sampler: 0, node: 0, path: .rotation), AnimationChannel(sampler: 1, node: 2, path: .weights)]
        scene.animations = [anim]
        return scene
    }

    @Test func restPoseKeepsNodeTransformsAndMeshDefaultWeights() {
        let scene = Self.animatedScene()
        let pose = scene.pose(at: 0.5, animation: nil)
        #expect(pose.localTransforms == scene.nodes.map(\.transform))
        #expect(pose.weights[2] == [0.5, 0])
        #expect(pose.worldMatrices[1].transformPoint(.zero) == Vec3(1, 2, 0))
    }

    @Test func animatedParentRotationMovesTheChildInWorldSpace() {
        let pose = Self.animatedScene().pose(at: 1, animation: 0)
        // Parent at (1,0,0) turned 90° about Z: the child's (0,2,0) becomes (−2,0,0), then + (1,0,0).
        let p = pose.worldMatrices[1].transformPoint(.zero)
        #expect(abs(p.x + 1) < 1e-5 && abs(p.y) < 1e-5)
        // The child's own local transform is untouched.
        #expect(pose.localTransforms[1] == .trs(translation: Vec3(0, 2, 0), rotation: .identity, scale: .one))
    }

    @Test func severalAnimationsPlayTogetherAndLoopOverTheirOwnDurations() {
        var scene = Self.animatedScene()
        // A second animation moving the child, 2 s long.
        var move = Animation(name: "b")
        move.samplers = [Self.sampler([0, 2], [0, 2, 0, 4, 2, 0], width: 3, .linear)]
        move.channels = [AnimationChannel(sampler: 0, node: 1, path: .translation)]
        scene.animations.append(move)
        #expect(scene.animations[0].duration == 1 && scene.animations[1].duration == 2)
        let both = scene.pose(at: 1, animations: [0, 1])
        #expect(Self.close(both.weights[2], [1, 0]))
        #expect(both.localTransforms[1] == .trs(translation: Vec3(2, 2, 0), rotation: .identity, scale: .one))
        // Looping: 2.5 s is 0.5 s into the first and 0.5 s into the second.
        let looped = scene.pose(at: 2.5, animations: [0, 1], looping: true)
        #expect(Self.close(looped.weights[2], [0.5, 0.5]))
        #expect(looped.localTransforms[1] == .trs(translation: Vec3(1, 2, 0), rotation: .identity, scale: .one))
        // Without looping a sampler holds its last value.
        #expect(Self.close(scene.pose(at: 2.5, animations: [0]).weights[2], [1, 0]))
    }

    @Test func animatedWeightsReplaceTheMeshDefaults() {
        let pose = Self.animatedScene().pose(at: 0.25, animation: 0)
        #expect(Self.close(pose.weights[2], [0.25, 0.75]))
    }

    @Test func jointMatricesAreIdentityAtBindPoseAndFollowTheJoint() throws {
        var scene = Scene()
        var joint = Node(name: "joint")
        joint.transform = .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one)
        var skinned = Node(name: "skinned", mesh: 0)
        skinned.skin = 0
        skinned.transform = .trs(translation: Vec3(5, 0, 0), rotation: .identity, scale: .one)
        scene.nodes = [joint, skinned]
        scene.meshes = [Mesh()]
        scene.roots = [SceneRoot(nodes: [0, 1])]
        let bindWorld = try #require(Mat4(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one).inverse)
        scene.skins = [Skin(joints: [0], inverseBindMatrices: DataArray(floats: bindWorld.m, elementType: .mat4))]
        var anim = Animation()
        anim.samplers = [Self.sampler([0, 1], [0, 1, 0, 0, 3, 0], width: 3, .linear)]
        anim.channels = [AnimationChannel(sampler: 0, node: 0, path: .translation)]
        scene.animations = [anim]

        // At t = 0 the joint is where it was bound: joint matrix = inverse(mesh world) · bind · bind⁻¹.
        let rest = scene.pose(at: 0, animation: 0).jointMatrices[0][0]
        #expect(Self.close(rest.m, try #require(Mat4(translation: Vec3(5, 0, 0), rotation: .identity, scale: .one).inverse).m))
        // At t = 1 the joint moved +2 in Y: a vertex bound to it moves +2 in Y in the mesh's space.
        let moved = scene.pose(at: 1, animation: 0).jointMatrices[0][0]
        let p = moved.transformPoint(Vec3(5, 0, 0))
        #expect(Self.close([p.x, p.y, p.z], [0, 2, 0]))
    }

    @Test func animationTimeRangeSpansEverySampler() {
        var anim = Animation()
        anim.samplers = [Self.sampler([0.5, 1], [0, 0], width: 1, .linear), Self.sampler([0.25, 3], [0, 0], width: 1, .step)]
        #expect(anim.timeRange == 0.25...3)
    }
}
