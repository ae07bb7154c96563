import OysterCore
import Testing
@testable import OysterProcess

@Suite struct InstancingTests {
    func forest(_ n: Int) -> Scene {
        var s = Scene()
        s.meshes = [Mesh(name: "tree", primitives: [gridPrimitive(1)]), Mesh(name: "rock", primitives: [gridPrimitive(1)])]
        s.nodes = [Node(name: "Vegetation")]
        for i in 0..<n {
            s.nodes.append(Node(name: "Tree_\(i)", transform: .trs(translation: Vec3(Float(i), 0, 0), rotation: Quat(angle: Float(i), axis: Vec3(0, 1, 0)), scale: Vec3(repeating: 1 + Float(i) / 10)), mesh: 0))
            s.nodes[0].children.append(s.nodes.count - 1)
        }
        s.nodes.append(Node(name: "Rock", mesh: 1))
        s.nodes[0].children.append(s.nodes.count - 1)
        s.roots = [SceneRoot(nodes: [0])]
        return s
    }

    @Test func siblingsSharingAMeshBecomeOneInstancedNode() throws {
        var s = forest(5)
        let before = s.statistics.triangles
        let r = s.instance()
        #expect(s.nodes.count == 3)
        let inst = try #require(s.nodes.first { $0.instancing != nil })
        #expect(inst.name == "Tree_0")
        #expect(inst.instancing?["TRANSLATION"]?.count == 5)
        #expect(inst.instancing?["ROTATION"]?.count == 5)
        #expect(inst.instancing?["SCALE"]?.vec3(4) == Vec3(repeating: 1.4))
        #expect(s.statistics.triangles == before)
        #expect(s.statistics.drawCalls == 2)
        #expect(r.figures["instances"] == 5)
    }

    @Test func belowMinimumCountNothingChanges() {
        var s = forest(3)
        let before = s
        s.instance(InstancingOptions(minInstances: 4))
        #expect(s == before)
    }

    @Test func animatedNodesAreNotInstanced() {
        var s = forest(3)
        s.animations = [Animation(channels: [AnimationChannel(sampler: 0, node: 1, path: .rotation)], samplers: [
            AnimationSampler(input: DataArray(floats: [0], elementType: .scalar), output: DataArray(vec4: [Vec4(0, 0, 0, 1)])),
        ])]
        s.instance()
        #expect(s.nodes.count == 4)
        #expect(s.animations[0].channels[0].node == 1)
        #expect(s.nodes[1].instancing == nil)
    }
}
