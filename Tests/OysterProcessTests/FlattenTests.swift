import OysterCore
import Testing
@testable import OysterProcess

@Suite struct FlattenTests {
    func sorted(_ tris: [[Vec3]]) -> [[Float]] {
        tris.map { $0.flatMap { [$0.x, $0.y, $0.z] }.map { ($0 * 1e3).rounded() / 1e3 } }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func bakesWorldTransformsAndKeepsWorldGeometry() {
        var s = sceneWith([gridPrimitive(2), gridPrimitive(2)], transforms: [
            .trs(translation: Vec3(1, 2, 3), rotation: Quat(angle: 0.7, axis: Vec3(0, 1, 1)), scale: Vec3(2, 2, 2)),
            .identity,
        ])
        // Node 1 becomes a child of node 0.
        s.roots[0].nodes = [0]
        s.nodes[0].children = [1]
        let before = sorted(worldTriangles(s))
        s.flatten()
        #expect(sorted(worldTriangles(s)) == before)
        let world = s.worldMatrices()
        for (i, n) in s.nodes.enumerated() where n.mesh != nil { #expect(world[i] == .identity) }
    }

    @Test func normalsUseInverseTransposeAndMirroringFlipsWinding() throws {
        let p = gridPrimitive(1)
        var s = sceneWith([p], transforms: [.trs(translation: .zero, rotation: .identity, scale: Vec3(1, -3, 1))])
        s.flatten()
        let out = s.meshes[try #require(s.nodes[0].mesh)].primitives[0]
        let n = out.attributes["NORMAL"]!.vec3(0)
        #expect(close(n, Vec3(0, -1, 0)))
        // The geometric normal of the first triangle must agree with the vertex normals.
        let pos = out.attributes["POSITION"]!, idx = out.triangleIndices()
        let a = pos.vec3(Int(idx[0])), b = pos.vec3(Int(idx[1])), c = pos.vec3(Int(idx[2]))
        #expect(dot(cross(b - a, c - a), n) > 0)
    }

    @Test func animatedAndSkinnedNodesStayPut() {
        var s = sceneWith([gridPrimitive(1), gridPrimitive(1)], transforms: [
            .trs(translation: Vec3(5, 0, 0), rotation: .identity, scale: .one),
            .trs(translation: Vec3(0, 5, 0), rotation: .identity, scale: .one),
        ])
        s.animations = [Animation(channels: [AnimationChannel(sampler: 0, node: 0, path: .rotation)], samplers: [
            AnimationSampler(input: DataArray(floats: [0], elementType: .scalar), output: DataArray(vec4: [Vec4(0, 0, 0, 1)])),
        ])]
        s.skins = [Skin(joints: [0])]
        s.nodes[1].skin = 0
        let before = s
        let r = s.flatten()
        #expect(r.figures["nodesBaked"] == 0)
        #expect(s == before)
    }

    @Test func sharedMeshesGetOneCopyPerNode() {
        var s = sceneWith([gridPrimitive(1)], transforms: [.trs(translation: Vec3(1, 0, 0), rotation: .identity, scale: .one)])
        s.nodes.append(Node(name: "twin", transform: .trs(translation: Vec3(0, 0, 4), rotation: .identity, scale: .one), mesh: 0))
        s.roots[0].nodes.append(1)
        let before = sorted(worldTriangles(s))
        s.flatten()
        #expect(sorted(worldTriangles(s)) == before)
        #expect(s.nodes[0].mesh != s.nodes[1].mesh)
    }
}
