#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import OysterCore

/// Projection matrices of glTF 2.0 §3.10.3 and a look-at view matrix.
@Suite struct CameraMatrixTests {
    static func close(_ a: Vec3, _ b: Vec3, _ tolerance: Float = 1e-4) -> Bool {
        abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance && abs(a.z - b.z) <= tolerance
    }

    @Test func perspectiveMatchesTheSpecFormula() {
        let m = Mat4.perspective(yfov: 1, aspectRatio: 2, znear: 0.5, zfar: 100)
        let f = 1 / tanf(0.5)
        #expect(abs(m[0, 0] - f / 2) < 1e-6 && abs(m[1, 1] - f) < 1e-6)
        #expect(abs(m[2, 2] - (100.5 / -99.5)) < 1e-6 && abs(m[2, 3] - (2 * 100 * 0.5 / -99.5)) < 1e-6)
        #expect(m[3, 2] == -1 && m[3, 3] == 0)
    }

    @Test func perspectiveMapsNearAndFarPlanesToClipDepthEnds() {
        let m = Mat4.perspective(yfov: 0.8, aspectRatio: 1.5, znear: 0.1, zfar: 50)
        #expect(abs(m.projectPoint(Vec3(0, 0, -0.1)).z + 1) < 1e-4)
        #expect(abs(m.projectPoint(Vec3(0, 0, -50)).z - 1) < 1e-4)
        // The top edge of the view at distance d is at y = d·tan(yfov/2).
        #expect(abs(m.projectPoint(Vec3(0, 10 * tanf(0.4), -10)).y - 1) < 1e-4)
    }

    @Test func infinitePerspectiveApproachesTheFarEnd() {
        let m = Mat4.perspective(yfov: 1, aspectRatio: 1, znear: 1, zfar: nil)
        #expect(m[2, 2] == -1 && m[2, 3] == -2)
        #expect(abs(m.projectPoint(Vec3(0, 0, -1)).z + 1) < 1e-5)
        #expect(m.projectPoint(Vec3(0, 0, -1e6)).z > 0.9999)
    }

    @Test func orthographicMapsTheViewBoxToTheUnitCube() {
        let m = Mat4.orthographic(xmag: 4, ymag: 2, znear: 1, zfar: 11)
        #expect(Self.close(m.projectPoint(Vec3(4, 2, -1)), Vec3(1, 1, -1)))
        #expect(Self.close(m.projectPoint(Vec3(-4, -2, -11)), Vec3(-1, -1, 1)))
    }

    @Test func cameraUsesItsOwnAspectRatioOrTheViewports() {
        let own = Camera(projection: .perspective(yfov: 1, aspectRatio: 2, znear: 1, zfar: 10))
        let none = Camera(projection: .perspective(yfov: 1, aspectRatio: nil, znear: 1, zfar: 10))
        #expect(own.projectionMatrix(aspectRatio: 4) == .perspective(yfov: 1, aspectRatio: 2, znear: 1, zfar: 10))
        #expect(none.projectionMatrix(aspectRatio: 4) == .perspective(yfov: 1, aspectRatio: 4, znear: 1, zfar: 10))
    }

    @Test func lookAtPutsTheEyeAtTheOriginAndTheTargetDownMinusZ() {
        let view = Mat4.lookAt(eye: Vec3(3, 4, 5), target: Vec3(3, 4, 0))
        #expect(Self.close(view.transformPoint(Vec3(3, 4, 5)), .zero))
        #expect(Self.close(view.transformPoint(Vec3(3, 4, 0)), Vec3(0, 0, -5)))
        #expect(Self.close(view.transformPoint(Vec3(3, 5, 5)), Vec3(0, 1, 0)))
    }

    @Test func lookAtIsTheInverseOfTheCameraNodesWorldMatrix() throws {
        // A glTF camera node turned 90° about Y looks down world −X.
        let node = Mat4(translation: Vec3(1, 2, 3), rotation: Quat(angle: .pi / 2, axis: Vec3(0, 1, 0)), scale: .one)
        let view = Mat4.lookAt(eye: Vec3(1, 2, 3), target: Vec3(0, 2, 3))
        let expected = try #require(node.inverse)
        for i in 0..<16 { #expect(abs(view.m[i] - expected.m[i]) < 1e-5) }
    }

    @Test func degenerateLookAtGivesIdentity() {
        #expect(Mat4.lookAt(eye: .one, target: .one) == .identity)
        #expect(Mat4.lookAt(eye: .zero, target: Vec3(0, 5, 0), up: Vec3(0, 1, 0)) == .identity)
    }
}
