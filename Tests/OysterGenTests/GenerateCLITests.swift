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
        _ = FileManager.default.createFile(atPath: "\(dir)/blocker", contents: Data([1]))
        let unwritable = try ToolRun.run(tool, ["--recipe", recipe, "-o", "\(dir)/blocker/x.glb", "-q"])
        #expect(unwritable.status == 4)
    }

    /// The KHR_lights_punctual light intensities and `asset.extras.lightUnits` of a GLB.
    func lights(_ path: String) throws -> ([Double], String?) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let length = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes[20..<(20 + length)])) as? [String: Any])
        let list = ((json["extensions"] as? [String: Any])?["KHR_lights_punctual"] as? [String: Any])?["lights"] as? [[String: Any]] ?? []
        let units = ((json["asset"] as? [String: Any])?["extras"] as? [String: Any])?["lightUnits"] as? String
        return (list.compactMap { $0["intensity"] as? Double }, units)
    }

    @Test func lightUnitsUnitlessDividesEveryIntensityBy683() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 3)
        #expect(try ToolRun.run(tool, ["--recipe", recipe, "-o", "\(dir)/p.glb", "-q"]).status == 0)
        #expect(try ToolRun.run(tool, ["--recipe", recipe, "--light-units", "unitless", "-o", "\(dir)/u.glb", "-q"]).status == 0)
        let (p, pu) = try lights("\(dir)/p.glb"), (u, uu) = try lights("\(dir)/u.glb")
        #expect(pu == "photometric" && uu == "unitless")
        #expect(!p.isEmpty && p.count == u.count)
        for (a, b) in zip(p, u) { #expect(abs(a / 683 - b) <= b * 1e-5) }
        #expect(try ToolRun.run(tool, ["--recipe", recipe, "--light-units", "watts", "-o", "\(dir)/w.glb"]).status == 2)
    }

    @Test func aBlockOfTilesMatchesTilesGeneratedOneByOne() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 8)
        let block = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", "-1,0:0,1", "--chunk-size", "16", "-o", "\(dir)/tiles/t.glb", "-q"])
        #expect(block.status == 0, "\(block.stderr)")
        for (x, z) in [(-1, 0), (0, 0), (-1, 1), (0, 1)] {
            let single = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "\(x),\(z)", "--chunk-size", "16", "-o", "\(dir)/one/t.glb", "-q"])
            #expect(single.status == 0, "\(single.stderr)")
            let a = FileManager.default.contents(atPath: "\(dir)/tiles/t_\(x)_\(z).glb")
            #expect(a != nil && a == FileManager.default.contents(atPath: "\(dir)/one/t.glb"), "tile \(x),\(z)")
        }
        for bad in ["1,1", "0,0:", "2,0:1,0", "0,0:99,99", "a,b:c,d"] {
            let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", bad, "-o", "\(dir)/bad/t.glb"])
            #expect(run.status == 2, "--chunks \(bad)")
        }
        #expect(try ToolRun.run(tool, ["--chunk", "0,0", "--chunks", "0,0:1,1", "-o", "\(dir)/bad/t.glb"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad"))
    }

    @Test func sharedTexturesOfAnotherWorldAreRebakedNotReused() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let texture = "\(dir)/materials/grass_baseColor.png"
        #expect(try ToolRun.run(tool, ["--recipe", try smallRecipe(in: dir, seed: 1), "--chunk", "0,0", "-o", "\(dir)/a.glb", "-q"]).status == 0)
        let first = FileManager.default.contents(atPath: texture)
        #expect(try ToolRun.run(tool, ["--recipe", try smallRecipe(in: dir, seed: 2), "--chunk", "0,0", "-o", "\(dir)/b.glb", "-q"]).status == 0)
        let second = FileManager.default.contents(atPath: texture)
        #expect(first != nil && second != nil && first != second)
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
