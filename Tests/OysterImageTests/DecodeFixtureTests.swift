import Testing
import OysterImage
import OysterCore

@Suite("Decoding PNG and JPEG fixtures")
struct DecodeFixtureTests {
    // MARK: - PNG

    @Test func grayPNGDecodesToOneChannel() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray8.png"))
        #expect(image.channels == 1 && image.bitDepth == 8)
        #expect(Pattern.pixels(of: image) == Pattern.expected { [Pattern.gray8($0, $1)] })
    }

    @Test func lowBitGrayPNGExpandsToEightBits() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray2.png"))
        #expect(image.channels == 1 && image.bitDepth == 8)
        #expect(Pattern.pixels(of: image) == Pattern.expected { [Pattern.gray2($0, $1)] })
    }

    @Test func grayAlphaPNGKeepsAlpha() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray_alpha8.png"))
        #expect(image.channels == 2)
        #expect(Pattern.pixels(of: image) == Pattern.expected { [Pattern.gray8($0, $1), Pattern.rgba8($0, $1)[3]] })
    }

    @Test func grayTRNSBecomesAlpha() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray_trns.png"))
        #expect(image.channels == 2)
        let key = Pattern.gray8(2, 1)
        #expect(Pattern.pixels(of: image) == Pattern.expected { x, y in
            let g = Pattern.gray8(x, y)
            return [g, g == key ? 0 : 255]
        })
    }

    @Test func rgbAndRGBAPNGsDecodeExactly() throws {
        let rgb = try ImageCodec.decode(Fixture.bytes("rgb8.png"))
        #expect(rgb.channels == 3)
        #expect(Pattern.pixels(of: rgb) == Pattern.expected { Array(Pattern.rgba8($0, $1).prefix(3)) })
        let rgba = try ImageCodec.decode(Fixture.bytes("rgba8.png"))
        #expect(rgba.channels == 4)
        #expect(Pattern.pixels(of: rgba) == Pattern.expected(Pattern.rgba8))
    }

    @Test func paletteWithTRNSExpandsToRGBA() throws {
        let bytes = try Fixture.bytes("palette_trns.png")
        let info = try ImageCodec.probe(bytes)
        #expect(info.colorModel == .palette && info.hasTransparency && info.channels == 4)
        let image = try ImageCodec.decode(bytes)
        #expect(image.channels == 4 && image.bitDepth == 8)
        #expect(Pattern.pixels(of: image) == Pattern.expected(Pattern.paletteRGBA))
    }

    @Test func sixteenBitPNGKeepsSixteenBits() throws {
        let image = try ImageCodec.decode(Fixture.bytes("rgb16.png"))
        #expect(image.channels == 3 && image.bitDepth == 16)
        #expect(Pattern.pixels(of: image) == Pattern.expected(Pattern.rgb16))
    }

    @Test func sixteenBitPNGReducesOnRequest() throws {
        let image = try ImageCodec.decode(Fixture.bytes("rgb16.png"), reduceTo8Bit: true)
        #expect(image.bitDepth == 8)
        #expect(Pattern.pixels(of: image) == Pattern.expected { x, y in
            Pattern.rgb16(x, y).map { Int((Double($0) / 257).rounded()) }
        })
    }

    @Test func interlacedPNGsMatchTheirProgressiveTwins() throws {
        let bytes = try Fixture.bytes("rgba8_interlaced.png")
        #expect(try ImageCodec.probe(bytes).isInterlaced)
        #expect(Pattern.pixels(of: try ImageCodec.decode(bytes)) == Pattern.expected(Pattern.rgba8))
        let deep = try ImageCodec.decode(Fixture.bytes("rgb16_interlaced.png"))
        #expect(deep.bitDepth == 16)
        #expect(Pattern.pixels(of: deep) == Pattern.expected(Pattern.rgb16))
    }

    @Test func sixteenBitGrayAlphaPNG() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray_alpha16.png"))
        #expect(image.channels == 2 && image.bitDepth == 16)
        #expect(Pattern.pixels(of: image) == Pattern.expected { [Pattern.gray8($0, $1) * 257 + 1, Pattern.rgb16($0, $1)[0]] })
    }

    @Test func oneBitInterlacedPaletteExpandsToRGB() throws {
        let bytes = try Fixture.bytes("palette1_interlaced.png")
        let info = try ImageCodec.probe(bytes)
        #expect(info.sourceBitDepth == 1 && info.isInterlaced && !info.hasTransparency && info.channels == 3)
        let image = try ImageCodec.decode(bytes)
        #expect(Pattern.pixels(of: image) == Pattern.expected { x, y in (x + y) % 2 == 0 ? [10, 20, 30] : [200, 210, 220] })
    }

    // MARK: - JPEG

    /// Center pixel of each 16×16 block, within `tolerance` of `expected`.
    func expectBlocks(_ image: PixelImage, _ expected: [[Int]], tolerance: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for (i, want) in expected.enumerated() {
            let x = (i % 2) * 16 + 8, y = (i / 2) * 16 + 8
            let got = (0..<image.channels).map { image.sample(x: x, y: y, channel: $0) }
            let close = zip(got, want).allSatisfy { abs($0 - $1) <= tolerance }
            #expect(close, "block \(i): got \(got), expected \(want)", sourceLocation: sourceLocation)
        }
    }

    @Test func baselineRGBJPEGDecodes() throws {
        let bytes = try Fixture.bytes("rgb.jpg")
        let info = try ImageCodec.probe(bytes)
        #expect(info.format == .jpeg && info.colorModel == .ycbcr && !info.isInterlaced)
        let image = try ImageCodec.decode(bytes)
        #expect(image.width == 32 && image.height == 32 && image.channels == 3)
        expectBlocks(image, Pattern.blockColors, tolerance: 6)
    }

    @Test func grayJPEGDecodesToOneChannel() throws {
        let image = try ImageCodec.decode(Fixture.bytes("gray.jpg"))
        #expect(image.channels == 1)
        expectBlocks(image, Pattern.blockGrays.map { [$0] }, tolerance: 3)
    }

    @Test func progressiveJPEGDecodes() throws {
        let bytes = try Fixture.bytes("progressive.jpg")
        #expect(try ImageCodec.probe(bytes).isInterlaced)
        expectBlocks(try ImageCodec.decode(bytes), Pattern.blockColors, tolerance: 6)
    }

    @Test func adobeCMYKJPEGBecomesRGB() throws {
        let bytes = try Fixture.bytes("cmyk.jpg")
        #expect(try ImageCodec.probe(bytes).colorModel == .cmyk)
        let image = try ImageCodec.decode(bytes)
        #expect(image.channels == 3)
        expectBlocks(image, Pattern.blockCMYK.map(Pattern.rgb(cmyk:)), tolerance: 6)
    }

    @Test func adobeYCCKJPEGBecomesRGB() throws {
        let bytes = try Fixture.bytes("ycck.jpg")
        #expect(try ImageCodec.probe(bytes).colorModel == .ycck)
        let image = try ImageCodec.decode(bytes)
        #expect(image.channels == 3)
        expectBlocks(image, Pattern.blockCMYK.map(Pattern.rgb(cmyk:)), tolerance: 6)
    }
}
