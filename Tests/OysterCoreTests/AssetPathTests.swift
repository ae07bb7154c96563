import Foundation
import OysterCore
import Testing

/// The one rule for files an asset names, both ways: what it reads and what it refuses.
@Suite struct AssetPathTests {
    @Test(arguments: [
        ("wood.png", "", "wood.png"),
        ("maps/../wood.png", "", "wood.png"),
        ("./maps//wood.png", "", "maps/wood.png"),
        ("maps\\wood.png", "", "maps/wood.png"),
        ("../wood.png", "maps", "wood.png"),
        ("b/../../c.png", "x/y", "x/c.png"),
    ])
    func pathsInsideTheFolderAreNormalised(reference: String, folder: String, expected: String) {
        #expect(AssetPath.resolve(reference, in: folder) == .success(expected))
    }

    @Test(arguments: [
        ("../secret.bin", AssetPath.Refusal.leavesFolder),
        ("a/../../secret.bin", .leavesFolder),
        ("a\\..\\..\\secret.bin", .leavesFolder),
        ("/etc/passwd", .absolute),
        ("\\\\server\\share\\x.png", .absolute),
        ("C:/x.png", .absolute),
        ("c:x.png", .absolute),
        ("a/./..", .empty),
        ("", .empty),
        ("a\u{0}.png", .nulByte),
    ])
    func pathsThatLeaveTheFolderAreRefused(reference: String, refusal: AssetPath.Refusal) {
        #expect(AssetPath.resolve(reference) == .failure(refusal))
    }

    @Test func aSymbolicLinkOutOfTheFolderIsNotConfined() throws {
        let root = NSTemporaryDirectory() + "oyster-assetpath-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root + "/asset", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data([1]).write(to: URL(fileURLWithPath: root + "/secret.bin"))
        try Data([2]).write(to: URL(fileURLWithPath: root + "/asset/inside.bin"))
        #expect(symlink(root + "/secret.bin", root + "/asset/out.bin") == 0)
        #expect(symlink("inside.bin", root + "/asset/in.bin") == 0)
        #expect(!AssetPath.isConfined("out.bin", root: root + "/asset"))
        #expect(AssetPath.isConfined("in.bin", root: root + "/asset"))
        #expect(AssetPath.isConfined("inside.bin", root: root + "/asset"))
    }
}
