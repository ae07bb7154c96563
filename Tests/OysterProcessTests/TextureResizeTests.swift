import OysterCore
import OysterImage
import Testing
@testable import OysterProcess

@Suite struct TextureResizeTests {
    func png(_ w: Int, _ h: Int, value: (Int, Int) -> UInt8) throws -> [UInt8] {
        var px = PixelImage(width: w, height: h, channels: 3)
        for y in 0..<h { for x in 0..<w { for c in 0..<3 { px.samples8[(y * w + x) * 3 + c] = value(x, y) } } }
        return try ImageCodec.encodePNG(px)
    }

    func scene(_ data: [UInt8], slot: TextureSlot) -> Scene {
        var s = Scene()
        s.images = [Image(name: "img", mimeType: "image/png", data: data)]
        s.textures = [Texture(source: 0)]
        var m = Material()
        m[slot] = TextureRef(texture: 0)
        s.materials = [m]
        return s
    }

    @Test func targetSizesKeepAspectAndPowerOfTwo() {
        let o = TextureResizeOptions(maxSize: 1024)
        #expect(o.targetSize(width: 4096, height: 2048) == (1024, 512))
        #expect(o.targetSize(width: 300, height: 200) == (300, 200))
        let pot = TextureResizeOptions(maxSize: 2048, powerOfTwo: true)
        #expect(pot.targetSize(width: 300, height: 200) == (256, 256))
        #expect(pot.targetSize(width: 5000, height: 1000) == (2048, 512))
        #expect(pot.targetSize(width: 1, height: 3) == (1, 4))
    }

    @Test func shrinksLargeImagesAndStatisticsFollow() throws {
        var s = scene(try png(64, 32) { x, _ in UInt8(x * 4) }, slot: .baseColor)
        let before = ProcessStatistics(s).textureBytes
        let r = s.resizeTextures(TextureResizeOptions(maxSize: 16))
        #expect(r.figures["imagesResized"] == 1)
        let info = try ImageCodec.probe(try #require(s.images[0].data))
        #expect(info.width == 16 && info.height == 8)
        #expect(ProcessStatistics(s).textureBytes == before / 16)
    }

    @Test func pixelImagesAreResizedWithoutBytesAndKeepTheirPixels() throws {
        var px = PixelImage(width: 64, height: 32, channels: 3)
        for k in px.samples8.indices { px.samples8[k] = UInt8(k % 251) }
        var s = scene([], slot: .normal)
        s.images = [Image(name: "img", pixels: px, encoding: .png(compression: 4))]
        var viaBytes = scene(try ImageCodec.encodePNG(px, compression: 4), slot: .normal)
        #expect(s.resizeTextures(TextureResizeOptions(maxSize: 16)).figures["imagesResized"] == 1)
        viaBytes.resizeTextures(TextureResizeOptions(maxSize: 16))
        // Same result as decoding the same pixels from a file; the resized pixels stay for the next pass.
        #expect(s.images[0].data == viaBytes.images[0].data)
        #expect(s.images[0].pixels?.width == 16)
        #expect(try ImageCodec.decode(try #require(s.images[0].data)) == s.images[0].pixels)
    }

    @Test func colorImagesAreFilteredInLinearLight() throws {
        // Alternating black/white columns average to mid-gray: ~188 in sRGB, ~128 when linear data.
        let data = try png(8, 8) { x, _ in x % 2 == 0 ? 0 : 255 }
        var color = scene(data, slot: .baseColor), normal = scene(data, slot: .normal)
        color.resizeTextures(TextureResizeOptions(maxSize: 1))
        normal.resizeTextures(TextureResizeOptions(maxSize: 1))
        let c = try ImageCodec.decode(try #require(color.images[0].data)).samples8[0]
        let n = try ImageCodec.decode(try #require(normal.images[0].data)).samples8[0]
        #expect(abs(Int(c) - 188) <= 3)
        #expect(abs(Int(n) - 128) <= 3)
    }

    @Test func badImagesAreNotedAndKept() {
        var s = scene([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], slot: .baseColor)
        s.images.append(Image(data: [1, 2, 3]))
        let before = s.images
        let r = s.resizeTextures(TextureResizeOptions(maxSize: 4))
        #expect(s.images == before)
        #expect(r.notes.count == 2)
    }
}
