import Testing
@testable import OysterGen

/// `QuadrupedMotion.envelope` (the body's drop curve) stops its search early; it must give
/// exactly what the full search gives.
@Suite("Drop envelope")
struct DropEnvelopeTests {
    /// The full search: every neighbour within `reach`, either side.
    static func fullSearch(_ d: [Float], slope k: Float, samplesPerLoop: Int, reach: Int) -> [Float] {
        let n = d.count
        return (0..<n).map { i in
            (-reach...reach).reduce(Float(0)) { best, o in
                max(best, d[((i + o) % n + n) % n] - k * Float(abs(o)) / Float(samplesPerLoop))
            }
        }
    }

    /// Drops as a walk over rough ground gives them: mostly 0, with bumps of random height.
    static func drops(count: Int, seed: UInt64, bumps: Int) -> [Float] {
        var state = seed
        func next() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24)
        }
        var d = [Float](repeating: 0, count: count)
        for _ in 0..<bumps {
            let at = Int(next() * Float(count)) % count, width = 1 + Int(next() * 30), height = next() * 0.6
            for j in 0..<width { d[(at + j) % count] = max(d[(at + j) % count], height * next()) }
        }
        return d
    }

    @Test(arguments: [(0 as UInt64, 0), (1, 3), (2, 40), (3, 400)])
    func sameToTheBitAsTheFullSearch(seed: UInt64, bumps: Int) {
        for (perLoop, loops, slope) in [(200, 1, Float(0.25)), (200, 16, 0.6), (50, 3, 0.05)] {
            let d = Self.drops(count: perLoop * loops, seed: seed, bumps: bumps)
            let reach = min(perLoop, d.count / 2)
            let fast = QuadrupedMotion.envelope(d, slope: slope, samplesPerLoop: perLoop, reach: reach)
            let full = Self.fullSearch(d, slope: slope, samplesPerLoop: perLoop, reach: reach)
            #expect(fast.map(\.bitPattern) == full.map(\.bitPattern), "seed \(seed), \(bumps) bumps, \(perLoop)×\(loops)")
        }
    }

    @Test func aSingleBumpSlopesAwayOnBothSidesAndWrapsRound() {
        var d = [Float](repeating: 0, count: 100)
        d[2] = 1
        let e = QuadrupedMotion.envelope(d, slope: 1, samplesPerLoop: 10, reach: 50)
        #expect(e[2] == 1)
        #expect(abs(e[5] - 0.7) < 1e-6)
        #expect(abs(e[99] - 0.7) < 1e-6) // three samples back, across the wrap
        #expect(e[50] == 0)
    }
}
