import Foundation
import Testing
import OysterTestSupport

/// Runs the built `oyster-convert` as a user would and checks outputs and exit codes.
@Suite struct ConvertCommandTests {
    let tool = RepoPaths.tool("oyster-convert")

    @Test func glbToSeparateGLTFWritesBinAndTexturesBeside() throws {
        let dir = TemporaryDirectory()
        let run = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), dir.file("out/rich.gltf")])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.file("out")).sorted()
        #expect(files.contains("rich.gltf") && files.contains("rich.bin"))
        #expect(files.filter { $0.hasSuffix(".png") }.count == 2)
        #expect(run.stderr.contains("2436 triangles"))
    }

    @Test func embedPutsEverythingInOneFile() throws {
        let dir = TemporaryDirectory()
        let run = try ToolRun.run(tool, ["--embed", RepoPaths.fixture("blender/rich.glb"), dir.file("rich.gltf")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["rich.gltf"])
        let json = try String(contentsOfFile: dir.file("rich.gltf"), encoding: .utf8)
        #expect(json.contains("data:application/octet-stream;base64,"))
        #expect(json.contains("data:image/png;base64,"))
    }

    @Test func gltfBackToGLBIsByteIdenticalToADirectConversion() throws {
        let dir = TemporaryDirectory()
        #expect(try ToolRun.run(tool, ["-q", RepoPaths.fixture("blender/rich.glb"), dir.file("a.glb")]).status == 0)
        #expect(try ToolRun.run(tool, ["-q", RepoPaths.fixture("blender/rich.glb"), dir.file("b.gltf")]).status == 0)
        #expect(try ToolRun.run(tool, ["-q", dir.file("b.gltf"), dir.file("c.glb")]).status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.glb")))
        let c = try Data(contentsOf: URL(fileURLWithPath: dir.file("c.glb")))
        #expect(a == c)
    }

    @Test func missingInputExitsThreeWithOneLine() throws {
        let run = try ToolRun.run(tool, ["/nonexistent/x.glb", "/tmp/y.glb"])
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("oyster-convert: error: /nonexistent/x.glb"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownExtensionIsAUsageError() throws {
        let run = try ToolRun.run(tool, ["in.xyz", "out.glb"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot tell the format"))
    }

    @Test func sceneToImageIsAUsageError() throws {
        let run = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), "out.png"])
        #expect(run.status == 2)
    }

    @Test func unwritableOutputExitsFour() throws {
        let dir = TemporaryDirectory()
        // A regular file where the output folder should be.
        FileManager.default.createFile(atPath: dir.file("blocker"), contents: Data([1]))
        let run = try ToolRun.run(tool, [RepoPaths.fixture("blender/rich.glb"), dir.file("blocker/out.glb")])
        #expect(run.status == 4, "\(run.stderr)")
    }

    @Test func truncatedGLBFailsCleanlyAndWritesNothing() throws {
        let dir = TemporaryDirectory()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: RepoPaths.fixture("blender/rich.glb")))
        FileManager.default.createFile(atPath: dir.file("cut.glb"), contents: bytes.prefix(bytes.count / 2))
        let run = try ToolRun.run(tool, [dir.file("cut.glb"), dir.file("out.glb")])
        #expect(run.status == 3)
        #expect(run.stderr.hasPrefix("oyster-convert: error: "))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out.glb")))
        // No temporary file is left behind either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["cut.glb"])
    }

    @Test func helpExitsZero() throws {
        let run = try ToolRun.run(tool, ["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--embed"))
    }
}
