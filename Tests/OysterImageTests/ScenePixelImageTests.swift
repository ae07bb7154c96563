import OysterCore
import Testing
@testable import OysterImage

/// Scene images held as pixels: decoded without decoding, encoded only when asked, to the same
/// bytes the codec gives for the same pixels.
@Suite struct ScenePixelImageTests {
    static func gradient(_ w: Int = 16, _ h: Int = 8, channels: Int = 3) -> PixelImage {
        var p = PixelImage(width: w, height: h, channels: channels)
        for i in p.samples8.indices { p.samples8[i] = UInt8(truncatingIfNeeded: i * 7) }
        return p
    }

    @Test func pixelImageEncodesOnDemandToTheCodecsBytes() throws {
        let pixels = Self.gradient()
        let image = Image(name: "g", pixels: pixels, encoding: .png(compression: 4))
        #expect(image.data == nil && image.mimeType == "image/png")
        #expect(try image.encodedData() == (try ImageCodec.encodePNG(pixels, compression: 4)))
        let jpeg = Image(pixels: pixels, encoding: .jpeg(quality: 70))
        #expect(try jpeg.encodedData() == (try ImageCodec.encode(pixels, as: .jpeg, quality: 70)))
    }

    @Test func decodePixelsReturnsCarriedPixelsWithoutBytes() throws {
        let pixels = Self.gradient()
        #expect(try Image(pixels: pixels).decodePixels() == pixels)
    }

    @Test func carriedBytesWinOverPixelsWhenWriting() throws {
        var image = Image(pixels: Self.gradient())
        image.data = [1, 2, 3]
        #expect(try image.encodedData() == [1, 2, 3])
    }

    @Test func replacingPixelsDropsTheStaleBytes() throws {
        var image = Image(name: "x", mimeType: "image/png", data: try ImageCodec.encodePNG(Self.gradient()))
        image.replacePixels(Self.gradient(4, 4), encoding: .jpeg(quality: 80))
        #expect(image.data == nil && image.mimeType == "image/jpeg")
        #expect(try image.decodePixels().width == 4)
    }

    @Test func encodePixelsFillsDataAndKeepsThePixels() throws {
        var image = Image(pixels: Self.gradient())
        try image.encodePixels()
        #expect(image.data == (try ImageCodec.encodePNG(Self.gradient())))
        #expect(image.pixels == Self.gradient())
    }

    @Test func sceneEncodingFillsOnlyPixelOnlyImagesInOrder() throws {
        var scene = Scene()
        scene.images = [
            Image(name: "a", pixels: Self.gradient(8, 8)),
            Image(name: "b", mimeType: "image/png", data: [9, 9]),
            Image(name: "c", data: nil, uri: "missing.png"),
            Image(name: "d", pixels: Self.gradient(4, 2, channels: 4), encoding: .png(compression: 9)),
        ]
        let out = scene.encodingPixelImages()
        #expect(out.images[0].data == (try ImageCodec.encodePNG(Self.gradient(8, 8))))
        #expect(out.images[1].data == [9, 9])
        #expect(out.images[2].data == nil)
        #expect(out.images[3].data == (try ImageCodec.encodePNG(Self.gradient(4, 2, channels: 4), compression: 9)))
        #expect(scene.images[0].data == nil)
    }
}
