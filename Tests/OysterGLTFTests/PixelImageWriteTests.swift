import OysterCore
import OysterImage
import Testing
@testable import OysterGLTF

/// Images held as pixels are encoded by the writer, to the bytes an encoded image would give.
@Suite struct PixelImageWriteTests {
    static func scene(_ image: Image) -> Scene {
        var scene = Scene()
        scene.images = [image]
        scene.textures = [Texture(source: 0)]
        var m = Material(name: "m")
        m.baseColorTexture = TextureRef(texture: 0)
        scene.materials = [m]
        return scene
    }

    static let pixels: PixelImage = {
        var p = PixelImage(width: 8, height: 8, channels: 4)
        for i in p.samples8.indices { p.samples8[i] = UInt8(truncatingIfNeeded: i * 13) }
        return p
    }()

    @Test func glbOfPixelImageEqualsGLBOfItsEncodedBytes() throws {
        let pixelOnly = Self.scene(Image(name: "t", pixels: Self.pixels, encoding: .png(compression: 4), uri: "textures/t.png"))
        let encoded = Self.scene(Image(name: "t", mimeType: "image/png", data: try ImageCodec.encodePNG(Self.pixels, compression: 4), uri: "textures/t.png"))
        #expect(GLTFWriter().encodeGLB(pixelOnly) == GLTFWriter().encodeGLB(encoded))
    }

    @Test func gltfWritesPixelImageAsAFileBesideIt() throws {
        let files = GLTFWriter().encodeGLTF(Self.scene(Image(name: "t", pixels: Self.pixels, uri: "textures/t.png")), binName: "s.bin")
        let png = try #require(files.resources.first { $0.name.hasSuffix(".png") })
        #expect(png.bytes == (try ImageCodec.encodePNG(Self.pixels)))
    }
}
