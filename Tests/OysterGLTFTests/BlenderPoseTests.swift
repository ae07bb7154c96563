import Foundation
import Testing
import OysterCore
import OysterTestSupport
@testable import OysterGLTF

/// `Scene.pose(at:animation:)` against Blender 4.5's evaluation of `Fixtures/blender/rich.glb`,
/// recorded by `scripts/blender_pose_golden.py` into `Fixtures/blender/rich-pose.json`.
///
/// What is comparable: the script converts Blender's Z-up world matrices back to glTF's Y-up
/// space (C⁻¹·W·C for objects, C⁻¹·W for bones, which keep the joint's own axes) and turns
/// frames into seconds at Blender's 24 fps. Compared are the world matrices of every mesh and
/// armature node (Blender objects that are not glTF nodes, such as the importer's bone shape,
/// are skipped), the world matrices of the two joints, the joint matrices built from them, and
/// the shape-key values as morph weights. Cameras and lights are not in the file: Blender adds
/// its own correction rotation to them.
///
/// Tolerance 1e-5 per matrix element and weight (the largest difference seen is 3.2e-6): the
/// golden values are rounded to 6 decimals, Blender works in its own float order, and it blends
/// quaternion keys component-wise then normalises where glTF asks for slerp — between this
/// file's keys (a few degrees apart) the two agree to about 1e-6.
@Suite struct BlenderPoseTests {
    struct Golden: Decodable {
        struct Sample: Decodable {
            var animation: String
            var time: Float
            var nodes: [String: [Float]]
            var joints: [String: [Float]]
            var weights: [String: [Float]]
        }
        var fps: Float
        var samples: [Sample]
    }

    static let tolerance: Float = 1e-5

    static func load() throws -> (Scene, Golden) {
        let scene = try GLTFReader().read(path: RepoPaths.fixture("blender/rich.glb")).scene
        let data = try Data(contentsOf: URL(fileURLWithPath: RepoPaths.fixture("blender/rich-pose.json")))
        return (scene, try JSONDecoder().decode(Golden.self, from: data))
    }

    static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    @Test func goldenCoversEveryAnimationBeforeDuringAndAfterItsKeys() throws {
        let (scene, golden) = try Self.load()
        #expect(golden.fps == 24)
        #expect(Set(golden.samples.map(\.animation)) == Set(scene.animations.compactMap(\.name)))
        #expect(golden.samples.contains { $0.time == 0 } && golden.samples.contains { $0.time > 2.5 })
    }

    @Test func nodeWorldMatricesMatchBlender() throws {
        let (scene, golden) = try Self.load()
        var compared = 0
        for sample in golden.samples {
            let animation = try #require(scene.animations.firstIndex { $0.name == sample.animation })
            let pose = scene.pose(at: sample.time, animation: animation)
            for (name, expected) in sample.nodes {
                guard let node = scene.nodes.firstIndex(where: { $0.name == name }) else { continue }
                let diff = Self.maxDifference(pose.worldMatrices[node].m, expected)
                #expect(diff <= Self.tolerance, "\(sample.animation) t=\(sample.time) \(name): off by \(diff)")
                compared += 1
            }
        }
        #expect(compared >= golden.samples.count * 5)
    }

    @Test func jointWorldAndJointMatricesMatchBlender() throws {
        let (scene, golden) = try Self.load()
        let skin = try #require(scene.skins.first)
        let ibm = try #require(skin.inverseBindMatrices).floats()
        let meshNode = try #require(scene.nodes.firstIndex { $0.skin == 0 })
        let meshName = try #require(scene.nodes[meshNode].name)
        for sample in golden.samples {
            let animation = try #require(scene.animations.firstIndex { $0.name == sample.animation })
            let pose = scene.pose(at: sample.time, animation: animation)
            let meshWorld = try #require(sample.nodes[meshName])
            let toMesh = try #require(Mat4(columnMajor: meshWorld).inverse)
            for (j, joint) in skin.joints.enumerated() {
                let name = try #require(scene.nodes[joint].name)
                let world = try #require(sample.joints[name])
                let jointDiff = Self.maxDifference(pose.worldMatrices[joint].m, world)
                #expect(jointDiff <= Self.tolerance, "\(sample.animation) t=\(sample.time) joint \(name): off by \(jointDiff)")
                let expected = toMesh * Mat4(columnMajor: world) * Mat4(columnMajor: Array(ibm[(j * 16)..<(j * 16 + 16)]))
                let matrixDiff = Self.maxDifference(pose.jointMatrices[0][j].m, expected.m)
                #expect(matrixDiff <= Self.tolerance, "\(sample.animation) t=\(sample.time) joint matrix \(name): off by \(matrixDiff)")
            }
        }
    }

    @Test func morphWeightsMatchBlenderShapeKeys() throws {
        let (scene, golden) = try Self.load()
        var nonZero = 0
        for sample in golden.samples {
            let animation = try #require(scene.animations.firstIndex { $0.name == sample.animation })
            let pose = scene.pose(at: sample.time, animation: animation)
            for (name, expected) in sample.weights {
                let node = try #require(scene.nodes.firstIndex { $0.name == name })
                let diff = Self.maxDifference(pose.weights[node], expected)
                #expect(diff <= Self.tolerance, "\(sample.animation) t=\(sample.time) \(name) weights: off by \(diff)")
                if expected.contains(where: { $0 > 0.1 }) { nonZero += 1 }
            }
        }
        #expect(nonZero > 0)
    }
}
