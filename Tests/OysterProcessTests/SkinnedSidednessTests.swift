import OysterCore
import Testing
@testable import OysterProcess

/// A skinned body that mixes single- and double-sided materials is made double-sided through
/// copies of its single-sided materials; everything else keeps its materials.
@Suite struct SkinnedSidednessTests {
    /// Materials: 0 skin (single-sided), 1 cloth (double-sided), 2 stone (single-sided).
    /// Mesh 0: a body in skin and cloth, skinned. Mesh 1: a statue in skin and stone, static.
    /// Mesh 2: a skinned body in skin alone.
    static func scene() -> Scene {
        var scene = Scene()
        var cloth = Material(name: "cloth")
        cloth.doubleSided = true
        scene.materials = [Material(name: "skin"), cloth, Material(name: "stone")]
        scene.meshes = [
            Mesh(name: "body", primitives: [gridPrimitive(2, material: 0), gridPrimitive(2, material: 1)]),
            Mesh(name: "statue", primitives: [gridPrimitive(2, material: 0), gridPrimitive(2, material: 2)]),
            Mesh(name: "bare", primitives: [gridPrimitive(2, material: 0)]),
        ]
        scene.nodes = [Node(name: "body", mesh: 0), Node(name: "statue", mesh: 1), Node(name: "bare", mesh: 2), Node(name: "hips")]
        scene.nodes[0].skin = 0
        scene.nodes[2].skin = 0
        scene.skins = [Skin(joints: [3])]
        scene.roots = [SceneRoot(nodes: [0, 1, 2, 3])]
        return scene
    }

    @Test func aMixedBodyBecomesDoubleSidedAndNothingElseChanges() {
        var scene = Self.scene()
        let report = scene.doubleSideMixedSkinnedMeshes()
        #expect(report.figures["materialsCopied"] == 1 && report.figures["primitivesDoubleSided"] == 1)
        let body = scene.meshes[0].primitives.compactMap(\.material)
        #expect(body.allSatisfy { scene.materials[$0].doubleSided })
        // The copy is the skin in every other respect.
        var copy = scene.materials[body[0]]
        copy.doubleSided = false
        #expect(body[0] == 3 && copy == scene.materials[0])
        // The static statue and the body with one sidedness keep theirs.
        #expect(scene.meshes[1].primitives.compactMap(\.material) == [0, 2])
        #expect(scene.meshes[2].primitives.compactMap(\.material) == [0])
        #expect(!scene.materials[0].doubleSided)
    }

    @Test func aSceneWithoutMixedBodiesIsLeftAsItIs() {
        var scene = Self.scene()
        scene.nodes[0].skin = nil
        let before = scene
        let report = scene.doubleSideMixedSkinnedMeshes()
        #expect(report.figures["materialsCopied"] == 0)
        #expect(scene == before)
    }
}
