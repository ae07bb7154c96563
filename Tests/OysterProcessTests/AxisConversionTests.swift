import OysterCore
import Testing
@testable import OysterProcess

@Suite struct AxisConversionTests {
    func scene() -> Scene {
        var s = sceneWith([gridPrimitive(2)], transforms: [.trs(translation: Vec3(1, 2, 3), rotation: Quat(angle: 0.3, axis: Vec3(0, 1, 0)), scale: .one)])
        s.nodes[0].children = [1]
        s.nodes.append(Node(name: "child", transform: .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one), mesh: 0))
        s.cameras = [Camera(projection: .perspective(yfov: 1, aspectRatio: nil, znear: 0.1, zfar: 100))]
        s.lights = [Light(kind: .point, range: 5)]
        s.nodes[1].camera = 0
        s.nodes[1].light = 0
        return s
    }

    @Test func yUpToZUpRotatesWorldGeometry() {
        var s = scene()
        let before = worldTriangles(s)
        s.convertAxes(AxisConversionOptions(from: .y, to: .z))
        let after = worldTriangles(s)
        #expect(before.count == after.count)
        for (a, b) in zip(before, after) {
            for (p, q) in zip(a, b) { #expect(close(Vec3(p.x, -p.z, p.y), q)) }
        }
        // The camera turns with the world: its forward (-Z local) maps like the geometry.
        let w = s.worldMatrices()[1]
        let fwd = normalize(w.transformDirection(Vec3(0, 0, -1)))
        let wb = scene().worldMatrices()[1]
        let fb = normalize(wb.transformDirection(Vec3(0, 0, -1)))
        #expect(close(fwd, Vec3(fb.x, -fb.z, fb.y)))
    }

    @Test func roundTripRestoresTheScene() {
        var s = scene()
        s.convertAxes(AxisConversionOptions(from: .y, to: .z))
        s.convertAxes(AxisConversionOptions(from: .z, to: .y))
        for (a, b) in zip(worldTriangles(s), worldTriangles(scene())) {
            for (p, q) in zip(a, b) { #expect(close(p, q)) }
        }
    }

    @Test func unitScaleScalesLengthsEverywhere() throws {
        var s = scene()
        let before = worldTriangles(s)
        s.convertAxes(AxisConversionOptions(unitScale: AxisConversionOptions.metresToCentimetres))
        for (a, b) in zip(before, worldTriangles(s)) {
            for (p, q) in zip(a, b) { #expect(close(p * 100, q, 1e-2)) }
        }
        guard case .perspective(_, _, let n, let f) = s.cameras[0].projection else { Issue.record("projection changed kind"); return }
        #expect(abs(n - 10) < 1e-4)
        #expect(abs(try #require(f) - 10000) < 1e-2)
        #expect(s.lights[0].range == 500)
    }

    @Test func animatedRootKeyframesAreRotated() throws {
        var s = scene()
        s.animations = [Animation(channels: [AnimationChannel(sampler: 0, node: 0, path: .translation)], samplers: [
            AnimationSampler(input: DataArray(floats: [0], elementType: .scalar), output: DataArray(vec3: [Vec3(0, 1, 0)])),
        ])]
        s.convertAxes(AxisConversionOptions(from: .y, to: .z, unitScale: 2))
        let out = try #require(s.animations.first?.samplers.first?.output)
        #expect(close(out.vec3(0), Vec3(0, 0, 2)))
    }
}

@Suite struct AxisConversionMatrixTests {
    @Test func matrixRootsAndOrphansAreRotatedToo() {
        var s = sceneWith([gridPrimitive(1), gridPrimitive(1)], transforms: [
            .matrix(Mat4(translation: Vec3(1, 0, 0), rotation: .identity, scale: Vec3(2, 2, 2))), .identity,
        ])
        s.roots = []  // no scenes: every parentless node is a root
        let before = worldTriangles(s)
        s.convertAxes(AxisConversionOptions(from: .y, to: .z))
        for (a, b) in zip(before, worldTriangles(s)) { for (p, q) in zip(a, b) { #expect(close(Vec3(p.x, -p.z, p.y), q)) } }
    }
}
