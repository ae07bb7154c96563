import Testing
@testable import OysterCore

/// Sampler wrap modes (glTF §3.8.4) and KHR_texture_transform.
@Suite struct TextureSamplingTests {
    @Test func repeatWrapsBothWays() {
        #expect((-3...5).map { Sampler.wrapTexel($0, count: 3, mode: Sampler.repeatWrap) } == [0, 1, 2, 0, 1, 2, 0, 1, 2])
    }

    @Test func mirroredRepeatReflectsEveryOtherTile() {
        #expect((-3...8).map { Sampler.wrapTexel($0, count: 3, mode: Sampler.mirroredRepeat) } == [2, 1, 0, 0, 1, 2, 2, 1, 0, 0, 1, 2])
    }

    @Test func clampHoldsTheEdgeTexel() {
        #expect([-5, 0, 2, 9].map { Sampler.wrapTexel($0, count: 3, mode: Sampler.clampToEdge) } == [0, 0, 2, 2])
    }

    @Test func coordinatesWrapIntoTheUnitRange() {
        #expect(Sampler.wrapCoordinate(1.25, mode: Sampler.repeatWrap) == 0.25)
        #expect(Sampler.wrapCoordinate(-0.25, mode: Sampler.repeatWrap) == 0.75)
        #expect(Sampler.wrapCoordinate(1.25, mode: Sampler.mirroredRepeat) == 0.75)
        #expect(Sampler.wrapCoordinate(-0.25, mode: Sampler.mirroredRepeat) == 0.25)
        #expect(Sampler.wrapCoordinate(1.25, mode: Sampler.clampToEdge) == 1)
    }

    @Test func textureTransformScalesRotatesThenOffsets() {
        // Scale (2, 1), rotate 90° (R = [0 1; −1 0]), offset (0.5, 0): (1, 0) → (2, 0) → (0, −2) → (0.5, −2).
        let t = TextureTransform(offset: Vec2(0.5, 0), rotation: .pi / 2, scale: Vec2(2, 1))
        let uv = t.apply(Vec2(1, 0))
        #expect(abs(uv.x - 0.5) < 1e-6 && abs(uv.y + 2) < 1e-6)
    }

    @Test func textureTransformMatrixAgreesWithApply() {
        let t = TextureTransform(offset: Vec2(0.1, -0.3), rotation: 0.7, scale: Vec2(1.5, 0.5))
        let m = t.matrix3x3
        for uv in [Vec2(0, 0), Vec2(1, 0), Vec2(0.3, 0.9)] {
            let expected = t.apply(uv)
            let u = m[0] * uv.x + m[3] * uv.y + m[6], v = m[1] * uv.x + m[4] * uv.y + m[7]
            #expect(abs(u - expected.x) < 1e-6 && abs(v - expected.y) < 1e-6)
        }
    }
}
