import Testing
import OysterImage
import OysterCore

@Suite("Encoding and decoding round trips")
struct RoundTripTests {
    @Test(arguments: [1, 2, 3, 4], [8, 16])
    func pngRoundTripIsLossless(channels: Int, bitDepth: Int) throws {
        let image = makeImage(width: 37, height: 23, channels: channels, bitDepth: bitDepth)
        let png = try ImageCodec.encodePNG(image)
        let info = try ImageCodec.probe(png)
        #expect(info.format == .png && info.width == 37 && info.height == 23)
        #expect(info.channels == channels && info.bitDepth == bitDepth && info.sourceBitDepth == bitDepth)
        #expect(try ImageCodec.decode(png) == image)
    }

    @Test func pngCompressionLevelsAllDecodeTheSame() throws {
        let image = makeImage(width: 64, height: 64, channels: 3, bitDepth: 8)
        for level in [0, 1, 6, 9] {
            #expect(try ImageCodec.decode(ImageCodec.encodePNG(image, compression: level)) == image)
        }
    }

    @Test func pngEncodingIsDeterministic() throws {
        let image = makeImage(width: 20, height: 20, channels: 4, bitDepth: 8)
        #expect(try ImageCodec.encodePNG(image) == ImageCodec.encodePNG(image))
    }

    /// A smooth gradient JPEG-encodes within a few codes of the original.
    @Test(arguments: [ChromaSubsampling.yuv420, .yuv444])
    func jpegRoundTripIsClose(subsampling: ChromaSubsampling) throws {
        var image = PixelImage(width: 48, height: 32, channels: 3)
        for y in 0..<32 { for x in 0..<48 {
            let i = (y * 48 + x) * 3
            image.samples8[i] = UInt8(x * 5); image.samples8[i + 1] = UInt8(y * 7); image.samples8[i + 2] = 128
        } }
        let jpeg = try ImageCodec.encodeJPEG(image, quality: 95, subsampling: subsampling)
        let decoded = try ImageCodec.decode(jpeg)
        #expect(decoded.channels == 3 && decoded.width == 48 && decoded.height == 32)
        let worst = zip(decoded.samples8, image.samples8).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 8)
    }

    @Test func jpegQualityChangesSize() throws {
        let image = makeImage(width: 64, height: 64, channels: 3, bitDepth: 8)
        let small = try ImageCodec.encodeJPEG(image, quality: 20)
        let large = try ImageCodec.encodeJPEG(image, quality: 95)
        #expect(small.count < large.count)
        #expect(try ImageCodec.encodeJPEG(image, quality: 20) == small)
    }

    @Test func grayJPEGStaysGray() throws {
        var image = PixelImage(width: 16, height: 16, channels: 1)
        image.fill([77])
        let decoded = try ImageCodec.decode(ImageCodec.encodeJPEG(image, quality: 90))
        #expect(decoded.channels == 1)
        #expect(decoded.samples8.allSatisfy { abs(Int($0) - 77) <= 1 })
    }

    @Test func jpegOfAlphaImageCompositesOnWhiteByDefault() throws {
        var image = PixelImage(width: 16, height: 16, channels: 4)
        image.fill([0, 0, 0, 0]) // fully transparent black
        let white = try ImageCodec.decode(ImageCodec.encodeJPEG(image))
        #expect(white.channels == 3 && white.samples8.allSatisfy { $0 >= 250 })
        let dropped = try ImageCodec.decode(ImageCodec.encodeJPEG(image, alpha: .drop))
        #expect(dropped.samples8.allSatisfy { $0 <= 5 })
    }

    @Test func sixteenBitImagesEncodeAsEightBitJPEG() throws {
        var image = PixelImage(width: 8, height: 8, channels: 3, bitDepth: 16)
        image.fill([65535, 32896, 0])
        let decoded = try ImageCodec.decode(ImageCodec.encodeJPEG(image, quality: 100, subsampling: .yuv444))
        #expect(decoded.bitDepth == 8)
        #expect(abs(decoded.sample(x: 4, y: 4, channel: 1) - 128) <= 2)
    }

    @Test func emptyImagesAreRefused() {
        let empty = PixelImage(width: 0, height: 4, channels: 3)
        #expect(throws: ImageError.self) { try ImageCodec.encodePNG(empty) }
        #expect(throws: ImageError.self) { try ImageCodec.encodeJPEG(empty) }
    }
}

@Suite("ImageConverter")
struct ImageConverterTests {
    @Test func pngToJPEGAndBack() throws {
        let png = try Fixture.bytes("rgb8.png")
        let jpeg = try ImageConverter.convert(png, to: .jpeg, quality: 90)
        #expect(ImageFormat(detecting: jpeg) == .jpeg)
        let back = try ImageConverter.convert(jpeg, to: .png)
        #expect(ImageFormat(detecting: back) == .png)
        let image = try ImageCodec.decode(back)
        #expect(image.width == 8 && image.height == 6 && image.channels == 3)
    }

    @Test func rgbaPNGToJPEGCompositesOnWhite() throws {
        let jpeg = try ImageConverter.convert(Fixture.bytes("palette_trns.png"), to: .jpeg, quality: 100, subsampling: .yuv444)
        let image = try ImageCodec.decode(jpeg)
        #expect(image.channels == 3)
        // Palette entry 2 is fully transparent blue: white after compositing.
        let (x, y) = (2, 0)
        #expect((0..<3).allSatisfy { image.sample(x: x, y: y, channel: $0) >= 235 })
    }

    @Test func sixteenBitPNGStaysSixteenBitThroughPNG() throws {
        let png = try ImageConverter.convert(Fixture.bytes("rgb16.png"), to: .png)
        #expect(try ImageCodec.probe(png).bitDepth == 16)
    }

    @Test func exifOrientationIsReportedAndAppliedOnConversion() throws {
        let bytes = try Fixture.bytes("exif_orientation6.jpg")
        #expect(try ImageCodec.probe(bytes).exifOrientation == 6)
        let stored = try ImageCodec.decode(bytes)
        #expect(stored.width == 32 && stored.height == 16)
        let upright = try ImageCodec.decode(ImageConverter.convert(bytes, to: .png))
        #expect(upright.width == 16 && upright.height == 32)
        #expect(upright.sample(x: 8, y: 4, channel: 0) > 180 && upright.sample(x: 8, y: 28, channel: 2) > 180)
        let raw = try ImageCodec.decode(ImageConverter.convert(bytes, to: .png, applyOrientation: false))
        #expect(raw.width == 32)
        #expect(try ImageCodec.probe(Fixture.bytes("rgb.jpg")).exifOrientation == 1)
    }

    @Test func garbageFailsToConvert() throws {
        #expect(throws: ImageError.self) { try ImageConverter.convert(Fixture.bytes("garbage.bin"), to: .png) }
    }

    @Test func formatFromExtension() {
        #expect(ImageFormat(fileExtension: "JPG") == .jpeg)
        #expect(ImageFormat(fileExtension: "jpeg") == .jpeg)
        #expect(ImageFormat(fileExtension: "png") == .png)
        #expect(ImageFormat(fileExtension: "gif") == nil)
    }
}

@Suite("Scene images")
struct SceneImageTests {
    @Test func sceneImageEncodesAndDecodes() throws {
        let pixels = makeImage(width: 5, height: 4, channels: 4, bitDepth: 8)
        let image = try OysterCore.Image(encoding: pixels, as: .png, name: "albedo")
        #expect(image.mimeType == "image/png" && image.name == "albedo")
        #expect(try image.decodePixels() == pixels)
        #expect(throws: ImageError.self) { try OysterCore.Image(data: nil, uri: "missing.png").decodePixels() }
    }
}
