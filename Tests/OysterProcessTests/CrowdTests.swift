import OysterCore
import Testing
@testable import OysterProcess

/// Skinned bodies of one material become one crowd: one mesh on one skin, each vertex still
/// following its own body's joints.
@Suite struct CrowdTests {
    /// A body's two joints (hips at `x`, an arm a metre above) and a skinned grid whose
    /// vertices lean from the hips to the arm as they go along z.
    static func addBody(to scene: inout Scene, x: Float, material: Int, jointType: ComponentType = .uint8) -> (node: Int, skin: Int) {
        let hips = scene.nodes.count
        scene.nodes.append(Node(name: "hips", transform: .trs(translation: Vec3(x, 0, 0), rotation: .identity, scale: .one), children: [hips + 1]))
        scene.nodes.append(Node(name: "arm", transform: .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one)))
        var p = gridPrimitive(3, material: material)
        let n = p.vertexCount
        let z = p.attributes["POSITION"]!.vec3Array().map(\.z)
        let joints: [UInt16] = (0..<n).flatMap { _ in [0, 1, 0, 0] }
        let bytes: [UInt8] = jointType == .uint8 ? joints.map { UInt8($0) } : joints.withUnsafeBytes { Array($0) }
        p.attributes["JOINTS_0"] = DataArray(componentType: jointType, elementType: .vec4, bytes: bytes)
        p.attributes["WEIGHTS_0"] = DataArray(floats: z.flatMap { [1 - $0, $0, 0, 0] }, elementType: .vec4)
        scene.meshes.append(Mesh(name: "body", primitives: [p]))
        let binds = [Mat4(translation: Vec3(x, 0, 0), rotation: .identity, scale: .one).inverse!,
                     Mat4(translation: Vec3(x, 1, 0), rotation: .identity, scale: .one).inverse!]
        scene.skins.append(Skin(name: "body", joints: [hips, hips + 1], skeleton: hips,
                                inverseBindMatrices: DataArray(floats: binds.flatMap(\.m), elementType: .mat4)))
        var body = Node(name: "Body", mesh: scene.meshes.count - 1, role: .character)
        body.skin = scene.skins.count - 1
        scene.nodes.append(body)
        scene.roots[0].nodes += [hips, scene.nodes.count - 1]
        return (scene.nodes.count - 1, scene.skins.count - 1)
    }

    /// Three bodies of material 0 and one of material 1, their arms bent differently.
    static func village() -> (scene: Scene, bodies: [Int]) {
        var scene = Scene()
        scene.materials = [Material(name: "people"), Material(name: "armour")]
        scene.roots = [SceneRoot(nodes: [])]
        let bodies = [(0, 0), (3, 0), (6, 1), (9, 0)].enumerated().map { k, b in
            addBody(to: &scene, x: Float(b.0), material: b.1, jointType: k == 1 ? .uint16 : .uint8).node
        }
        for (k, hips) in scene.nodes.indices.filter({ scene.nodes[$0].name == "hips" }).enumerated() {
            scene.nodes[hips + 1].transform = .trs(translation: Vec3(0, 1, 0), rotation: Quat(angle: 0.3 * Float(k + 1), axis: Vec3(0, 0, 1)), scale: .one)
        }
        return (scene, bodies)
    }

    /// Where a skinned node's vertices are drawn (glTF skinning on the CPU).
    static func drawn(_ scene: Scene, node: Int) -> [Vec3] {
        let world = scene.worldMatrices()
        let skin = scene.skins[scene.nodes[node].skin!]
        let binds = skin.inverseBindMatrices!.floats()
        let p = scene.meshes[scene.nodes[node].mesh!].primitives[0]
        let pos = p.attributes["POSITION"]!.vec3Array(), j = p.attributes["JOINTS_0"]!.uints(), w = p.attributes["WEIGHTS_0"]!.floats()
        return pos.indices.map { v in
            (0..<4).reduce(Vec3.zero) { sum, k in
                let i = Int(j[v * 4 + k])
                let m = world[skin.joints[i]] * Mat4(columnMajor: Array(binds[i * 16..<i * 16 + 16]))
                return sum + m.transformPoint(pos[v]) * w[v * 4 + k]
            }
        }
    }

    @Test func bodiesOfOneMaterialAreDrawnWhereTheyWereAsOneCrowd() throws {
        let (before, bodies) = Self.village()
        var scene = before
        let report = scene.mergeSkinnedMeshes()
        #expect(report.figures["crowds"] == 1 && report.figures["bodiesMerged"] == 3)
        #expect(report.figures["drawCallsBefore"] == 4 && report.figures["drawCallsAfter"] == 2)
        let crowd = try #require(scene.nodes.firstIndex { $0.name == "Crowd" })
        #expect(scene.roots[0].nodes.contains(crowd) && scene.nodes[crowd].role == .character)
        let skin = scene.skins[try #require(scene.nodes[crowd].skin)]
        #expect(skin.joints.count == 6 && skin.skeleton == nil)
        // The crowd's vertices are the three bodies' in node order, each where it was drawn.
        let want = [bodies[0], bodies[1], bodies[3]].flatMap { Self.drawn(before, node: $0) }
        let got = Self.drawn(scene, node: crowd)
        #expect(got.count == want.count)
        #expect(zip(got, want).allSatisfy { length($0 - $1) < 1e-5 })
        // The merged bodies keep their nodes but no mesh; the armoured one is untouched.
        #expect([bodies[0], bodies[1], bodies[3]].allSatisfy { scene.nodes[$0].mesh == nil && scene.nodes[$0].skin == nil })
        #expect(scene.nodes[bodies[2]] == before.nodes[bodies[2]])
        #expect(scene.meshes[scene.nodes[crowd].mesh!].primitives.count == 1)
        // A slot without weight names joint 0, as the validator asks (not its body's first joint).
        let p = scene.meshes[scene.nodes[crowd].mesh!].primitives[0]
        let joints = p.attributes["JOINTS_0"]!.uints(), weights = p.attributes["WEIGHTS_0"]!.floats()
        #expect(zip(joints, weights).allSatisfy { $1 != 0 || $0 == 0 })
        #expect(Set(joints).count == 6)
        // Every person's `hips` and `arm` would repeat in one skin: each takes its body's name
        // in front, keeping the bone's at the end.
        let names = skin.joints.map { scene.nodes[$0].name ?? "" }
        #expect(Set(names).count == 6 && zip(names, ["hips", "arm", "hips", "arm", "hips", "arm"]).allSatisfy { $0.hasSuffix("_" + $1) })
    }

    @Test func bodiesSharingASkinListItsJointsOnce() throws {
        var scene = Scene()
        scene.materials = [Material(name: "people")]
        scene.roots = [SceneRoot(nodes: [])]
        let first = Self.addBody(to: &scene, x: 0, material: 0)
        // A second mesh on the same skin (as a level of detail would be).
        var twin = Node(name: "Twin", mesh: scene.nodes[first.node].mesh, role: .character)
        twin.skin = first.skin
        scene.nodes.append(twin)
        scene.roots[0].nodes.append(scene.nodes.count - 1)
        let before = scene
        scene.mergeSkinnedMeshes()
        let crowd = try #require(scene.nodes.firstIndex { $0.name == "Crowd" })
        #expect(scene.skins[scene.nodes[crowd].skin!].joints.count == 2)
        let want = Self.drawn(before, node: first.node) + Self.drawn(before, node: before.nodes.count - 1)
        #expect(zip(Self.drawn(scene, node: crowd), want).allSatisfy { length($0 - $1) < 1e-5 })
    }

    @Test func aCrowdOfManySkeletonsWidensItsJointIndices() throws {
        var scene = Scene()
        scene.materials = [Material(name: "people")]
        scene.roots = [SceneRoot(nodes: [])]
        let bodies = (0..<140).map { Self.addBody(to: &scene, x: Float($0), material: 0).node }
        let before = scene
        scene.mergeSkinnedMeshes()
        let crowd = try #require(scene.nodes.firstIndex { $0.name == "Crowd" })
        let p = scene.meshes[scene.nodes[crowd].mesh!].primitives[0]
        #expect(scene.skins[scene.nodes[crowd].skin!].joints.count == 280 && p.attributes["JOINTS_0"]?.componentType == .uint16)
        let want = bodies.flatMap { Self.drawn(before, node: $0) }
        #expect(zip(Self.drawn(scene, node: crowd), want).allSatisfy { length($0 - $1) < 1e-5 })
    }

    @Test func morphedOrLoneBodiesAndStaticMeshesAreLeftAlone() {
        var scene = Scene()
        scene.materials = [Material(name: "people")]
        scene.roots = [SceneRoot(nodes: [])]
        let lone = Self.addBody(to: &scene, x: 0, material: 0)
        let morphed = Self.addBody(to: &scene, x: 3, material: 0)
        let mesh = scene.nodes[morphed.node].mesh!
        let n = scene.meshes[mesh].primitives[0].vertexCount
        scene.meshes[mesh].primitives[0].targets = [["POSITION": DataArray(vec3: [Vec3](repeating: Vec3(0, 0.1, 0), count: n))]]
        scene.meshes.append(Mesh(name: "wall", primitives: [gridPrimitive(2, material: 0)]))
        scene.nodes.append(Node(name: "Wall", mesh: scene.meshes.count - 1))
        scene.roots[0].nodes.append(scene.nodes.count - 1)
        let before = scene
        let report = scene.mergeSkinnedMeshes()
        #expect(report.figures["crowds"] == 0)
        #expect(scene == before)
        _ = lone
    }
}
