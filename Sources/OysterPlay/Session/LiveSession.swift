import Foundation
import OysterCore
import OysterExport
import OysterGen
import OysterImage
import OysterMotion
import OysterRender
import OysterStream

/// One player's live session: a thread of its own owning the renderer, running the
/// simulation at `fps` frames of wall-clock time, applying the page's controls at frame
/// boundaries and rendering the newest frame whenever the last one is done. Frames (JPEG
/// with a `FrameHeader`) and text go to `send`, on that thread; a slow client loses frames
/// there, never this loop.
public final class LiveSession: @unchecked Sendable {
    public struct Options: Sendable {
        public var width = 640
        public var height = 360
        /// Simulation frames per second (24: `oyster-render`'s default, so a replay at its
        /// default rate takes the same steps).
        public var fps = 24
        public var jpegQuality = 75
        public var device: RenderDevice = .auto
        /// The tiles a frame waits for: those round the player; the farther ones of its window
        /// are drawn as they come, one upload a frame, so streaming never stalls the page.
        public var waiting = LiveTiles.Waiting.near(rings: 1, uploads: 1)
        public init() {}
    }

    /// What the session sends.
    public enum Outgoing: Sendable {
        case frame([UInt8])
        case text(ServerMessage)
        /// A finished export's zip, and words saying what is in it (the server offers it for
        /// download and tells the page where).
        case download([UInt8], note: String)
    }

    /// Measured over the session.
    public struct Statistics: Sendable {
        public var framesSent = 0
        public var renderSeconds = 0.0
        public var encodeSeconds = 0.0
        public var simulationSeconds = 0.0
        /// Frames the simulation skipped drawing because the renderer was behind.
        public var framesSkipped = 0
        public var tiles = LiveTileStatistics()
    }

    public let world: PlayWorld
    public let options: Options
    private let streamed: StreamedWorld
    private let send: @Sendable (Outgoing) -> Void
    private let condition = NSCondition()
    private var pending: ControlInput?
    /// Direct commands read and waiting for the next frame boundary, with their `seq`.
    private var commands: [(seq: UInt32, command: DirectCommand)] = []
    private var scriptWanted = false
    /// An export asked for and not started yet; whether one is running (one at a time).
    private var exportWanted: ExportTarget?
    private var exporting = false
    private var stopped = false
    private var finished = false
    private var stats = Statistics()
    private var thread: Thread?
    /// Stops the frame maker's tiles, so a frame waiting for one ends at once.
    private var stopTiles: (@Sendable () -> Void)?

    public init(world: PlayWorld, streamed: StreamedWorld, options: Options, send: @escaping @Sendable (Outgoing) -> Void) {
        self.world = world
        self.streamed = streamed
        self.options = options
        self.send = send
    }

    /// Starts the session's thread.
    public func start() {
        let t = Thread { [self] in run() }
        t.stackSize = 16 << 20
        thread = t
        t.start()
    }

    /// Takes the page's controls; those not applied yet are merged into them (held keys are
    /// the newest, movements and presses add up), so input never queues without bound.
    public func submit(_ input: ControlInput) {
        condition.lock()
        pending = pending.map { $0.merged(with: input) } ?? input
        condition.broadcast()
        condition.unlock()
    }

    /// Asks for the session's script; it is sent as `.script` after the current frame.
    public func requestScript() {
        condition.lock()
        scriptWanted = true
        condition.broadcast()
        condition.unlock()
    }

    /// Commands waiting at once for the next frame, at most (more are answered, not queued).
    public static let maxWaitingCommands = 4

    /// Reads a Direct command line (`DirectCommand`). One that changes something is applied at
    /// the next frame boundary and answered then, as `.reply` through `send` (nil here); one
    /// that changes nothing, or that finds too many waiting, is answered at once.
    public func command(seq: UInt32, text: String) -> ServerMessage? {
        let command = DirectCommand(reading: text)
        guard !command.changes.isEmpty else { return .reply(seq: seq, text: command.reply) }
        condition.lock()
        defer { condition.unlock() }
        guard commands.count < Self.maxWaitingCommands else {
            return .reply(seq: seq, text: "not applied: \(Self.maxWaitingCommands) commands are already waiting for the next frame; try again")
        }
        commands.append((seq, command))
        condition.broadcast()
        return nil
    }

    /// Asks for an export of the region visited (`RegionExport`), started at the next frame
    /// boundary on a thread of its own; its progress and the zip come through `send`.
    /// Answered at once: asked, or refused while one is under way.
    public func requestExport(_ target: ExportTarget) -> ServerMessage {
        condition.lock()
        defer { condition.unlock() }
        guard exportWanted == nil, !exporting else {
            return .export(state: .working, text: "an export is already under way: wait for it", url: nil)
        }
        exportWanted = target
        condition.broadcast()
        return .export(state: .working, text: "export of the region you visited (\(target.rawValue)) asked for", url: nil)
    }

    /// Whether the session has been told to stop (an export under way gives up).
    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// Starts `job` on a thread of its own: the session's thread goes on drawing.
    private func startExport(_ job: RegionExport) {
        let world = UncheckedBox(streamed)
        let t = Thread { [self] in
            defer {
                condition.lock()
                exporting = false
                condition.unlock()
            }
            do {
                let result = try job.run(world: world.value, progress: { send(.text(.export(state: .working, text: $0, url: nil))) },
                                         cancelled: { isStopped })
                let mib = Double(result.zip.count) / 1_048_576
                send(.download(result.zip, note: "\(job.summary): \(result.files) files, \(result.triangles) triangles, "
                    + "validated with 0 errors; \(String(format: "%.1f", mib)) MiB zip in \(String(format: "%.1f", result.seconds)) s"))
            } catch {
                send(.text(.export(state: .failed, text: "export failed: \(error)", url: nil)))
            }
        }
        t.stackSize = 16 << 20
        t.start()
    }

    /// Stops the thread (a frame waiting for tiles ends at once; one being drawn is finished)
    /// and waits for it.
    public func stop() {
        condition.lock()
        stopped = true
        stopTiles?()
        condition.broadcast()
        while thread != nil && !finished { condition.wait() }
        condition.unlock()
    }

    public var statistics: Statistics {
        condition.lock()
        defer { condition.unlock() }
        return stats
    }

    // MARK: - The loop

    private func run() {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        let maker: FrameMaker
        let simulation: PlaySimulation
        do {
            simulation = try PlaySimulation(world: streamed, script: PlaySimulation.liveScript(streamed), fps: options.fps)
            maker = try FrameMaker(world: streamed, width: options.width, height: options.height, directedLight: true, device: options.device,
                                   waiting: options.waiting)
        } catch {
            send(.text(.error("cannot start the session: \(error)")))
            return
        }
        defer { maker.tiles.stop() }
        condition.lock()
        let tiles = UncheckedBox(maker.tiles)
        stopTiles = { tiles.value.stop() }
        let stoppedEarly = stopped
        condition.unlock()
        if stoppedEarly { return }
        send(.text(.hello(width: options.width, height: options.height, fps: options.fps, world: world.replayArguments)))
        let clock = ContinuousClock()
        var origin = clock.now
        let frameTime = Duration.seconds(1.0 / Double(options.fps))
        var recordingFull = false
        var first = true
        while true {
            // Wait for the next frame's time (or stop); take the controls that came.
            condition.lock()
            while !stopped && !first && clock.now < origin + frameTime * (simulation.frame + 1) {
                _ = condition.wait(until: Date(timeIntervalSinceNow: max(0.001, (origin + frameTime * (simulation.frame + 1) - clock.now).seconds)))
            }
            if stopped {
                condition.unlock()
                return
            }
            let input = pending
            pending = nil
            let directions = commands
            commands = []
            let wantsScript = scriptWanted
            scriptWanted = false
            let exportTarget = exportWanted
            exportWanted = nil
            if exportTarget != nil { exporting = true }
            condition.unlock()

            let simStart = clock.now
            if !first, let input, !recordingFull, !simulation.apply(input) {
                recordingFull = true
                send(.text(.error("this session's script is full (\(ActionScript.maxActions) actions or \(Int(ActionScript.maxSeconds)) s): save it and start a new session; input is no longer applied")))
            }
            // After the frame's controls (their actions start just before the boundary, a
            // command's just after), and before the first frame too: a command is never lost.
            for d in directions { send(.text(.reply(seq: d.seq, text: simulation.direct(d.command)))) }
            if !first {
                // Catch up with the clock, but by at most a quarter second: after a long
                // frame the simulation slows rather than jumps.
                var due = Int(((clock.now - origin).seconds * Double(options.fps)).rounded(.down))
                let most = simulation.frame + max(1, options.fps / 4)
                if due > most {
                    origin = origin + frameTime * (due - most)
                    due = most
                }
                let steps = max(1, due - simulation.frame)
                do {
                    for _ in 0..<steps { try simulation.advance() }
                } catch {
                    send(.text(.error("the session cannot go on: \(error)")))
                    return
                }
                addStats { $0.framesSkipped += steps - 1 }
            }
            first = false
            if let exportTarget {
                // What the frames so far have drawn, and what the player spawned, as of now.
                startExport(RegionExport(target: exportTarget, visited: maker.tiles.visited, around: simulation.walker.feet,
                                         tileSize: streamed.window.size, spawned: simulation.direction.spawns.map(\.placed),
                                         gatherings: simulation.direction.gatherCalls(base: maker.base.time),
                                         light: simulation.direction.controlsLight
                                            ? (simulation.hour, simulation.direction.weather(at: simulation.time)) : nil))
            }
            if wantsScript {
                let json = String(decoding: simulation.script.json(), as: UTF8.self)
                send(.text(.script(json: json, replay: "oyster-render \(world.replayArguments) --actions session.json -o replay.mp4 --size \(options.width)x\(options.height)")))
            }
            let renderStart = clock.now
            let camera = simulation.camera
            let forward = camera.target - camera.eye
            let image: PixelImage
            do {
                guard let drawn = try maker.render(camera: camera, time: simulation.time, direction: simulation.direction,
                                                   upcoming: [(simulation.predicted(1), forward), (simulation.predicted(2.5), forward)]) else { return }
                image = drawn
            } catch {
                send(.text(.error("rendering failed: \(error)")))
                return
            }
            let encodeStart = clock.now
            let jpeg: [UInt8]
            do { jpeg = try ImageCodec.encodeJPEG(image, quality: options.jpegQuality) } catch {
                send(.text(.error("encoding the frame failed: \(error)")))
                return
            }
            let header = FrameHeader(frame: simulation.frame, lastInput: simulation.controls.lastInput, time: simulation.time,
                                     player: simulation.player, hour: simulation.hour)
            send(.frame(header.message(jpeg: jpeg)))
            let done = clock.now
            let tiles = maker.tiles.statistics
            addStats {
                $0.framesSent += 1
                $0.simulationSeconds += (renderStart - simStart).seconds
                $0.renderSeconds += (encodeStart - renderStart).seconds
                $0.encodeSeconds += (done - encodeStart).seconds
                $0.tiles = tiles
            }
        }
    }

    private func addStats(_ change: (inout Statistics) -> Void) {
        condition.lock()
        change(&stats)
        condition.unlock()
    }
}

/// Carries a value that is safe to use from other threads but not marked `Sendable`
/// (`LiveTiles.stop()` locks).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension ControlInput {
    /// This input followed by `later`, as one: held keys and speed from `later`, mouse
    /// movement added, a jump if either jumped, and flying toggled if an odd number of
    /// toggles came.
    func merged(with later: ControlInput) -> ControlInput {
        var m = later
        m.lookX = lookX + later.lookX
        m.lookY = lookY + later.lookY
        m.jump = jump || later.jump
        m.fly = fly != later.fly
        return m
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
