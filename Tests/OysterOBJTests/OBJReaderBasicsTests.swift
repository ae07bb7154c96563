import Foundation
import Testing
@testable import OysterOBJ
import OysterCore

@Suite struct OBJReaderIndexFormTests {
    static let square = "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nvn 0 0 1\n"

    @Test func everyIndexFormReadsWithTheRightAttributes() throws {
        let cases: [(face: String, uv: Bool, normal: Bool)] = [
            ("f 1 2 3", false, false), ("f 1/1 2/2 3/3", true, false),
            ("f 1//1 2//1 3//1", false, true), ("f 1/1/1 2/2/1 3/3/1", true, true),
            ("f 1/1/ 2/2/ 3/3/", true, false), ("f 1/ 2/ 3/", false, false),
        ]
        for c in cases {
            let (scene, _) = try readOBJ(Self.square + c.face + "\n")
            let p = try #require(scene.meshes.first?.primitives.first)
            #expect(p.triangleCount == 1, "\(c.face)")
            #expect((p.attributes["TEXCOORD_0"] != nil) == c.uv, "\(c.face)")
            #expect((p.attributes["NORMAL"] != nil) == c.normal, "\(c.face)")
        }
    }

    @Test func negativeIndicesCountBackFromTheLastDefinedVertex() throws {
        let (scene, _) = try readOBJ("v 5 5 5\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf -3 -2 -1\nv 9 9 9\nf -4 -3 -2\n")
        let p = try #require(scene.meshes.first?.primitives.first)
        let tri = p.trianglePositions
        #expect(tri.count == 6)
        #expect(tri[0] == Vec3(0, 0, 0) && tri[1] == Vec3(1, 0, 0) && tri[2] == Vec3(0, 1, 0))
        #expect(tri[3] == Vec3(0, 0, 0) && tri[5] == Vec3(0, 1, 0))
    }

    @Test func sharedCornersAreWeldedAndDistinctTriplesAreNot() throws {
        let (scene, _) = try readOBJ(Self.square + "f 1/1/1 2/2/1 3/3/1\nf 1/1/1 3/3/1 4/4/1\nf 1/2/1 2/2/1 3/3/1\n")
        let p = try #require(scene.meshes.first?.primitives.first)
        #expect(p.triangleCount == 3)
        #expect(p.vertexCount == 5)  // 4 corners + v1 with another vt
    }

    @Test func textureVIsFlippedForGLTF() throws {
        let (scene, _) = try readOBJ("v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0.25 0.1\nvt 1 0\nvt 0 1\nf 1/1 2/2 3/3\n")
        let uv = try #require(scene.meshes.first?.primitives.first?.attributes["TEXCOORD_0"])
        #expect(abs(uv.vec2(0).x - 0.25) < 1e-6 && abs(uv.vec2(0).y - 0.9) < 1e-6)
        #expect(uv.vec2(2).y == 0)
    }

    @Test func vertexColorsBecomeColor0() throws {
        let (scene, _) = try readOBJ("v 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 0 1 0\nf 1 2 3\n")
        let color = try #require(scene.meshes.first?.primitives.first?.attributes["COLOR_0"])
        #expect(color.count == 3)
        #expect(color.vec3(0) == Vec3(1, 0, 0) && color.vec3(1) == Vec3(0, 1, 0) && color.vec3(2) == Vec3(1, 1, 1))
    }

    @Test func colorsWrittenAs0To255AreScaledAndNormalsNormalized() throws {
        let (scene, _) = try readOBJ("v 0 0 0 255 0 128\nv 1 0 0 0 255 0\nv 0 1 0\nvn 0 0 2\nvn 0 0 0\nf 1//1 2//2 3//1\n")
        let p = try #require(scene.meshes.first?.primitives.first)
        let color = try #require(p.attributes["COLOR_0"])
        #expect(color.vec3(0) == Vec3(1, 0, Float(128) / 255) && color.vec3(2) == Vec3(1, 1, 1))
        let normal = try #require(p.attributes["NORMAL"])
        #expect(normal.vec3(0) == Vec3(0, 0, 1) && normal.vec3(1) == Vec3(0, 0, 1))
    }

    @Test func numbersInEveryNotationParse() throws {
        let (scene, _) = try readOBJ("v -1.5e+2 .5 +3\nv 1E-3 0.000000000000000000000001234 2\nv 123456789012345678901234 0 -0\nf 1 2 3\n")
        let pos = try #require(scene.meshes.first?.primitives.first?.attributes["POSITION"])
        #expect(pos.vec3(0) == Vec3(-150, 0.5, 3))
        #expect(pos.vec3(1).x == Float(0.001) && pos.vec3(1).y == Float(1.234e-24))
        #expect(pos.vec3(2).x == Float(1.2345678901234568e23))
    }
}

@Suite struct OBJReaderPolygonTests {
    @Test func convexQuadBecomesTwoTriangles() throws {
        let (scene, _) = try readOBJ("v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\n")
        #expect(scene.statistics.triangles == 2)
        #expect(abs(totalArea(scene) - 1) < 1e-5)
    }

    @Test func concaveLShapeIsEarClippedInsideItsOutline() throws {
        // An L of area 3, tilted out of every axis plane; a fan from its first corner would
        // cover area outside the L (areas summing to 4).
        let pts: [(Float, Float)] = [(2, 0), (2, 1), (1, 1), (1, 2), (0, 2), (0, 0)]
        var text = ""
        for (x, y) in pts { text += "v \(x) \(y * 0.6) \(y * 0.8 + x * 0.1)\n" }
        text += "f 1 2 3 4 5 6\n"
        let (scene, _) = try readOBJ(text)
        #expect(scene.statistics.triangles == 4)
        let flatArea = totalArea(scene)
        // Areas scale by |(1, 0, .1) × (0, .6, .8)| = √1.0036 in the tilted plane.
        #expect(abs(flatArea - 3 * (1.0036 as Float).squareRoot()) < 1e-3)
        // Winding kept: every triangle faces the same way as the polygon.
        let t = try #require(scene.meshes.first?.primitives.first).trianglePositions
        let n0 = cross(t[1] - t[0], t[2] - t[0])
        for i in stride(from: 0, to: t.count, by: 3) { #expect(dot(cross(t[i + 1] - t[i], t[i + 2] - t[i]), n0) > 0) }
    }

    @Test func hugePolygonsAreTriangulatedWithoutQuadraticBlowUp() throws {
        // A 100,000-corner circle: past the ear-clipping limit, so a fan (it is convex anyway).
        let n = 100_000
        var text = ""
        for i in 0..<n {
            let a = Float(i) / Float(n) * 2 * .pi
            text += "v \(cos(a)) \(sin(a)) 0\n"
        }
        text += "f " + (1...n).map(String.init).joined(separator: " ") + "\n"
        let (scene, _) = try readOBJ(text)
        #expect(scene.statistics.triangles == n - 2)
    }

    @Test func facesWithFewerThanThreeCornersAreSkippedWithAWarning() throws {
        let (scene, diags) = try readOBJ("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2\nf 1 2 3\n")
        #expect(scene.statistics.triangles == 1)
        #expect(diags.contains { $0.code == DiagnosticCode.objDegenerateFace.id && $0.location == .line(4) })
    }
}

@Suite struct OBJReaderSyntaxTests {
    @Test func commentsTabsCRLFAndContinuationsRead() throws {
        let text = "# header\r\nv\t0 0 0 # trailing\r\nv 1 0 0\r\nv 1 1 0\r\nv 0 1 0\r\nf 1 2 \\\r\n 3 \\\n 4 # quad\r\n\r\n"
        let (scene, _) = try readOBJ(text)
        #expect(scene.statistics.triangles == 2)
    }

    @Test func lineAndPointElementsAreSkippedWithANote() throws {
        let (scene, diags) = try readOBJ("v 0 0 0\nv 1 0 0\nv 0 1 0\nl 1 2\nl 2 3\np 1\nf 1 2 3\n")
        #expect(scene.statistics.triangles == 1)
        let notes = diags.filter { $0.code == DiagnosticCode.objUnsupportedStatement.id }
        #expect(notes.count == 2)
        #expect(notes.first?.message.contains("2 line elements") == true)
        #expect(notes.allSatisfy { $0.severity == .information })
    }

    @Test func objectsAndGroupsBecomeNamedNodesWithOnePrimitivePerMaterial() throws {
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\no Chair\nusemtl wood\nf 1 2 3\nusemtl metal\nf 1 2 3\nusemtl wood\nf 1 2 3\ng legs back\nf 1 2 3\no Täble mit Namen\nf 1 2 3\n"
        let (scene, diags) = try readOBJ(text)
        #expect(scene.nodes.map(\.name) == ["model", "Chair", "legs back", "Täble mit Namen"])
        #expect(scene.meshes.map(\.primitives.count) == [1, 2, 1, 1])
        #expect(scene.meshes[1].primitives.map(\.triangleCount) == [2, 1])
        #expect(scene.materials.map(\.name) == ["wood", "metal"])
        #expect(scene.roots.first?.nodes == [0, 1, 2, 3])
        #expect(diags.contains { $0.code == DiagnosticCode.objMaterialUndefined.id })
    }

    @Test func emptyFileGivesAnEmptyScene() throws {
        let (scene, _) = try readOBJ("")
        #expect(scene.nodes.isEmpty && scene.meshes.isEmpty)
    }
}

@Suite struct OBJReaderMalformedTests {
    @Test func outOfRangeIndexNamesFileAndLine() {
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nv 1 1 1\nv 2 2 2\nv 3 3 3\nv 4 4 4\n# faces\n\nf 1 2 3\nf 1 2 9\n"
        #expect(objError(text) == "model.obj:12: face index 9 is out of range (8 vertices)")
    }

    @Test func zeroIndexIsAnError() {
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n") == "model.obj:4: face index 0 is invalid (OBJ indices start at 1)")
    }

    @Test func negativeIndexBeforeTheFirstVertexIsAnError() {
        #expect(objError("v 0 0 0\nv 1 0 0\nf -1 -2 -3\n") == "model.obj:3: face vertex index -3 is out of range (2 vertices before it)")
    }

    @Test func texcoordAndNormalIndicesAreChecked() {
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/1 2/1 3/2\n") == "model.obj:5: face texture coordinate index 2 is out of range (1 texture coordinates)")
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1//1 2//1 3//1\n") == "model.obj:4: face normal index 1 is out of range (0 normals)")
    }

    @Test func unparseableNumbersAreErrors() {
        #expect(objError("v 0 0 0\nv 1 0x1 0\n") == "model.obj:2: unparseable number '0x1'")
        #expect(objError("v 0 0\n") == "model.obj:1: missing number")
        #expect(objError("v 1 2 3\nvn 1 nan 0\n") == "model.obj:2: unparseable number 'nan'")
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3x\n") == "model.obj:4: unparseable face index '3x'")
    }

    @Test func hugeIndicesAreErrorsWithoutHugeAllocations() {
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 99999999999999\n") == "model.obj:4: face index '99999999999999' is too large")
        #expect(objError("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 2000000000\n") == "model.obj:4: face index 2000000000 is out of range (3 vertices)")
    }

    @Test func forwardReferencesAreAcceptedWhenTheVertexExists() throws {
        let (scene, _) = try readOBJ("f 1 2 3\nv 0 0 0\nv 1 0 0\nv 0 1 0\n")
        #expect(scene.statistics.triangles == 1)
    }

    @Test func theFirstErrorInFileOrderIsReportedWhateverTheSlicing() {
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nf 1 2 7\n" + String(repeating: "v 1 1 1\n", count: 20) + "f 1 2 0\n"
        for slice in [1, 7, 13, 1 << 20] {
            do {
                _ = try OBJReader(options: .init(threads: 2, sliceSize: slice)).read(bytes: Array(text.utf8))
                Issue.record("expected an error")
            } catch {
                #expect("\(error)" == "model.obj:26: face index 0 is invalid (OBJ indices start at 1)", "slice \(slice)")
            }
        }
    }
}
