import Foundation
import OysterCore
import OysterTestSupport
import Testing

/// `oyster-generate --characters` and the character cap, as a user meets them.
@Suite(.serialized) struct CharacterCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    @Test func aLineupIsWrittenAndBadRolesAreUsageErrors() throws {
        let dir = NSTemporaryDirectory() + "oyster-characters-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = dir + "/r.json"
        try "{\"textureResolution\": 16}".write(toFile: recipe, atomically: true, encoding: .utf8)
        let ok = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "knight,skeleton", "-o", dir + "/two.glb", "-q"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/two.glb"))
        let bad = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "knight,dragon", "-o", dir + "/x.glb"])
        #expect(bad.status == 2 && bad.stderr.contains("'dragon' is not a role"), "\(bad.stderr)")
        let tiles = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "knight", "--chunk", "0,0", "-o", dir + "/x.glb"])
        #expect(tiles.status == 2 && tiles.stderr.contains("--characters"), "\(tiles.stderr)")
    }

    @Test func aHugeCrowdIsCappedWithAWarningNamingTheCap() throws {
        let run = try ToolRun.run(tool, ["a village with 100000 people", "--explain"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: characters: 10000 asked, at most 64 are placed"), "\(run.stderr)")
    }
}
