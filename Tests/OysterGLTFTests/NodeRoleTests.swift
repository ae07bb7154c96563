import OysterCore
import OysterGLTF
import OysterJSON
import Testing

/// Node roles travel in `extras.oysterRole` and come back typed.
@Suite struct NodeRoleFileTests {
    func roundTrip(_ scene: Scene) throws -> (Scene, String) {
        let bytes = GLTFWriter().encodeGLB(scene)
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        let json = String(decoding: bytes[20..<(20 + length)], as: UTF8.self)
        return (try GLTFReader().read(bytes: bytes).scene, json)
    }

    @Test func everyRoleSurvivesAWriteAndARead() throws {
        let roles: [NodeRole] = [.terrain, .water, .ice, .interior, .structure, .vegetation, .rock, .prop, .weather,
                                 .collider(.convex), .collider(.trimesh), .lodLevel(1), .lodLevel(2)]
        var scene = Scene()
        for r in roles { scene.nodes.append(Node(name: r.identifier, role: r)) }
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        let (back, json) = try roundTrip(scene)
        #expect(back.nodes.map(\.role) == roles)
        #expect(back.nodes.allSatisfy { $0.extras == nil })
        #expect(json.contains("\"extras\":{\"oysterRole\":\"collider.trimesh\"}"))
    }

    @Test func otherExtrasStayBesideTheRoleAndUnknownRolesAreKept() throws {
        var scene = Scene()
        var a = Node(name: "a", role: .rock)
        a.extras = ["note": "granite"]
        var b = Node(name: "b")
        b.extras = [NodeRole.extrasKey: "spaceship"]
        var c = Node(name: "c", role: .prop)
        c.extras = .array([1, 2])
        scene.nodes = [a, b, c]
        scene.roots = [SceneRoot(nodes: [0, 1, 2])]
        let (back, _) = try roundTrip(scene)
        #expect(back.nodes[0].role == .rock)
        #expect(back.nodes[0].extras == ["note": "granite"])
        #expect(back.nodes[1].role == nil)
        #expect(back.nodes[1].extras == [NodeRole.extrasKey: "spaceship"])
        // Non-object extras cannot carry a role; they are kept as they are.
        #expect(back.nodes[2].role == nil)
    }

    @Test func childrenInheritWorldRolesButNotPassMadeOnes() {
        var scene = Scene()
        scene.nodes = [Node(name: "House", children: [1, 2], role: .structure), Node(name: "Door"),
                       Node(name: "House_Collider", children: [3], role: .collider(.convex)), Node(name: "Inner"),
                       Node(name: "Ice", role: .ice)]
        scene.nodes[0].children.append(4)
        scene.roots = [SceneRoot(nodes: [0])]
        let roles = scene.effectiveRoles()
        #expect(roles == [.structure, .structure, .collider(.convex), .structure, .ice])
    }
}
