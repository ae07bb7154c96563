import Foundation
import OysterCore
import OysterGLTF
import OysterTestSupport
import Testing
@testable import OysterValidate

/// The validator reads referenced files by the same rule as the readers (`AssetPath`).
@Suite("referenced files follow the one path rule")
struct PathRuleTests {
    func validate(uri: String, in dir: String) throws -> Set<String> {
        let gltf = #"{"asset": {"version": "2.0"}, "buffers": [{"uri": "\#(uri)", "byteLength": 4}]}"#
        try gltf.write(toFile: dir + "/a.gltf", atomically: true, encoding: .utf8)
        return findings(try Validator.validate(path: dir + "/a.gltf"))
    }

    @Test("a path that stays inside the folder is normalised and read; one that leaves it is not")
    func bothWays() throws {
        let dir = try temporaryFolder("paths")
        try FileManager.default.createDirectory(atPath: dir + "/maps", withIntermediateDirectories: true)
        try Data([0, 0, 128, 63]).write(to: URL(fileURLWithPath: dir + "/buffer.bin"))
        #expect(!(try validate(uri: "maps/../buffer.bin", in: dir)).contains { $0.hasPrefix("IO_ERROR") })
        #expect(try validate(uri: "../buffer.bin", in: dir).contains("IO_ERROR /buffers/0/uri"))
        #expect(try validate(uri: "maps/../../buffer.bin", in: dir).contains("IO_ERROR /buffers/0/uri"))
    }

    @Test("a symbolic link out of the folder is not followed")
    func symbolicLink() throws {
        let dir = try temporaryFolder("paths-link")
        let outside = try temporaryFolder("paths-outside")
        try Data([0, 0, 128, 63]).write(to: URL(fileURLWithPath: outside + "/secret.bin"))
        #expect(symlink(outside + "/secret.bin", dir + "/link.bin") == 0)
        let f = try validate(uri: "link.bin", in: dir)
        #expect(f.contains("IO_ERROR /buffers/0/uri"))
    }
}

/// The validator runs over OysterGLTF's raw document: parsing once and validating the
/// document gives the report that validating the bytes gives.
@Suite("validating the reader's raw document")
struct RawDocumentTests {
    @Test("a parsed document and its bytes give the same report", arguments: ["validate/broken.gltf", "blender/rich.glb"])
    func sameReport(fixture: String) throws {
        let path = RepoPaths.fixture(fixture)
        let bytes = try FileIO.read(path)
        let folder = (path as NSString).deletingLastPathComponent
        let fromBytes = Validator.validate(bytes: bytes, uri: path, baseDirectory: folder)
        let document = try GLTFDocument.parse(bytes)
        let fromDocument = Validator.validate(document: document, uri: path, baseDirectory: folder)
        #expect(findings(fromDocument) == findings(fromBytes))
        #expect(fromDocument.info?.totalVertexCount == fromBytes.info?.totalVertexCount)
        #expect(!findings(fromBytes).isEmpty || fixture.hasSuffix(".glb"))
    }
}
