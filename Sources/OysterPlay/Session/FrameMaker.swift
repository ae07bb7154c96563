import OysterCore
import OysterImage
import OysterRender
import OysterStream

/// Draws a session's frames: the renderer (GL lives on the thread that makes this, and every
/// call must come from it), the tiles streamed round the camera (`LiveTiles`) and the land
/// beyond them (`StreamedHorizon`), with the options `oyster-render --world` uses for video,
/// so a replay draws the same frames.
public final class FrameMaker {
    public let renderer: Renderer
    public let tiles: LiveTiles
    /// The land beyond the tiles (none when the world has no `horizonReach`).
    public let horizon: StreamedHorizon?
    public var base: RenderOptions
    /// The fog's base: the lowest point of the first frame's tiles, then fixed (as a replay).
    private var fogBase: Float?
    private var firstFrame = true
    /// The light, the spawned things and the weather drawn with the tiles, as a replay draws them.
    private var scenery: DirectedScenery
    /// Which tiles a frame waits for after the first (`LiveTiles.Waiting`).
    public let waiting: LiveTiles.Waiting

    /// `directedLight`: the session's script sets the time or the weather (a live session's
    /// always does), so tiles come with their lamps and each frame's light is the script's.
    /// `waiting`: `.everyTile` for recordings (every frame is the replay's); a live page passes
    /// `.near`, so a frame never stalls for a distant tile or the land beyond.
    public init(world: StreamedWorld, width: Int, height: Int, directedLight: Bool, device: RenderDevice = .auto,
                waiting: LiveTiles.Waiting = .everyTile) throws(RenderError) {
        renderer = try Renderer(device: device)
        // The first frame waits for its whole window: the fog's base is read from its tiles
        // and kept, as a replay does.
        tiles = LiveTiles(world: world, lamps: directedLight, waiting: .everyTile)
        horizon = world.horizonReach.map { StreamedHorizon(world: world, reach: $0, making: .waited) }
        self.waiting = waiting
        base = RenderOptions(width: width, height: height)
        scenery = DirectedScenery(world: world, direction: nil, levelsOfDetail: true)
    }

    /// What the frames draw: statistics of the weather made round the camera.
    public var weatherFields: Int { scenery.weatherFields }

    /// The frame at `time` seen from `camera` in the world as `direction` has changed it;
    /// `upcoming` cameras' tiles are staged ahead. Nil when the tiles were stopped
    /// (`tiles.stop()`, from any thread) while it waited.
    public func render(camera: (eye: Vec3, target: Vec3), time: Float, direction: WorldDirection,
                       upcoming: [(eye: Vec3, forward: Vec3)]) throws(RenderError) -> PixelImage? {
        let forward = camera.target - camera.eye
        guard var scenes = tiles.scenes(eye: camera.eye, forward: forward, upcoming: upcoming, renderer: renderer) else { return nil }
        if fogBase == nil {
            var box = AABB.empty
            for s in scenes where !s.bounds.isEmpty { box.add(s.bounds) }
            fogBase = box.isEmpty ? 0 : box.min.y
        }
        if let land = horizon?.scene(around: tiles.world.window.tiles(eye: camera.eye, forward: forward), renderer: renderer) { scenes.append(land) }
        if firstFrame {
            // After the first frame, a live page's frames wait only for what `waiting` says,
            // and the land beyond is made in the background.
            firstFrame = false
            tiles.waiting = waiting
            if waiting != .everyTile { horizon?.making = .inBackground }
        }
        var o = base
        o.time = base.time + direction.clock(at: time)
        o.eye = camera.eye
        o.target = camera.target
        // A walk's camera keys have the default field of view; so does a replay.
        o.fieldOfView = CameraPath.Key(time: 0, position: .zero, target: Vec3(0, 0, -1)).fieldOfView
        o.fogBase = fogBase
        scenery.direction = direction
        return try renderer.render(scenery.scenes(around: scenes, time: time, options: o, renderer: renderer), options: o)
    }
}
