import OysterCore
import OysterImage
import OysterMotion
import OysterRender
import OysterStream
import OysterVideo

/// The session loop without a browser (`oyster-play --headless`): the script's actions are
/// played frame by frame by the same simulation and drawn by the same frame maker as a live
/// session, every frame in turn rather than on the clock, and written through `OysterVideo`.
public enum HeadlessSession {
    /// What a run did.
    public struct Summary: Sendable {
        public var frames = 0
        public var seconds = 0.0
        public var output: FrameSinkSummary?
        /// Where the player ended (feet) and which way it looked.
        public var feet = Vec3.zero
        public var heading: Float = 0
        public var tiles = LiveTileStatistics()
    }

    /// Frames the script plays at `fps`: its duration (at least one frame's), as a replay
    /// renders it.
    public static func frameCount(_ script: ActionScript, fps: Int) -> Int {
        Int((Double(max(script.duration, 1 / Float(fps))) * Double(fps)).rounded())
    }

    /// Plays `script` in `world`, handing each frame (index, header, image) to `frame`.
    /// Call on the thread that should own the GL context.
    public static func run(world: StreamedWorld, script: ActionScript, options: LiveSession.Options,
                           frame: (Int, FrameHeader, PixelImage) throws -> Void) throws -> Summary {
        let simulation = try PlaySimulation(world: world, script: script, fps: options.fps)
        let maker = try FrameMaker(world: world, width: options.width, height: options.height,
                                   directedLight: simulation.direction.controlsLight, device: options.device)
        defer { maker.tiles.stop() }
        let count = frameCount(script, fps: options.fps)
        let clock = ContinuousClock()
        let start = clock.now
        for f in 0..<count {
            if f > 0 { try simulation.advance() }
            let camera = simulation.camera
            let forward = camera.target - camera.eye
            // Nothing stops these tiles but this function, so a frame always comes.
            guard let image = try maker.render(camera: camera, time: simulation.time, direction: simulation.direction,
                                               upcoming: [(simulation.predicted(1), forward), (simulation.predicted(2.5), forward)]) else { break }
            let header = FrameHeader(frame: f, lastInput: 0, time: simulation.time, player: simulation.player, hour: simulation.hour)
            try frame(f, header, image)
        }
        var summary = Summary()
        summary.frames = count
        summary.seconds = (clock.now - start).seconds
        summary.feet = simulation.walker.feet
        summary.heading = simulation.walker.heading
        summary.tiles = maker.tiles.statistics
        return summary
    }

    /// Plays `script` and writes the frames to `path` (a video, or numbered PNGs).
    public static func record(world: StreamedWorld, script: ActionScript, options: LiveSession.Options, to path: String, quality: Int = 70) throws -> Summary {
        var video = VideoOptions(width: options.width, height: options.height, fps: FrameRate(options.fps), quality: quality)
        video.maxFrames = VideoOptions.maxFrameLimit
        let sink = PipelinedSink(try makeFrameSink(path: path, options: video))
        var summary = try run(world: world, script: script, options: options) { _, _, image in try sink.append(image) }
        summary.output = try sink.finish()
        return summary
    }
}
