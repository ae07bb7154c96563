import Foundation
import OysterCore
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
    private var scriptWanted = false
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

    /// The answer to a Direct command line. Direct mode is not built yet: every command is
    /// answered as not understood, naming what was said, never ignored silently.
    public func command(seq: UInt32, text: String) -> ServerMessage {
        .reply(seq: seq, text: "not yet understood: \"\(text)\" (Direct commands are not built yet; this session walks only)")
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
        do { maker = try FrameMaker(world: streamed, width: options.width, height: options.height, device: options.device,
                                        waiting: options.waiting) } catch {
            send(.text(.error("cannot render: \(error)")))
            return
        }
        defer { maker.tiles.stop() }
        condition.lock()
        let tiles = UncheckedBox(maker.tiles)
        stopTiles = { tiles.value.stop() }
        let stoppedEarly = stopped
        condition.unlock()
        if stoppedEarly { return }
        let simulation = PlaySimulation(world: streamed, fps: options.fps)
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
            let wantsScript = scriptWanted
            scriptWanted = false
            condition.unlock()

            let simStart = clock.now
            if !first {
                if let input, !recordingFull, !simulation.apply(input) {
                    recordingFull = true
                    send(.text(.error("this session's script is full (\(ActionScript.maxActions) actions or \(Int(ActionScript.maxSeconds)) s): save it and start a new session; input is no longer applied")))
                }
                // Catch up with the clock, but by at most a quarter second: after a long
                // frame the simulation slows rather than jumps.
                var due = Int(((clock.now - origin).seconds * Double(options.fps)).rounded(.down))
                let most = simulation.frame + max(1, options.fps / 4)
                if due > most {
                    origin = origin + frameTime * (due - most)
                    due = most
                }
                let steps = max(1, due - simulation.frame)
                for _ in 0..<steps { simulation.advance() }
                addStats { $0.framesSkipped += steps - 1 }
            }
            first = false
            if wantsScript {
                let json = String(decoding: simulation.script.json(), as: UTF8.self)
                send(.text(.script(json: json, replay: "oyster-render \(world.replayArguments) --actions session.json -o replay.mp4 --size \(options.width)x\(options.height)")))
            }
            let renderStart = clock.now
            let camera = simulation.camera
            let forward = camera.target - camera.eye
            let image: PixelImage
            do {
                guard let drawn = try maker.render(camera: camera, time: simulation.time,
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
            let w = simulation.walker
            let header = FrameHeader(frame: UInt32(simulation.frame), lastInput: simulation.controls.lastInput, time: simulation.time,
                                     position: (w.feet.x, w.feet.y, w.feet.z), heading: w.heading * 180 / .pi,
                                     hour: maker.hour, flying: w.flying)
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
