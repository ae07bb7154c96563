import Foundation
import OysterCore
import OysterGen
import OysterImage
import OysterRender
@testable import OysterStream
import OysterTestSupport
import Testing

let openGLAvailable: Bool = (try? Renderer()) != nil

/// Rendering a world whose tiles stream round a moving camera.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct StreamedWorldTests {
    /// A 2 s flight 120 m east over the village, 4 frames a second.
    func flight() throws -> Shot {
        let path = try CameraPath(keys: [CameraPath.Key(time: 0, position: Vec3(-20, 30, 10), target: Vec3(0, 15, 10)),
                                         CameraPath.Key(time: 2, position: Vec3(100, 30, 10), target: Vec3(120, 15, 10))], interpolation: .linear)
        return try Shot(motion: .path(path), duration: 2, fps: 4)
    }

    func frames(_ world: StreamedWorld, _ shot: Shot, renderer: Renderer) throws -> [[UInt8]] {
        var out: [[UInt8]] = []
        try world.render(shot, base: RenderOptions(width: 64, height: 36), renderer: renderer, levelsOfDetail: true) { i, image in
            #expect(i == out.count)
            out.append(image.samples8)
        }
        return out
    }

    @Test func aFlightGivesTheSameFramesEveryRunAndKeepsOnlyItsWindowLoaded() throws {
        let window = TileWindow(size: 32, radius: 1, ahead: 1)
        let world = try StreamedWorld(recipe: testRecipe(), window: window)
        let shot = try flight()
        let renderer = try Renderer()
        let first = try frames(world, shot, renderer: renderer)
        let stats = world.statistics
        #expect(first.count == 8)
        #expect(Set(first).count == 8, "the camera moves")
        // Again with the same renderer, and with a new world and renderer on one worker thread:
        // the same bytes, whatever was cached or how fast tiles came.
        let again = try frames(world, shot, renderer: renderer) == first
        #expect(again, "a second run of the same shot gave other frames")
        let alone = try StreamedWorld(recipe: testRecipe(), window: window)
        alone.workers = 1
        let oneWorker = try frames(alone, shot, renderer: try Renderer()) == first
        #expect(oneWorker, "one worker thread and a new renderer gave other frames")
        // Bounded: never more than one window loaded, though the flight passed more tiles.
        let plan = world.plan(shot, base: RenderOptions(width: 64, height: 36))
        #expect(stats.peakTiles <= window.maxTiles && stats.peakTiles == plan.peakTiles)
        #expect(stats.tilesStaged == plan.spans.count && stats.tilesStaged > stats.peakTiles + 3)
        #expect(stats.peakWaiting <= max(2 * world.workers, 2 * (2 * window.radius + 1)))
        // The textures of the kinds the tiles use, shared: three per kind at most.
        #expect(stats.peakTextures > 0 && stats.peakTextures <= 3 * stats.bakedKinds * 2)
        #expect(renderer.sharedTextureCount == 0, "all dropped after the shot")
    }

    @Test func aFrameIsTheSameWhateverTheShotStreamedBeforeIt() throws {
        // The last frame of the flight (tiles loaded and dropped before it, their textures
        // shared and released) against the same view rendered on its own.
        let world = try StreamedWorld(recipe: testRecipe(), window: TileWindow(size: 32, radius: 1, ahead: 1))
        let shot = try flight()
        var base = RenderOptions(width: 64, height: 36)
        base.fogBase = 0
        let renderer = try Renderer()
        var last: [UInt8] = []
        try world.render(shot, base: base, renderer: renderer, levelsOfDetail: true) { _, image in last = image.samples8 }
        let end = shot.options(frame: shot.frameCount - 1, base: base)
        var alone = base
        alone.eye = end.eye
        alone.target = end.target
        alone.time = end.time
        var single: [UInt8] = []
        try world.render(try Shot(motion: .fixed, duration: 1, fps: 1), base: alone, renderer: renderer, levelsOfDetail: true) { _, image in single = image.samples8 }
        let same = single == last
        #expect(same, "the last frame of the flight differs from the same view rendered alone")
    }

    @Test func theWindowFollowsTheCameraFrameByFrame() throws {
        let window = TileWindow(size: 32, radius: 1, ahead: 1)
        let world = try StreamedWorld(recipe: testRecipe(), window: window)
        let shot = try flight()
        let plan = world.plan(shot, base: RenderOptions())
        for f in 0..<shot.frameCount {
            let o = shot.options(frame: f, base: RenderOptions())
            #expect(plan.frames[f].map { plan.spans[$0].tile } == window.tiles(eye: o.eye!, forward: o.target! - o.eye!))
        }
        // Frame 0 is over tile x = -1, the last over x = 2 (100 m / 32).
        #expect(plan.frames[0].map { plan.spans[$0].tile.x }.min() == -2)
        #expect(plan.frames[7].map { plan.spans[$0].tile.x }.min() == 1)
    }

    @Test func aDungeonIsNotAWorldOfTiles() {
        var r = testRecipe()
        r.scene = .interior
        #expect(throws: StreamedWorldError.interior) { _ = try StreamedWorld(recipe: r) }
    }

    @Test func theEstablishingCameraIsTheDefaultScenes() throws {
        var r = testRecipe()
        var options = WorldGenerator.Options()
        options.bakeTextures = false
        let scene = WorldGenerator.generate(r, options: options)
        let n = try #require(scene.nodes.firstIndex { $0.camera != nil })
        let world = scene.worldMatrices()[n]
        let camera = try StreamedWorld(recipe: r).establishingCamera
        #expect(length(world.transformPoint(.zero) - camera.eye) < 1e-3)
        let forward = normalize(world.transformDirection(Vec3(0, 0, -1)))
        #expect(length(forward - normalize(camera.target - camera.eye)) < 1e-3)
        r.scene = .interior
        #expect(WorldGenerator.establishingCamera(r) == nil)
    }
}

/// `oyster-render --world`, end to end.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct WorldCommandTests {
    let tool = RepoPaths.tool("oyster-render")

    @Test func aShortWalkChangingTheWorldRendersTheSameFramesTwice() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write(Array(testRecipe().jsonText.utf8), to: dir.file("recipe.json"))
        try AtomicFile.write(Array("""
        {"start": {"pitch": -5}, "actions": [{"do": "weather", "kind": "snow"}, {"do": "set-time", "to": "18:30", "seconds": 1},
          {"do": "move", "seconds": 2, "speed": 6}, {"do": "turn", "degrees": 60, "seconds": 1, "at": 1},
          {"do": "spawn", "thing": "tower", "at": "ahead", "distance": 20, "when": 0.5}]}
        """.utf8), to: dir.file("walk.json"))
        var outputs: [[String: [UInt8]]] = []
        for run in ["a", "b"] {
            let result = try ToolRun.run(tool, ["--world", "--recipe", dir.file("recipe.json"), "--actions", dir.file("walk.json"),
                                                "--fps", "4", "--size", "64x36", "--tile-size", "32", "--world-radius", "1", "--world-ahead", "1",
                                                "-o", dir.file("\(run)/%03d.png"), "--stats"], timeout: 300)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("wrote") && result.stderr.contains("8 frames"), "\(result.stderr)")
            // Memory stays bounded: at most one window (2 squares of 3×3) loaded at once.
            let loaded = result.stderr.firstMatch(of: /at most (\d+) loaded/).flatMap { Int($0.1) }
            #expect(loaded != nil && loaded! <= 18, "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.file(run)).sorted()
            #expect(names.count == 8)
            outputs.append(Dictionary(uniqueKeysWithValues: try names.map { ($0, try FileIO.read(dir.file("\(run)/\($0)"))) }))
        }
        #expect(outputs[0] == outputs[1], "same inputs, same frames")
        let first = try ImageCodec.decode(try #require(outputs[0]["000.png"]))
        #expect(first.width == 64 && first.height == 36)
    }

    @Test func badWorldChangesExitTwoNamingWhatIsWrongAndWriteNothing() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write(Array(testRecipe().jsonText.utf8), to: dir.file("recipe.json"))
        let cases: [(String, String)] = [
            ("{\"do\": \"spawn\", \"thing\": \"dragon\", \"at\": \"ahead\"}", "'dragon' cannot be spawned; things to spawn: house, well, castle, tower"),
            ("{\"do\": \"weather\", \"kind\": \"hail\"}", "'hail' is not a weather; one of clear, overcast, fog, rain, snow"),
            ("{\"do\": \"set-time\", \"to\": \"26:10\"}", "actions[0].to"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": [5e6, 0, 0]}", "off the world"),
        ]
        for (i, (action, message)) in cases.enumerated() {
            let script = dir.file("s\(i).json")
            try AtomicFile.write(Array("{\"actions\": [\(action), {\"do\": \"wait\", \"seconds\": 1}]}".utf8), to: script)
            let out = dir.file("o\(i).mp4")
            let run = try ToolRun.run(tool, ["--world", "--recipe", dir.file("recipe.json"), "--actions", script, "--fps", "4", "--size", "64x36", "-o", out])
            #expect(run.status == 2 && run.stderr.contains(message), "\(action): \(run.status) \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
    }

    @Test func worldUsageErrorsExitTwoAndWriteNothing() throws {
        let dir = TemporaryDirectory()
        let out = dir.file("w.png")
        let cases: [([String], String)] = [
            (["--world", "a village", "--recipe", dir.file("r.json")], "not both"),
            (["--world", "a village", "--camera", "Camera"], "--camera"),
            (["--world", "a village", "--turntable", "3", "-o", dir.file("w.mp4")], "--turntable"),
            (["--world", "a village", "--world-radius", "9"], "--world-radius"),
            (["--world", "a village", "--tile-size", "30"], "--tile-size"),
            (["a village", "--seed", "3"], "go with --world"),
            (["--world", "a dark dungeon with torches"], "dungeon"),
            (["--world", "a village", "-o", dir.file("w.mp4")], "--actions, --path or --duration"),
        ]
        for (args, message) in cases {
            let run = try ToolRun.run(tool, args + (args.contains("-o") ? [] : ["-o", out]))
            #expect(run.status == 2, "\(args): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(message), "\(args): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
