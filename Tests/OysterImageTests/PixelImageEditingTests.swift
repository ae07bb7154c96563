import Testing
import OysterImage
import OysterCore

@Suite("PixelImage conversions and editing")
struct PixelImageEditingTests {
    /// A w×h RGBA8 image whose pixel (x, y) is [x, y, x + y, 255].
    func coordinates(_ w: Int, _ h: Int) -> PixelImage {
        var image = PixelImage(width: w, height: h, channels: 4)
        for y in 0..<h { for x in 0..<w {
            let i = (y * w + x) * 4
            image.samples8[i] = UInt8(x); image.samples8[i + 1] = UInt8(y)
            image.samples8[i + 2] = UInt8(x + y); image.samples8[i + 3] = 255
        } }
        return image
    }

    func pixel(_ image: PixelImage, _ x: Int, _ y: Int) -> [Int] {
        (0..<image.channels).map { image.sample(x: x, y: y, channel: $0) }
    }

    // MARK: - Conversions

    @Test func bitDepthRoundTripIsExact() {
        let image = makeImage(width: 9, height: 7, channels: 3, bitDepth: 8)
        let deep = image.converted(toBitDepth: 16)
        #expect(deep.bitDepth == 16 && deep.samples16[5] == UInt16(image.samples8[5]) * 257)
        #expect(deep.converted(toBitDepth: 8) == image)
    }

    @Test func sixteenToEightRounds() {
        let image = PixelImage(width: 3, height: 1, channels: 1, samples16: [128, 129, 65535])
        #expect(image.converted(toBitDepth: 8).samples8 == [0, 1, 255])
    }

    @Test func channelConversions() {
        let gray = PixelImage(width: 1, height: 1, channels: 1, samples8: [90])
        #expect(gray.rgba8().samples8 == [90, 90, 90, 255])
        let rgb = PixelImage(width: 1, height: 1, channels: 3, samples8: [255, 0, 0])
        #expect(rgb.converted(toChannels: 1).samples8 == [54]) // Rec. 709 red weight
        let ga = PixelImage(width: 1, height: 1, channels: 2, samples8: [10, 20])
        #expect(ga.converted(toChannels: 4).samples8 == [10, 10, 10, 20])
        let rgba = PixelImage(width: 1, height: 1, channels: 4, samples8: [1, 2, 3, 4])
        #expect(rgba.converted(toChannels: 3).samples8 == [1, 2, 3])
    }

    @Test func compositingOnWhiteAndBlack() {
        let half = PixelImage(width: 1, height: 1, channels: 4, samples8: [0, 255, 100, 128])
        #expect(half.removingAlpha(.compositeOnWhite).samples8 == [127, 255, 177])
        #expect(half.removingAlpha(.compositeOnBlack).samples8 == [0, 128, 50])
        #expect(half.removingAlpha(.drop).samples8 == [0, 255, 100])
    }

    // MARK: - Geometry

    @Test func cropCopiesTheSubRectangle() {
        let crop = coordinates(10, 8).cropped(to: PixelRect(x: 3, y: 2, width: 4, height: 5))
        #expect(crop.width == 4 && crop.height == 5)
        #expect(pixel(crop, 0, 0) == [3, 2, 5, 255])
        #expect(pixel(crop, 3, 4) == [6, 6, 12, 255])
    }

    @Test func blitClipsAtEveryEdge() {
        let source = coordinates(4, 4)
        var target = PixelImage(width: 6, height: 6, channels: 4)
        target.blit(source, toX: -1, y: 4)
        #expect(pixel(target, 0, 4) == [1, 0, 1, 255])  // source (1, 0)
        #expect(pixel(target, 2, 5) == [3, 1, 4, 255])  // source (3, 1)
        #expect(pixel(target, 3, 4) == [0, 0, 0, 0])    // outside the source
        #expect(pixel(target, 0, 3) == [0, 0, 0, 0])
        var part = PixelImage(width: 6, height: 6, channels: 4)
        part.blit(source, from: PixelRect(x: 2, y: 2, width: 2, height: 2), toX: 4, y: 0)
        #expect(pixel(part, 4, 0) == [2, 2, 4, 255] && pixel(part, 5, 1) == [3, 3, 6, 255])
    }

    @Test func extrudeRepeatsEdgePixels() {
        var image = PixelImage(width: 8, height: 8, channels: 4)
        image.blit(coordinates(2, 2), toX: 3, y: 3)
        image.extrude(PixelRect(x: 3, y: 3, width: 2, height: 2), by: 2)
        #expect(pixel(image, 1, 1) == [0, 0, 0, 255])   // top-left corner of the tile
        #expect(pixel(image, 6, 3) == [1, 0, 1, 255])   // right of the top-right pixel
        #expect(pixel(image, 3, 6) == [0, 1, 1, 255])   // below the bottom-left pixel
        #expect(pixel(image, 6, 6) == [1, 1, 2, 255])
        #expect(pixel(image, 0, 0) == [0, 0, 0, 0])     // beyond the padding
        #expect(pixel(image, 7, 7) == [0, 0, 0, 0])
    }

    @Test func fillSetsOnlyTheRect() {
        var image = PixelImage(width: 5, height: 4, channels: 3, bitDepth: 16)
        image.fill([1, 2, 60000], in: PixelRect(x: 1, y: 1, width: 3, height: 2))
        #expect(pixel(image, 1, 1) == [1, 2, 60000] && pixel(image, 3, 2) == [1, 2, 60000])
        #expect(pixel(image, 0, 1) == [0, 0, 0] && pixel(image, 4, 2) == [0, 0, 0] && pixel(image, 1, 3) == [0, 0, 0])
    }

    /// Each EXIF orientation maps the stored top-left pixel to the right displayed corner.
    @Test func exifOrientations() {
        let image = coordinates(3, 2)
        let corner = pixel(image, 0, 0)
        let expected: [Int: (Int, Int)] = [1: (0, 0), 2: (2, 0), 3: (2, 1), 4: (0, 1), 5: (0, 0), 6: (1, 0), 7: (1, 2), 8: (0, 2)]
        for (orientation, (x, y)) in expected {
            let shown = image.applyingEXIFOrientation(orientation)
            #expect(pixel(shown, x, y) == corner, "orientation \(orientation)")
            #expect(shown.width == (orientation >= 5 ? 2 : 3))
        }
        // 5 (transpose) and 7 (transverse) are their own inverses.
        #expect(image.applyingEXIFOrientation(5).applyingEXIFOrientation(5) == image)
        #expect(image.applyingEXIFOrientation(7).applyingEXIFOrientation(7) == image)
    }

    @Test func setSampleClampsToTheBitDepth() {
        var image = PixelImage(width: 2, height: 2, channels: 2)
        image.setSample(x: 1, y: 1, channel: 1, 300)
        image.setSample(x: 0, y: 1, channel: 0, -4)
        #expect(image.samples8 == [0, 0, 0, 0, 0, 0, 0, 255])
    }

    @Test func flipsAndRotations() {
        let image = coordinates(3, 2)
        #expect(pixel(image.flippedVertically(), 0, 0) == pixel(image, 0, 1))
        #expect(pixel(image.flippedHorizontally(), 0, 1) == pixel(image, 2, 1))
        let cw = image.rotated90()
        #expect(cw.width == 2 && cw.height == 3)
        #expect(pixel(cw, 1, 0) == pixel(image, 0, 0)) // top-left goes to top-right
        let ccw = image.rotated90(clockwise: false)
        #expect(pixel(ccw, 0, 2) == pixel(image, 0, 0)) // top-left goes to bottom-left
        #expect(cw.rotated90(clockwise: false) == image)
        #expect(image.rotated180() == cw.rotated90())
    }
}

@Suite("PixelImage description")
struct PixelImageDescriptionTests {
    @Test func descriptionSummarizesInsteadOfDumpingSamples() {
        var image = PixelImage(width: 300, height: 200, channels: 2, bitDepth: 16)
        let before = image.description
        #expect(before.hasPrefix("PixelImage(300×200 gray+alpha 16-bit, fnv "))
        #expect(before.count < 80)
        image.setSample(x: 5, y: 5, channel: 0, 1)
        #expect(image.description != before)
    }
}
