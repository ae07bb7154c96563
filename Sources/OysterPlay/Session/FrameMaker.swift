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
    /// Seconds per day of the world's day cycle and the hour it starts at, from the first
    /// tile's `DayCycle` animation (nil: none).
    private var day: (seconds: Float, start: Float)?
    private var dayRead = false
    private let startHour: Float

    public init(world: StreamedWorld, width: Int, height: Int, device: RenderDevice = .auto) throws(RenderError) {
        renderer = try Renderer(device: device)
        tiles = LiveTiles(world: world)
        base = RenderOptions(width: width, height: height)
        startHour = world.recipe.timeOfDay
    }

    /// The frame at `time` seen from `camera`; `upcoming` cameras' tiles are staged ahead.
    /// Nil when the tiles were stopped (`tiles.stop()`, from any thread) while it waited.
    public func render(camera: (eye: Vec3, target: Vec3), time: Float, upcoming: [(eye: Vec3, forward: Vec3)]) throws(RenderError) -> PixelImage? {
        guard let scenes = tiles.scenes(eye: camera.eye, forward: camera.target - camera.eye, upcoming: upcoming, renderer: renderer) else { return nil }
        if fogBase == nil {
            var box = AABB.empty
            for s in scenes where !s.bounds.isEmpty { box.add(s.bounds) }
            fogBase = box.isEmpty ? 0 : box.min.y
        }
        if !dayRead, let first = scenes.first {
            dayRead = true
            if let cycle = first.scene.animations.first(where: { $0.name == "DayCycle" }), cycle.duration > 0 {
                day = (cycle.duration, startHour)
            }
        }
        var o = base
        o.time = base.time + time
        o.eye = camera.eye
        o.target = camera.target
        // A walk's camera keys have the default field of view; so does a replay.
        o.fieldOfView = CameraPath.Key(time: 0, position: .zero, target: Vec3(0, 0, -1)).fieldOfView
        o.fogBase = fogBase
        return try renderer.render(scenes, options: o)
    }

    /// The hour of the day a frame at `time` shows (the day cycle loops over its animation's
    /// length), or NaN when the world has none.
    public func hour(at time: Float) -> Float {
        guard let day else { return .nan }
        let t = (base.time + time).truncatingRemainder(dividingBy: day.seconds)
        return (day.start + 24 * t / day.seconds).truncatingRemainder(dividingBy: 24)
    }
}
