import Foundation
import OysterCore
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
