import Foundation
import OysterCore
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

    // MARK: - Shared textures

    /// Every file under `dir` (hidden ones too) by its path inside `dir`.
    func files(under dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: dir + "/" + rel)
            }
        }
        return out
    }

    /// The image URIs of a `.gltf` tile.
    func imageURIs(_ path: String) throws -> [String] {
        let data = try #require(FileManager.default.contents(atPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (json["images"] as? [[String: Any]] ?? []).compactMap { $0["uri"] as? String }
    }

    /// Checks that every image of a `.gltf` tile is `materials/<32 hex>.png`, present beside
    /// it, and named by the SHA-256 of its bytes; returns the URIs.
    @discardableResult
    func expectContentAddressedTextures(_ tile: String) throws -> [String] {
        let uris = try imageURIs(tile)
        #expect(!uris.isEmpty)
        let folder = (tile as NSString).deletingLastPathComponent
        for uri in uris {
            let name = String(uri.dropFirst("materials/".count).dropLast(".png".count))
            #expect(uri.hasPrefix("materials/") && uri.hasSuffix(".png") && name.count == 32
                && name.allSatisfy { "0123456789abcdef".contains($0) }, "\(uri)")
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + uri), "\(uri) missing")
            #expect(SHA256.hex([UInt8](bytes)).hasPrefix(name), "\(uri) does not hold the bytes its name says")
        }
        return uris
    }

    @Test func aChunkIsWrittenWithSharedTextures() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 1)
        let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "2,-1", "--chunk-size", "32", "-o", "\(dir)/tile.gltf", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        try expectContentAddressedTextures("\(dir)/tile.gltf")
        // Content addressing replaced the stamp and the kind_slot names.
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/materials/materials.stamp"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/materials/grass_baseColor.png"))
    }

    /// Two worlds (other seed, other biome) writing tiles into one folder: each keeps its own
    /// textures, neither overwrites the other's, and a world's tile is the same bytes as when
    /// it was written alone.
    @Test func twoWorldsInOneTextureFolderBothStayCorrect() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let one = try smallRecipe(in: dir, seed: 1)
        let otherPath = dir + "/other.json"
        try "{\"seed\": 2, \"biome\": \"desert\", \"size\": 64, \"detail\": \"low\", \"textureResolution\": 16}"
            .write(toFile: otherPath, atomically: true, encoding: .utf8)
        func make(_ recipe: String, _ output: String) throws {
            let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "0,0", "--chunk-size", "16", "-o", output, "-q"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        try make(one, "\(dir)/alone/a.gltf")
        try make(otherPath, "\(dir)/alone/b.gltf")
        try make(one, "\(dir)/shared/a.gltf")
        let afterA = files(under: "\(dir)/shared/materials")
        try make(otherPath, "\(dir)/shared/b.gltf")
        let a = try expectContentAddressedTextures("\(dir)/shared/a.gltf")
        let b = try expectContentAddressedTextures("\(dir)/shared/b.gltf")
        #expect(Set(a) != Set(b), "two worlds should not use the same textures")
        // B only added files: every file A wrote is still there with the same bytes.
        let afterB = files(under: "\(dir)/shared/materials")
        for (name, bytes) in afterA { #expect(afterB[name] == bytes, "\(name) changed when another world was written") }
        // Each world's tile and textures are exactly what it writes into a folder of its own.
        let alone = files(under: "\(dir)/alone"), shared = files(under: "\(dir)/shared")
        for name in ["a.gltf", "a.bin", "b.gltf", "b.bin"] { #expect(alone[name] != nil && shared[name] == alone[name], "\(name)") }
        for uri in a + b { #expect(shared[uri] == alone[uri], "\(uri)") }
        // Writing world A again changes nothing.
        try make(one, "\(dir)/shared/a.gltf")
        #expect(files(under: "\(dir)/shared") == shared)
    }

    /// The name index that spares a run the bake is only a shortcut: a texture deleted or
    /// damaged after it was written is baked again, not assumed.
    @Test func aMissingOrDamagedTextureIsBakedAgain() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 4)
        let args = ["--recipe", recipe, "--chunk", "0,0", "--chunk-size", "16", "-o", "\(dir)/t.gltf", "-q"]
        #expect(try ToolRun.run(tool, args).status == 0)
        let before = files(under: dir)
        let uris = try imageURIs("\(dir)/t.gltf")
        let deleted = "\(dir)/\(uris[0])", damaged = "\(dir)/\(uris[1])"
        try FileManager.default.removeItem(atPath: deleted)
        try Data([0x89, 0x50]).write(to: URL(fileURLWithPath: damaged))
        let again = try ToolRun.run(tool, args)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(files(under: dir) == before)
        try expectContentAddressedTextures("\(dir)/t.gltf")
    }

    // MARK: - Shards

    /// Runs the shards of `block` (each into its own folder when `separate`, else all at once
    /// into one), and returns the union of their files; a file written by two shards must be
    /// the same bytes, and a tile must come from one shard only.
    func shardUnion(_ recipe: String, block: String, n: Int, root: String, separate: Bool) throws -> [String: Data] {
        let folders = (0..<n).map { separate ? "\(root)/shard\($0)" : root }
        let runs = UnsafeRuns(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { k in
            runs.set(k, try? ToolRun.run(tool, ["--recipe", recipe, "--chunks", block, "--chunk-size", "16", "--shard", "\(k)/\(n)",
                                                "-o", "\(folders[k])/tiles/chunk.glb", "-q"]))
        }
        for (k, run) in runs.values.enumerated() { #expect(run?.status == 0, "shard \(k)/\(n): \(run?.stderr ?? "did not run")") }
        var union: [String: Data] = [:]
        var tilesSeen: [String: Int] = [:]
        for folder in Set(folders).sorted() {
            for (name, bytes) in files(under: folder) {
                if let earlier = union[name] { #expect(earlier == bytes, "\(name) differs between shards") }
                union[name] = bytes
                if name.hasSuffix(".glb") { tilesSeen[name, default: 0] += 1 }
            }
        }
        for (name, count) in tilesSeen { #expect(count == 1, "\(name) written by \(count) shards") }
        return union
    }

    @Test(arguments: [1, 2, 3])
    func nShardsTogetherEqualOneRunByteForByte(n: Int) throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 6)
        let block = "-1,-1:1,1"
        let whole = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", block, "--chunk-size", "16", "-o", "\(dir)/one/tiles/chunk.glb", "-q"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let one = files(under: "\(dir)/one")
        #expect(one.keys.filter { $0.hasSuffix(".glb") }.count == 9)
        // One folder per shard, merged afterwards (a CI matrix's artifacts)...
        let merged = try shardUnion(recipe, block: block, n: n, root: "\(dir)/separate", separate: true)
        #expect(merged.keys.sorted() == one.keys.sorted())
        #expect(merged == one)
        // ... and all shards at once into one shared folder (a Kubernetes Job's volume).
        let shared = try shardUnion(recipe, block: block, n: n, root: "\(dir)/shared", separate: false)
        #expect(shared == one)
        // The split is round-robin over the block in row-major order (Z outer, X inner), and
        // --dry-run lists exactly what each shard writes.
        for k in 0..<n {
            let written = files(under: "\(dir)/separate/shard\(k)").keys.filter { $0.hasSuffix(".glb") }.sorted()
            var expected: [String] = []
            var i = 0
            for z in -1...1 { for x in -1...1 { if i % n == k { expected.append("tiles/chunk_\(x)_\(z).glb") }; i += 1 } }
            #expect(written == expected.sorted(), "shard \(k)/\(n)")
            let listed = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", block, "--chunk-size", "16", "--shard", "\(k)/\(n)",
                                                "--dry-run", "-o", "\(dir)/listed/tiles/chunk.glb"])
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.split(separator: "\n").map { String($0.dropFirst("\(dir)/listed/".count)) }.sorted() == written)
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/listed"), "--dry-run wrote something")
    }

    @Test func shardArgumentsAreCheckedWithExitTwo() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 1)
        for bad in ["0/0", "4/4", "5/4", "-1/4", "1/-2", "a/4", "1/b", "1", "1/2/3", "/4", "1/", "", " 1/2", "0.5/2"] {
            let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", "0,0:1,1", "--shard", bad, "-o", "\(dir)/bad/t.glb"])
            #expect(run.status == 2, "--shard '\(bad)'")
            #expect(run.stderr.hasPrefix("oyster-generate: error: --shard"), "--shard '\(bad)': \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "one line for '\(bad)': \(run.stderr)")
        }
        // --shard splits a block: alone or with --chunk it is a usage error.
        for extra in [[String](), ["--chunk", "0,0"]] {
            let run = try ToolRun.run(tool, ["--recipe", recipe, "--shard", "0/2", "-o", "\(dir)/bad/t.glb"] + extra)
            #expect(run.status == 2, "\(extra)")
            #expect(run.stderr.contains("--chunks"))
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/bad"))
    }

    /// More shards than tiles: the extra shards write nothing (not even textures) and succeed.
    @Test func aShardWithoutTilesWritesNothing() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = try smallRecipe(in: dir, seed: 1)
        let run = try ToolRun.run(tool, ["--recipe", recipe, "--chunks", "0,0:1,0", "--chunk-size", "16", "--shard", "2/3", "-o", "\(dir)/out/t.glb"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 tiles"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/out"))
    }

    /// The per-run tile cap bounds what one process bakes: a block too large for one run is
    /// accepted when split into shards that each stay under it (a 10 km world at 64 m is
    /// 157 x 157 tiles; 8 shards of it are 3081-3082 tiles each).
    @Test func theTileCapAppliesToEachShard() throws {
        let tenKm = "-79,-79:77,77"
        let whole = try ToolRun.run(tool, ["--chunks", tenKm, "-o", "/nonexistent/t.glb"])
        #expect(whole.status == 2)
        #expect(whole.stderr.contains("24649 tiles asked") && whole.stderr.contains("N ≥ 7"), "\(whole.stderr)")
        let six = try ToolRun.run(tool, ["--chunks", tenKm, "--shard", "5/6", "-o", "/nonexistent/t.glb"])
        #expect(six.status == 2 && six.stderr.contains("4108 tiles asked for shard 5/6"), "\(six.stderr)")
        // With 8 shards every share passes (--dry-run: checked and listed, nothing baked).
        for k in 0..<8 {
            let eight = try ToolRun.run(tool, ["--chunks", tenKm, "--shard", "\(k)/8", "--dry-run", "-o", "/nonexistent/t.glb"])
            #expect(eight.status == 0, "\(eight.stderr)")
            #expect(eight.stdout.split(separator: "\n").count == (k < 1 ? 3082 : 3081))
        }
        #expect(try ToolRun.run(tool, ["--dry-run", "-o", "/nonexistent/t.glb"]).status == 2, "--dry-run without --chunks")
    }
}

/// Per-index slots written once each from concurrent tool runs.
final class UnsafeRuns: @unchecked Sendable {
    private(set) var values: [ToolRun?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ run: ToolRun?) { lock.lock(); values[i] = run; lock.unlock() }
}
