import Foundation
import OysterTestSupport
import Testing

/// The built `oyster-play`: usage errors and unreadable input exit with the shared codes and
/// one line naming the problem.
@Suite struct PlayCommandTests {
    let tool = RepoPaths.tool("oyster-play")

    @Test(arguments: [
        ["--size", "641x360"], ["--size", "4000x4000"], ["--port", "70000"], ["--jpeg-quality", "0"],
        ["--headless"], ["--headless", "--actions", "a.json"], ["--record", "out.mp4"], ["x", "--recipe", "r.json"], ["--seed", "-3"],
    ])
    func usageErrorsExit2(_ arguments: [String]) throws {
        let run = try ToolRun.run(tool, arguments, timeout: 60)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.hasPrefix("oyster-play: error: "))
    }

    @Test func aMissingOrBadActionScriptExits3Or2NamingIt() throws {
        let missing = try ToolRun.run(tool, ["--headless", "--actions", "/nonexistent/walk.json", "--record", "/tmp/x.mp4"], timeout: 60)
        #expect(missing.status == 3 && missing.stderr.contains("/nonexistent/walk.json"), "\(missing.stderr)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oyster-play-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json").path
        try Data(#"{"actions":[{"do":"dance","seconds":1}]}"#.utf8).write(to: URL(fileURLWithPath: bad))
        let run = try ToolRun.run(tool, ["--headless", "--actions", bad, "--record", dir.appendingPathComponent("o.mp4").path], timeout: 60)
        #expect(run.status == 2 && run.stderr.contains("dance"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.mp4").path))
    }
}
