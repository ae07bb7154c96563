import OysterTestSupport
import Testing
@testable import OysterOBJ
import OysterCore

/// Mutated input must end in a scene or an `OBJError`, never a crash or hang, and slicing must
/// not change which.
@Suite struct OBJFuzzTests {
    static let alphabet = Array("0123456789 -+./\\#\n\r\tvfontglsupme".utf8) + [0, 0xFF, 0xEF, 0xBB, 0xBF]

    func outcome(_ bytes: [UInt8], threads: Int, slice: Int) -> String {
        do {
            let (scene, diags) = try OBJReader(options: .init(threads: threads, sliceSize: slice)).read(bytes: bytes)
            return "ok \(scene.hashValue) \(diags.count)"
        } catch {
            return "error \(error)"
        }
    }

    @Test func mutatedFilesNeverCrashAndDoNotDependOnSlicing() {
        let seed = Array(OBJParallelParseTests.messyOBJ().utf8)
        var rng = TestRandom(seed: 42)
        for _ in 0..<150 {
            var bytes = seed
            for _ in 0..<(1 + rng.below(6)) {
                let at = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes[at] = Self.alphabet[rng.below(Self.alphabet.count)]
                case 1: bytes.insert(Self.alphabet[rng.below(Self.alphabet.count)], at: at)
                default: bytes.remove(at: at)
                }
            }
            let single = outcome(bytes, threads: 1, slice: 1 << 30)
            let sliced = outcome(bytes, threads: 2, slice: 1 + rng.below(200))
            #expect(single == sliced)
        }
    }

    @Test func mutatedFilesValidateTheSameWhateverTheSlicingAndConvertWhenClean() {
        let seed = Array(OBJParallelParseTests.messyOBJ().utf8)
        var rng = TestRandom(seed: 7)
        for _ in 0..<150 {
            var bytes = seed
            for _ in 0..<(1 + rng.below(6)) {
                let at = rng.below(bytes.count)
                switch rng.below(3) {
                case 0: bytes[at] = Self.alphabet[rng.below(Self.alphabet.count)]
                case 1: bytes.insert(Self.alphabet[rng.below(Self.alphabet.count)], at: at)
                default: bytes.remove(at: at)
                }
            }
            let single = OBJReader(options: .init(threads: 1, sliceSize: 1 << 30)).validate(bytes: bytes).diagnostics
            let sliced = OBJReader(options: .init(threads: 2, sliceSize: 1 + rng.below(200))).validate(bytes: bytes).diagnostics
            #expect(single == sliced)
            // What converting refuses, validating reports as an error (and nothing else does).
            let refused = outcome(bytes, threads: 1, slice: 1 << 30).hasPrefix("error")
            #expect(refused == single.contains { $0.severity == .error }, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let (scene, diags) = try OBJReader().read(bytes: [0xEF, 0xBB, 0xBF] + Array("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8))
        #expect(scene.statistics.triangles == 1 && diags.isEmpty)
    }
}
