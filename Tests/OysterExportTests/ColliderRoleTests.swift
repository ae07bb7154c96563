import OysterCore
import OysterProcess
import Testing
@testable import OysterExport
import OysterTestSupport

/// A scene whose nodes carry roles the way a generated world's do: terrain, a frozen lake, an
/// open lake, a rock, weather and a dungeon — named so that names alone would mislead.
func rolePlayingScene() throws -> Scene {
    var scene = try ExportTestScene.make()
    // ExportTestScene: nodes 0-2 rocks (mesh 0), 3 Terrain (mesh 1), 4 Lake (mesh 2), 5 Sun, 6 Torch.
    scene.nodes[3].role = .terrain
    // A frozen lake named like open water, and open water named like ice: roles decide.
    scene.nodes[4].name = "Lake"
    scene.nodes[4].role = .ice
    scene.meshes.append(Mesh(name: "Pond", primitives: [ExportTestScene.grid(material: 1, y: -0.5)]))
    scene.nodes.append(Node(name: "Ice_Pond", mesh: scene.meshes.count - 1, role: .water))
    // Rain inside a weather group: inherits the group's role.
    scene.meshes.append(Mesh(name: "Streaks", primitives: [ExportTestScene.sphere(material: 0)]))
    scene.nodes.append(Node(name: "Rain_Band1", mesh: scene.meshes.count - 1))
    scene.nodes.append(Node(name: "Weather", children: [scene.nodes.count - 1], role: .weather))
    // A dungeon (walked inside: concave).
    scene.meshes.append(Mesh(name: "Vault", primitives: [ExportTestScene.grid(material: 0, y: 3)]))
    scene.nodes.append(Node(name: "Dungeon", mesh: scene.meshes.count - 1, role: .interior))
    for i in 0..<3 { scene.nodes[i].role = .rock }
    scene.roots[0].nodes += [7, 9, 10]
    return scene
}

@Suite struct ColliderRoleTests {
    func names(_ scene: Scene) -> Set<String> { Set(scene.nodes.compactMap(\.name)) }

    func exported(_ target: ExportTarget) throws -> Scene {
        try ExportPlan(ExportOptions(target: target)).process(try rolePlayingScene()).final
    }

    @Test func aFrozenLakeGetsAColliderInEveryEnginePackageAndOpenWaterNone() throws {
        let godot = names(try exported(.godot))
        #expect(godot.contains("Lake-colonly"))
        #expect(!godot.contains { $0.hasPrefix("Ice_Pond-") })
        let unreal = names(try exported(.unreal))
        // Unreal's collision must be convex: the ice sheet's hull is the sheet.
        #expect(unreal.contains("UCX_Lake_00"))
        #expect(!unreal.contains { $0.hasPrefix("UCX_Ice_Pond") })
        let unity = names(try exported(.unity))
        #expect(unity.contains("Lake_Collider"))
        #expect(!unity.contains("Ice_Pond_Collider"))
    }

    @Test func weatherNeverCollidesAndInteriorsGetAConcaveColliderOrNone() throws {
        let godot = names(try exported(.godot))
        #expect(!godot.contains { $0.hasPrefix("Rain_Band1-") })
        #expect(godot.contains("Dungeon-colonly"))
        #expect(!godot.contains("Dungeon-convcolonly"))
        let unreal = names(try exported(.unreal))
        #expect(!unreal.contains { $0.hasPrefix("UCX_Dungeon") || $0.hasPrefix("UCX_Rain") || $0.hasPrefix("UCX_Terrain") })
        #expect(unreal.contains("UCX_Rock_00"))
    }

    @Test func colliderNodesCarryTheirRoleAndOMIShapeThroughCompaction() throws {
        let scene = try exported(.godot)
        let colliders = scene.nodes.indices.filter { if case .collider = scene.nodes[$0].role { return true } else { return false } }
        #expect(colliders.count == 6)  // three rocks, terrain, the frozen lake, the dungeon
        let shapes = try #require(scene.extensions["OMI_physics_shape"]?["shapes"]?.arrayValue)
        for c in colliders {
            let body = try #require(scene.nodes[c].extensions["OMI_physics_body"])
            let index = try #require(body["collider"]?["shape"]?.intValue)
            let shape = try #require(shapes[index].objectValue)
            let kind = try #require(shape["type"]?.stringValue)
            guard case .collider(let k)? = scene.nodes[c].role else { continue }
            #expect(kind == k.rawValue)
            // The shape names the collider node's own mesh, after compaction renumbered meshes.
            #expect(shape[kind]?["mesh"]?.intValue == scene.nodes[c].mesh)
        }
    }

    @Test func renderedFiguresLeaveOutCollidersAndReducedLODLevels() throws {
        var options = ExportOptions(target: .unreal)
        options.lods = 3
        let product = try ExportPlan(options).process(try rolePlayingScene())
        let scene = product.final
        let lodNodes = scene.nodes.filter { if case .lodLevel = $0.role { return true } else { return false } }
        #expect(!lodNodes.isEmpty)
        var drawn = 0
        for n in scene.nodes {
            guard let m = n.mesh, n.role?.describesWorld ?? true else { continue }
            drawn += scene.meshes[m].primitives.count
        }
        #expect(product.rendered.drawCalls == drawn)
        #expect(product.rendered.drawCalls < ProcessStatistics(scene).drawCalls)
    }
}

@Suite struct RoleFallbackTests {
    @Test func aSceneWithoutRolesGetsThemFromNames() throws {
        var scene = try ExportTestScene.make()
        scene.nodes.append(Node(name: "Frozen_Pond"))
        scene.nodes.append(Node(name: "Office"))
        let report = scene.inferRolesFromNames()
        #expect(report.figures["inferred"] == 3)
        #expect(scene.nodes[3].role == .terrain)
        #expect(scene.nodes[4].role == .water)
        #expect(scene.nodes[7].role == .ice)
        // "ice" inside another word is not ice.
        #expect(scene.nodes[8].role == nil)
    }

    @Test func aSceneWithRolesKeepsThemWhateverTheNames() throws {
        var scene = try rolePlayingScene()
        let before = scene.nodes.map(\.role)
        let report = scene.inferRolesFromNames()
        #expect(report.figures["inferred"] == 0)
        #expect(scene.nodes.map(\.role) == before)
    }
}
