import Foundation
import Logging
import Synchronization
import OysterCLI
import OysterCore
import OysterMotion
import OysterPlay
import OysterRender
import OysterStream

/// oyster-play: walk through a generated world live in the browser (Wander mode), or play an
/// action script through the same session loop without one (`--headless`).
struct Play: OysterTool {
    static let toolName = "oyster-play"
    static let configuration = CommandConfiguration(
        commandName: "oyster-play",
        abstract: "Walk through a generated world live in the browser, or record a session headless.",
        discussion: """
            Starts a server on 127.0.0.1 and prints its URL: the page shows the world rendered on
            this machine (JPEG frames over a WebSocket) and sends the keys back. W A S D or the
            arrows walk, the mouse looks (click the view for pointer lock), Shift runs, Space
            jumps, F flies, the wheel changes speed. Save downloads the session as an action script
            (docs/action-script.schema.json) that `oyster-render --world PROMPT --seed S --actions
            session.json -o replay.mp4` replays step for step. Each page gets a session of its own,
            up to --max-sessions; one more is refused until one closes.

            The server listens on 127.0.0.1 only. --host ADDRESS serves another address (0.0.0.0:
            every interface); then every request needs the random token in the printed URL.

            --headless plays --actions FILE through the same session loop and writes the frames to
            --record (an .mp4, .webm or numbered PNGs), for tests and CI.

            Exit status: 0 done; 2 usage error; 3 unreadable input or no headless OpenGL; 4 the
            recording could not be written, or the port could not be served (in use).
            """)

    @Argument(help: "The world's prompt (as oyster-generate reads it).")
    var prompt: String?

    @Option(help: "A recipe JSON file (docs/recipe.schema.json) instead of a prompt.")
    var recipe: String?

    @Option(help: "The seed (0...2^63-1); overrides the recipe's.")
    var seed: Int64?

    @Option(help: "The port to serve on (0 picks a free one).")
    var port = 8080

    @Option(help: "Serve this address instead of 127.0.0.1 (e.g. 0.0.0.0); every request then needs the printed URL's token.")
    var host: String?

    @Option(help: "Pages playing at once, at most (1-8; each draws its own frames).")
    var maxSessions = 2

    @Option(help: "Frame size WIDTHxHEIGHT, even sides, up to 1280x720.")
    var size = "640x360"

    @Option(help: "JPEG quality of the streamed frames (1-100).")
    var jpegQuality = 75

    @Option(help: "auto, cpu or gpu.")
    var device: RenderDevice = .auto

    @Flag(help: "No browser: play --actions and write --record.")
    var headless = false

    @Option(help: "With --headless: the action script to play.")
    var actions: String?

    @Option(help: "With --headless: where to write the frames (.mp4, .webm, frames/%05d.png).")
    var record: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if recipe != nil, prompt != nil { throw ValidationError("give a prompt or --recipe, not both") }
        if let seed, seed < 0 { throw ValidationError("--seed must be 0 or more") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard (1...8).contains(maxSessions) else { throw ValidationError("--max-sessions must be 1-8") }
        if let host, host.isEmpty || host.contains(where: { $0.isWhitespace || $0 == "/" }) {
            throw ValidationError("--host must be an address such as 0.0.0.0 or 192.168.1.5")
        }
        if headless, host != nil { throw ValidationError("--host goes with the server, not --headless") }
        guard (1...100).contains(jpegQuality) else { throw ValidationError("--jpeg-quality must be 1-100") }
        _ = try parsedSize()
        if headless {
            guard actions != nil, record != nil else { throw ValidationError("--headless needs --actions FILE and --record OUTPUT") }
        } else if actions != nil || record != nil {
            throw ValidationError("--actions and --record go with --headless")
        }
    }

    func parsedSize() throws -> (Int, Int) {
        let parts = size.lowercased().split(separator: "x").map { Int($0) }
        guard parts.count == 2, let w = parts[0], let h = parts[1], (16...1280).contains(w), (16...720).contains(h), w % 2 == 0, h % 2 == 0 else {
            throw ValidationError("--size must be WIDTHxHEIGHT, even sides, 16x16 to 1280x720")
        }
        return (w, h)
    }

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        let world: PlayWorld
        do {
            let file = try recipe.map { path in
                do { return (path: path, bytes: try FileIO.read(path, limit: 16 << 20)) } catch {
                    throw ToolFailure.unreadable(path, "cannot read recipe file: \(error)")
                }
            }
            world = try PlayWorld(prompt: prompt, recipe: file, seed: seed.map(Int.init))
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure.unreadable(recipe ?? "recipe", "bad recipe: \(error)")
        }
        let streamed: StreamedWorld
        do { streamed = try StreamedWorld(recipe: world.recipe) } catch {
            throw ToolFailure(.usage, error.description)
        }
        var options = LiveSession.Options()
        (options.width, options.height) = try parsedSize()
        options.jpegQuality = jpegQuality
        options.device = device
        if headless {
            try runHeadless(world: streamed, options: options, console: console)
        } else {
            try serve(world: world, streamed: streamed, options: options, console: console)
        }
    }

    func runHeadless(world: StreamedWorld, options: LiveSession.Options, console: Console) throws {
        guard let actions, let record else { return }
        let file: [UInt8]
        do { file = try FileIO.read(actions, limit: 32 << 20) } catch { throw ToolFailure.unreadable(actions, "\(error)") }
        let script: ActionScript
        do { script = try ActionScript(json: file) } catch { throw ToolFailure(.usage, file: actions, error.description) }
        let summary: HeadlessSession.Summary
        do {
            summary = try HeadlessSession.record(world: world, script: script, options: options, to: record)
        } catch let error as RenderError {
            throw ToolFailure.unreadable(actions, error.description)
        } catch {
            throw ToolFailure.unwritable(record, "\(error)")
        }
        let f = summary.feet
        console.info(String(format: "%@: wrote %@ (%d frames %dx%d at %d fps; %.1f frames/s; ended at %.2f, %.2f, %.2f; %d tiles streamed, %d waits for tiles)",
                            Self.toolName, record, summary.frames, options.width, options.height, options.fps,
                            Double(summary.frames) / max(summary.seconds, 1e-9), f.x, f.y, f.z, summary.tiles.staged, summary.tiles.waits))
    }

    func serve(world: PlayWorld, streamed: StreamedWorld, options: LiveSession.Options, console: Console) throws {
        // Fail now, not on the page, when there is no headless OpenGL (each session makes its
        // own context on its own thread).
        do { _ = try Renderer(device: options.device) } catch {
            throw ToolFailure(.unreadableInput, error.description)
        }
        let service = PlayService(world: world, streamed: streamed, options: options, maxSessions: maxSessions)
        service.onSessionEnd = { s in
            let n = Double(max(s.framesSent, 1))
            let t = s.tiles
            console.info(String(format: "%@: session ended: %d frames sent (%d more simulated, not drawn); per frame %.1f ms drawing, %.1f ms JPEG, %.1f ms simulation; %d tiles staged, %d uploaded (%.1f ms each), %d frames waited for tiles (longest %.0f ms); streaming held a frame up %.0f ms at most (first frame: %.0f ms waiting)",
                                Self.toolName, s.framesSent, s.framesSkipped, s.renderSeconds / n * 1000, s.encodeSeconds / n * 1000,
                                s.simulationSeconds / n * 1000, t.staged, t.uploaded, t.uploadSeconds / Double(max(t.uploaded, 1)) * 1000,
                                t.waits, t.longestWaitSeconds * 1000, t.longestFrameSeconds * 1000, t.firstFrameWaitSeconds * 1000))
        }
        // The server's own log only for trouble: the URL line below is what a person needs.
        var logger = Logger(label: Self.toolName)
        logger.logLevel = .warning
        // Another address than loopback is reachable from other machines: a token guards it.
        let token = host.map { _ in AccessToken.random() }
        let address = host ?? "127.0.0.1"
        let shown = address == "0.0.0.0" || address == "::" ? "<this machine's address>" : address.contains(":") ? "[\(address)]" : address
        let query = token.map { "?token=\($0.value)" } ?? ""
        let app = PlayServer.application(service: service, host: address, port: port, token: token, logger: logger) { bound in
            console.info("\(Self.toolName): open http://\(shown):\(bound)/\(query) (Ctrl-C stops)")
        }
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<Error?>(nil)
        Task {
            do { try await app.runService() } catch { failure.withLock { $0 = error } }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw ToolFailure(.outputFailed, "the server stopped: \(error)") }
    }
}

extension RenderDevice: ExpressibleByArgument {}

Play.runAsTool()
