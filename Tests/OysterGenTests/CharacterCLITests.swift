import Foundation
import OysterCore
import OysterGen
import OysterJSON
import OysterTestSupport
import Testing

/// The JSON chunk of the GLB at `path` (after the 12-byte header and the chunk's length and type).
func glbJSON(_ path: String) throws -> JSONValue {
    let bytes = try FileIO.read(path)
    let n = Int(bytes[12]) | Int(bytes[13]) << 8 | Int(bytes[14]) << 16 | Int(bytes[15]) << 24
    return try JSONParser.parse(Array(bytes[20..<(20 + n)]))
}

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
        #expect(run.stderr.contains("warning: characters: 10001 in the cast, at most 64 are placed"), "\(run.stderr)")
    }
}

/// `oyster-generate` with animals: lineups, prompt words through `--explain`, the herd cap.
@Suite(.serialized) struct AnimalCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    @Test func aHugeHerdIsCappedWithAWarningNamingTheCapAndExplainShowsTheAnimals() throws {
        let run = try ToolRun.run(tool, ["a valley with 200 sheep and a dog", "--explain"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: animals: 206 in the cast, at most 64 are placed (Recipe.maxAnimals)"), "\(run.stderr)")
        #expect(run.stdout.contains("\"animal\": \"sheep\"") && run.stdout.contains("\"animal\": \"dog\""), "\(run.stdout)")
    }

    @Test func aLineupTakesAnimalsAndBadNamesAreUsageErrors() throws {
        let dir = NSTemporaryDirectory() + "oyster-animals-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = dir + "/r.json"
        try "{\"textureResolution\": 16}".write(toFile: recipe, atomically: true, encoding: .utf8)
        let ok = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "animals,knight", "-o", dir + "/herd.glb", "-q"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let json = try glbJSON(dir + "/herd.glb")
        #expect(json["skins"]?.arrayValue?.count == AnimalSpecies.allCases.count + 1)
        let names = json["animations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("horse-walk") && names.contains("walk") && names.contains("sheep-graze"), "\(names)")
        let bad = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "horse,unicorn", "-o", dir + "/x.glb"])
        #expect(bad.status == 2 && bad.stderr.contains("'unicorn' is not a role or an animal"), "\(bad.stderr)")
    }
}

/// `oyster-generate` with birds and fish: lineups, words through `--explain`, and worlds
/// without them unchanged to the byte.
@Suite(.serialized) struct BirdAndFishCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    func withDir(_ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "oyster-birds-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test func aLineupTakesBirdsAndFishWithTheirClips() throws {
        try withDir { dir in
            let recipe = dir + "/r.json"
            try "{\"textureResolution\": 16}".write(toFile: recipe, atomically: true, encoding: .utf8)
            let ok = try ToolRun.run(tool, ["--recipe", recipe, "--characters", "birds,fish", "-o", dir + "/wild.glb", "-q"])
            #expect(ok.status == 0, "\(ok.stderr)")
            let json = try glbJSON(dir + "/wild.glb")
            #expect(json["skins"]?.arrayValue?.count == BirdSpecies.allCases.count + FishSpecies.allCases.count)
            let names = Set(json["animations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
            // Each species' clips, and the lineup's sky (DayCycle) as every lineup has.
            #expect(names == ["crow-fly", "crow-glide", "gull-fly", "gull-glide", "pigeon-fly", "pigeon-glide", "trout-swim", "carp-swim", "DayCycle"], "\(names)")
        }
    }

    @Test func explainShowsTheFlockAndTheShoal() throws {
        let run = try ToolRun.run(tool, ["a flock of gulls over a lake with fish", "--explain"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"animal\": \"gull\"") && run.stdout.contains("\"animal\": \"trout\""), "\(run.stdout)")
    }

    /// A village world with a herd and people named in its recipe: its GLB's SHA-256, so a
    /// change that moves anyone or anything in it shows here. Written by `main` before birds
    /// and fish came (a3af885) and kept through them; made again when walkers began to take
    /// turns round the well and along the roads (the second villager now strolls), and again when
    /// a stroll's far stand lost its key at the instant the walk back begins, and when each piece
    /// of a body came to sample one period of its texture (`fitUVsIntoOnePeriod`), when the
    /// land beyond the region came on rings of about square cells (`HorizonRings`), and when
    /// that land's triangles came to be cut between ground kinds
    /// (`TerrainMesher.cutsBetweenKinds`).
    @Test func aWorldWithoutBirdsOrFishKeepsItsBytes() throws {
        try withDir { dir in
            let recipe = dir + "/r.json"
            try #"{"seed":3,"size":128,"detail":"low","textureResolution":16,"characters":[{"animal":"deer","count":6},{"animal":"horse","count":2},{"role":"villager","count":3}]}"#
                .write(toFile: recipe, atomically: true, encoding: .utf8)
            let run = try ToolRun.run(tool, ["--recipe", recipe, "-o", dir + "/herd.glb", "-q"])
            #expect(run.status == 0, "\(run.stderr)")
            let digest = SHA256.hex(try FileIO.read(dir + "/herd.glb"))
            #expect(digest == "7e2e44e487bf3c437a1b79d8c607a293916aa05ec19d755fe7c17b71280798fa")
        }
    }
}
