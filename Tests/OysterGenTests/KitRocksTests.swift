import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit rocks")
struct KitRocksTests {
    @Test(arguments: RockShape.allCases)
    func rocksAreValidSitInTheGroundAndMatchTheirShape(shape: RockShape) {
        for detail in 0...2 {
            let m = Rocks.rock(RockParams(shape: shape, size: 3, detail: detail), seed: 7)
            #expect(kitModelProblems(m).isEmpty)
            let box = m.footprint
            #expect(box.min.y < 0 && box.max.y > 0, "sunk into the ground")
            #expect(m.triangleCount == 80 * (1 << (2 * detail)))
            let s = box.size
            switch shape {
            case .spire: #expect(s.y > max(s.x, s.z))
            case .slab: #expect(s.y < min(s.x, s.z))
            default: break
            }
        }
    }

    @Test func sameSeedSameRockOtherSeedOtherRock() {
        let a = Rocks.rock(RockParams(), seed: 1), b = Rocks.rock(RockParams(), seed: 1), c = Rocks.rock(RockParams(), seed: 2)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func noiseIsDeterministicAndBounded() {
        let n = KitNoise(seed: 3)
        for i in 0..<200 {
            let p = Vec3(Float(i) * 0.37, Float(i) * -0.21, Float(i) * 0.11)
            let v = n.fbm(p)
            #expect(v.isFinite && abs(v) < 2)
            #expect(v == KitNoise(seed: 3).fbm(p))
        }
        #expect(KitNoise(seed: 3).noise(Vec3(0.5, 0.5, 0.5)) != KitNoise(seed: 4).noise(Vec3(0.5, 0.5, 0.5)))
    }
}
