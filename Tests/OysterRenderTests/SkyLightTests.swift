import OysterCore
@testable import OysterRender
import Testing

/// The sky a generated world describes (overhead, horizon, the glow towards a low sun) and
/// the light a low sun gives.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct SkyLightTests {
    /// `scene` with a described sky: dusk's colours, and the glow when `glow`.
    func withDuskSky(_ scene: Scene, glow: Bool) -> Scene {
        var scene = scene
        scene.asset.environment = Environment(skyColor: Vec3(0.15, 0.2, 0.45), horizonColor: Vec3(0.3, 0.2, 0.25),
                                              sunGlowColor: glow ? Vec3(0.9, 0.4, 0.1) : .zero, isNight: false)
        return scene
    }

    /// A small floor far below the eye, so the frame is sky; the sun low in the east (+x).
    func skyScene() -> Scene {
        TestScenes.scene([(TestScenes.square(centre: Vec3(0, -40, 0), size: 1, floor: true), TestScenes.material(.one))], sun: Vec3(1, 0.05, 0))
    }

    @Test func aLowSunsGlowWarmsTheHorizonOnItsSideAndNotOpposite() throws {
        let renderer = try Renderer()
        func horizon(_ scene: Scene, looking x: Float) throws -> SIMD3<Int> {
            // 40° to the side of the sun (or of the point opposite), 2° up.
            let dir = Vec3(x * 0.766, 0.035, 0.643)
            return rgb(try renderer.render(scene, options: TestScenes.options(eye: .zero, at: dir * 10)), 32, 32)
        }
        let glowing = withDuskSky(skyScene(), glow: true), flat = withDuskSky(skyScene(), glow: false)
        let towardsGlow = try horizon(glowing, looking: 1), towardsFlat = try horizon(flat, looking: 1)
        let awayGlow = try horizon(glowing, looking: -1), awayFlat = try horizon(flat, looking: -1)
        #expect(towardsGlow.x > towardsFlat.x + 30 && towardsGlow.x - towardsGlow.z > towardsFlat.x - towardsFlat.z + 20,
                "towards the sun: with glow \(towardsGlow), without \(towardsFlat)")
        #expect(abs(awayGlow.x - awayFlat.x) <= 2 && abs(awayGlow.z - awayFlat.z) <= 2, "away: \(awayGlow) vs \(awayFlat)")
    }

    @Test func theGlowLightsWallsThatFaceTheSunAndNotThoseBehind() throws {
        // Two white walls side by side, one facing the sun's side (+x), one facing away (−x);
        // the sun itself gives no light, so only the sky's does.
        func wall(facing x: Float, at z: Float) -> Primitive {
            let n = Vec3(x, 0, 0)
            let corners = [Vec3(0, -1, z - 1), Vec3(0, -1, z + 1), Vec3(0, 1, z + 1), Vec3(0, 1, z - 1)]
            let indices: [UInt32] = x > 0 ? [0, 2, 1, 0, 3, 2] : [0, 1, 2, 0, 2, 3]
            return Primitive(attributes: ["POSITION": DataArray(vec3: corners), "NORMAL": DataArray(vec3: Array(repeating: n, count: 4))],
                             indices: DataArray(indices: indices))
        }
        func render(glow: Bool, facing x: Float) throws -> SIMD3<Int> {
            var scene = TestScenes.scene([(wall(facing: x, at: 0), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1)))], sun: Vec3(1, 0.05, 0))
            scene.lights[0].intensity = 0
            scene = withDuskSky(scene, glow: glow)
            return rgb(try Renderer().render(scene, options: TestScenes.options(eye: Vec3(x * 3, 0, 0), at: .zero)), 32, 32)
        }
        let facing = try render(glow: true, facing: 1), facingFlat = try render(glow: false, facing: 1)
        let behind = try render(glow: true, facing: -1), behindFlat = try render(glow: false, facing: -1)
        #expect(facing.x > facingFlat.x + 15 && facing.x - facing.z > facingFlat.x - facingFlat.z + 10, "facing the glow \(facing), without it \(facingFlat)")
        #expect(abs(behind.x - behindFlat.x) <= 3, "facing away \(behind), without it \(behindFlat)")
    }

    @Test func aSurfaceTurnedAwayFromTheSunStillCastsItsShadow() throws {
        // A one-sided square 1 m over the floor with its front facing down, as terrain rising
        // to the world's edge shows its back to a low sun: it still shadows the floor.
        let corners = [Vec3(-0.5, 1, 0.5), Vec3(0.5, 1, 0.5), Vec3(0.5, 1, -0.5), Vec3(-0.5, 1, -0.5)]
        let underside = Primitive(attributes: ["POSITION": DataArray(vec3: corners), "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, -1, 0), count: 4))],
                                  indices: DataArray(indices: [0, 2, 1, 0, 3, 2]))
        let scene = TestScenes.scene([
            (TestScenes.square(size: 8, floor: true), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1))),
            (underside, TestScenes.material(Vec4(0.8, 0.2, 0.2, 1))),
        ], sun: Vec3(0, 1, 0))
        let options = TestScenes.options(96, 64, eye: Vec3(0, 5, 5), at: .zero)
        let image = try Renderer().render(scene, options: options)
        let camera = try FrameCamera.resolve(scene, world: scene.worldMatrices(), bounds: scene.worldBounds(), options: options, aspect: 96.0 / 64.0)
        func at(_ p: Vec3) -> SIMD3<Int> {
            let ndc = camera.viewProjection.projectPoint(p)
            return rgb(image, Int((ndc.x * 0.5 + 0.5) * 96), Int((0.5 - ndc.y * 0.5) * 64))
        }
        // From above the square's back is culled, so the floor under it is seen.
        let shadowed = at(Vec3(0, 0, 0.2)), lit = at(Vec3(2.5, 0, 0.2))
        #expect(shadowed.x + 40 < lit.x, "under the square \(shadowed), beside it \(lit)")
    }
}
