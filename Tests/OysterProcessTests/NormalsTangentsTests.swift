import OysterCore
import Testing
@testable import OysterProcess

@Suite struct NormalsTangentsTests {
    /// A unit cube with 8 shared corners and no normals.
    func sharedCube() -> Primitive {
        var pos: [Vec3] = []
        for i in 0..<8 { pos.append(Vec3(Float(i & 1), Float((i >> 1) & 1), Float((i >> 2) & 1))) }
        let idx: [UInt32] = [0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5]
        return Primitive(attributes: ["POSITION": DataArray(vec3: pos)], indices: DataArray(indices: idx))
    }

    @Test func hardEdgesSplitCubeCornersIntoFaceNormals() throws {
        let out = sharedCube().withGeneratedNormals(smoothingAngleDegrees: 45)
        #expect(out.vertexCount == 24)
        let pos = try #require(out.attributes["POSITION"]), nrm = try #require(out.attributes["NORMAL"])
        let idx = out.triangleIndices()
        for t in stride(from: 0, to: idx.count, by: 3) {
            let a = pos.vec3(Int(idx[t])), b = pos.vec3(Int(idx[t + 1])), c = pos.vec3(Int(idx[t + 2]))
            let face = normalize(cross(b - a, c - a))
            for k in 0..<3 { #expect(close(nrm.vec3(Int(idx[t + k])), face)) }
        }
    }

    @Test func smoothingAngleAbove90KeepsCornersShared() throws {
        let out = sharedCube().withGeneratedNormals(smoothingAngleDegrees: 100)
        #expect(out.vertexCount == 8)
        let pos = try #require(out.attributes["POSITION"]), nrm = try #require(out.attributes["NORMAL"])
        for v in 0..<8 {
            // Smooth cube normals point away from the centre along the diagonal.
            #expect(close(nrm.vec3(v), normalize(pos.vec3(v) - Vec3(repeating: 0.5)), 1e-3))
        }
    }

    @Test func sceneNormalsPassSkipsPrimitivesThatHaveThem() {
        var s = sceneWith([gridPrimitive(2), sharedCube()])
        let r = s.generateNormals()
        #expect(r.figures["primitives"] == 1)
        #expect(s.meshes[0].primitives[0] == gridPrimitive(2))
    }

    @Test func tangentsFollowUAndHandednessFollowsV() throws {
        let p = gridPrimitive(2)  // u along +x, v along +z, normal +y
        let out = try #require(p.withGeneratedTangents())
        let t = try #require(out.attributes["TANGENT"])
        for i in 0..<out.vertexCount {
            let v = t.vec4(i)
            #expect(close(Vec3(v.x, v.y, v.z), Vec3(1, 0, 0)))
            // bitangent = cross(n, t) * w must point along +v (+z): cross(+y, +x) = -z → w = -1.
            #expect(v.w == -1)
        }
    }

    @Test func mirroredUVsSplitVertices() throws {
        var p = gridPrimitive(2)
        var uv = p.attributes["TEXCOORD_0"]!.vec2Array()
        // Mirror u on the right half so the middle column has both orientations.
        for i in uv.indices where uv[i].x > 0.5 { uv[i].x = 1 - uv[i].x }
        p.attributes["TEXCOORD_0"] = DataArray(vec2: uv)
        let out = try #require(p.withGeneratedTangents())
        #expect(out.vertexCount == 9 + 3)
        let t = out.attributes["TANGENT"]!
        let xs = Set((0..<out.vertexCount).map { t.vec4($0).x })
        #expect(xs == [1, -1])
    }

    @Test func tangentsOnlyForNormalMappedMaterialsByDefault() {
        var s = sceneWith([gridPrimitive(1, material: 0), gridPrimitive(1, material: 1)])
        var mapped = Material()
        mapped.normalTexture = TextureRef(texture: 0)
        s.materials = [Material(), mapped]
        s.generateTangents()
        #expect(s.meshes[0].primitives[0].attributes["TANGENT"] == nil)
        #expect(s.meshes[1].primitives[0].attributes["TANGENT"] != nil)
    }
}
