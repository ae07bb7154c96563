import OysterImage
import OysterCore

/// The pixel patterns Fixtures/images/make_fixtures.py draws, recomputed here.
enum Pattern {
    static let width = 8, height = 6

    static func rgba8(_ x: Int, _ y: Int) -> [Int] {
        [(x * 32 + y * 8) & 255, (y * 40 + 3) & 255, (x * y * 7) & 255, (x + y) * 20 & 255]
    }

    static func gray8(_ x: Int, _ y: Int) -> Int { (x * 30 + y * 10) & 255 }

    static func rgb16(_ x: Int, _ y: Int) -> [Int] {
        [(x * 4000 + y * 700) & 65535, (y * 9000 + 5) & 65535, (x * y * 1111) & 65535]
    }

    static let palette: [[Int]] = [[255, 0, 0, 255], [0, 255, 0, 128], [0, 0, 255, 0], [255, 255, 0, 64]]
    static func paletteRGBA(_ x: Int, _ y: Int) -> [Int] { palette[(x + y) % 4] }

    /// 2-bit gray expanded to 8 bits (×85).
    static func gray2(_ x: Int, _ y: Int) -> Int { ((x + 2 * y) % 4) * 85 }

    /// 32×32 JPEGs: four 16×16 blocks, in reading order.
    static let blockColors: [[Int]] = [[200, 30, 40], [20, 180, 60], [40, 60, 220], [240, 240, 240]]
    static let blockGrays = [20, 90, 160, 240]
    static let blockCMYK: [[Int]] = [[0, 200, 200, 0], [200, 0, 200, 30], [200, 200, 0, 60], [0, 0, 0, 0]]

    /// Expected RGB of a CMYK color: (255 − C)(255 − K)/255 per channel.
    static func rgb(cmyk: [Int]) -> [Int] {
        (0..<3).map { Int((Double((255 - cmyk[$0]) * (255 - cmyk[3])) / 255).rounded()) }
    }

    /// Every pixel of `image` as samples.
    static func pixels(of image: PixelImage) -> [[Int]] {
        (0..<image.height).flatMap { y in
            (0..<image.width).map { x in (0..<image.channels).map { image.sample(x: x, y: y, channel: $0) } }
        }
    }

    /// Expected pixels of a W×H pattern.
    static func expected(_ pixel: (Int, Int) -> [Int]) -> [[Int]] {
        (0..<height).flatMap { y in (0..<width).map { x in pixel(x, y) } }
    }
}

/// Reads committed fixtures from <repo>/Fixtures/images.
enum Fixture {
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // OysterImageTests/File.swift, Tests
        return parts.joined(separator: "/") + "/Fixtures/images/"
    }()

    static func bytes(_ name: String) throws -> [UInt8] {
        let path = folder + name
        guard let file = fopen(path, "rb") else { throw ImageError(.invalidArgument, "missing fixture \(path)") }
        defer { fclose(file) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            data += chunk[0..<n]
        }
        return data
    }
}

/// A deterministic test image with varied samples in every channel.
func makeImage(width: Int, height: Int, channels: Int, bitDepth: Int) -> PixelImage {
    var image = PixelImage(width: width, height: height, channels: channels, bitDepth: bitDepth)
    var state: UInt32 = 2_463_534_242
    for i in 0..<(width * height * channels) {
        state ^= state << 13; state ^= state >> 17; state ^= state << 5
        if bitDepth == 16 { image.samples16[i] = UInt16(truncatingIfNeeded: state) }
        else { image.samples8[i] = UInt8(truncatingIfNeeded: state) }
    }
    return image
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
