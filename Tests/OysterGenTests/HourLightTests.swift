import OysterCore
@testable import OysterGen
import Testing

/// The light of the hours: sun path, sunlight, sky and ambient, and what prompts ask for.
@Suite struct HourLightTests {
    static func hour(_ name: String) throws -> Float { try #require(TimeOfDayName.hours[name]) }
    static func sky(_ name: String, _ weather: Weather = .clear) throws -> Sky { Sky(hour: try hour(name), weather: weather) }

    func luminance(_ c: Vec3) -> Float { 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z }
    /// What a surface facing up gets from the sky, as oyster-render and render.py compute it.
    func ambient(_ s: Sky) -> Vec3 { s.skyColor * 0.8 + s.horizonColor * 0.2 + s.sunGlowColor * 0.042 }

    @Test func theSunIsOnTheHorizonInTheEastAtDawnAndInTheWestAtDusk() throws {
        let (dawn, dawnSine) = Sky.sunPosition(hour: try Self.hour("dawn"))
        let (dusk, duskSine) = Sky.sunPosition(hour: try Self.hour("dusk"))
        #expect(abs(Sky.degrees(dawnSine)) < 2, "dawn sun \(Sky.degrees(dawnSine))°")
        #expect(abs(Sky.degrees(duskSine)) < 2, "dusk sun \(Sky.degrees(duskSine))°")
        // East is +x: mostly east at dawn, mostly west at dusk.
        #expect(dawn.x > 0.8, "dawn \(dawn)")
        #expect(dusk.x < -0.8, "dusk \(dusk)")
        // Sunrise and sunset (golden hour) a few degrees up, noon high in the south (−z).
        let sunset = Sky.degrees(Sky.sunPosition(hour: try Self.hour("sunset")).1)
        #expect((3...10).contains(sunset), "sunset \(sunset)°")
        let (noon, noonSine) = Sky.sunPosition(hour: try Self.hour("noon"))
        #expect(Sky.degrees(noonSine) > 45 && Sky.degrees(noonSine) < 70 && noon.z < 0, "noon \(noon)")
        // Night: far below the horizon.
        #expect(Sky.degrees(Sky.sunPosition(hour: try Self.hour("night")).1) < -15)
    }

    @Test func theSunRisesUntilNoonAndSinksAfterIt() {
        var previous = -Float.infinity
        for k in 0...13 {
            let e = Sky.sunPosition(hour: 6 + Float(k) * 0.5).1
            #expect(e > previous, "at \(6 + Float(k) * 0.5) h")
            previous = e
        }
        for k in 0...13 {
            let e = Sky.sunPosition(hour: 13 + Float(k) * 0.5).1
            #expect(e < previous, "at \(13 + Float(k) * 0.5) h")
            previous = e
        }
    }

    @Test func aLowSunIsRedderAndDimmerThanTheNoonSun() throws {
        let noon = try Self.sky("noon"), sunset = try Self.sky("sunset"), dusk = try Self.sky("dusk")
        func redOverBlue(_ s: Sky) -> Float { s.sunColor.x / max(s.sunColor.z, 1e-6) }
        #expect(redOverBlue(noon) < 1.2, "noon \(noon.sunColor)")
        #expect(redOverBlue(sunset) > 3 * redOverBlue(noon), "sunset \(sunset.sunColor)")
        #expect(redOverBlue(dusk) > 10 * redOverBlue(noon), "dusk \(dusk.sunColor)")
        #expect(sunset.sunIntensity < 0.7 * noon.sunIntensity, "sunset \(sunset.sunIntensity), noon \(noon.sunIntensity)")
        #expect(dusk.sunIntensity < 0.1 * noon.sunIntensity, "dusk \(dusk.sunIntensity), noon \(noon.sunIntensity)")
    }

    @Test func sunlightFadesStepByStepThroughTheEvening() {
        var previous = Float.infinity
        for k in 0...14 {
            let t = 12.7 + Float(k) * 0.5
            let s = Sky(hour: t, weather: .clear)
            guard !s.isNight else { break }
            #expect(s.sunIntensity < previous, "at \(t) h: \(s.sunIntensity)")
            previous = s.sunIntensity
        }
    }

    @Test func theSkyAndItsAmbientDarkenFromNoonToDuskToNight() throws {
        let noon = try Self.sky("noon"), dusk = try Self.sky("dusk"), night = try Self.sky("night")
        #expect(luminance(noon.skyColor) > 1.5 * luminance(dusk.skyColor))
        #expect(luminance(dusk.skyColor) > 3 * luminance(night.skyColor))
        #expect(luminance(noon.horizonColor) > luminance(dusk.horizonColor) && luminance(dusk.horizonColor) > luminance(night.horizonColor))
        let a = [noon, dusk, night].map { luminance(ambient($0)) }
        #expect(a[0] > 1.5 * a[1] && a[1] > 3 * a[2], "ambient noon, dusk, night: \(a)")
        // The night's ambient is blue and low.
        let n = ambient(night)
        #expect(n.z > 1.5 * n.x && n.z > 1.5 * n.y && n.z < 0.15, "night ambient \(n)")
    }

    @Test func theHorizonGlowsWarmTowardsALowSunAndTheDaySkyIsBlue() throws {
        let noon = try Self.sky("noon"), dusk = try Self.sky("dusk"), dawn = try Self.sky("dawn"), night = try Self.sky("night")
        #expect(noon.skyColor.z > 1.5 * noon.skyColor.x && noon.horizonColor.z > noon.horizonColor.x, "noon \(noon.skyColor) \(noon.horizonColor)")
        #expect(noon.sunGlowColor == .zero && night.sunGlowColor == .zero)
        for s in [dusk, dawn] {
            // The glow on the sun's side is orange; the sky overhead stays blue.
            #expect(s.sunGlowColor.x > 2 * s.sunGlowColor.z && luminance(s.sunGlowColor) > 0.2, "glow \(s.sunGlowColor)")
            let towardsSun = s.horizonColor + s.sunGlowColor
            #expect(towardsSun.x > towardsSun.z, "horizon towards the sun \(towardsSun)")
            #expect(s.skyColor.z > s.skyColor.x, "overhead \(s.skyColor)")
        }
    }

    @Test func theMoonLightsTheNightFromHighInTheSky() throws {
        for t: Float in [20.5, 22.5, 0, 3, 5.5] {
            let s = Sky(hour: t, weather: .clear)
            #expect(s.isNight, "at \(t) h")
            #expect(Sky.degrees(s.sunDirection.y) > 20, "moon at \(t) h: \(s.sunDirection)")
            #expect(s.sunColor.z > s.sunColor.x && s.sunIntensity < 0.2 * Sky.noonIntensity)
        }
    }

    @Test func promptsAndRecipeNamesGiveTheSameHours() throws {
        for (words, name) in [("at dusk", "dusk"), ("at dawn", "dawn"), ("at night", "night"), ("at noon", "noon"), ("at sunset", "sunset"), ("at sunrise", "sunrise")] {
            let r = PromptInterpreter.interpret("a quiet valley village \(words)").recipe
            #expect(r.timeOfDay == (try Self.hour(name)), "\(words)")
        }
        let dusk = PromptInterpreter.interpret("a quiet valley village at dusk").recipe
        #expect(!dusk.isNight && dusk.lampsLit)
        let night = PromptInterpreter.interpret("a quiet valley village at night").recipe
        #expect(night.isNight && night.lampsLit)
        let noon = PromptInterpreter.interpret("a quiet valley village at noon").recipe
        #expect(!noon.isNight && !noon.lampsLit)
        let golden = PromptInterpreter.interpret("a village in the golden hour").recipe
        #expect((8...14).contains(Sky.degrees(Sky.sunPosition(hour: golden.timeOfDay).1)) && !golden.lampsLit)
    }

    @Test func lampsAndLitWindowsComeOnAtDuskAndAreOffAtNoon() throws {
        func world(_ hour: String) throws -> Scene {
            var r = smallRecipe("a village with lanterns", seed: 3)
            r.timeOfDay = try Self.hour(hour)
            return WorldGenerator.generate(r)
        }
        let dusk = try world("dusk"), noon = try world("noon")
        #expect(dusk.lights.contains { $0.kind == .point }, "dusk has lamps")
        #expect(!noon.lights.contains { $0.kind == .point }, "noon has none")
        #expect(dusk.materials.contains { $0.name == "glass" && $0.emissiveFactor != .zero })
        #expect(!noon.materials.contains { $0.name == "glass" && $0.emissiveFactor != .zero })
    }

    @Test func theGeneratedFileRecordsTheSkyOverheadAtTheHorizonAndItsGlow() throws {
        var r = smallRecipe(seed: 2)
        r.timeOfDay = try Self.hour("dusk")
        let scene = WorldGenerator.generate(r)
        let env = try #require(scene.asset.environment)
        let sky = Sky(recipe: r)
        #expect(env.skyColor == sky.skyColor && env.horizonColor == sky.horizonColor && env.sunGlowColor == sky.sunGlowColor)
        #expect(env.timeOfDay == r.timeOfDay && env.isNight == false)
        // The file's sun is the sky's: red, faint and low in the west.
        let sun = try #require(scene.lights.first { $0.kind == .directional })
        #expect(sun.color == sky.sunColor && sun.color.x > 5 * sun.color.y)
    }
}
