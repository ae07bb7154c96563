import OysterTestSupport
import OysterCore
import Testing
@testable import OysterAtlas

/// Skinned primitives whose textures repeat are cut at whole UVs like any other, their joints
/// and weights blended (`SkinBlend`), so a character's materials can share an atlas page.
@Suite struct SkinBlendTests {
    /// A 1 m strip standing from y = 0 to 1 in `rows` rows, its texture repeating `repeats`
    /// times up it; joint 0 holds the bottom, joint 1 the top, joint 2 a little of the middle,
    /// their weights smooth functions of the height.
    static func strip(rows: Int = 8, repeats: Float = 3.5, joints: ComponentType = .uint8) -> Primitive {
        var positions: [Vec3] = [], uvs: [Vec2] = [], j: [UInt8] = [], w: [Float] = []
        for r in 0...rows {
            let y = Float(r) / Float(rows)
            for x: Float in [0, 0.4] {
                positions.append(Vec3(x, y, 0))
                uvs.append(Vec2(x * 2.5, -y * repeats))
                let (a, b, c) = weights(y)
                j += [0, 1, 2, 0]
                w += [a, b, c, 0]
            }
        }
        var indices: [UInt32] = []
        for r in 0..<UInt32(rows) { indices += [2 * r, 2 * r + 1, 2 * r + 3, 2 * r, 2 * r + 3, 2 * r + 2] }
        let jointArray = joints == .uint8
            ? DataArray(componentType: .uint8, elementType: .vec4, bytes: j)
            : DataArray(componentType: .uint16, elementType: .vec4, bytes: j.map { UInt16($0).littleEndian }.withUnsafeBytes { Array($0) })
        return Primitive(attributes: [
            "POSITION": DataArray(vec3: positions),
            "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 0, 1), count: positions.count)),
            "TEXCOORD_0": DataArray(vec2: uvs),
            "JOINTS_0": jointArray,
            "WEIGHTS_0": DataArray(floats: w, elementType: .vec4),
        ], indices: DataArray(indices: indices), material: 0)
    }

    static func weights(_ y: Float) -> (Float, Float, Float) {
        let middle = 0.2 * (1 - abs(2 * y - 1))
        return ((1 - y) * (1 - middle), y * (1 - middle), middle)
    }

    /// Joint → weight of vertex `v`.
    static func influences(_ p: Primitive, _ v: Int) -> [UInt32: Float] {
        let j = p.attributes["JOINTS_0"]!.uints(), w = p.attributes["WEIGHTS_0"]!.floats()
        var out: [UInt32: Float] = [:]
        for c in 0..<4 where w[v * 4 + c] > 0 { out[j[v * 4 + c], default: 0] += w[v * 4 + c] }
        return out
    }

    @Test(arguments: [ComponentType.uint8, .uint16])
    func aCutVertexTakesTheBlendOfItsCornersWeights(joints: ComponentType) throws {
        let rows = 8
        let strip = Self.strip(rows: rows, joints: joints)
        let split = try strip.splitAtUVGrid(set: 0, transform: nil, maxTriangles: 10_000).get()
        #expect(split.triangleCount > strip.triangleCount)
        #expect(split.attributes["JOINTS_0"]?.componentType == joints)
        let pos = try #require(split.attributes["POSITION"]), uv = try #require(split.attributes["TEXCOORD_0"])
        var cut = 0
        for v in 0..<split.vertexCount {
            let u = uv.vec2(v)
            #expect(u.x >= -1e-5 && u.x <= 1 + 1e-5 && u.y >= -1e-5 && u.y <= 1 + 1e-5)
            let mine = Self.influences(split, v)
            #expect(abs(mine.values.reduce(0, +) - 1) < 1e-5)
            // The weights a vertex at this height gets by linear interpolation between the rows
            // above and below it (what a new vertex on the strip's edges must carry).
            let y = pos.vec3(v).y
            let r = min(rows - 1, Int(y * Float(rows)))
            let y0 = Float(r) / Float(rows), y1 = Float(r + 1) / Float(rows), t = (y - y0) / (y1 - y0)
            let (a0, b0, c0) = Self.weights(y0), (a1, b1, c1) = Self.weights(y1)
            let expected: [UInt32: Float] = [0: a0 + (a1 - a0) * t, 1: b0 + (b1 - b0) * t, 2: c0 + (c1 - c0) * t]
            for (joint, weight) in expected {
                #expect(abs((mine[joint] ?? 0) - weight) < 1e-4, "vertex \(v) at y \(y), joint \(joint)")
            }
            if abs(y * Float(rows) - Float(Int((y * Float(rows)).rounded()))) > 1e-4 { cut += 1 }
        }
        // The texture repeats 3.5 times up the strip: cuts at 3 whole values, off the rows.
        #expect(cut >= 3 * 2)
    }

    @Test func moreThanFourInfluencesKeepTheStrongestFour() throws {
        // Two corners with different joints: the blend has six candidates and keeps four.
        var blend = try SkinBlend.make([
            "JOINTS_0": DataArray(componentType: .uint8, elementType: .vec4, bytes: [0, 1, 2, 3, 4, 5, 6, 7]),
            "WEIGHTS_0": DataArray(floats: [0.4, 0.3, 0.2, 0.1, 0.7, 0.1, 0.1, 0.1], elementType: .vec4),
        ]).get()
        blend.add([(0, 0.5), (1, 0.5)])
        var attributes: AttributeSet = [:]
        blend.write(into: &attributes)
        let j = try #require(attributes["JOINTS_0"]).uints(), w = try #require(attributes["WEIGHTS_0"]).floats()
        #expect(j == [4, 0, 1, 2])
        #expect(abs(w.reduce(0, +) - 1) < 1e-6)
        #expect(abs(w[0] / w[1] - 0.35 / 0.2) < 1e-4)
    }

    @Test func aCutThroughAFoldKeepsUnitNormals() throws {
        // A strip whose two sides face opposite ways (a folded edge): mixing their normals
        // halfway across gives nothing, so the new vertex takes its heaviest corner's.
        var p = Self.strip(rows: 1, repeats: 1)
        p.attributes["NORMAL"] = DataArray(vec3: [Vec3(0, 0, 1), Vec3(0, 0, -1), Vec3(0, 0, 1), Vec3(0, 0, -1)])
        p.attributes["TEXCOORD_0"] = DataArray(vec2: [Vec2(0.5, 0), Vec2(1.5, 0), Vec2(0.5, 1), Vec2(1.5, 1)])
        let split = try p.splitAtUVGrid(set: 0, transform: nil, maxTriangles: 100).get()
        #expect(split.triangleCount > p.triangleCount)
        let normals = try #require(split.attributes["NORMAL"])
        for v in 0..<split.vertexCount { #expect(abs(length(normals.vec3(v)) - 1) < 1e-5, "vertex \(v)") }
    }

    @Test func jointsWithoutWeightsAreRefused() {
        var p = Self.strip()
        p.attributes["WEIGHTS_0"] = nil
        switch p.splitAtUVGrid(set: 0, transform: nil, maxTriangles: 10_000) {
        case .success: Issue.record("a primitive with joints and no weights was split")
        case .failure(let f): #expect("\(f)".contains("JOINTS_0"))
        }
    }

    @Test func aSkinnedMeshsRepeatingMaterialsShareOnePageAndOneDrawCall() throws {
        // Two materials on one skinned mesh, both repeating their textures up the strip.
        var scene = try AtlasTestScene.make([.init(size: (16, 16)), .init(size: (16, 16))])
        var second = Self.strip(repeats: 2.5)
        second.material = 1
        for k in 0..<2 {
            var p = k == 0 ? Self.strip() : second
            p.material = k
            scene.meshes[0].primitives[k] = p
        }
        scene.nodes = [Node(name: "body", mesh: 0), Node(name: "hips"), Node(name: "chest"), Node(name: "head")]
        scene.nodes[0].skin = 0
        scene.skins = [Skin(name: "rig", joints: [1, 2, 3], skeleton: 1,
                            inverseBindMatrices: DataArray(floats: (0..<3).flatMap { _ in Mat4.identity.m }, elementType: .mat4))]
        scene.roots = [SceneRoot(nodes: [0, 1, 2, 3])]
        let report = try atlasScene(&scene, options: SceneAtlasOptions(maxTriangleGrowth: 10))
        #expect(report.drawCallsBefore == 2 && report.drawCallsAfter == 1, "\(report.notes)")
        #expect(report.primitivesSplit == 2)
        let merged = try #require(scene.meshes[scene.nodes[0].mesh ?? -1].primitives.first)
        #expect(merged.attributes["JOINTS_0"]?.count == merged.vertexCount)
        #expect(scene.nodes[0].skin == 0)
    }
}
