import OysterCore
import OysterImage
import OysterRender
import OysterStream

/// Draws a session's frames: the renderer (GL lives on the thread that makes this, and every
/// call must come from it) and the tiles streamed round the camera (`LiveTiles`), with the
/// options `oyster-render --world` uses for video, so a replay draws the same frames.
public final class FrameMaker {
    public let renderer: Renderer
    public let tiles: LiveTiles
    public var base: RenderOptions
    /// The fog's base: the lowest point of the first frame's tiles, then fixed (as a replay).
    private var fogBase: Float?
    /// The light, the spawned things and the weather drawn with the tiles, as a replay draws them.
    private var scenery: DirectedScenery

    /// `directedLight`: the session's script sets the time or the weather (a live session's
    /// always does), so tiles come with their lamps and each frame's light is the script's.
    public init(world: StreamedWorld, width: Int, height: Int, directedLight: Bool, device: RenderDevice = .auto) throws(RenderError) {
        renderer = try Renderer(device: device)
        tiles = LiveTiles(world: world, lamps: directedLight)
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
        guard let scenes = tiles.scenes(eye: camera.eye, forward: camera.target - camera.eye, upcoming: upcoming, renderer: renderer) else { return nil }
        if fogBase == nil {
            var box = AABB.empty
            for s in scenes where !s.bounds.isEmpty { box.add(s.bounds) }
            fogBase = box.isEmpty ? 0 : box.min.y
        }
        var o = base
        o.time = base.time + time
        o.eye = camera.eye
        o.target = camera.target
        // A walk's camera keys have the default field of view; so does a replay.
        o.fieldOfView = CameraPath.Key(time: 0, position: .zero, target: Vec3(0, 0, -1)).fieldOfView
        o.fogBase = fogBase
        scenery.direction = direction
        return try renderer.render(scenery.scenes(around: scenes, time: time, options: o, renderer: renderer), options: o)
    }
}
