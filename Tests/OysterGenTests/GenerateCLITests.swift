import Foundation
import OysterTestSupport
import Testing

@Suite(.serialized) struct GenerateCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "oyster-generate-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func smallRecipe(in dir: String, seed: Int) throws -> String {
        let path = dir + "/small.json"
        let text = "{\"seed\": \(seed), \"size\": 64, \"detail\": \"low\", \"textureResolution\": 16}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 3)
        for name in ["a", "b"] {
            let run = try ToolRun.run(tool, ["--recipe", recipe, "-o", "\(dir)/\(name).glb", "-q"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let c = try ToolRun.run(tool, ["--recipe", recipe, "--seed", "4", "-o", "\(dir)/c.glb", "-q"])
        #expect(c.status == 0)
        let a = FileManager.default.contents(atPath: "\(dir)/a.glb"), b = FileManager.default.contents(atPath: "\(dir)/b.glb")
        let other = FileManager.default.contents(atPath: "\(dir)/c.glb")
        #expect(a != nil && a == b)
        #expect(a != other)
    }

    @Test func missingOutputFoldersAreCreated() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 5)
        let run = try ToolRun.run(tool, ["--recipe", recipe, "-o", "\(dir)/new/nested/world.gltf", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/new/nested/world.gltf"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/new/nested/world.bin"))
    }

    @Test func explainPrintsTheRecipeAndUnusedWords() throws {
        let run = try ToolRun.run(tool, ["three snowy houses by a frobnicated lake", "--explain"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"biome\""))
        #expect(run.stdout.contains("\"alpine\""))
        #expect(run.stderr.contains("frobnicated"))
    }

    @Test func exitCodesFollowTheConvention() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = try ToolRun.run(tool, ["--recipe", RepoPaths.fixture("recipes/bad/unknown-feature.json"), "-o", "\(dir)/x.glb"])
        #expect(bad.status == 3)
        #expect(bad.stderr.hasPrefix("oyster-generate: error:"))
        #expect(bad.stderr.contains("features[0].kind"))
        let missing = try ToolRun.run(tool, ["--recipe", "\(dir)/nope.json", "-o", "\(dir)/x.glb"])
        #expect(missing.status == 3)
        let noOutput = try ToolRun.run(tool, ["a lake"])
        #expect(noOutput.status == 2)
        let badChunk = try ToolRun.run(tool, ["--chunk", "one,two", "-o", "\(dir)/x.glb"])
        #expect(badChunk.status == 2)
        let recipe = try smallRecipe(in: dir, seed: 1)
        // A regular file where the output folder should be: nothing can be written there.
        FileManager.default.createFile(atPath: "\(dir)/blocker", contents: Data([1]))
        let unwritable = try ToolRun.run(tool, ["--recipe", recipe, "-o", "\(dir)/blocker/x.glb", "-q"])
        #expect(unwritable.status == 4)
    }

    @Test func aChunkIsWrittenWithSharedTextures() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 1)
        let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "2,-1", "--chunk-size", "32", "-o", "\(dir)/tile.gltf", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/tile.gltf"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/materials/grass_baseColor.png"))
    }
}
