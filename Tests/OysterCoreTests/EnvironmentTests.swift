import Testing
import OysterJSON
@testable import OysterCore

@Suite struct EnvironmentTests {
    /// `asset.extras` as oyster-generate writes it.
    static func generatedExtras() throws -> JSONValue {
        try JSONParser.parse(Array(#"{"generator":"oyster-generate","seed":7,"environment":{"skyColor":[0.45,0.62,0.9],"fogDensity":0.0015,"night":false},"lightUnits":"photometric"}"#.utf8))
    }

    @Test func generatedEnvironmentReadsAsTypedValues() throws {
        var asset = AssetInfo()
        asset.extras = try Self.generatedExtras()
        let env = try #require(asset.environment)
        #expect(env.skyColor == Vec3(0.45, 0.62, 0.9))
        #expect(env.fogDensity == 0.0015)
        #expect(env.isNight == false)
        #expect(env.sunDirection == nil && env.weather == nil)
    }

    @Test func writingBackAnUnchangedEnvironmentKeepsTheExtrasExactly() throws {
        var asset = AssetInfo()
        let original = try Self.generatedExtras()
        asset.extras = original
        asset.environment = asset.environment
        #expect(asset.extras == original)
        #expect(JSONWriter.write(try #require(asset.extras)) == JSONWriter.write(original))
    }

    @Test func changingAFieldUpdatesItInPlaceAndAddsNewOnesAtTheEnd() throws {
        var asset = AssetInfo()
        asset.extras = try Self.generatedExtras()
        var env = try #require(asset.environment)
        env.fogDensity = 0.025
        env.weather = "fog"
        asset.environment = env
        let o = try #require(asset.extras?["environment"]?.objectValue)
        #expect(o.keys == ["skyColor", "fogDensity", "night", "weather"])
        #expect(o["fogDensity"] == .float(0.025))
        #expect(asset.extras?.objectValue?.keys == ["generator", "seed", "environment", "lightUnits"])
    }

    @Test func unknownMembersAndMistypedFieldsAreKept() throws {
        let json = try JSONParser.parse(Array(#"{"moonPhase":0.5,"night":"yes"}"#.utf8))
        let env = Environment(json: try #require(json.objectValue))
        #expect(env.isNight == nil)
        #expect(env.json == json.objectValue)
    }

    @Test func settingNilRemovesTheEnvironmentOnly() throws {
        var asset = AssetInfo()
        asset.extras = try Self.generatedExtras()
        asset.environment = nil
        #expect(asset.extras?.objectValue?.keys == ["generator", "seed", "lightUnits"])
        var empty = AssetInfo()
        empty.environment = nil
        #expect(empty.extras == nil)
    }

    @Test func theSkyGradientKeysAreOptionalAndRoundTrip() throws {
        // A file from before the sky had a horizon reads without them.
        var asset = AssetInfo()
        asset.extras = try Self.generatedExtras()
        let old = try #require(asset.environment)
        #expect(old.horizonColor == nil && old.sunGlowColor == nil)
        // A new one lists them after the sky colour and reads them back.
        let env = Environment(skyColor: Vec3(0.15, 0.2, 0.45), horizonColor: Vec3(0.42, 0.28, 0.34), sunGlowColor: Vec3(0.9, 0.4, 0.13), fogDensity: 0.0015)
        #expect(env.json.keys == ["skyColor", "horizonColor", "sunGlowColor", "fogDensity"])
        let back = Environment(json: env.json)
        #expect(back == env)
    }

    @Test func aNewEnvironmentWritesOnlyTheFieldsThatAreSet() {
        var asset = AssetInfo()
        asset.environment = Environment(sunDirection: Vec3(0, 1, 0), timeOfDay: 12.5)
        #expect(asset.extras?["environment"]?.objectValue?.keys == ["sunDirection", "timeOfDay"])
        #expect(asset.environment?.timeOfDay == 12.5)
    }
}
