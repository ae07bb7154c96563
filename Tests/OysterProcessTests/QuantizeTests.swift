import OysterCore
import OysterJSON
import Testing
@testable import OysterProcess

@Suite struct QuantizeTests {
    @Test func positionsStayWithinTheErrorBoundInWorldSpace() throws {
        let prim = gridPrimitive(8, size: 3) { x, z in 0.5 * x - 0.25 * z }
        var s = sceneWith([prim], transforms: [.trs(translation: Vec3(5, 0, 1), rotation: Quat(angle: 0.4, axis: Vec3(0, 1, 0)), scale: Vec3(2, 2, 2))])
        let before = worldTriangles(s)
        s.quantize(QuantizeOptions(positionBits: 12))
        let pos = try #require(s.meshes[0].primitives[0].attributes["POSITION"])
        #expect(pos.componentType == .uint16)
        #expect(pos.bounds()!.max.allSatisfy { $0 <= 4095 })
        // Bound: half a grid step per axis, ×2 for the node scale, over √3 for the diagonal.
        let extent: Float = 3
        let bound = extent / 4095 / 2 * 2 * 3.0.squareRoot().float
        for (a, b) in zip(before, worldTriangles(s)) {
            for (p, q) in zip(a, b) { #expect(length(p - q) <= bound * 1.01) }
        }
    }

    @Test func normalizedPositionsDecodeToTheSameWorld() throws {
        var s = sceneWith([gridPrimitive(4, size: 2) { x, z in x * z }], transforms: [.trs(translation: Vec3(1, 0, 0), rotation: .identity, scale: .one)])
        let before = worldTriangles(s)
        s.quantize(QuantizeOptions(positionBits: 16, normalizedPositions: true))
        #expect(s.meshes[0].primitives[0].attributes["POSITION"]?.normalized == true)
        for (a, b) in zip(before, worldTriangles(s)) { for (p, q) in zip(a, b) { #expect(length(p - q) <= 4.0 / 65535) } }
    }

    @Test func normalsBecomeSnorm8WithinBound() throws {
        var s = sceneWith([spherePrimitive(rings: 6, segments: 8)])
        let before = s.meshes[0].primitives[0].attributes["NORMAL"]!.vec3Array()
        s.quantize()
        let n = try #require(s.meshes[0].primitives[0].attributes["NORMAL"])
        #expect(n.componentType == .int8 && n.normalized)
        for (a, b) in zip(before, n.vec3Array()) {
            #expect(abs(a.x - b.x) <= 0.5 / 127 + 1e-6 && abs(a.y - b.y) <= 0.5 / 127 + 1e-6 && abs(a.z - b.z) <= 0.5 / 127 + 1e-6)
        }
    }

    @Test func repeatingUVsGetATextureTransform() throws {
        var prim = gridPrimitive(2, material: 0)
        prim.attributes["TEXCOORD_0"] = DataArray(vec2: prim.attributes["TEXCOORD_0"]!.vec2Array().map { $0 * 4 - Vec2(1, 1) })
        var s = sceneWith([prim])
        var mat = Material()
        mat.baseColorTexture = TextureRef(texture: 0)
        s.materials = [mat]
        let before = prim.attributes["TEXCOORD_0"]!.vec2Array()
        s.quantize()
        let uv = try #require(s.meshes[0].primitives[0].attributes["TEXCOORD_0"])
        #expect(uv.componentType == .uint16 && uv.normalized)
        let t = try #require(s.materials[0].baseColorTexture?.transform)
        for (a, q) in zip(before, uv.vec2Array()) {
            let back = t.offset + t.scale * q
            #expect(abs(back.x - a.x) <= 4 / 65535 && abs(back.y - a.y) <= 4 / 65535)
        }
    }

    @Test func uvsInUnitRangeNeedNoTransformAndExtensionTexturesBlockOne() {
        var a = gridPrimitive(1, material: 0)
        a.attributes["TEXCOORD_0"] = DataArray(vec2: a.attributes["TEXCOORD_0"]!.vec2Array().map { $0 * 2 })
        var s = sceneWith([a, gridPrimitive(1, material: 1)])
        var m0 = Material()
        m0.extensions["KHR_materials_clearcoat"] = .object(JSONObject([("clearcoatTexture", .object(JSONObject([("index", .int(0))])))]))
        s.materials = [m0, Material()]
        s.quantize()
        #expect(s.meshes[0].primitives[0].attributes["TEXCOORD_0"]?.componentType == .float32)
        #expect(s.meshes[1].primitives[0].attributes["TEXCOORD_0"]?.componentType == .uint16)
        #expect(s.materials[1].baseColorTexture == nil)
    }

    @Test func animatedNodesGetAHolderChild() {
        var s = sceneWith([gridPrimitive(2, size: 4)])
        s.animations = [Animation(channels: [AnimationChannel(sampler: 0, node: 0, path: .translation)], samplers: [
            AnimationSampler(input: DataArray(floats: [0], elementType: .scalar), output: DataArray(vec3: [.zero])),
        ])]
        let before = worldTriangles(s)
        s.quantize()
        #expect(s.nodes[0].mesh == nil)
        #expect(s.nodes[0].children == [1])
        for (a, b) in zip(before, worldTriangles(s)) { for (p, q) in zip(a, b) { #expect(close(p, q, 1e-3)) } }
    }

    @Test func skinnedMeshesKeepFloatPositions() {
        var s = sceneWith([gridPrimitive(1)])
        s.skins = [Skin(joints: [0])]
        s.nodes[0].skin = 0
        let r = s.quantize()
        #expect(s.meshes[0].primitives[0].attributes["POSITION"]?.componentType == .float32)
        #expect(!r.notes.isEmpty)
    }
}

extension Double {
    var float: Float { Float(self) }
}

@Suite struct QuantizeFoldingTests {
    /// World triangles including GPU instances (instance TRS between node and mesh).
    func instancedWorld(_ s: Scene) -> [[Vec3]] {
        let world = s.worldMatrices()
        var out: [[Vec3]] = []
        for (i, n) in s.nodes.enumerated() {
            guard let m = n.mesh else { continue }
            var locals: [Mat4] = [.identity]
            if let inst = n.instancing {
                let count = inst.values.first?.count ?? 0
                locals = (0..<count).map { k in
                    Mat4(translation: inst["TRANSLATION"]?.vec3(k) ?? .zero, rotation: inst["ROTATION"].map { Quat($0.vec4(k)) } ?? .identity,
                         scale: inst["SCALE"]?.vec3(k) ?? .one)
                }
            }
            for local in locals {
                let mat = world[i] * local
                for p in s.meshes[m].primitives {
                    let pos = p.attributes["POSITION"]!, idx = p.triangleIndices()
                    for t in stride(from: 0, to: idx.count, by: 3) { out.append((0..<3).map { mat.transformPoint(pos.vec3(Int(idx[t + $0]))) }) }
                }
            }
        }
        return out
    }

    @Test func instancedNodesFoldDequantizationIntoEveryInstance() throws {
        var s = sceneWith([gridPrimitive(3, size: 2) { x, z in x - z }])
        s.nodes[0].instancing = [
            "TRANSLATION": DataArray(vec3: [Vec3(0, 0, 0), Vec3(5, 1, 0)]),
            "ROTATION": DataArray(vec4: [Quat.identity.vector, Quat(angle: 1, axis: Vec3(0, 1, 0)).vector]),
            "SCALE": DataArray(vec3: [Vec3(1, 1, 1), Vec3(2, 2, 2)]),
        ]
        let before = instancedWorld(s)
        s.quantize(QuantizeOptions(positionBits: 14))
        #expect(s.meshes[0].primitives[0].attributes["POSITION"]?.componentType == .uint16)
        #expect(s.nodes[0].transform == .identity)
        let after = instancedWorld(s)
        #expect(after.count == before.count)
        for (a, b) in zip(before, after) { for (p, q) in zip(a, b) { #expect(length(p - q) <= 2 * 2 / 16383 * 2) } }
    }

    @Test func matrixNodesAndSharedMeshesFoldPerNode() {
        var s = sceneWith([gridPrimitive(2, size: 3)], transforms: [.matrix(Mat4(translation: Vec3(1, 2, 3), rotation: Quat(angle: 0.5, axis: Vec3(1, 0, 0)), scale: Vec3(1, 2, 1)))])
        s.nodes.append(Node(name: "twin", transform: .trs(translation: Vec3(-4, 0, 0), rotation: .identity, scale: .one), mesh: 0))
        s.roots[0].nodes.append(1)
        let before = worldTriangles(s)
        s.quantize()
        for (a, b) in zip(before, worldTriangles(s)) { for (p, q) in zip(a, b) { #expect(length(p - q) <= 3 * 2 / 16383 * 2) } }
    }
}
