import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// The deferred pass lights the same picture as drawing forward.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct DeferredLightingTests {
    func difference(_ a: PixelImage, _ b: PixelImage) -> (mean: Double, max: Int) {
        var sum = 0, worst = 0
        for (x, y) in zip(a.samples8, b.samples8) {
            let d = abs(Int(x) - Int(y))
            sum += d
            worst = max(worst, d)
        }
        return (Double(sum) / Double(a.samples8.count), worst)
    }

    func bothWays(_ scene: Scene, _ options: RenderOptions) throws -> (PixelImage, PixelImage) {
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        var forward = options
        forward.deferred = false
        return (try renderer.render(prepared, options: options), try renderer.render(prepared, options: forward))
    }

    @Test func aSunlitShadowedSceneLooksTheSame() throws {
        var metal = TestScenes.material(Vec4(0.9, 0.8, 0.5, 1), metallic: 1, roughness: 0.3)
        metal.emissiveFactor = Vec3(0.05, 0, 0)
        let scene = TestScenes.scene([
            (TestScenes.square(size: 20, floor: true), TestScenes.material(Vec4(0.7, 0.7, 0.7, 1))),
            (TestScenes.square(centre: Vec3(0, 1.5, 0), size: 2, floor: true), metal),
            (ImpostorTests.ball(r: 1), TestScenes.material(Vec4(0.2, 0.5, 0.9, 1), roughness: 0.5)),
        ], sun: Vec3(0.4, 1, 0.3))
        let (deferred, forward) = try bothWays(scene, TestScenes.options(160, 96, eye: Vec3(4, 5, 8), at: Vec3(0, 0.5, 0)))
        let d = difference(deferred, forward)
        #expect(d.mean < 0.5 && d.max <= 24, "mean \(d.mean), max \(d.max)")
        #expect(Set(deferred.samples8).count > 50, "a lit picture, not a blank frame")
    }

    @Test func unlitAndSpotLitMaterialsLookTheSame() throws {
        var unlit = TestScenes.material(Vec4(1, 0.2, 0.2, 1))
        unlit.unlit = true
        var scene = TestScenes.scene([
            (TestScenes.square(size: 20, floor: true), TestScenes.material(Vec4(0.7, 0.7, 0.7, 1))),
            (TestScenes.square(centre: Vec3(-2, 1, 0), size: 1.5), unlit),
        ], sun: nil)
        scene.lights.append(Light(name: "Spot", kind: .spot(innerConeAngle: 0.2, outerConeAngle: 0.5), color: Vec3(1, 0.9, 0.7), intensity: 40, range: 20))
        var spot = Node(name: "Spot", transform: .trs(translation: Vec3(1, 4, 0), rotation: TestScenes.rotation(from: Vec3(0, 0, -1), to: Vec3(0, -1, 0)), scale: .one))
        spot.light = scene.lights.count - 1
        scene.nodes.append(spot)
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        let (deferred, forward) = try bothWays(scene, TestScenes.options(160, 96, eye: Vec3(0, 6, 9), at: .zero))
        let d = difference(deferred, forward)
        #expect(d.mean < 0.5 && d.max <= 24, "mean \(d.mean), max \(d.max)")
        #expect(Set(deferred.samples8).count > 50, "a lit picture, not a blank frame")
    }

    /// The G-buffer packs each pixel's inputs into 128 bits (`Shaders.gBufferPacking`): an
    /// emission far past white (KHR_materials_emissive_strength, seen three stops down), a
    /// near-black and a white base, a mirror and a fully rough metal must come back as they
    /// went in.
    @Test func packedInputsKeepTheirRange() throws {
        var glowing = TestScenes.material(Vec4(0.02, 0.02, 0.02, 1))
        glowing.emissiveFactor = Vec3(1, 0.4, 0.05)
        glowing.emissiveStrength = 12
        let scene = TestScenes.scene([
            (TestScenes.square(size: 20, floor: true), TestScenes.material(Vec4(0.004, 0.004, 0.004, 1))),
            (TestScenes.square(centre: Vec3(-2.5, 1, 0), size: 1.5), glowing),
            (TestScenes.square(centre: Vec3(0, 1, 0), size: 1.5), TestScenes.material(Vec4(1, 1, 1, 1), metallic: 1, roughness: 0.03)),
            (TestScenes.square(centre: Vec3(2.5, 1, 0), size: 1.5), TestScenes.material(Vec4(0.95, 0.6, 0.3, 1), metallic: 1, roughness: 1)),
        ], sun: Vec3(0.3, 1, 0.6))
        var options = TestScenes.options(160, 96, eye: Vec3(0, 3, 8), at: Vec3(0, 0.8, 0))
        options.exposure = -3
        let (deferred, forward) = try bothWays(scene, options)
        let d = difference(deferred, forward)
        #expect(d.mean < 0.5 && d.max <= 8, "mean \(d.mean), max \(d.max)")
        // The emissive square, three stops down, still shows its twelvefold glow: bright orange
        // (without the strength it would be red 90 of 255).
        var glow = 0
        for y in 0..<96 {
            for x in 0..<80 {
                let i = (y * 160 + x) * 4
                let (r, b) = (Int(deferred.samples8[i]), Int(deferred.samples8[i + 2]))
                if r > 200 && r > 2 * b { glow += 1 }
            }
        }
        #expect(glow > 100, "\(glow) bright orange pixels")
    }
}
