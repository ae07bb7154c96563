import Foundation
import OysterTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A device or FIFO named as an input (by mistake or malice) must be refused at once: reading
/// `/dev/zero` never ends, and opening a FIFO waits for a writer that never comes.
@Suite struct NonRegularInputTests {
    /// Inputs in `dir`: `zero.<ext>` links to /dev/zero and `fifo.<ext>` is a named pipe.
    func inputs(_ ext: String, in dir: TemporaryDirectory) throws -> [String] {
        let zero = dir.file("zero.\(ext)"), fifo = dir.file("fifo.\(ext)")
        try FileManager.default.createSymbolicLink(atPath: zero, withDestinationPath: "/dev/zero")
        try #require(mkfifo(fifo, 0o600) == 0)
        return [zero, fifo]
    }

    @Test(arguments: ["obj", "gltf", "glb", "png"])
    func convertRefusesDevicesAndPipes(_ ext: String) throws {
        let dir = TemporaryDirectory()
        for input in try inputs(ext, in: dir) {
            let out = dir.file("out." + (ext == "png" ? "jpg" : "glb"))
            let run = try ToolRun.run(RepoPaths.tool("oyster-convert"), [input, out], timeout: 20)
            #expect(run.status == 3, "\(input): \(run.stderr)")
            #expect(run.stderr.contains("not a regular file"), "\(run.stderr)")
            #expect(run.stderr.contains(input), "the message names the file: \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test(arguments: ["glb", "obj"])
    func validateRefusesDevicesAndPipes(_ ext: String) throws {
        let dir = TemporaryDirectory()
        for input in try inputs(ext, in: dir) {
            let run = try ToolRun.run(RepoPaths.tool("oyster-validate"), [input], timeout: 20)
            #expect(run.status == 3, "\(input): \(run.stderr)")
        }
    }

    @Test func generateAndAtlasRefuseDevicesAndPipes() throws {
        let dir = TemporaryDirectory()
        for recipe in try inputs("json", in: dir) {
            let run = try ToolRun.run(RepoPaths.tool("oyster-generate"), ["--recipe", recipe, "-o", dir.file("w.glb")], timeout: 20)
            #expect(run.status == 3, "\(recipe): \(run.stderr)")
        }
        for image in try inputs("png", in: dir) {
            let run = try ToolRun.run(RepoPaths.tool("oyster-atlas"), ["pack", image, "-o", dir.file("atlas.png")], timeout: 20)
            #expect(run.status != 0 && run.status != -1, "\(image): \(run.stderr)")
        }
    }
}
