import OysterCore
import OysterJSON
import Testing
@testable import OysterProcess

@Suite struct CompactionTests {
    /// Two meshes, three materials, three textures, two images; node 1 is orphaned.
    func cluttered() -> Scene {
        var s = Scene()
        s.images = [Image(name: "unused", data: [1]), Image(name: "used", data: [2])]
        s.samplers = [Sampler(magFilter: Sampler.nearest), Sampler()]
        s.textures = [Texture(name: "t0", source: 0), Texture(name: "t1", source: 1, sampler: 1), Texture(name: "t2", source: 1)]
        var used = Material(name: "used")
        used.baseColorTexture = TextureRef(texture: 1)
        used.extensions["KHR_materials_clearcoat"] = .object(JSONObject([
            ("clearcoatFactor", .double(1)), ("clearcoatTexture", .object(JSONObject([("index", .int(2))]))),
        ]))
        s.materials = [Material(name: "unused"), used, Material(name: "variant")]
        var prim = gridPrimitive(1, material: 1)
        prim.extensions["KHR_materials_variants"] = .object(JSONObject([
            ("mappings", .array([.object(JSONObject([("material", .int(2)), ("variants", .array([.int(0)]))]))])),
        ]))
        s.meshes = [Mesh(name: "orphan", primitives: [gridPrimitive(1, material: 0)]), Mesh(name: "kept", primitives: [prim])]
        s.nodes = [Node(name: "root", children: [2]), Node(name: "orphan", mesh: 0), Node(name: "leaf", mesh: 1)]
        s.roots = [SceneRoot(nodes: [0])]
        let sampler = AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar), output: DataArray(vec3: [.zero, .one]))
        s.animations = [Animation(name: "a", channels: [AnimationChannel(sampler: 0, node: 1, path: .translation),
                                                       AnimationChannel(sampler: 1, node: 2, path: .translation)],
                                  samplers: [sampler, sampler])]
        return s
    }

    @Test func removesUnreachableObjectsAndRemapsEveryIndex() throws {
        var s = cluttered()
        let report = s.compact()
        #expect(s.nodes.map(\.name) == ["root", "leaf"])
        #expect(s.nodes[0].children == [1])
        #expect(s.meshes.map(\.name) == ["kept"])
        #expect(s.nodes[1].mesh == 0)
        #expect(s.materials.map(\.name) == ["used", "variant"])
        #expect(s.meshes[0].primitives[0].material == 0)
        // The variant mapping follows the material's new index.
        let mapping = s.meshes[0].primitives[0].extensions["KHR_materials_variants"]?.objectValue?["mappings"]?.arrayValue?.first
        #expect(mapping?.objectValue?["material"]?.intValue == 1)
        #expect(s.textures.map(\.name) == ["t1", "t2"])
        #expect(s.materials[0].baseColorTexture?.texture == 0)
        let cc = s.materials[0].extensions["KHR_materials_clearcoat"]?.objectValue?["clearcoatTexture"]?.objectValue
        #expect(cc?["index"]?.intValue == 1)
        #expect(s.images.map(\.name) == ["used"])
        #expect(s.textures.allSatisfy { $0.source == 0 })
        #expect(s.samplers.count == 1)
        #expect(s.textures[0].sampler == 0)
        // The channel on the removed node is gone; the other now targets node 1.
        let a = try #require(s.animations.first)
        #expect(a.channels.count == 1)
        #expect(a.channels[0].node == 1)
        #expect(a.channels[0].sampler == 0)
        #expect(a.samplers.count == 1)
        #expect(report.figures["nodesRemoved"] == 1)
        #expect(report.figures["imagesRemoved"] == 1)
    }

    @Test func dropsUnreferencedVertices() {
        var p = gridPrimitive(2)
        // Keep only the first triangle.
        p.indices = DataArray(indices: [4, 3, 1])
        var s = sceneWith([p])
        s.compact()
        let out = s.meshes[0].primitives[0]
        #expect(out.vertexCount == 3)
        #expect(out.triangleIndices() == [0, 1, 2])
        let before = p.attributes["POSITION"]!
        #expect(out.attributes["POSITION"]!.vec3(0) == before.vec3(4))
        #expect(out.attributes["TEXCOORD_0"]!.vec2(1) == p.attributes["TEXCOORD_0"]!.vec2(3))
    }

    @Test func emptyLeafNodesGoOnlyWhenAsked() {
        var s = sceneWith([gridPrimitive(1)])
        s.nodes.append(Node(name: "empty"))
        s.nodes.append(Node(name: "parent", children: [1]))
        s.roots[0].nodes += [2]
        var kept = s
        kept.compact()
        #expect(kept.nodes.count == 3)
        s.compact(CompactionOptions(removeEmptyNodes: true))
        #expect(s.nodes.map(\.name) == ["n0"])
    }

    @Test func keepsJointsOfUsedSkinsOutsideTheHierarchy() {
        var s = sceneWith([gridPrimitive(1)])
        s.nodes.append(Node(name: "joint"))
        s.skins = [Skin(joints: [1])]
        s.nodes[0].skin = 0
        s.compact()
        #expect(s.nodes.count == 2)
        #expect(s.skins[0].joints == [1])
    }
}
