import Testing
import OysterCore
import OysterJSON
@testable import OysterGLTF

@Suite struct GLTFRoundTripTests {
    let writer = GLTFWriter()
    let reader = GLTFReader()

    func viaGLB(_ scene: Scene) throws -> Scene {
        try reader.read(bytes: writer.encodeGLB(scene)).scene
    }

    func viaGLTF(_ scene: Scene, embed: Bool = false) throws -> (Scene, GLTFFiles) {
        let files = GLTFWriter(options: GLTFWriteOptions(embed: embed)).encodeGLTF(scene, binName: "scene.bin")
        let loader = MemoryResourceLoader(Dictionary(uniqueKeysWithValues: files.resources.map { ($0.name, $0.bytes) }))
        return (try reader.read(bytes: files.json, loader: loader).scene, files)
    }

    @Test func glbRoundTripKeepsEveryFeature() throws {
        let source = GLTFFixtures.rich()
        let back = try viaGLB(source)
        #expect(GLTFFixtures.normalized(back) == GLTFFixtures.normalized(source))
    }

    @Test func separateFilesRoundTripKeepsEveryFeature() throws {
        let source = GLTFFixtures.rich()
        let (back, files) = try viaGLTF(source)
        #expect(GLTFFixtures.normalized(back) == GLTFFixtures.normalized(source))
        #expect(files.resources.map(\.name) == ["scene.bin", "checker.png", "normal_map.png"])
        #expect(back.images[0].uri == "checker.png")
    }

    @Test func embeddedRoundTripKeepsEveryFeatureInOneFile() throws {
        let source = GLTFFixtures.rich()
        let (back, files) = try viaGLTF(source, embed: true)
        #expect(files.resources.isEmpty)
        #expect(GLTFFixtures.normalized(back) == GLTFFixtures.normalized(source))
    }

    @Test func outputFollowsGLTFLayoutRules() throws {
        for scene in [GLTFFixtures.rich(), GLTFFixtures.texturedBox()] {
            #expect(OutputRules.problems(glb: writer.encodeGLB(scene)) == [])
            let files = writer.encodeGLTF(scene, binName: "a.bin")
            let bin = try #require(files.resources.first { $0.name == "a.bin" })
            #expect(OutputRules.problems(json: try JSONParser.parse(files.json), bufferLengths: [bin.bytes.count]) == [])
        }
    }

    @Test func quantizedAttributesAndGPUInstancesRequireTheirExtensions() throws {
        // Neither has a fallback a viewer without the extension could draw.
        let json = try JSONParser.parse(writer.encodeGLTF(GLTFFixtures.rich(), binName: "a.bin").json)
        #expect(json["extensionsRequired"] == ["EXT_mesh_gpu_instancing", "KHR_mesh_quantization"])
        let box = try JSONParser.parse(writer.encodeGLTF(GLTFFixtures.texturedBox(), binName: "a.bin").json)
        #expect(box["extensionsRequired"] == nil && box["extensionsUsed"] == nil)
    }

    @Test func glbToGLTFToGLBIsByteStable() throws {
        let glb = writer.encodeGLB(GLTFFixtures.rich())
        let (scene, _) = try viaGLTF(try reader.read(bytes: glb).scene)
        #expect(writer.encodeGLB(scene) == glb)
        #expect(writer.encodeGLB(try viaGLB(scene)) == glb)
    }

    @Test func outputIsDeterministic() {
        let scene = GLTFFixtures.rich()
        #expect(writer.encodeGLB(scene) == writer.encodeGLB(scene))
        let pretty = GLTFWriter(options: GLTFWriteOptions(pretty: true))
        #expect(pretty.encodeGLTF(scene, binName: "a.bin").json == pretty.encodeGLTF(scene, binName: "a.bin").json)
    }

    @Test func prettyAndCompactOutputsReadTheSame() throws {
        let scene = GLTFFixtures.rich()
        let pretty = GLTFWriter(options: GLTFWriteOptions(embed: true, pretty: true)).encodeGLTF(scene, binName: "x.bin")
        let compact = GLTFWriter(options: GLTFWriteOptions(embed: true)).encodeGLTF(scene, binName: "x.bin")
        #expect(pretty.json.count > compact.json.count)
        #expect(try reader.read(bytes: pretty.json).scene == reader.read(bytes: compact.json).scene)
    }

    @Test func sharedAccessorsAreWrittenOnce() throws {
        let json = try JSONParser.parse(GLTFWriter().encodeGLTF(GLTFFixtures.rich(), binName: "a.bin").json)
        // The keyframe times are used by five samplers but stored once.
        let inputs = Set((json["animations"]?.arrayValue ?? []).flatMap { $0["samplers"]?.arrayValue ?? [] }.compactMap { $0["input"]?.intValue })
        #expect(inputs.count == 2)
    }

    @Test func uint8IndicesAreWidened() throws {
        var scene = GLTFFixtures.texturedBox()
        scene.meshes[0].primitives[0].indices = DataArray(componentType: .uint8, elementType: .scalar, bytes: [0, 1, 2, 0, 2, 3])
        let back = try viaGLB(scene)
        let indices = try #require(back.meshes[0].primitives[0].indices)
        #expect(indices.componentType == .uint16)
        #expect(indices.uints() == [0, 1, 2, 0, 2, 3])
    }

    @Test func paddedMatricesRoundTrip() throws {
        // MAT3 of bytes: 9 packed bytes per element, 12 in the buffer (columns padded to 4).
        var scene = GLTFFixtures.texturedBox()
        let mat = DataArray(componentType: .uint8, elementType: .mat3, bytes: Array(1...18))
        scene.meshes[0].primitives[0].attributes["_MAT"] = DataArray(componentType: .uint8, elementType: .mat3, bytes: Array(repeating: 0, count: 9 * 24))
        scene.skins = []
        var anim = Animation(name: "m")
        anim.samplers = [AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar), output: mat)]
        anim.channels = [AnimationChannel(sampler: 0, node: 0, path: .other("custom"))]
        scene.animations = [anim]
        let back = try viaGLB(scene)
        #expect(back.animations[0].samplers[0].output == mat)
        let json = try JSONParser.parse(GLTFWriter().encodeGLTF(scene, binName: "a.bin").json)
        let output = try #require(json["animations"]?[0]?["samplers"]?[0]?["output"]?.intValue)
        let viewIndex = try #require(json["accessors"]?[output]?["bufferView"]?.intValue)
        #expect(json["bufferViews"]?[viewIndex]?["byteLength"] == .int(24))
    }
}

@Suite struct GLTFExtrasTests {
    @Test func nonObjectExtrasAreKeptVerbatimByDefaultAndWrappedWhenAsked() throws {
        var scene = Scene()
        scene.nodes = [Node(name: "a"), Node(name: "b"), Node(name: "c")]
        scene.nodes[0].extras = 42
        scene.nodes[1].extras = ["x", 1]
        scene.nodes[2].extras = .null
        let verbatim = try GLTFReader().read(bytes: GLTFWriter().encodeGLB(scene)).scene
        #expect(verbatim.nodes.map(\.extras) == [42, ["x", 1], nil])
        var options = GLTFWriteOptions()
        options.wrapNonObjectExtras = true
        let wrapped = try GLTFReader().read(bytes: GLTFWriter(options: options).encodeGLB(scene)).scene
        #expect(wrapped.nodes.map(\.extras) == [["value": 42], ["value": ["x", 1]], nil])
    }
}

@Suite struct GLTFZeroDataTests {
    @Test func zeroNormalsAndWeightsAreWrittenWithoutBufferViewButJointsAreNot() throws {
        var scene = Scene()
        let p = Primitive(attributes: [
            "POSITION": DataArray(vec3: [.zero, Vec3(1, 0, 0), Vec3(0, 1, 0)]),
            "NORMAL": DataArray(vec3: Array(repeating: .zero, count: 3)),
            "JOINTS_0": DataArray(componentType: .uint8, elementType: .vec4, bytes: Array(repeating: 0, count: 12)),
            "WEIGHTS_0": DataArray(vec4: Array(repeating: .zero, count: 3)),
        ])
        scene.meshes = [Mesh(primitives: [p])]
        let json = try JSONParser.parse(GLTFWriter().encodeGLTF(scene, binName: "a.bin").json)
        let attributes = try #require(json["meshes"]?[0]?["primitives"]?[0]?["attributes"])
        func hasView(_ name: String) throws -> Bool {
            let index = try #require(attributes[name]?.intValue)
            return json["accessors"]?[index]?["bufferView"] != nil
        }
        #expect(try !hasView("NORMAL") && !hasView("WEIGHTS_0"))
        #expect(try hasView("POSITION") && hasView("JOINTS_0"))
        let back = try GLTFReader().read(bytes: GLTFWriter().encodeGLB(scene)).scene
        #expect(back.meshes == scene.meshes)
    }
}
