import OysterCore
import OysterProcess
import Testing
@testable import OysterExport
import OysterTestSupport

/// Each engine's import rule, checked on the processed scene without writing a file.
@Suite struct EngineRuleTests {
    func product(_ target: ExportTarget, lods: Int? = nil) throws -> ExportProduct {
        var options = ExportOptions(target: target)
        if let lods { options.lods = lods }
        return try ExportPlan(options).process(try rolePlayingScene())
    }

    @Test func eachTargetDeclaresItsPassesInOrder() {
        func names(_ target: ExportTarget) -> [String] {
            let plan = ExportPlan(ExportOptions(target: target))
            return (plan.preparation.passes + plan.conventions.passes).map(\.name)
        }
        let prep = ["roles", "skinSides", "atlas", "resize", "compact", "imageNames", "names"]
        #expect(names(.godot) == prep + ["lightUnits", "godotLights", "colliders", "loop", "compact", "finishColliders"])
        #expect(names(.unity) == prep + ["lightUnits", "colliders", "lod", "compact", "finishColliders"])
        #expect(names(.unreal) == prep + ["lightUnits", "colliders", "lod", "compact", "finishColliders"])
        #expect(names(.web) == prep + ["lightUnits", "crowds", "instance", "compact", "quantize"])
        #expect(names(.blender) == prep + ["lightUnits", "compact"])
        #expect(names(.generic) == prep + ["lightUnits", "compact"])
        var noAtlas = ExportOptions(target: .generic)
        noAtlas.atlas = false
        #expect(!ExportPlan(noAtlas).preparation.passes.map(\.name).contains("atlas"))
    }

    @Test func unityLODGroupsHaveSuffixedChildrenWithDecreasingTriangles() throws {
        let scene = try product(.unity, lods: 3).final
        let rock = try #require(scene.nodes.firstIndex { $0.name == "Rock" })
        let levels = scene.nodes[rock].children.filter { scene.nodes[$0].name?.contains("_LOD") == true }
        #expect(levels.map { scene.nodes[$0].name } == ["Rock_LOD0", "Rock_LOD1", "Rock_LOD2"])
        #expect(levels.map { scene.nodes[$0].role } == [nil, .lodLevel(1), .lodLevel(2)])
        let triangles = levels.map { c in
            scene.nodes[c].mesh.map { scene.meshes[$0].primitives.reduce(0) { $0 + $1.triangleCount } } ?? 0
        }
        #expect(triangles.count == 3 && triangles[0] > triangles[1] && triangles[1] > triangles[2])
        // The collider is a mesh-less node whose OMI body names its hull.
        let collider = try #require(scene.nodes.first { $0.name == "Rock_Collider" })
        #expect(collider.mesh == nil)
        #expect(collider.extensions["OMI_physics_body"] != nil)
    }

    @Test func unrealUCXIsASiblingWithTheRenderNodesTransform() throws {
        let scene = try product(.unreal).final
        let rock = try #require(scene.nodes.firstIndex { $0.name == "Rock_2" })
        let ucx = try #require(scene.nodes.firstIndex { $0.name == "UCX_Rock_2_00" })
        #expect(scene.nodes[ucx].transform == scene.nodes[rock].transform)
        #expect(!scene.nodes[rock].children.contains(ucx))
        let root = scene.roots[0].nodes
        #expect(root.firstIndex(of: ucx) == root.firstIndex(of: rock).map { $0 + 1 })
    }

    @Test func godotLoopsAnimationsThatEndWhereTheyStartAndGetsTorchAttenuationOne() throws {
        let scene = try product(.godot).final
        #expect(scene.animations.map(\.name) == ["Bob-loop"])
        // 13,660 cd photometric → 20 unitless → 100 × range 10 × 20 / 20.
        let torch = try #require(scene.lights.first { $0.name == "Torch" })
        #expect(abs(torch.intensity - 1000) < 0.01)
        #expect(scene.lightUnits == .unitless)
    }

    @Test func webIsQuantizedAndHasNoColliders() throws {
        let scene = try product(.web).final
        #expect(!scene.nodes.contains { if case .collider = $0.role { return true } else { return false } })
        let positions = scene.meshes.flatMap(\.primitives).compactMap { $0.attributes["POSITION"] }
        #expect(positions.contains { $0.componentType != .float32 })
    }

    @Test func namesAreUniqueAndEngineSafe() throws {
        var scene = try rolePlayingScene()
        scene.nodes[0].name = "Rock.001:a/b"
        let final = try ExportPlan(ExportOptions(target: .generic)).process(scene).final
        let names = final.nodes.compactMap(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } })
        #expect(names.contains("Rock_001_a_b"))
    }
}
