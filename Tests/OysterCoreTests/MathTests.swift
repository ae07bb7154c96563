import Testing
@testable import OysterCore

@Suite struct MathTests {
    @Test func trsMatrixDecomposesBackToItsParts() throws {
        let q = Quat(angle: 0.7, axis: Vec3(1, 2, 3))
        let m = Mat4(translation: Vec3(1, -2, 3), rotation: q, scale: Vec3(2, 3, 0.5))
        let d = try #require(m.decomposed())
        #expect(abs(d.translation.x - 1) < 1e-5 && abs(d.translation.y + 2) < 1e-5)
        #expect(abs(d.scale.y - 3) < 1e-4)
        #expect(abs(abs(dot(d.rotation.vector, q.vector)) - 1) < 1e-4)
    }

    @Test func shearedMatrixIsNotDecomposable() {
        var m = Mat4.identity
        m[0, 1] = 0.5
        #expect(m.decomposed() == nil)
    }

    @Test func inverseTimesMatrixIsIdentity() throws {
        let m = Mat4(translation: Vec3(4, 5, 6), rotation: Quat(angle: 1.1, axis: Vec3(0, 1, 0)), scale: Vec3(2, 2, 2))
        let p = (try #require(m.inverse)) * m
        for i in 0..<16 { #expect(abs(p.m[i] - Mat4.identity.m[i]) < 1e-5) }
    }

    @Test func quaternionRotatesVector() {
        let q = Quat(angle: .pi / 2, axis: Vec3(0, 0, 1))
        let v = q.rotate(Vec3(1, 0, 0))
        #expect(abs(v.y - 1) < 1e-6 && abs(v.x) < 1e-6)
    }
}
