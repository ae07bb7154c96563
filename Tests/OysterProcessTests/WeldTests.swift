import OysterCore
import Testing
@testable import OysterProcess

@Suite struct WeldTests {
    /// The grid as an unindexed soup: every triangle has its own three vertices.
    func soup(_ n: Int) -> Primitive {
        let g = gridPrimitive(n)
        let idx = g.triangleIndices().map(Int.init)
        var p = g
        for k in g.attributes.keys { p.attributes[k] = g.attributes[k]!.gathered(idx) }
        p.indices = nil
        return p
    }

    @Test func exactWeldMergesIdenticalVerticesAndKeepsTriangles() {
        let p = soup(4)
        let (w, dropped) = p.welded()
        #expect(p.vertexCount == 96)
        #expect(w.vertexCount == 25)
        #expect(dropped == 0)
        #expect(worldTriangles(sceneWith([w])) == worldTriangles(sceneWith([p])))
    }

    @Test func exactWeldKeepsUVSeams() {
        var p = soup(1)
        // Give the second triangle's copy of a shared corner a different UV.
        var uv = p.attributes["TEXCOORD_0"]!.vec2Array()
        uv[3] = Vec2(0.5, 0.5)
        p.attributes["TEXCOORD_0"] = DataArray(vec2: uv)
        let (w, _) = p.welded()
        #expect(w.vertexCount == 5)
    }

    @Test func toleranceWeldMergesNearbyVerticesOnly() {
        var p = soup(2)
        var pos = p.attributes["POSITION"]!.vec3Array()
        for i in pos.indices where i % 2 == 0 { pos[i].y += 1e-5 }
        p.attributes["POSITION"] = DataArray(vec3: pos)
        #expect(p.welded().0.vertexCount > 9)
        let (w, dropped) = p.welded(WeldOptions(positionTolerance: 1e-4))
        #expect(w.vertexCount == 9)
        #expect(dropped == 0)
        #expect(w.triangleCount == 8)
    }

    @Test func toleranceWeldRespectsNormalAngle() {
        var p = soup(1)
        var n = p.attributes["NORMAL"]!.vec3Array()
        for i in 3..<6 { n[i] = normalize(Vec3(0.1, 1, 0)) }  // ~5.7° off
        p.attributes["NORMAL"] = DataArray(vec3: n)
        #expect(p.welded(WeldOptions(positionTolerance: 1e-6, normalToleranceDegrees: 2)).0.vertexCount == 6)
        #expect(p.welded(WeldOptions(positionTolerance: 1e-6, normalToleranceDegrees: 10)).0.vertexCount == 4)
    }

    @Test func scenePassReportsCounts() {
        var s = sceneWith([soup(3)])
        let r = s.weld()
        #expect(r.figures["verticesBefore"] == 54)
        #expect(r.figures["verticesAfter"] == 16)
    }
}
