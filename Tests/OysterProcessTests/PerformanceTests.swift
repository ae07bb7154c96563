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
        // Debug builds are ~20× slower: they check behaviour on a smaller mesh.
        #if DEBUG
        let n = 70
        #else
        let n = 224
        #endif
        let p = gridPrimitive(n, size: 100) { x, z in 2 * sinf(x * 0.21) * cosf(z * 0.17) + 0.3 * sinf(x * 1.3 + z) }
        let start = ContinuousClock.now, cpu0 = threadCPUSeconds()
        let (out, _) = p.simplified(SimplifyOptions(targetRatio: 0.5, maxError: 1))
        let elapsed = ContinuousClock.now - start, cpu = threadCPUSeconds() - cpu0
        print("simplify \(p.triangleCount) → \(out.triangleCount) triangles in \(elapsed) wall, \(cpu) s CPU")
        // Stage split, for the report.
        let t0 = ContinuousClock.now
        let (w, _) = p.welded()
        let t1 = ContinuousClock.now
        _ = Simplifier.simplify(positions: w.attributes["POSITION"]!.vec3Array(), indices: w.triangleIndices(), targetTriangles: w.triangleCount / 2,
                                maxError: 1, lockBorder: false)
        print("  weld \(t1 - t0), simplifier core \(ContinuousClock.now - t1)")
        #expect(abs(Float(out.triangleCount) / Float(p.triangleCount) - 0.5) <= 0.05)
        #if !DEBUG
        // CPU time, so a busy shared machine does not fail the test.
        #expect(cpu < 1)
        #endif
    }

    @Test func hullOf100kPointsWithBudget() throws {
        #if DEBUG
        let p = spherePrimitive(rings: 60, segments: 80)
        #else
        let p = spherePrimitive(rings: 200, segments: 250)
        #endif
        let pts = p.attributes["POSITION"]!.vec3Array()
        let cpu0 = threadCPUSeconds()
        let hull = try #require(ConvexHull(points: pts, maxVertices: 255))
        print("hull of \(pts.count) points → \(hull.vertices.count) vertices in \(threadCPUSeconds() - cpu0) s CPU")
        #expect(hull.vertices.count <= 255)
    }
}
