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
        s.mergeByMaterial(MergeOptions(fillMissingColorsAndTexCoords: false))
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

@Suite struct MergeFillTests {
    @Test func missingColorsAreFilledWhiteSoPrimitivesMerge() throws {
        var colored = gridPrimitive(1, material: 0)
        colored.attributes["COLOR_0"] = DataArray(vec4: [Vec4](repeating: Vec4(1, 0, 0, 1), count: 4))
        var s = Scene()
        s.materials = [Material()]
        s.meshes = [Mesh(primitives: [colored, gridPrimitive(1, material: 0)])]
        s.nodes = [Node(mesh: 0)]
        var kept = s
        kept.mergeByMaterial(MergeOptions(fillMissingColorsAndTexCoords: false))
        #expect(kept.meshes[0].primitives.count == 2)
        s.mergeByMaterial()
        let merged = try #require(s.meshes[0].primitives.first)
        #expect(s.meshes[0].primitives.count == 1)
        let colors = try #require(merged.attributes["COLOR_0"])
        #expect(colors.vec4(0) == Vec4(1, 0, 0, 1))
        #expect(colors.vec4(7) == Vec4(1, 1, 1, 1))
    }

    @Test func missingNormalsAreNotInvented() {
        var bare = gridPrimitive(1, material: 0)
        bare.attributes["NORMAL"] = nil
        var s = Scene()
        s.meshes = [Mesh(primitives: [bare, gridPrimitive(1, material: 0)])]
        s.nodes = [Node(mesh: 0)]
        s.mergeByMaterial()
        #expect(s.meshes[0].primitives.count == 2)
    }
}

@Suite struct MergeExclusionTests {
    @Test func colliderNodesStayOutOfTheMergedRenderMesh() {
        var s = sceneWith([gridPrimitive(2, material: 0), gridPrimitive(2, material: 0)], transforms: [
            .identity, .trs(translation: Vec3(5, 0, 0), rotation: .identity, scale: .one),
        ])
        s.materials = [Material()]
        s.flatten()
        let colliders = s.addColliders(ColliderOptions(shape: .box))
        s.mergeByMaterial(MergeOptions(excludedNodes: Set(colliders.map(\.colliderNode))))
        // One render draw call plus two collider nodes, each still with its own box.
        let renderNodes = s.nodes.indices.filter { s.nodes[$0].mesh != nil && !colliders.map(\.colliderNode).contains($0) }
        #expect(renderNodes.count == 1)
        for c in colliders { #expect(s.meshes[s.nodes[c.colliderNode].mesh!].primitives[0].vertexCount == 8) }
    }
}
