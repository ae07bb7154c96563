#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore
import Testing
@testable import OysterProcess

@Suite struct SimplifyTests {
    func wavy(_ n: Int) -> Primitive {
        gridPrimitive(n, size: 10) { x, z in 0.3 * sinf(x * 0.9) * cosf(z * 0.7) }
    }

    @Test func reachesTargetRatioWithinFivePercent() {
        let p = wavy(40)  // 3200 triangles
        for ratio: Float in [0.5, 0.25] {
            let (out, r) = p.simplified(SimplifyOptions(targetRatio: ratio, maxError: 1))
            let achieved = Float(out.triangleCount) / Float(p.triangleCount)
            #expect(abs(achieved - ratio) <= 0.05, "ratio \(ratio) gave \(achieved)")
            #expect(r.trianglesAfter == out.triangleCount)
        }
    }

    @Test func flatGridSimplifiesToAFewTrianglesWithZeroError() {
        let (out, r) = gridPrimitive(20).simplified(SimplifyOptions(targetRatio: 0, maxError: 1e-4))
        #expect(out.triangleCount < 100)
        #expect(r.error < 1e-4)
    }

    @Test func borderVerticesStayOnTheBorder() throws {
        let p = wavy(30)
        let (out, _) = p.simplified(SimplifyOptions(targetRatio: 0.25, maxError: 1))
        let pos = try #require(out.attributes["POSITION"]).vec3Array()
        // Every vertex of the output is an input vertex, and the four corners survive.
        let input = Set(p.attributes["POSITION"]!.vec3Array().map { [$0.x, $0.y, $0.z] })
        #expect(pos.allSatisfy { input.contains([$0.x, $0.y, $0.z]) })
        for corner in [Vec2(0, 0), Vec2(10, 0), Vec2(0, 10), Vec2(10, 10)] {
            #expect(pos.contains { abs($0.x - corner.x) < 1e-4 && abs($0.z - corner.y) < 1e-4 })
        }
        // The outline seen from above is unchanged: border vertices only slid along it.
        #expect(abs(borderLength(out) - 40) < 1e-3)
        #expect(abs(borderLength(p) - 40) < 1e-3)
    }

    @Test func lockBorderKeepsEveryBorderVertex() throws {
        let p = wavy(20)
        let (out, _) = p.simplified(SimplifyOptions(targetRatio: 0.25, maxError: 1, lockBorder: true))
        let pos = try #require(out.attributes["POSITION"]).vec3Array()
        let borderCount = pos.filter { $0.x == 0 || $0.z == 0 || abs($0.x - 10) < 1e-5 || abs($0.z - 10) < 1e-5 }.count
        #expect(borderCount == 80)
        #expect(out.triangleCount < p.triangleCount / 2)
    }

    @Test func uvSeamIsNotTorn() throws {
        let sphere = spherePrimitive(rings: 24, segments: 48)
        let (out, _) = sphere.simplified(SimplifyOptions(targetRatio: 0.3, maxError: 1))
        #expect(Float(out.triangleCount) < Float(sphere.triangleCount) * 0.4)
        // Watertight apart from the seam: every position-level edge has two triangles.
        let pos = try #require(out.attributes["POSITION"]).vec3Array()
        var edges: [[Float]: Int] = [:]
        let idx = out.triangleIndices()
        for t in stride(from: 0, to: idx.count, by: 3) {
            for k in 0..<3 {
                let a = pos[Int(idx[t + k])], b = pos[Int(idx[t + (k + 1) % 3])]
                let key = [a.x, a.y, a.z].lexicographicallyPrecedes([b.x, b.y, b.z]) ? [a.x, a.y, a.z, b.x, b.y, b.z] : [b.x, b.y, b.z, a.x, a.y, a.z]
                edges[key, default: 0] += 1
            }
        }
        #expect(edges.values.allSatisfy { $0 == 2 })
    }

    @Test func errorLimitStopsEarly() {
        let p = wavy(30)
        let (loose, _) = p.simplified(SimplifyOptions(targetRatio: 0.1, maxError: 1))
        let (tight, r) = p.simplified(SimplifyOptions(targetRatio: 0.1, maxError: 0.001))
        #expect(tight.triangleCount > loose.triangleCount)
        #expect(r.error <= 0.001)
    }

    @Test func lodChainAddsDecreasingLevels() throws {
        var s = sceneWith([wavy(30)])
        let chains = s.addLODChains(LODOptions(maxError: 1))
        let chain = try #require(chains.first)
        #expect(chain.levels.count == 2)
        #expect(chain.triangles[1] < chain.triangles[0] && chain.triangles[2] < chain.triangles[1])
        #expect(s.meshes.count == 3)
        #expect(s.meshes[chain.levels[0]].name == "m0_LOD1")
    }

    @Test func isDeterministic() {
        let p = spherePrimitive(rings: 16, segments: 32)
        #expect(p.simplified(SimplifyOptions(targetRatio: 0.4, maxError: 1)).0 == p.simplified(SimplifyOptions(targetRatio: 0.4, maxError: 1)).0)
    }

    /// Length of the open edges projected on the XZ plane.
    func borderLength(_ p: Primitive) -> Float {
        let pos = p.attributes["POSITION"]!.vec3Array()
        var count: [UInt64: Int] = [:]
        let idx = p.triangleIndices()
        for t in stride(from: 0, to: idx.count, by: 3) {
            for k in 0..<3 {
                let a = UInt64(idx[t + k]), b = UInt64(idx[t + (k + 1) % 3])
                count[min(a, b) << 32 | max(a, b), default: 0] += 1
            }
        }
        return count.filter { $0.value == 1 }.keys.reduce(0) { sum, key in
            let d = pos[Int(key >> 32)] - pos[Int(key & 0xFFFF_FFFF)]
            return sum + length(Vec2(d.x, d.z))
        }
    }
}

@Suite struct LODNodeTests {
    @Test func lodNodesFollowUnityNaming() throws {
        var s = sceneWith([gridPrimitive(20) { x, z in sinf(x * 9) * 0.05 + cosf(z * 7) * 0.05 }])
        s.nodes[0].name = "House"
        let chains = s.addLODChains(LODOptions(maxError: 1))
        let groups = s.attachLODNodes(chains)
        let g = try #require(groups.first)
        #expect(s.nodes[g.parent].mesh == nil)
        #expect(g.levels.map { s.nodes[$0].name } == ["House_LOD0", "House_LOD1", "House_LOD2"])
        #expect(s.nodes[g.levels[0]].mesh == 0)
        #expect(s.statistics.drawCalls == 3)
    }
}
