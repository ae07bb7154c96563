import Testing
@testable import OysterGen

@Suite struct RandomTests {
    @Test func sameSeedGivesSameSequence() {
        var a = PCG32(seed: 99), b = PCG32(seed: 99), c = PCG32(seed: 100)
        let sa = (0..<32).map { _ in a.nextUInt32() }, sb = (0..<32).map { _ in b.nextUInt32() }
        let sc = (0..<32).map { _ in c.nextUInt32() }
        #expect(sa == sb)
        #expect(sa != sc)
    }

    @Test func boundedIntegersStayInRangeAndCoverIt() {
        var r = PCG32(seed: 5)
        var seen = Set<Int>()
        for _ in 0..<2000 {
            let v = r.nextInt(7)
            #expect((0..<7).contains(v))
            seen.insert(v)
        }
        #expect(seen.count == 7)
        for _ in 0..<1000 { let f = r.nextFloat(); #expect(f >= 0 && f < 1) }
    }

    @Test func positionHashDependsOnEveryInput() {
        let h = PositionHash.hash(1, 10, 20, 3)
        #expect(h == PositionHash.hash(1, 10, 20, 3))
        #expect(h != PositionHash.hash(2, 10, 20, 3))
        #expect(h != PositionHash.hash(1, 11, 20, 3))
        #expect(h != PositionHash.hash(1, 10, 21, 3))
        #expect(h != PositionHash.hash(1, 10, 20, 4))
        #expect(PositionHash.hash(1, 10, 20) != PositionHash.hash(1, 20, 10))
    }
}

@Suite struct NoiseTests {
    @Test func periodicNoiseTiles() {
        let f = Fractal(seed: 3, octaves: 4, period: 4)
        for k in 0..<20 {
            let x = Float(k) * 0.173, y = Float(k) * 0.311
            #expect(abs(f.fbm(x, y) - f.fbm(x + 4, y)) < 1e-5)
            #expect(abs(f.fbm(x, y) - f.fbm(x, y + 4)) < 1e-5)
        }
        let stretched = Fractal(seed: 3, octaves: 3, periodX: 2, periodY: 24)
        #expect(abs(stretched.fbm(0.3, 5.1) - stretched.fbm(2.3, 29.1)) < 1e-5)
    }

    @Test func noiseStaysBoundedAndVaries() {
        let n = GradientNoise(seed: 11)
        var lo: Float = 9, hi: Float = -9
        for i in 0..<4000 {
            let v = n.value(Float(i) * 0.137, Float(i % 97) * 0.291)
            lo = min(lo, v)
            hi = max(hi, v)
        }
        #expect(lo >= -1.5 && hi <= 1.5)
        #expect(hi - lo > 0.8)
    }

    @Test func analyticDerivativesMatchFiniteDifferences() {
        let n = GradientNoise(seed: 4)
        let e: Float = 1e-3
        for k in 0..<30 {
            let x = Float(k) * 0.37 + 0.11, y = Float(k) * 0.23 + 0.07
            let s = n.sample(x, y)
            let fx = (n.value(x + e, y) - n.value(x - e, y)) / (2 * e)
            let fy = (n.value(x, y + e) - n.value(x, y - e)) / (2 * e)
            #expect(abs(s.dx - fx) < 0.05)
            #expect(abs(s.dy - fy) < 0.05)
        }
    }

    @Test func cellularDistancesAreOrdered() {
        let c = CellularNoise(seed: 2, period: 5)
        for k in 0..<50 {
            let s = c.sample(Float(k) * 0.31, Float(k) * 0.17)
            #expect(s.f1 <= s.f2)
            #expect(s.f1 >= 0)
            let t = c.sample(Float(k) * 0.31 + 5, Float(k) * 0.17)
            #expect(abs(s.f1 - t.f1) < 1e-4)
        }
    }
}
