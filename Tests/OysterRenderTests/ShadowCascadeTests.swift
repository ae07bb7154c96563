import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// Sun shadow cascades are spheres round the eye that move in whole steps, so turning the
/// camera or a small step reuses the cached depth of still casters.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct ShadowCascadeTests {
    /// A floor with a few boxes on it under a morning sun: nothing moves.
    static let scene = TestScenes.scene([
        (TestScenes.square(size: 60, floor: true), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1))),
        (TestScenes.square(centre: Vec3(-3, 1, -4), size: 2, floor: true), TestScenes.material(Vec4(0.2, 0.2, 0.8, 1))),
        (TestScenes.square(centre: Vec3(4, 1.5, -2), size: 2, floor: true), TestScenes.material(Vec4(0.8, 0.2, 0.2, 1))),
    ], sun: Vec3(0.4, 1, 0.3))

    @Test func turningTheCameraRedrawsNoStillCaster() throws {
        let renderer = try Renderer()
        let prepared = renderer.prepare(Self.scene)
        let eye = Vec3(0, 3, 6)
        _ = try renderer.render(prepared, options: TestScenes.options(96, 64, eye: eye, at: .zero))
        #expect(renderer.statistics.shadowTriangles > 0, "the first frame draws the casters")
        let turned = TestScenes.options(96, 64, eye: eye, at: Vec3(-6, 0, 2))
        let cached = try renderer.render(prepared, options: turned)
        #expect(renderer.statistics.shadowTriangles == 0, "a turn keeps every cascade's view")
        // The cache gives the pixels a fresh renderer draws.
        #expect(cached.samples8 == (try Renderer().render(Self.scene, options: turned)).samples8)
    }

    @Test func cascadesNearerThanAnythingInViewAreNotDrawn() throws {
        // Looking up at the sky from 30 m above the boxes: their shadows fall within the
        // cascades round the eye, but nothing in view is there to receive them, so no caster
        // is drawn, and the frame is the one without shadows.
        let renderer = try Renderer()
        let prepared = renderer.prepare(Self.scene)
        var options = TestScenes.options(96, 64, eye: Vec3(0, 30, 0), at: Vec3(0, 100, 10))
        let sky = try renderer.render(prepared, options: options)
        #expect(renderer.statistics.shadowTriangles == 0)
        #expect(renderer.statistics.triangles == 0, "nothing is in view")
        options.shadows = false
        #expect(try renderer.render(prepared, options: options).samples8 == sky.samples8)
        // Looking down at them from there draws their casters.
        let fresh = try Renderer()
        _ = try fresh.render(fresh.prepare(Self.scene), options: TestScenes.options(96, 64, eye: Vec3(0, 30, 0), at: Vec3(0, 0, -10)))
        #expect(fresh.statistics.shadowTriangles > 0)
    }

    @Test func walkingFarEnoughRedrawsTheNearCascade() throws {
        let renderer = try Renderer()
        let prepared = renderer.prepare(Self.scene)
        _ = try renderer.render(prepared, options: TestScenes.options(96, 64, eye: Vec3(0, 3, 6), at: .zero))
        let moved = TestScenes.options(96, 64, eye: Vec3(0, 3, -6), at: Vec3(0, 0, -12))
        let frame = try renderer.render(prepared, options: moved)
        #expect(renderer.statistics.shadowTriangles > 0, "12 m is more than the near cascade's step")
        #expect(frame.samples8 == (try Renderer().render(Self.scene, options: moved)).samples8)
    }
}
