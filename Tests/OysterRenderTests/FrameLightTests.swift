import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// A frame's light given as a scene of its own (`Renderer.prepareLight`), ahead of what is drawn.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct FrameLightTests {
    /// A white wall facing +x, lit by its own sun from +x, and sky behind it on the right.
    func wallScene() -> Scene {
        let corners = [Vec3(0, -1, -1), Vec3(0, -1, 1), Vec3(0, 1, 1), Vec3(0, 1, -1)]
        let wall = Primitive(attributes: ["POSITION": DataArray(vec3: corners), "NORMAL": DataArray(vec3: Array(repeating: Vec3(1, 0, 0), count: 4))],
                             indices: DataArray(indices: [0, 2, 1, 0, 3, 2]))
        return TestScenes.scene([(wall, TestScenes.material(Vec4(0.8, 0.8, 0.8, 1)))], sun: Vec3(1, 0.3, 0))
    }

    func environment(sun: Vec3, intensity: Float, sky: Vec3, night: Bool = false) -> Environment {
        Environment(skyColor: sky, horizonColor: sky * 1.2, sunGlowColor: .zero, fogDensity: 0, isNight: night,
                    sunDirection: normalize(sun), sunColor: Vec3(1, 1, 1), sunIntensity: intensity)
    }

    @Test func theLightSceneGivesTheSunAndSkyInsteadOfTheScenesOwn() throws {
        let renderer = try Renderer()
        let wall = renderer.prepare(wallScene())
        // Looking at the wall from +x, a little to the side so the left of the frame is sky.
        var o = TestScenes.options(eye: Vec3(3, 0, 1.2), at: Vec3(0, 0, 1.2))
        o.shadows = false
        func frame(_ light: PreparedScene?) throws -> PixelImage { try renderer.render((light.map { [$0] } ?? []) + [wall], options: o) }
        let own = try frame(nil)
        // A dimmer sky than the scene's own, so the sun's part shows.
        let same = try frame(renderer.prepareLight(environment(sun: Vec3(1, 0.3, 0), intensity: 5, sky: Vec3(0.1, 0.15, 0.3)), units: .unitless))
        let behind = try frame(renderer.prepareLight(environment(sun: Vec3(-1, 0.3, 0), intensity: 5, sky: Vec3(0.1, 0.15, 0.3)), units: .unitless))
        let night = try frame(renderer.prepareLight(environment(sun: Vec3(1, 0.3, 0), intensity: 0.3, sky: Vec3(0.02, 0.03, 0.08), night: true), units: .unitless))
        let lit = rgb(own, 50, 32), litAgain = rgb(same, 50, 32), unlit = rgb(behind, 50, 32), dark = rgb(night, 50, 32)
        #expect(lit.x > 150, "the wall in its own sun: \(lit)")
        #expect(litAgain.x > 150, "the same sun given by the light scene: \(litAgain)")
        // The scene's own sun still shines from +x, but the light scene's is behind the wall.
        #expect(unlit.x < litAgain.x / 2, "the sun moved behind the wall: \(unlit) against \(litAgain)")
        #expect(dark.x < litAgain.x / 3, "night: \(dark)")
        // The sky (left of the wall) is the light scene's.
        let nightSky = rgb(night, 8, 10), daySky = rgb(same, 8, 10), ownSky = rgb(own, 8, 10)
        #expect(nightSky.z + 40 < daySky.z && daySky.z + 40 < ownSky.z, "skies: night \(nightSky), the light scene's day \(daySky), the scene's own \(ownSky)")
    }

    @Test func theSunsIntensityIsReadInTheLightsUnits() throws {
        let renderer = try Renderer()
        let wall = renderer.prepare(wallScene())
        var o = TestScenes.options(eye: Vec3(3, 0, 1.2), at: Vec3(0, 0, 1.2))
        o.shadows = false
        let env = environment(sun: Vec3(1, 0.3, 0), intensity: 2, sky: Vec3(0.1, 0.1, 0.1))
        let unitless = try renderer.render([renderer.prepareLight(env, units: .unitless), wall], options: o)
        // The same number read as photometric lux is 683 times dimmer.
        let photometric = try renderer.render([renderer.prepareLight(env, units: .photometric), wall], options: o)
        #expect(rgb(photometric, 50, 32).x < rgb(unitless, 50, 32).x / 2)
    }

    @Test func aLightSayingTheLampsAreOutPutsOutThePointLightsOfWhatIsDrawn() throws {
        // A grey floor with a point light over its middle, no sun; the frame's light a dark
        // sky whose lamps burn, or not.
        var floor = TestScenes.scene([(TestScenes.square(size: 8, floor: true), TestScenes.material(Vec4(0.6, 0.6, 0.6, 1)))], sun: nil)
        floor.lights = [Light(name: "Lantern", kind: .point, intensity: 20, range: 6)]
        var lamp = Node(name: "Lantern", transform: .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one))
        lamp.light = 0
        floor.nodes.append(lamp)
        floor.roots = [SceneRoot(nodes: Array(floor.nodes.indices))]
        let renderer = try Renderer()
        let prepared = renderer.prepare(floor)
        var o = TestScenes.options(eye: Vec3(0, 9, 0.01), at: .zero)
        o.shadows = false
        func frame(lampsLit: Bool?) throws -> Int {
            var night = environment(sun: Vec3(0, 1, 0), intensity: 0, sky: Vec3(0.01, 0.01, 0.02), night: true)
            night.lampsLit = lampsLit
            let image = try renderer.render([renderer.prepareLight(night, units: .unitless), prepared], options: o)
            let c = rgb(image, 32, 32)
            return c.x + c.y + c.z
        }
        let lit = try frame(lampsLit: true), unsaid = try frame(lampsLit: nil), out = try frame(lampsLit: false)
        #expect(lit > out + 150 && unsaid == lit, "under the lantern: lit \(lit), not said \(unsaid), out \(out)")
    }

    /// A lit window's glass glows only while the frame's lamps burn; a fire's emission always.
    @Test func glassThatGlowsWithTheLampsIsPutOutWithThem() throws {
        var glass = TestScenes.material(Vec4(0.1, 0.1, 0.1, 1))
        glass.emissiveFactor = Vec3(1, 0.7, 0.4)
        glass.emissiveStrength = 3
        glass.emissionShines = .whileLampsLit
        var fire = glass
        fire.emissionShines = .always
        let renderer = try Renderer()
        var o = TestScenes.options(eye: Vec3(0, 9, 0.01), at: .zero)
        o.shadows = false
        func centre(_ material: Material, lampsLit: Bool?) throws -> Int {
            let floor = renderer.prepare(TestScenes.scene([(TestScenes.square(size: 8, floor: true), material)], sun: nil))
            var night = environment(sun: Vec3(0, 1, 0), intensity: 0, sky: Vec3(0.01, 0.01, 0.02), night: true)
            night.lampsLit = lampsLit
            let c = rgb(try renderer.render([renderer.prepareLight(night, units: .unitless), floor], options: o), 32, 32)
            return c.x + c.y + c.z
        }
        let lit = try centre(glass, lampsLit: true), unsaid = try centre(glass, lampsLit: nil), out = try centre(glass, lampsLit: false)
        #expect(lit > 300 && unsaid == lit, "the window glows while the lamps burn: \(lit), not said \(unsaid)")
        #expect(out < 60, "and not once they are out: \(out)")
        #expect(try centre(fire, lampsLit: false) == lit, "a fire burns whatever the lamps")
    }
}
