import OysterCLI
import OysterCore
import OysterImage
import OysterRender
import OysterVideo
import OysterMotion
import Foundation

/// oyster-render: stills and video of a scene, headless (OpenGL through EGL; llvmpipe on a
/// CPU, the GPU's driver where there is one).
struct Render: OysterTool {
    static let toolName = "oyster-render"
    static let configuration = CommandConfiguration(
        commandName: "oyster-render",
        abstract: "Render stills and video of a scene, headless, on a CPU or a GPU.",
        discussion: """
            The output's name picks what is written: a .png still; an .mp4 (H.264) or .webm (VP9)
            video; numbered PNGs for a pattern such as frames/%05d.png or a folder ending in /.

            The view is the scene's first camera, or --camera NAME, or --from X,Y,Z --at X,Y,Z; a
            scene without cameras is framed from its bounds. Video moves with --turntable SECONDS
            (an orbit around the scene), --animation NAME (plays one glTF animation), --path FILE
            (a keyframed camera path, docs/camera-path.schema.json), --actions FILE (a walk or
            flight through the scene: on the ground, stopped by buildings, rocks and trunks;
            docs/action-script.schema.json) or --duration SECONDS (the view stays, the scene's
            animations play). Every animation of the scene plays unless
            --animation picks one.

            --world renders the unbounded world a prompt (the argument) or --recipe FILE describes
            (with --seed N), as oyster-generate would make it. Its tiles (--tile-size metres) are
            generated on worker threads as the camera comes near and dropped behind it: the
            square --world-radius tiles each way round the camera's tile, and the same square
            --world-ahead tiles along the view. The camera comes from --actions (walking on the
            streamed ground), --path, --from/--at, else the default scene's establishing camera;
            --duration holds it still. Rain, snow and mist fall round the camera.

            Under --world an action script can also change the world as it plays: set-time
            (the hour, at once or blended over seconds: sun, sky, ambient, fog, moon), weather
            (clear, overcast, fog, rain, snow) and spawn (a structure, plant or rock from the
            generator on the ground at a point or ahead of the walker, solid from then on; an
            unknown name is refused with the list of what can be spawned).

            Exit status: 0 rendered; 2 usage error (bad size, unknown camera or animation, bad
            path); 3 input unreadable or no headless OpenGL (the message names the packages);
            4 output could not be written (nothing is left half-written).
            """)

    @Argument(help: "The scene to render (.gltf, .glb or .obj); with --world, the world's prompt.")
    var input: String?

    @Flag(help: "Render the unbounded generated world the prompt (or --recipe) describes, tiles streamed round the camera.")
    var world = false

    @Option(help: "With --world: a recipe JSON file (docs/recipe.schema.json) instead of a prompt.")
    var recipe: String?

    @Option(help: "With --world: the seed (0...2^63-1); overrides the recipe's.")
    var seed: Int64?

    @Option(help: "With --world: tiles loaded on each side of the camera's tile (0-4).")
    var worldRadius = 2

    @Option(help: "With --world: the same square of tiles again, centred this many tiles ahead of the camera (0-8).")
    var worldAhead = 2

    @Option(help: "With --world: how far the land goes past the tiles, in metres (0: none, sky and fog there; up to 8000).")
    var worldHorizon: Float = 2400

    @Option(help: "With --world: side of a tile in metres (a multiple of 4, 16-256).")
    var tileSize: Float = 64

    @Option(name: [.short, .customLong("output")], help: "The still (.png), video (.mp4, .webm) or frames (frames/%05d.png) to write.")
    var output: String

    @Option(help: "Frame size WIDTHxHEIGHT (each 1-16384; even for video).")
    var size = "640x360"

    @Option(help: "A camera by node or camera name.")
    var camera: String?

    @Option(help: "Eye position X,Y,Z (with --at; write --from=-10,5,3 when it starts with a minus).")
    var from: String?

    @Option(help: "Point looked at X,Y,Z (with --from; default the scene's centre; --at=-1,0,2 for a leading minus).")
    var at: String?

    @Option(help: "Seconds into the animations (of a still; where a video starts).")
    var time: Float = 0

    @Option(help: "Video: one orbit around the scene taking this many seconds.")
    var turntable: Float?

    @Option(help: "Video: play this animation (by name or index) for its length.")
    var animation: String?

    @Option(help: "Video: follow this camera path (JSON, see docs/camera-path.schema.json).")
    var path: String?

    @Option(help: "Video: walk through the scene as this action script says (JSON, see docs/action-script.schema.json); with --world it may also set the time, the weather and spawn things.")
    var actions: String?

    @Option(help: "Video: seconds of a fixed view with the animations playing.")
    var duration: Float?

    @Option(help: "Video frames per second (1-120).")
    var fps = 24

    @Option(help: "Video quality 0-100 (70: each codec's usual default).")
    var quality = 70

    @Option(help: "Exposure in stops (EV): +1 doubles the light.")
    var exposure: Float = 0

    @Option(help: "Tone mapping: neutral (Khronos PBR Neutral), aces or none.")
    var tonemap: ToneMapping = .neutral

    @Option(help: "Samples per pixel (multisample anti-aliasing, 1-16; slow on a CPU). FXAA smooths edges in any case.")
    var samples = 1

    @Flag(help: "No FXAA edge smoothing.")
    var noFxaa = false

    @Flag(help: "No sun shadows.")
    var noShadows = false

    @Flag(help: "No distance fog.")
    var noFog = false

    @Option(help: "OpenGL device: auto (a GPU if there is one), cpu (llvmpipe) or gpu.")
    var device: RenderDevice = .auto

    @Flag(help: "Print what was drawn and how fast (frames per second of rendering alone, triangles per frame).")
    var stats = false

    @Flag(help: "With --stats: time each stage of a frame (shadows, culling, geometry, lighting, sky and blended, post, readback), waiting for the device at each stage's end, and print milliseconds per frame; where the device counts them, also the fragments each stage shades per frame.")
    var profile = false

    @Flag(help: "Read URIs and texture paths that leave the input's folder (refused by default).")
    var allowUnsafePaths = false

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (1...RenderOptions.maxSide).contains(w), (1...RenderOptions.maxSide).contains(h) else {
            throw ValidationError("--size must be WIDTHxHEIGHT with each side 1-\(RenderOptions.maxSide)")
        }
        return (w, h)
    }

    static func vector(_ text: String, _ flag: String) throws -> Vec3 {
        let v = text.split(separator: ",").map { Float($0.trimmingPrefix(" ")) }
        guard v.count == 3, let x = v[0], let y = v[1], let z = v[2], x.isFinite, y.isFinite, z.isFinite else {
            throw ValidationError("\(flag) must be three numbers X,Y,Z")
        }
        return Vec3(x, y, z)
    }

    var motions: [String] {
        [turntable.map { _ in "--turntable" }, animation.map { _ in "--animation" }, path.map { _ in "--path" }, actions.map { _ in "--actions" }, duration.map { _ in "--duration" }].compactMap { $0 }
    }

    func validate() throws {
        if world {
            try validateWorld()
        } else {
            guard let input else { throw ValidationError("give a scene to render, or --world with a prompt or --recipe") }
            if recipe != nil || seed != nil { throw ValidationError("--recipe and --seed go with --world") }
            guard let format = FileFormat(path: input), format.isScene else {
                throw ValidationError("cannot tell the scene format of '\(input)' (expected \(FileFormat.sceneExtensions))")
            }
        }
        guard let kind = FrameOutput(path: output) else {
            throw ValidationError("-o must name a .png still, an .mp4 or .webm video, or frames like frames/%05d.png")
        }
        let (w, h) = try parsedSize()
        if let from { _ = try Self.vector(from, "--from") }
        if let at { _ = try Self.vector(at, "--at") }
        if at != nil && from == nil { throw ValidationError("--at needs --from") }
        guard time.isFinite, time >= 0, time <= 86_400 else { throw ValidationError("--time must be 0-86400 seconds") }
        guard exposure.isFinite, abs(exposure) <= 20 else { throw ValidationError("--exposure must be -20...20 stops") }
        guard (1...16).contains(samples) else { throw ValidationError("--samples must be 1-16") }
        guard motions.count <= 1 else { throw ValidationError("choose one of \(motions.joined(separator: ", "))") }
        switch kind {
        case .still:
            if let m = motions.first { throw ValidationError("\(m) makes a video: -o must be .mp4, .webm or frames (frames/%05d.png)") }
        case .video, .frames:
            guard Shot.fpsRange.contains(fps) else { throw ValidationError("--fps must be \(Shot.fpsRange.lowerBound)-\(Shot.fpsRange.upperBound)") }
            guard (0...100).contains(quality) else { throw ValidationError("--quality must be 0-100") }
            if case .video = kind, w % 2 != 0 || h % 2 != 0 { throw ValidationError("a video's --size must be even on both sides (H.264 and VP9 store 4:2:0 colour)") }
        }
    }

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        if world { return try runWorld(console: console) }
        let input = input!
        var readOptions = SceneReadOptions()
        readOptions.allowUnsafePaths = allowUnsafePaths
        let (scene, diagnostics) = try SceneIO.read(input, options: readOptions)
        console.report(diagnostics, file: input)
        let options = try renderOptions()
        let renderer = try mapped { () throws(RenderError) in try Renderer(device: device) }

        guard case .still? = FrameOutput(path: output) else {
            return try renderVideo(scene, renderer: renderer, options: options, console: console)
        }
        let image = try mapped { () throws(RenderError) in try renderer.render(scene, options: options) }
        try writeStill(image, renderer: renderer, console: console)
    }

    /// The options every frame starts from, as the flags give them.
    func renderOptions() throws -> RenderOptions {
        let (w, h) = try parsedSize()
        var options = RenderOptions(width: w, height: h)
        options.camera = camera
        options.eye = try from.map { try Self.vector($0, "--from") }
        options.target = try at.map { try Self.vector($0, "--at") }
        options.time = time
        options.exposure = exposure
        options.toneMapping = tonemap
        options.shadows = !noShadows
        options.fog = !noFog
        options.samples = samples
        options.fxaa = !noFxaa
        options.profile = profile
        return options
    }

    /// Writes a still and says so.
    func writeStill(_ image: PixelImage, renderer: Renderer, console: Console) throws {
        if stats {
            let s = renderer.statistics
            Console.writeStderr("\(Self.toolName): stats: \(s.triangles) triangles in \(s.draws) draws, \(s.shadowTriangles) shadow triangles in \(s.shadowDraws) draws\n")
        }
        let png: [UInt8]
        do { png = try ImageCodec.encodePNG(image) } catch { throw ToolFailure.unwritable(output, "\(error)") }
        do { try AtomicFile.write(png, to: output) } catch { throw ToolFailure.unwritable(output, "\(error)") }
        console.info("\(Self.toolName): wrote \(output) (\(image.width)x\(image.height), \(renderer.deviceName))")
    }

    /// Renders the shot the flags describe into the video or frames `output` names, encoding
    /// on a second thread while the next frame renders.
    func renderVideo(_ scene: Scene, renderer: Renderer, options: RenderOptions, console: Console) throws {
        var base = options
        let shot: Shot
        do {
            if let turntable {
                shot = try Shot(motion: .path(try CameraPath.turntable(around: scene.subjectBounds(), seconds: turntable, aspect: Float(base.width) / Float(base.height))), duration: turntable, fps: fps)
            } else if let path {
                shot = try pathShot(try readCameraPath(path))
            } else if let actions {
                let script = try readActionScript(actions)
                if let change = script.actions.first(where: { $0.kind.changesWorld }) {
                    throw ActionScriptError.unsupported("\(change.kind.command) changes the world, which needs the world generator: render the world with --world (a prompt or --recipe) instead of a scene file")
                }
                let walk = try Walker.camera(for: script, over: Ground(scene), camera: Walker.sceneCamera(scene), fps: fps)
                shot = try pathShot(walk)
            } else if let animation {
                let index = Int(animation).flatMap { scene.animations.indices.contains($0) ? $0 : nil }
                    ?? scene.animations.firstIndex { $0.name == animation }
                guard let index else {
                    let names = scene.animations.enumerated().map { $0.element.name ?? "\($0.offset)" }
                    throw ToolFailure(.usage, file: inputName, "no animation named '\(animation)'" + (names.isEmpty ? "; the scene has none" : "; animations: " + names.joined(separator: ", ")))
                }
                base.animations = [index]
                shot = try Shot(motion: .fixed, duration: max(scene.animations[index].duration, 1 / Float(fps)), fps: fps)
            } else {
                let longest = scene.animations.map(\.duration).max() ?? 0
                guard let seconds = duration ?? (longest > 0 ? longest : nil) else {
                    throw ToolFailure(.usage, file: inputName, "nothing moves in this scene: give --duration, --turntable or --path for a video")
                }
                shot = try Shot(motion: .fixed, duration: seconds, fps: fps)
            }
        } catch let error as CameraPathError {
            throw ToolFailure(.usage, file: path ?? inputName, error.description)
        } catch let error as ShotError {
            throw ToolFailure(.usage, error.description)
        } catch let error as ActionScriptError {
            throw ToolFailure(.usage, file: actions, error.description)
        }

        let prepared = renderer.prepare(scene, levelsOfDetail: true)
        try writeVideo(shot, width: base.width, height: base.height, renderer: renderer, console: console) { frame in
            try renderer.render(prepared, shot: shot, base: base, frame: frame)
        }
    }

    /// Encodes the frames `render` makes (handing each to its callback, in order) into the
    /// video or frames `output` names, on a second thread while the next frame renders, with a
    /// progress bar; says what it wrote (and with --stats how fast).
    func writeVideo(_ shot: Shot, width: Int, height: Int, renderer: Renderer, console: Console,
                    render: ((Int, PixelImage) throws -> Void) throws -> Void) throws {
        var videoOptions = VideoOptions(width: width, height: height, fps: FrameRate(fps), quality: quality)
        videoOptions.maxFrames = Shot.maxFrames
        let summary: FrameSinkSummary
        do {
            let sink = PipelinedSink(try makeFrameSink(path: output, options: videoOptions))
            let progress = ProgressBar(total: shot.frameCount, label: "rendering", console: console)
            var totals = FrameStatistics()
            var stageTimes: [FrameStage: [Double]] = [:]
            let start = ContinuousClock.now
            var encoding = Duration.zero
            try render { index, image in
                let handed = ContinuousClock.now
                try sink.append(image)
                encoding += ContinuousClock.now - handed
                totals.accumulate(renderer.statistics)
                for (stage, t) in renderer.statistics.stageSeconds { stageTimes[stage, default: []].append(t) }
                progress.update(index + 1)
            }
            let elapsed = ContinuousClock.now - start
            progress.finish()
            summary = try sink.finish()
            if stats {
                let n = Double(shot.frameCount)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                let waiting = Double(encoding.components.seconds) + Double(encoding.components.attoseconds) * 1e-18
                Console.writeStderr(String(format: "%@: stats: %.1f frames/s end to end (%.1f rendering alone), %.0f triangles and %.0f draws per frame, %.0f shadow triangles\n",
                                           Self.toolName, n / seconds, n / max(seconds - waiting, 1e-9), Double(totals.triangles) / n,
                                           Double(totals.draws) / n, Double(totals.shadowTriangles) / n))
                if profile {
                    // Medians: a frame that first draws a shader variant also JIT-compiles it, and a
                    // mean spreads those compiles over every frame of a short shot.
                    let stages = stageTimes.sorted { $0.key < $1.key }.map { String(format: "%@ %.1f", $0.key.rawValue, Self.median($0.value) * 1000) }
                    Console.writeStderr("\(Self.toolName): profile (median ms per frame): \(stages.joined(separator: ", "))\n")
                    if totals.stageFragments.isEmpty {
                        Console.writeStderr("\(Self.toolName): profile: \(renderer.deviceName) does not count fragments\n")
                    } else {
                        let counts = totals.stageFragments.sorted { $0.key < $1.key }.filter { $0.value > 0 }
                            .map { String(format: "%@ %.0f", $0.key.rawValue, Double($0.value) / n) }
                        Console.writeStderr("\(Self.toolName): profile (fragments rasterized per frame, before the depth test): \(counts.joined(separator: ", "))\n")
                    }
                }
            }
        } catch {
            switch error {
            case let video as VideoError: throw ToolFailure(ExitStatus(rawValue: video.exitStatus) ?? .outputFailed, file: output, video.description)
            case let render as RenderError: throw Self.failure(render, input: inputName)
            default: throw error
            }
        }
        let length = summary.duration.map { String(format: ", %.2f s", $0) } ?? ""
        console.info("\(Self.toolName): wrote \(summary.path) (\(summary.frames) frames \(width)x\(height) at \(fps) fps\(length), \(summary.encoder), \(renderer.deviceName))")
    }

    /// What error messages name as the input: the scene file, or the world's prompt or recipe.
    var inputName: String { world ? (recipe ?? input.map { "world '\($0)'" } ?? "world") : (input ?? "") }

    /// Runs a renderer call, turning its typed error into the tool's exit status.
    func mapped<T>(_ body: () throws(RenderError) -> T) throws -> T {
        do { return try body() } catch { throw Self.failure(error, input: inputName) }
    }

    /// The middle of some values (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func failure(_ error: RenderError, input: String) -> ToolFailure {
        switch error {
        case .unknownCamera, .badSize: return ToolFailure(.usage, file: input, error.description)
        case .noOpenGL, .noGPU, .gl: return ToolFailure.unreadable(input, error.description)
        }
    }
}

extension Render {
    /// A camera path file (`--path`), read within its size limit.
    func readCameraPath(_ path: String) throws -> CameraPath {
        let file: [UInt8]
        do { file = try FileIO.read(path, limit: 16 << 20) } catch { throw ToolFailure.unreadable(path, "\(error)") }
        return try CameraPath(json: file)
    }

    /// An action script file (`--actions`), read within its size limit.
    func readActionScript(_ path: String) throws -> ActionScript {
        let file: [UInt8]
        do { file = try FileIO.read(path, limit: 32 << 20) } catch { throw ToolFailure.unreadable(path, "\(error)") }
        return try ActionScript(json: file)
    }

    /// A shot following `camera` for its length (at least one frame).
    func pathShot(_ camera: CameraPath) throws -> Shot {
        try Shot(motion: .path(camera), duration: max(camera.duration, 1 / Float(fps)), fps: fps)
    }
}

extension ToneMapping: ExpressibleByArgument {}
extension RenderDevice: ExpressibleByArgument {}

Render.runAsTool()
