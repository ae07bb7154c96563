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

    // MARK: - --shard

    /// A tree of `count` valid files in nested folders, named so sorting by full path and by
    /// name differ; returns the folder.
    func tree(_ count: Int) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory("oyster-validate-shard")
        let triangle = try String(contentsOfFile: RepoPaths.fixture("validate/triangle.gltf"), encoding: .utf8)
        for i in 0..<count {
            let rel = ["z\(i).gltf", "a/m\(i).gltf", "a/b/c\(i).gltf"][i % 3]
            try FileManager.default.createDirectory(atPath: (dir.file(rel) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try triangle.write(toFile: dir.file(rel), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// The `uri`s of a JSON report array.
    func uris(_ run: ToolRun) throws -> [String] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]], "\(run.stdout)")
        return array.compactMap { $0["uri"] as? String }
    }

    @Test("--shard K/N: N shards together validate every file exactly once, round-robin over the sorted list")
    func shardsCoverEveryFileOnce() throws {
        let dir = try tree(7)
        let whole = try ToolRun.run(tool, ["--format", "json", "-q", dir.path])
        #expect(whole.status == 0, "\(whole.stderr)")
        let all = try uris(whole)
        #expect(all.count == 7)
        for n in [1, 2, 3, 7, 9] {
            var seen: [String] = []
            for k in 0..<n {
                let run = try ToolRun.run(tool, ["--format", "json", "-q", "--shard", "\(k)/\(n)", dir.path])
                // A shard always prints an array, even of one file or none.
                #expect(run.status == 0, "\(k)/\(n): \(run.stderr)")
                let mine = try uris(run)
                #expect(mine == all.enumerated().filter { $0.offset % n == k }.map(\.element), "\(k)/\(n)")
                seen += mine
            }
            #expect(seen.sorted() == all.sorted(), "N = \(n)")
            #expect(Set(seen).count == seen.count, "N = \(n): a file was validated twice")
        }
    }

    @Test("--shard splits by the path inside the folder, so every mount point gives the same shares")
    func shardsDoNotDependOnWhereTheTreeIs() throws {
        let dir = try tree(6)
        let parent = (dir.path as NSString).deletingLastPathComponent, name = (dir.path as NSString).lastPathComponent
        for k in 0..<3 {
            let absolute = try uris(try ToolRun.run(tool, ["--format", "json", "-q", "--shard", "\(k)/3", dir.path]))
            let relative = try uris(try ToolRun.run(tool, ["--format", "json", "-q", "--shard", "\(k)/3", name + "/"], in: parent))
            #expect(absolute.map { String($0.dropFirst(dir.path.count + 1)) } == relative.map { String($0.dropFirst(name.count + 1)) })
        }
    }

    @Test("--shard arguments are checked: K/N integers, N ≥ 1, 0 ≤ K < N; exit 2 with one line")
    func shardArgumentErrors() throws {
        for bad in ["0/0", "3/3", "-1/2", "x/2", "1", "1/2/3", ""] {
            let run = try ToolRun.run(tool, ["--shard", bad, RepoPaths.fixture("validate/triangle.gltf")])
            #expect(run.status == 2, "--shard '\(bad)'")
            #expect(run.stderr.hasPrefix("oyster-validate: error: --shard") && run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
    }
}
