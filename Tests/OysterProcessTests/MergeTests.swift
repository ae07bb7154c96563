import OysterCore
import Testing
@testable import OysterProcess

@Suite struct MergeTests {
    @Test func mergesPrimitivesSharingAMaterial() {
        var s = Scene()
        s.materials = [Material(name: "a"), Material(name: "b")]
        s.meshes = [Mesh(primitives: [gridPrimitive(1, material: 0), gridPrimitive(2, material: 1), gridPrimitive(3, material: 0)])]
        s.nodes = [Node(mesh: 0)]
        s.roots = [SceneRoot(nodes: [0])]
        let before = worldTriangles(s)
        let r = s.mergeByMaterial()
        #expect(s.meshes[0].primitives.count == 2)
        #expect(s.meshes[0].primitives.map(\.material) == [0, 1])
        #expect(s.meshes[0].primitives[0].triangleCount == 2 + 18)
        #expect(Set(worldTriangles(s).map { $0.map { [$0.x, $0.y, $0.z] } }) == Set(before.map { $0.map { [$0.x, $0.y, $0.z] } }))
        #expect(r.figures["drawCallsAfter"] == 2)
    }

    @Test func differentAttributeSetsStaySeparate() {
        var p = gridPrimitive(1, material: 0)
        p.attributes["TEXCOORD_0"] = nil
        var s = Scene()
        s.materials = [Material()]
        s.meshes = [Mesh(primitives: [gridPrimitive(1, material: 0), p])]
        s.nodes = [Node(mesh: 0)]
        s.mergeByMaterial()
        #expect(s.meshes[0].primitives.count == 2)
    }

    @Test func respectsTheVertexLimit() {
        var s = Scene()
        s.materials = [Material()]
        s.meshes = [Mesh(primitives: (0..<4).map { _ in gridPrimitive(4, material: 0) })]  // 25 vertices each
        s.nodes = [Node(mesh: 0)]
        s.mergeByMaterial(MergeOptions(maxVertices: 60))
        #expect(s.meshes[0].primitives.count == 2)
        #expect(s.meshes[0].primitives.allSatisfy { $0.vertexCount <= 60 })
    }

    @Test func mergesStaticNodesAfterFlattening() {
        var s = sceneWith([gridPrimitive(1, material: 0), gridPrimitive(1, material: 0), gridPrimitive(1, material: 0)], transforms: [
            .trs(translation: Vec3(0, 0, 0), rotation: .identity, scale: .one),
            .trs(translation: Vec3(2, 0, 0), rotation: .identity, scale: .one),
            .trs(translation: Vec3(4, 0, 0), rotation: .identity, scale: .one),
        ])
        s.materials = [Material()]
        #expect(s.statistics.drawCalls == 3)
        s.flatten()
        s.mergeByMaterial()
        #expect(s.statistics.drawCalls == 1)
        #expect(s.statistics.triangles == 6)
    }
}
