import OysterCore
import OysterJSON
import Testing
@testable import OysterProcess

@Suite struct DedupeTests {
    @Test func identicalImagesTexturesAndMaterialsCollapse() {
        var s = sceneWith([gridPrimitive(1, material: 0), gridPrimitive(1, material: 1), gridPrimitive(1, material: 2)])
        s.images = [Image(name: "a.png", data: [1, 2, 3]), Image(name: "b.png", data: [1, 2, 3]), Image(name: "c.png", data: [9])]
        s.textures = [Texture(name: "t0", source: 0), Texture(name: "t1", source: 1), Texture(source: 2)]
        var a = Material(name: "Stone"), b = Material(name: "Stone.001"), c = Material(name: "Other")
        a.baseColorTexture = TextureRef(texture: 0)
        b.baseColorTexture = TextureRef(texture: 1)
        c.baseColorTexture = TextureRef(texture: 2)
        s.materials = [a, b, c]
        let r = s.dedupe()
        s.compact()
        #expect(s.images.map(\.name) == ["a.png", "c.png"])
        #expect(s.textures.count == 2)
        #expect(s.materials.map(\.name) == ["Stone", "Other"])
        // Meshes keep their names, so they stay apart, but now share the material.
        #expect(s.meshes.count == 3)
        #expect(s.meshes.map { $0.primitives[0].material } == [0, 0, 1])
        #expect(r.figures["imagesMerged"] == 1)
        #expect(r.figures["materialsMerged"] == 1)
    }

    @Test func identicalPixelImagesCollapseAndDifferentEncodingsStayApart() {
        var s = sceneWith([gridPrimitive(1, material: 0), gridPrimitive(1, material: 1), gridPrimitive(1, material: 2)])
        let px = PixelImage(width: 2, height: 2, channels: 3, samples8: Array(0..<12))
        s.images = [Image(name: "a", pixels: px), Image(name: "b", pixels: px), Image(name: "c", pixels: px, encoding: .jpeg(quality: 90))]
        s.textures = [Texture(source: 0), Texture(source: 1), Texture(source: 2)]
        s.materials = (0..<3).map { i in
            var m = Material(name: "m\(i)")
            m.baseColorTexture = TextureRef(texture: i)
            return m
        }
        let r = s.dedupe()
        #expect(r.figures["imagesMerged"] == 1)
    }

    @Test func equalMeshesShareOneIndex() {
        var s = sceneWith([gridPrimitive(1), gridPrimitive(1)])
        s.meshes[1].name = "m0"
        s.dedupe()
        s.compact()
        #expect(s.meshes.count == 1)
        #expect(s.nodes.allSatisfy { $0.mesh == 0 })
    }

    @Test func reportsSerializeWithSortedKeys() throws {
        var s = sceneWith([gridPrimitive(1)])
        let report = try Pipeline([.weld(), .compact()]).run(&s)
        guard case .object(let o) = report.jsonValue else { Issue.record("not an object"); return }
        #expect(o.keys == ["before", "after", "passes"])
        let passes = try #require(o["passes"]?.arrayValue)
        let figures = try #require(passes[0].objectValue?["figures"]?.objectValue)
        #expect(figures.keys == figures.keys.sorted())
        #expect(figures["verticesAfter"] == .int(4))
    }
}
