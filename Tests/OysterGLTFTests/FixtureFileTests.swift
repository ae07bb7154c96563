import Foundation
import Testing
import OysterCore
import OysterJSON
import OysterTestSupport
@testable import OysterGLTF

/// The committed glTF fixtures (`Fixtures/gltf`) are what the in-code builders produce;
/// `OYSTER_WRITE_FIXTURES=1` regenerates them. The Blender-exported asset round-trips.
@Suite(.serialized) struct FixtureFileTests {
    static let folder = RepoPaths.fixture("gltf")

    init() throws {
        if ProcessInfo.processInfo.environment["OYSTER_WRITE_FIXTURES"] == "1" {
            try AtomicFile.makeDirectories(Self.folder)
            try GLTFWriter(options: GLTFWriteOptions(pretty: true)).write(GLTFFixtures.texturedBox(), to: Self.folder + "/textured-box.gltf")
            try GLTFWriter().write(GLTFFixtures.rich(), to: Self.folder + "/rich.glb")
        }
    }

    @Test func texturedBoxFixtureMatchesItsBuilder() throws {
        let result = try GLTFReader().read(path: Self.folder + "/textured-box.gltf")
        #expect(result.diagnostics.isEmpty)
        #expect(result.scene.images.first?.uri == "checker.png")
        #expect(GLTFFixtures.normalized(result.scene) == GLTFFixtures.normalized(GLTFFixtures.texturedBox()))
        #expect(result.scene.statistics.triangles == 12)
    }

    @Test func richGLBFixtureMatchesItsBuilder() throws {
        let result = try GLTFReader().read(path: Self.folder + "/rich.glb")
        #expect(GLTFFixtures.normalized(result.scene) == GLTFFixtures.normalized(GLTFFixtures.rich()))
    }

    @Test func blenderExportRoundTripsThroughGLTFAndGLB() throws {
        let path = RepoPaths.fixture("blender/rich.glb")
        try #require(FileManager.default.fileExists(atPath: path))
        let source = try GLTFReader().read(path: path)
        #expect(source.diagnostics.isEmpty)
        let stats = source.scene.statistics
        #expect(stats.animations > 1 && stats.skins > 0 && stats.lights >= 3 && stats.cameras > 0 && stats.images > 0)
        let dir = try makeTemporaryFolder("blender")
        defer { removeTemporaryFolder(dir) }
        try GLTFWriter().write(source.scene, to: dir + "/rich.gltf")
        let viaGLTF = try GLTFReader().read(path: dir + "/rich.gltf").scene
        try GLTFWriter().write(viaGLTF, to: dir + "/rich.glb")
        let viaGLB = try GLTFReader().read(path: dir + "/rich.glb").scene
        let expected = GLTFFixtures.normalized(source.scene)
        #expect(GLTFFixtures.normalized(viaGLTF) == expected)
        #expect(GLTFFixtures.normalized(viaGLB) == expected)
        #expect(OutputRules.problems(glb: try FileIO.read(dir + "/rich.glb")) == [])
    }
}
