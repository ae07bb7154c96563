import OysterCore
import OysterImage
@testable import OysterRender
import OysterTestSupport
import Testing

/// Renderers share a thread without sharing a context.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct ContextTests {
    /// A second renderer made (and dropped) between a first one's frames: each draws its own,
    /// and the first's frames stay what they were (its calls went to the newer context, or to
    /// none once that was destroyed, and came back blank).
    @Test func twoRenderersOnOneThreadEachDrawTheirOwnFrames() throws {
        let scene = TestScenes.scene([(TestScenes.square(size: 4, floor: true), TestScenes.material(Vec4(0.8, 0.3, 0.2, 1)))])
        let options = TestScenes.options(64, 48, eye: Vec3(0, 4, 4), at: .zero)
        let first = try Renderer()
        let prepared = first.prepare(scene)
        let before = try first.render(prepared, options: options)
        #expect(before.samples8.contains { $0 != 0 })
        var second: Renderer? = try Renderer()
        let other = try second!.render(scene, options: options)
        #expect(try first.render(prepared, options: options).samples8 == before.samples8)
        second = nil
        #expect(try first.render(prepared, options: options).samples8 == before.samples8)
        #expect(other.samples8 == before.samples8)
    }
}
