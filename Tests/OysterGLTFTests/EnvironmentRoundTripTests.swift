import OysterCore
import OysterJSON
import Testing
@testable import OysterGLTF

/// The typed environment of a generated file comes from `asset.extras.environment` and goes
/// back to it unchanged.
@Suite struct EnvironmentRoundTripTests {
    static let gltf = #"{"asset":{"version":"2.0","generator":"oyster-generate","extras":{"seed":7,"environment":{"skyColor":[0.85,0.5,0.35],"fogDensity":0.025,"night":false},"lightUnits":"photometric"}}}"#

    @Test func readerExposesTheEnvironmentTyped() throws {
        let scene = try GLTFReader().read(bytes: Array(Self.gltf.utf8)).scene
        let env = try #require(scene.asset.environment)
        #expect(env.skyColor == Vec3(0.85, 0.5, 0.35) && env.fogDensity == 0.025 && env.isNight == false)
    }

    @Test func writerWritesTheSameEnvironmentJSONBack() throws {
        var scene = try GLTFReader().read(bytes: Array(Self.gltf.utf8)).scene
        scene.asset.environment = scene.asset.environment
        let written = try JSONParser.parse(GLTFWriter().encodeGLTF(scene, binName: "x.bin").json)
        let original = try JSONParser.parse(Array(Self.gltf.utf8))
        #expect(written["asset"]?["extras"] == original["asset"]?["extras"])
        #expect(JSONWriter.write(try #require(written["asset"]?["extras"])) == JSONWriter.write(try #require(original["asset"]?["extras"])))
    }

    @Test func aChangedEnvironmentIsWhatTheFileSays() throws {
        var scene = try GLTFReader().read(bytes: Array(Self.gltf.utf8)).scene
        scene.asset.environment?.isNight = true
        let back = try GLTFReader().read(bytes: GLTFWriter().encodeGLB(scene)).scene
        #expect(back.asset.environment?.isNight == true)
        #expect(back.asset.environment?.fogDensity == 0.025)
    }
}
