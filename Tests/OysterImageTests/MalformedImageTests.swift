import Testing
import OysterImage

@Suite("Malformed images fail with one clear error")
struct MalformedImageTests {
    func failure(_ name: String, limits: ImageLimits = .init()) throws -> ImageError {
        let bytes = try Fixture.bytes(name)
        do {
            _ = try ImageCodec.decode(bytes, limits: limits)
        } catch let error as ImageError {
            #expect(!error.message.contains("\n"))
            return error
        }
        Issue.record("\(name) decoded without error")
        return ImageError(.invalidArgument, "")
    }

    @Test func truncatedPNG() throws {
        let error = try failure("truncated.png")
        #expect(error.kind == .truncated && error.message == "truncated PNG data")
    }

    @Test func badCRC() throws {
        let error = try failure("bad_crc.png")
        #expect(error.kind == .corrupt && error.message == "bad CRC in IDAT chunk")
    }

    @Test func badCRCInAncillaryChunksIsTolerated() throws {
        let image = try ImageCodec.decode(Fixture.bytes("bad_ancillary_crc.png"))
        #expect(Pattern.pixels(of: image) == Pattern.expected(Pattern.rgba8))
    }

    @Test func truncatedJPEG() throws {
        let error = try failure("truncated.jpg")
        #expect(error.kind == .truncated && error.message == "truncated JPEG data")
    }

    @Test func emptyData() throws {
        let error = try failure("empty.png")
        #expect(error.kind == .truncated && error.message.contains("empty"))
    }

    @Test func zeroWidthPNG() throws {
        let error = try failure("zero_width.png")
        #expect(error.kind == .corrupt)
        #expect(error.message.lowercased().contains("zero"))
    }

    @Test func hugeDeclaredPNGFailsBeforeAllocating() throws {
        // Probing still reports the declared size; decoding refuses it.
        #expect(try ImageCodec.probe(Fixture.bytes("huge_dimensions.png")).width == 100_000)
        let error = try failure("huge_dimensions.png")
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "image 100000×100000 exceeds the 16384 px limit")
    }

    @Test func hugeDeclaredJPEGFailsBeforeAllocating() throws {
        let error = try failure("huge_dimensions.jpg")
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "image 60000×60000 exceeds the 16384 px limit")
    }

    /// Within limits but far larger than the bytes could hold: refused before allocating.
    @Test func tooFewBytesForTheDeclaredSize() throws {
        let huge = ImageLimits(maxDimension: 200_000, maxPixels: .max)
        let png = try failure("huge_dimensions.png", limits: huge)
        #expect(png.kind == .truncated && png.message.hasPrefix("truncated PNG data: 69 bytes cannot hold"))
        let jpeg = try failure("huge_dimensions.jpg", limits: huge)
        #expect(jpeg.kind == .truncated && jpeg.message.hasPrefix("truncated JPEG data"))
    }

    @Test func pixelCountLimitIsConfigurable() throws {
        let error = try failure("rgba8.png", limits: ImageLimits(maxDimension: 100, maxPixels: 40))
        #expect(error.kind == .limitExceeded && error.message.contains("48 pixels"))
        let side = try failure("rgba8.png", limits: ImageLimits(maxDimension: 7))
        #expect(side.message == "image 8×6 exceeds the 7 px limit")
    }

    @Test func garbageIsUnrecognized() throws {
        let error = try failure("garbage.bin")
        #expect(error.kind == .unknownFormat)
    }

    @Test func garbageAfterPNGSignature() throws {
        let error = try failure("garbage_after_signature.png")
        #expect(error.kind == .corrupt || error.kind == .truncated)
    }

    /// Every prefix and many single-byte corruptions of good files: errors or images, never a crash.
    @Test func everyPrefixAndBitFlipIsHandled() throws {
        for name in ["rgba8.png", "palette_trns.png", "rgba8_interlaced.png", "rgb16.png", "progressive.jpg", "cmyk.jpg"] {
            let good = try Fixture.bytes(name)
            for length in 0..<good.count {
                #expect(throws: ImageError.self) { try ImageCodec.decode(Array(good[..<length])) }
            }
            for index in stride(from: 0, to: good.count, by: 3) {
                var bad = good
                bad[index] ^= 0x5A
                if let image = try? ImageCodec.decode(bad) {
                    #expect(image.samples8.count + image.samples16.count == image.pixelCount * image.channels)
                }
            }
        }
    }
}
