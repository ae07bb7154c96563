import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// Far enough that a pixel covers a good part of a texture's repeat, a material draws with
/// its textures' averages folded into its factors (`AveragedMaterial`).
struct AveragedMaterialTests {
    typealias Key = GPUResources.TextureKey

    static func textured() -> Material {
        var m = Material()
        m.baseColorFactor = Vec4(0.5, 1, 1, 1)
        m.baseColorTexture = TextureRef(texture: 0)
        m.metallicFactor = 0.5
        m.roughnessFactor = 0.8
        m.metallicRoughnessTexture = TextureRef(texture: 1)
        m.occlusionTexture = TextureRef(texture: 1, scale: 0.5)
        m.normalTexture = TextureRef(texture: 2)
        m.emissiveFactor = Vec3(2, 2, 2)
        m.emissiveTexture = TextureRef(texture: 3)
        return m
    }

    static let averages: [Key: SIMD4<Float>] = [
        Key(texture: 0, sRGB: true): SIMD4(0.2, 0.4, 0.6, 1),
        Key(texture: 1, sRGB: false): SIMD4(0.6, 0.5, 0.25, 1),
        Key(texture: 2, sRGB: false): SIMD4(0.5, 0.5, 1, 1),
        Key(texture: 3, sRGB: true): SIMD4(0.1, 0.2, 0.3, 1),
    ]

    @Test func theTexturesAveragesAreFoldedIntoTheFactors() throws {
        let averaged = try #require(AveragedMaterial(Self.textured(), averages: Self.averages))
        let m = averaged.material
        #expect(TextureSlot.allCases.allSatisfy { m[$0] == nil })
        #expect(m.baseColorFactor == Vec4(0.1, 0.4, 0.6, 1))
        // Roughness from green, metallic from blue; occlusion from red at half strength.
        #expect(abs(m.roughnessFactor - 0.4) < 1e-6 && abs(m.metallicFactor - 0.125) < 1e-6)
        #expect(abs(averaged.occlusion - 0.8) < 1e-6)
        #expect(m.emissiveFactor == Vec3(0.2, 0.4, 0.6))
    }

    @Test func whatAnAverageWouldChangeIsNotAveraged() {
        var masked = Self.textured()
        masked.alphaMode = .mask
        var blended = Self.textured()
        blended.alphaMode = .blend
        var secondSet = Self.textured()
        secondSet.normalTexture?.texCoord = 1
        var transformed = Self.textured()
        transformed.baseColorTexture?.transform = TextureTransform(scale: Vec2(4, 4))
        for m in [masked, blended, secondSet, transformed, TestScenes.material(.one)] {
            #expect(AveragedMaterial(m, averages: Self.averages) == nil, "\(m)")
        }
        // A texture whose average is not known (its image did not decode).
        var missing = Self.averages
        missing[Key(texture: 3, sRGB: true)] = nil
        #expect(AveragedMaterial(Self.textured(), averages: missing) == nil)
    }

    @Test func theAverageIsTheTopMipLevelAsSampled() throws {
        // Black and white in sRGB average to half in linear light (188 as an sRGB code).
        let image = PixelImage(width: 2, height: 1, channels: 4, samples8: [0, 0, 0, 255, 255, 255, 255, 255])
        let srgb = try #require(AveragedMaterial.average(levels: image.textureMipmaps(colorSpace: .sRGB), sRGB: true))
        #expect(abs(srgb.x - 0.5) < 0.01 && srgb.w == 1, "\(srgb)")
        let linear = try #require(AveragedMaterial.average(levels: image.textureMipmaps(colorSpace: .linear), sRGB: false))
        #expect(abs(linear.x - 0.5) < 0.01, "\(linear)")
        #expect(AveragedMaterial.average(levels: [image], sRGB: false) == nil, "no 1×1 level")
    }

    @Test func uvPerMetreIsHowMuchOfTheRepeatALengthOfSurfaceCovers() throws {
        // Two triangles of a 2 m square carrying the whole texture once: half a repeat a metre.
        let square: [Float] = [-1, 0, 1, 1, 0, 1, 1, 0, -1, -1, 0, -1]
        let uv: [Float] = [0, 1, 1, 1, 1, 0, 0, 0]
        let indices: [UInt32] = [0, 1, 2, 0, 2, 3]
        let measured = try #require(GPUResources.uvPerMetre(square, uv, indices: indices))
        #expect(abs(measured - 0.5) < 1e-5)
        // 17 of 20 triangles at 4 a metre and 3 at 1: more than a tenth are at 1, the low figure.
        var positions: [Float] = [], uvs: [Float] = [], many: [UInt32] = []
        for t in 0..<20 {
            let scale: Float = t < 3 ? 1 : 4
            let base = UInt32(positions.count / 3)
            positions += [Float(t), 0, 0, Float(t) + 1, 0, 0, Float(t), 0, 1]
            uvs += [0, 0, scale, 0, 0, scale]
            many += [base, base + 1, base + 2]
        }
        #expect(GPUResources.uvPerMetre(positions, uvs, indices: many) == 1)
        // UV with no area anywhere (every corner on one texel) measures nothing.
        #expect(GPUResources.uvPerMetre(square, [Float](repeating: 0.5, count: 8), indices: indices) == nil)
    }
}

/// The averages in a rendered frame: a far textured floor draws untextured and the same
/// colour as its texture's average; near, it is sampled.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct AveragedMaterialRenderTests {
    /// A 400 m floor whose checker texture (red and green, 2×2 texels, trilinear) repeats
    /// every 2 m, as a material with that texture or with its average as a plain colour.
    static func floor(textured: Bool) throws -> Scene {
        let size: Float = 400
        var p = TestScenes.square(size: size, floor: true)
        p.attributes["TEXCOORD_0"] = DataArray(vec2: [Vec2(0, size / 2), Vec2(size / 2, size / 2), Vec2(size / 2, 0), Vec2(0, 0)])
        var scene = TestScenes.scene([(p, TestScenes.material(.one))], sun: Vec3(0.3, 1, 0.2))
        if textured {
            var rgba: [UInt8] = []
            for y in 0..<2 { for x in 0..<2 { rgba += (x + y) % 2 == 0 ? [255, 0, 0, 255] : [0, 255, 0, 255] } }
            let trilinear = Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear)
            scene.materials[0].baseColorTexture = TextureRef(texture: try TestScenes.texture(&scene, 2, 2, rgba, sampler: trilinear))
        } else {
            // Half of each, in linear light.
            scene.materials[0].baseColorFactor = Vec4(0.5, 0.5, 0, 1)
        }
        return scene
    }

    static func options(height: Float) -> RenderOptions {
        var o = TestScenes.options(128, 72, eye: Vec3(0, height, 150), at: Vec3(0, 0, 0))
        o.fxaa = false
        return o
    }

    /// The floor's batches from `options`' eye.
    static func batches(_ scene: Scene, options: RenderOptions) throws -> [DrawList.Batch] {
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: prepared.bounds, options: options, aspect: 128 / 72)
        return DrawList.collect(prepared, world: prepared.restWorld, frustum: Frustum(camera.viewProjection), eye: camera.eye,
                                scale: camera.screenScale(pixelsHigh: 72)).opaque
    }

    @Test func aFarFloorDrawsWithItsTexturesAverage() throws {
        let scene = try Self.floor(textured: true)
        // From 200 m up the floor's nearest point is 200 m away: a pixel there covers many
        // repeats. From 2 m up, the floor under the eye is sampled.
        let far = try Self.batches(scene, options: Self.options(height: 200))
        #expect(!far.isEmpty && far.allSatisfy { $0.material?.baseColorTexture == nil }, "\(far.map(\.material))")
        let near = try Self.batches(scene, options: Self.options(height: 2))
        #expect(near.contains { $0.material?.baseColorTexture != nil }, "\(near.map { ($0.material?.baseColorTexture, $0.nearest, $0.part, $0.level) })")

        // Averaged, it draws as a plain material of the texture's average in linear light.
        let renderer = try Renderer()
        let averaged = try renderer.render(scene, options: Self.options(height: 200))
        let plain = try renderer.render(try Self.floor(textured: false), options: Self.options(height: 200))
        var worst = 0
        for (a, b) in zip(averaged.samples8, plain.samples8) { worst = max(worst, abs(Int(a) - Int(b))) }
        #expect(worst <= 2, "max difference \(worst)")
        // Near, the checker shows: red and green pixels both.
        let sampled = try renderer.render(scene, options: Self.options(height: 2))
        let bottom = (0..<128).map { rgb(sampled, $0, 70) }
        #expect(bottom.contains { $0.x > $0.y + 40 } && bottom.contains { $0.y > $0.x + 40 }, "\(bottom.prefix(16))")
    }
}
