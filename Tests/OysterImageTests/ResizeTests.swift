import Testing
import OysterImage
import OysterCore

@Suite("Resize and mipmaps")
struct ResizeTests {
    @Test(arguments: [ResizeFilter.box, .triangle, .mitchell, .lanczos3])
    func flatColorStaysFlat(filter: ResizeFilter) {
        var image = PixelImage(width: 17, height: 9, channels: 4)
        image.fill([200, 100, 50, 255])
        for (w, h) in [(5, 3), (40, 21)] {
            let resized = image.resized(width: w, height: h, filter: filter, colorSpace: .sRGB)
            #expect(resized.width == w && resized.height == h)
            for i in stride(from: 0, to: resized.samples8.count, by: 4) {
                #expect(Array(resized.samples8[i..<i + 4]) == [200, 100, 50, 255])
            }
        }
    }

    /// Averaging black and white in linear light gives sRGB 188, not 128.
    @Test func sRGBAveragesInLinearLight() {
        let checker = PixelImage(width: 2, height: 2, channels: 1, samples8: [0, 255, 255, 0])
        let srgb = checker.resized(width: 1, height: 1, filter: .box, colorSpace: .sRGB)
        #expect(abs(Int(srgb.samples8[0]) - 188) <= 1)
        let linear = checker.resized(width: 1, height: 1, filter: .box, colorSpace: .linear)
        #expect(abs(Int(linear.samples8[0]) - 128) <= 1)
    }

    /// Transparent pixels' colors must not bleed into opaque neighbours.
    @Test func premultipliedAlphaPreventsBleeding() {
        let image = PixelImage(width: 2, height: 1, channels: 4, samples8: [255, 0, 0, 255, 0, 255, 0, 0])
        let out = image.resized(width: 1, height: 1, filter: .box, colorSpace: .sRGB)
        #expect(out.samples8[0] == 255 && out.samples8[1] == 0 && abs(Int(out.samples8[3]) - 128) <= 1)
    }

    /// Large enough to split rows over threads: every output row is written, in order.
    @Test func largeResizeWritesEveryRowInOrder() {
        var image = PixelImage(width: 600, height: 500, channels: 4)
        for y in 0..<500 { for x in 0..<600 {
            let i = (y * 600 + x) * 4
            image.samples8[i] = UInt8(x % 256); image.samples8[i + 1] = UInt8(255 - x % 256)
            image.samples8[i + 2] = UInt8(y * 255 / 499); image.samples8[i + 3] = 255
        } }
        let out = image.resized(width: 300, height: 211, filter: .mitchell, colorSpace: .linear)
        var rowsMatch = true, blueRises = true
        for y in 1..<211 {
            for x in 0..<300 {
                let i = (y * 300 + x) * 4
                if abs(Int(out.samples8[i]) - Int(out.samples8[x * 4])) > 1 { rowsMatch = false }
                if out.samples8[i + 2] < out.samples8[i + 2 - 1200] { blueRises = false }
            }
        }
        #expect(rowsMatch && blueRises)
        #expect(out.samples8[2] < 3 && out.samples8[210 * 1200 + 2] > 252)
        #expect(out == image.resized(width: 300, height: 211, filter: .mitchell, colorSpace: .linear))
    }

    @Test func sixteenBitSRGBAveragesInLinearLight() {
        let checker = PixelImage(width: 2, height: 1, channels: 1, samples16: [0, 65535])
        let out = checker.resized(width: 1, height: 1, filter: .box, colorSpace: .sRGB)
        // sRGB of linear 0.5 is 0.73536 → 48192 of 65535.
        #expect(abs(Int(out.samples16[0]) - 48192) <= 2)
    }

    @Test func sixteenBitResizeKeepsDepth() {
        var image = PixelImage(width: 8, height: 8, channels: 3, bitDepth: 16)
        image.fill([1000, 30000, 65535])
        let out = image.resized(width: 3, height: 3, colorSpace: .linear)
        #expect(out.bitDepth == 16 && out.samples16.allSatisfy { [1000, 30000, 65535].contains(Int($0)) })
    }

    @Test func mipmapChainHalvesDownToOnePixel() {
        let image = makeImage(width: 20, height: 6, channels: 4, bitDepth: 8)
        let chain = image.mipmapChain(colorSpace: .sRGB)
        #expect(chain.map { [$0.width, $0.height] } == [[20, 6], [10, 3], [5, 1], [2, 1], [1, 1]])
        #expect(chain.count == PixelImage.mipLevelCount(width: 20, height: 6))
        #expect(chain[0] == image)
    }

    @Test func mipmapOfCheckerIsMidGray() {
        var checker = PixelImage(width: 16, height: 16, channels: 1)
        for y in 0..<16 { for x in 0..<16 where (x + y) % 2 == 0 { checker.samples8[y * 16 + x] = 255 } }
        let linear = checker.mipmapChain(filter: .box, colorSpace: .linear)
        #expect(linear.last.map { abs(Int($0.samples8[0]) - 128) <= 1 } == true)
    }

    @Test func aPowerOfTwoBoxChainOnTheBytesMatchesTheFloatPath() {
        // The same 2×2 premultiplied averages as the float path (a 32×8 image, so one side
        // reaches 1 first), within a code of rounding per level: opaque, cut-out and sRGB.
        var image = makeImage(width: 32, height: 8, channels: 4, bitDepth: 8)
        for i in stride(from: 3, to: image.samples8.count, by: 4) { image.samples8[i] = [0, 255, 128, 255, 7][(i / 4) % 5] }
        for space in [ColorSpace.sRGB, .linear] {
            let fast = image.mipmapChain(filter: .box, colorSpace: space)
            #expect(fast.map { [$0.width, $0.height] } == [[32, 8], [16, 4], [8, 2], [4, 1], [2, 1], [1, 1]])
            var reference = [image]
            while let last = reference.last, last.width > 1 || last.height > 1 {
                // The float path, one level at a time from the bytes of the level before.
                reference.append(last.resized(width: max(1, last.width / 2), height: max(1, last.height / 2), filter: .box, colorSpace: space))
            }
            for (a, b) in zip(fast, reference) {
                let worst = zip(a.samples8, b.samples8).map { abs(Int($0) - Int($1)) }.max() ?? 0
                #expect(worst <= 1, "\(space) level \(a.width)x\(a.height): off by \(worst)")
            }
        }
    }

    @Test func colorSpaceFollowsTheTextureSlot() {
        #expect(ColorSpace(slot: .baseColor) == .sRGB)
        #expect(ColorSpace(slot: .emissive) == .sRGB)
        #expect(ColorSpace(slot: .normal) == .linear)
        #expect(ColorSpace(slot: .metallicRoughness) == .linear)
    }
}
