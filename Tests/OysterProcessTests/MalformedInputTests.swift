import OysterCore
import OysterImage
import OysterJSON
import Testing
@testable import OysterProcess

/// Every pass must survive what a hostile or broken file can put in a Scene: indices past the
/// vertex count, streams of the wrong length, NaN positions, dangling references and cycles.
@Suite struct MalformedInputTests {
    func brokenScene() -> Scene {
        var s = Scene()
        var outOfRange = gridPrimitive(2, material: 7)
        outOfRange.indices = DataArray(indices: [0, 1, 99, 2, 3, 4])
        var shortStream = gridPrimitive(2, material: 0)
        shortStream.attributes["NORMAL"] = DataArray(vec3: [Vec3(0, 1, 0)])
        shortStream.attributes["TEXCOORD_0"] = DataArray(vec2: [Vec2(0, 0), Vec2(1, 1)])
        var nan = gridPrimitive(1, material: 0)
        nan.attributes["POSITION"] = DataArray(vec3: [Vec3(.nan, 0, 0), Vec3(1, .infinity, 0), Vec3(0, 0, 1), Vec3(1, 0, 1)])
        let empty = Primitive(attributes: [:], indices: nil, material: 0)
        var strip = gridPrimitive(1)
        strip.mode = .triangleStrip
        s.meshes = [Mesh(primitives: [outOfRange, shortStream, nan, empty, strip])]
        var mat = Material()
        mat.baseColorTexture = TextureRef(texture: 42)
        mat.normalTexture = TextureRef(texture: 0)
        s.materials = [mat]
        s.textures = [Texture(source: 9, sampler: 3)]
        s.images = [Image(data: [0xFF, 0xD8, 0xFF, 0xC0, 0, 1])]
        s.nodes = [Node(name: "a", children: [1, 5], mesh: 0), Node(name: "b", children: [0], mesh: 3), Node(name: "c", mesh: 0)]
        s.nodes[2].skin = 4
        s.nodes[2].camera = 8
        s.roots = [SceneRoot(nodes: [0, 2, 17])]
        s.skins = [Skin(joints: [0, 99], skeleton: 55)]
        s.animations = [Animation(channels: [AnimationChannel(sampler: 5, node: 0, path: .translation),
                                             AnimationChannel(sampler: 0, node: 77, path: .rotation)],
                                  samplers: [AnimationSampler(input: DataArray(floats: [0], elementType: .scalar), output: DataArray(floats: [1], elementType: .scalar))])]
        return s
    }

    @Test func everyPassSurvivesBrokenScenes() throws {
        let passes: [ProcessPass] = [
            .convertAxes(AxisConversionOptions(from: .y, to: .z, unitScale: 100)), .instance(), .flatten(), .weld(),
            .weld(WeldOptions(positionTolerance: 0.01, normalToleranceDegrees: 5, uvTolerance: 0.01)),
            .generateNormals(NormalsOptions(overwrite: true)), .generateTangents(TangentsOptions(onlyNormalMapped: false, overwrite: true)),
            .simplify(SimplifyOptions(targetRatio: 0.3, maxError: 1)), .mergeByMaterial(), .quantize(), .resizeTextures(TextureResizeOptions(maxSize: 1)),
            .compact(CompactionOptions(removeEmptyNodes: true)),
        ]
        for pass in passes {
            var s = brokenScene()
            _ = try Pipeline([pass]).run(&s)
        }
        var s = brokenScene()
        _ = try Pipeline(passes).run(&s)
        _ = s.addLODChains(LODOptions(minTriangles: 1))
        for shape in [ColliderShape.box, .orientedBox, .convexHull, .trimesh] {
            var c = brokenScene()
            _ = c.addColliders(ColliderOptions(shape: shape), nodes: [0, 1, 2, 99])
        }
        _ = ProcessStatistics(brokenScene())
    }

    @Test func truncatedImageHeadersGiveNoSize() {
        #expect(ImageHeader.dimensions(of: []) == nil)
        #expect(ImageHeader.dimensions(of: [0xFF, 0xD8, 0xFF, 0xC0, 0, 1]) == nil)
        #expect(ImageHeader.dimensions(of: [0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == nil)
        #expect(ImageHeader.dimensions(of: [0xFF, 0xD8] + [UInt8](repeating: 0xFF, count: 100)) == nil)
    }
}
