import OysterCore
import OysterJSON
import Testing
@testable import OysterProcess

@Suite struct LightUnitsTests {
    func scene(units: String?) -> Scene {
        var s = Scene()
        s.lights = [Light(kind: .directional, intensity: 3415), Light(kind: .point, intensity: 683)]
        if let units { s.asset.extras = ["lightUnits": .string(units), "seed": 4] }
        return s
    }

    @Test func photometricToUnitlessDividesByBlendersLumensPerWattAndRecordsIt() {
        var s = scene(units: "photometric")
        let report = s.convertLights(to: .unitless)
        #expect(abs(s.lights[0].intensity - 5) < 1e-4)
        #expect(abs(s.lights[1].intensity - 1) < 1e-5)
        #expect(s.lightUnits == .unitless)
        #expect(s.asset.extras?["seed"] == 4)
        #expect(report.figures["lightsScaled"] == 2)
        // And back again.
        _ = s.convertLights(to: .photometric)
        #expect(abs(s.lights[0].intensity - 3415) < 0.05)
        #expect(s.lightUnits == .photometric)
    }

    @Test func sameUnitsChangeNothing() {
        var s = scene(units: "unitless")
        let before = s
        _ = s.convertLights(to: .unitless)
        #expect(s == before)
    }

    @Test(arguments: [nil, "candlepower"])
    func unknownUnitsAreLeftAloneWithANote(_ units: String?) {
        var s = scene(units: units)
        let before = s
        let report = s.convertLights(to: .unitless)
        #expect(s == before)
        #expect(report.notes.count == 1)
    }
}
