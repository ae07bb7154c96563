import Testing
@testable import OysterCore

@Suite struct BoundsTests {
    static func scene() -> Scene {
        var s = Scene()
        var p = Primitive()
        p.attributes["POSITION"] = DataArray(vec3: [Vec3(-1, 0, -2), Vec3(1, 3, 2), Vec3(0, 1, 0)])
        var mesh = Mesh()
        mesh.primitives = [p]
        s.meshes = [mesh]
        var parent = Node(name: "parent", children: [1])
        parent.transform = .trs(translation: Vec3(10, 0, 0), rotation: .identity, scale: .one)
        var child = Node(name: "child", mesh: 0)
        child.transform = .trs(translation: .zero, rotation: .identity, scale: Vec3(2, 2, 2))
        s.nodes = [parent, child]
        s.roots = [SceneRoot(nodes: [0])]
        return s
    }

    @Test func aBoxsDistanceIsToItsNearestPoint() {
        let box = AABB(min: Vec3(0, 0, 0), max: Vec3(10, 2, 10))
        #expect(box.distance(to: Vec3(5, 1, 5)) == 0)
        #expect(box.distance(to: Vec3(5, 12, 5)) == 10)
        #expect(abs(box.distance(to: Vec3(13, 6, 5)) - 5) < 1e-5)
        #expect(AABB.empty.distance(to: .zero) == .infinity)
    }

    /// A world's ground runs to the horizon: framing looks at what stands on it.
    @Test func theSubjectLeavesOutGroundAndWaterWhenThereIsAnythingElse() {
        var s = Self.scene()
        var ground = Primitive()
        ground.attributes["POSITION"] = DataArray(vec3: [Vec3(-2000, 0, -2000), Vec3(2000, 5, 2000), Vec3(0, 0, 0)])
        s.meshes.append(Mesh(primitives: [ground]))
        s.nodes.append(Node(name: "Horizon", mesh: 1, role: .terrain))
        s.roots[0].nodes.append(2)
        #expect(s.worldBounds().size.x == 4000)
        #expect(s.subjectBounds() == AABB(min: Vec3(8, 0, -4), max: Vec3(12, 6, 4)))
        // Only ground: the ground is the subject.
        s.nodes[1].mesh = nil
        #expect(s.subjectBounds() == s.worldBounds())
    }

    @Test func meshBoundsSpanItsPositions() {
        #expect(Self.scene().meshBounds() == [AABB(min: Vec3(-1, 0, -2), max: Vec3(1, 3, 2))])
    }

    @Test func quantizedPositionsAreDeNormalised() {
        var p = Primitive()
        p.attributes["POSITION"] = DataArray(componentType: .uint8, elementType: .vec3, normalized: true, bytes: [0, 255, 51, 255, 0, 0])
        #expect(p.localBounds == AABB(min: Vec3(0, 0, 0), max: Vec3(1, 1, 0.2)))
    }

    @Test func nodeBoundsAreTheMeshBoxInWorldSpace() {
        let s = Self.scene()
        let b = s.nodeBounds()
        #expect(b[0].isEmpty)
        #expect(b[1] == AABB(min: Vec3(8, 0, -4), max: Vec3(12, 6, 4)))
        #expect(s.worldBounds() == b[1])
    }

    @Test func nodeBoundsFollowAGivenPose() {
        let s = Self.scene()
        var world = s.worldMatrices()
        world[1] = .identity
        #expect(s.nodeBounds(worldMatrices: world)[1] == AABB(min: Vec3(-1, 0, -2), max: Vec3(1, 3, 2)))
    }

    @Test func instancedNodesCoverEveryInstance() {
        var s = Self.scene()
        s.nodes[1].transform = .identity
        s.nodes[1].instancing = ["TRANSLATION": DataArray(vec3: [Vec3(0, 0, 0), Vec3(0, 100, 0)])]
        #expect(s.nodeBounds()[1] == AABB(min: Vec3(9, 0, -2), max: Vec3(11, 103, 2)))
    }
}
