import Foundation
import OysterTestSupport
import Testing

@Suite("oyster-validate command")
struct CLITests {
    let tool = RepoPaths.tool("oyster-validate")

    @Test("a valid file exits 0 and prints a Khronos-shaped JSON report")
    func validFileJSON() throws {
        let run = try ToolRun.run(tool, ["--format", "json", "-q", RepoPaths.fixture("validate/triangle.gltf")])
        #expect(run.status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(obj?["mimeType"] as? String == "model/gltf+json")
    }

    @Test("errors exit 1; a folder gives a JSON array in sorted order")
    func folderFails() throws {
        let run = try ToolRun.run(tool, ["--format", "json", "-q", RepoPaths.fixture("validate")])
        #expect(run.status == 1)
        let arr = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let uris = arr?.compactMap { $0["uri"] as? String } ?? []
        #expect(uris.count == 4)
        #expect(uris == uris.sorted())
    }

    @Test("--fail-on warning fails on warnings only files")
    func failOnWarning() throws {
        let dir = NSTemporaryDirectory() + "oyster-cli-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try #"{"asset": {"version": "2.0"}, "foo": 1}"#.write(toFile: dir + "/w.gltf", atomically: true, encoding: .utf8)
        #expect(try ToolRun.run(tool, ["-q", dir + "/w.gltf"]).status == 0)
        #expect(try ToolRun.run(tool, ["-q", "--fail-on", "warning", dir + "/w.gltf"]).status == 1)
    }

    @Test("usage errors exit 2 and unreadable input exits 3 with a one-line error")
    func exitCodes() throws {
        #expect(try ToolRun.run(tool, ["--format", "yaml", "x.gltf"]).status == 2)
        let missing = try ToolRun.run(tool, ["-q", "/nonexistent/file.gltf"])
        #expect(missing.status == 3)
        #expect(missing.stderr.hasPrefix("oyster-validate: error: /nonexistent/file.gltf:"))
    }
}
