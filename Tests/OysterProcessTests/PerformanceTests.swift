#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore
import Testing
@testable import OysterProcess

@Suite struct PerformanceTests {
    /// 100k-triangle wavy terrain to 50 %: the brief asks well under a second in release.
    @Test func simplifies100kTrianglesToHalfQuickly() {
        let p = gridPrimitive(224, size: 100) { x, z in 2 * sinf(x * 0.21) * cosf(z * 0.17) + 0.3 * sinf(x * 1.3 + z) }
        #expect(p.triangleCount >= 100_000)
        let start = ContinuousClock.now
        let (out, _) = p.simplified(SimplifyOptions(targetRatio: 0.5, maxError: 1))
        let elapsed = ContinuousClock.now - start
        print("simplify \(p.triangleCount) → \(out.triangleCount) triangles in \(elapsed)")
        #expect(abs(Float(out.triangleCount) / Float(p.triangleCount) - 0.5) <= 0.05)
        #if !DEBUG
        #expect(elapsed < .seconds(1))
        #endif
    }

    @Test func hullOf100kPointsWithBudget() throws {
        let p = spherePrimitive(rings: 200, segments: 250)
        let pts = p.attributes["POSITION"]!.vec3Array()
        let start = ContinuousClock.now
        let hull = try #require(ConvexHull(points: pts, maxVertices: 255))
        print("hull of \(pts.count) points → \(hull.vertices.count) vertices in \(ContinuousClock.now - start)")
        #expect(hull.vertices.count <= 255)
    }
}
