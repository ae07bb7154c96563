import OysterTestSupport
import Testing
import OysterCore
import OysterJSON
@testable import OysterGLTF

/// Corrupted files must fail with a `GLTFError` (or read), never crash or hang: bytes of
/// valid GLB and glTF files are flipped, cut and overwritten with deterministic noise.
@Suite struct GLTFFuzzTests {
    static let interesting: [[UInt8]] = [
        Array("0".utf8), Array("-1".utf8), Array("4294967295".utf8), Array("9223372036854775807".utf8),
        Array("1e308".utf8), Array("null".utf8), Array("[]".utf8), Array("{}".utf8), Array("\"".utf8), [0xFF, 0xFF, 0xFF, 0x7F],
    ]

    func mutate(_ source: [UInt8], _ rng: inout TestRandom) -> [UInt8] {
        var b = source
        for _ in 0..<(1 + rng.below(4)) {
            guard !b.isEmpty else { break }
            let at = rng.below(b.count)
            switch rng.below(5) {
            case 0: b[at] ^= UInt8(1 << rng.below(8))
            case 1: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 2: b.removeSubrange(at..<min(b.count, at + 1 + rng.below(16)))
            case 3:
                let chunk = Self.interesting[rng.below(Self.interesting.count)]
                b.replaceSubrange(at..<min(b.count, at + chunk.count), with: chunk)
            default: b = Array(b.prefix(at))
            }
        }
        return b
    }

    /// Replaces one number in the JSON text with an extreme value: the likeliest way to reach
    /// size and offset arithmetic.
    func extremeNumber(_ source: [UInt8], _ rng: inout TestRandom) -> [UInt8] {
        let digits = source.indices.filter { source[$0] >= 0x30 && source[$0] <= 0x39 && ($0 == 0 || !(source[$0 - 1] >= 0x30 && source[$0 - 1] <= 0x39)) }
        guard !digits.isEmpty else { return source }
        let at = digits[rng.below(digits.count)]
        var end = at
        while end < source.count, source[end] >= 0x30 && source[end] <= 0x39 { end += 1 }
        let values = ["0", "1", "3", "65535", "4294967296", "9223372036854775807", "18446744073709551615", "1099511627776"]
        var b = source
        b.replaceSubrange(at..<end, with: Array(values[rng.below(values.count)].utf8))
        return b
    }

    func survive(_ bytes: [UInt8], loader: ResourceLoader? = nil) {
        do {
            let result = try GLTFReader().read(bytes: bytes, loader: loader)
            _ = GLTFWriter().encodeGLB(result.scene)
        } catch is GLTFError {
        } catch {
            Issue.record("non-glTF error: \(error)")
        }
    }

    @Test func corruptedGLBNeverCrashes() {
        let glb = GLTFWriter().encodeGLB(GLTFFixtures.rich())
        var rng = TestRandom(seed: 1)
        for _ in 0..<400 { survive(mutate(glb, &rng)) }
    }

    @Test func corruptedJSONNeverCrashes() {
        let files = GLTFWriter(options: GLTFWriteOptions(embed: false)).encodeGLTF(GLTFFixtures.rich(), binName: "a.bin")
        let loader = MemoryResourceLoader(Dictionary(uniqueKeysWithValues: files.resources.map { ($0.name, $0.bytes) }))
        var rng = TestRandom(seed: 2)
        for _ in 0..<400 { survive(mutate(files.json, &rng), loader: loader) }
        for _ in 0..<800 { survive(extremeNumber(files.json, &rng), loader: loader) }
    }
}
