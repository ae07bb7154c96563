import Foundation
import Testing
@testable import OysterOBJ
import OysterCore
import OysterImage
import OysterTestSupport

@Suite struct OBJWriterTests {
    func tempFolder() throws -> String {
        let path = NSTemporaryDirectory() + "oyster-obj-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// One triangle with a normal and UVs under a node with `transform`.
    func triangleScene(_ transform: Transform, imageName: String? = nil) -> Scene {
        var scene = Scene()
        var p = Primitive(material: 0)
        p.attributes["POSITION"] = DataArray(vec3: [Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)])
        p.attributes["NORMAL"] = DataArray(vec3: [Vec3(0, 0, 1), Vec3(0, 0, 1), Vec3(0, 0, 1)])
        p.attributes["TEXCOORD_0"] = DataArray(vec2: [Vec2(0, 1), Vec2(1, 1), Vec2(0, 0.25)])
        p.indices = DataArray(indices: [0, 1, 2])
        scene.meshes = [Mesh(name: "tri", primitives: [p])]
        scene.nodes = [Node(name: "my node #1", transform: transform, mesh: 0)]
        scene.roots = [SceneRoot(nodes: [0])]
        var m = Material(name: "red paint")
        m.baseColorFactor = Vec4(1, 0, 0, 1)
        m.roughnessFactor = 0.4
        m.metallicFactor = 0.2
        if let imageName {
            scene.images = [Image(name: imageName, mimeType: "image/png", data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]),
                            Image(name: imageName, mimeType: "image/png", data: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 2])]
            scene.textures = [Texture(source: 0), Texture(source: 1)]
            m.baseColorTexture = TextureRef(texture: 0)
            m.emissiveTexture = TextureRef(texture: 1)
            m.emissiveFactor = Vec3(1, 1, 1)
        }
        scene.materials = [m]
        return scene
    }

    @Test func pixelImagesAreEncodedWhenWritten() throws {
        var pixels = PixelImage(width: 4, height: 4, channels: 3)
        for k in pixels.samples8.indices { pixels.samples8[k] = UInt8(k * 5) }
        var scene = triangleScene(.identity, imageName: "albedo")
        scene.images[0] = Image(name: "albedo", pixels: pixels, encoding: .png(compression: 4))
        let files = OBJWriter().encode(scene, mtlName: "x.mtl")
        let png = try #require(files.textures.first { $0.bytes.starts(with: [0x89, 0x50]) && $0.bytes.count > 9 })
        #expect(png.bytes == (try ImageCodec.encodePNG(pixels, compression: 4)))
        #expect(png.name.hasSuffix(".png"))
    }

    @Test func worldTransformsAreBakedAndMirrorsKeepFacesOutward() throws {
        let mirror = Transform.trs(translation: Vec3(10, 0, 0), rotation: .identity, scale: Vec3(-2, 1, 1))
        let files = OBJWriter().encode(triangleScene(mirror), mtlName: "x.mtl")
        let (back, _) = try OBJReader().read(bytes: files.obj)
        let p = try #require(back.meshes.first?.primitives.first)
        let t = p.trianglePositions
        #expect(Set(t.map { [$0.x, $0.y, $0.z] }) == [[10, 0, 0], [8, 0, 0], [10, 1, 0]])
        let faceNormal = normalize(cross(t[1] - t[0], t[2] - t[0]))
        let n = try #require(p.attributes["NORMAL"]).vec3(0)
        #expect(dot(faceNormal, n) > 0.99)
        #expect(back.nodes.first?.name == "my_node__1")
    }

    @Test func nestedNodeTransformsAreComposedIntoWorldPositions() throws {
        var scene = triangleScene(.identity)
        // Parent moves up 5; the child (holding the mesh) turns 90° about Z, then moves +X 1.
        scene.nodes[0].transform = .trs(translation: Vec3(1, 0, 0), rotation: Quat(angle: .pi / 2, axis: Vec3(0, 0, 1)), scale: .one)
        scene.nodes.append(Node(name: "parent", transform: .trs(translation: Vec3(0, 5, 0), rotation: .identity, scale: .one), children: [0]))
        scene.roots = [SceneRoot(nodes: [1])]
        let (back, _) = try OBJReader().read(bytes: OBJWriter().encode(scene, mtlName: "x.mtl").obj)
        let t = try #require(back.meshes.first?.primitives.first).trianglePositions
        let expected = [Vec3(1, 5, 0), Vec3(1, 6, 0), Vec3(0, 5, 0)]
        for (a, b) in zip(t, expected) { #expect(length(a - b) < 1e-5) }
        #expect(back.nodes.count == 1)
    }

    @Test func texCoordsRoundTripThroughTheVFlip() throws {
        let files = OBJWriter().encode(triangleScene(.identity), mtlName: "x.mtl")
        #expect(String(decoding: files.obj, as: UTF8.self).contains("vt 0 0.75\n"))
        let (back, _) = try OBJReader().read(bytes: files.obj)
        let uv = try #require(back.meshes.first?.primitives.first?.attributes["TEXCOORD_0"])
        #expect(uv.vec2(2) == Vec2(0, 0.25))
    }

    @Test func upAxisAndScaleConvert() throws {
        let files = OBJWriter(options: .init(upAxis: .z, scale: 100)).encode(triangleScene(.identity), mtlName: "x.mtl")
        let text = String(decoding: files.obj, as: UTF8.self)
        #expect(text.contains("v 0 0 100\n"))  // (0, 1, 0) Y-up → (0, 0, 1) Z-up, × 100
        #expect(text.contains("vn 0 -1 0\n"))
    }

    @Test func texturesAreWrittenUnderUniqueSanitizedNamesAndOutputIsDeterministic() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scene = triangleScene(.identity, imageName: "wall tex")
        let written = try OBJWriter().write(scene, to: folder + "/out.obj")
        #expect(written.map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["wall_tex.png", "wall_tex_2.png", "out.mtl", "out.obj"])
        let mtl = try String(contentsOfFile: folder + "/out.mtl", encoding: .utf8)
        #expect(mtl.contains("newmtl red_paint\n") && mtl.contains("map_Kd wall_tex.png\n") && mtl.contains("map_Ke wall_tex_2.png\n"))
        #expect(mtl.contains("Pr 0.4\n") && mtl.contains("Pm 0.2\n"))
        let again = OBJWriter().encode(scene, mtlName: "out.mtl")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/out.obj"))) == again.obj)
        let (back, _) = try OBJReader().read(path: folder + "/out.obj")
        #expect(back.images.count == 2)
        #expect(back.materials.first?.roughnessFactor == 0.4 && back.materials.first?.metallicFactor == 0.2)
    }

    @Test func quirksFixtureRoundTripsThroughTheWriter() throws {
        let folder = try tempFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (scene, _) = try OBJReader().read(path: RepoPaths.fixture("obj/quirks/quirks.obj"))
        try OBJWriter().write(scene, to: folder + "/quirks out.obj")
        let (back, _) = try OBJReader().read(path: folder + "/quirks out.obj")
        #expect(back.statistics.triangles == scene.statistics.triangles)
        #expect(back.images.count == scene.images.count)
        #expect(back.materials.map(\.name) == ["Brick_Red", "PBR_Metal", "Glowing", "NotDefined", "Missing_Texture"])
        for (a, b) in zip(scene.materials, back.materials) {
            #expect(abs(a.roughnessFactor - b.roughnessFactor) < 1e-5)
            #expect(a.metallicFactor == b.metallicFactor)
            #expect(a.baseColorFactor == b.baseColorFactor)
            #expect(a.alphaMode == b.alphaMode)
            #expect(a.baseColorTexture?.transform == b.baseColorTexture?.transform)
            #expect(a.emissiveStrength == b.emissiveStrength)
        }
        let positions = { (s: Scene) in s.meshes.flatMap(\.primitives).flatMap(\.trianglePositions) }
        #expect(positions(back) == positions(scene))
        let colors = back.meshes.flatMap(\.primitives).compactMap { $0.attributes["COLOR_0"] }
        #expect(colors.count == 5)
    }
}
