import OysterCore
import OysterMotion
import OysterStream

/// The player in a streamed world, without drawing: the walker on the world's ground played
/// frame by frame (`ActionPlayer`), the page's controls turned into actions as they come
/// (`Controls`), and each frame's camera. Everything a frame shows follows from the script
/// this records, so `oyster-render --world … --actions` of that script replays the session.
public final class PlaySimulation {
    public let world: StreamedWorld
    public let fps: Int
    public internal(set) var player: ActionPlayer
    public private(set) var controls = Controls()
    /// What the script changed in the world so far (hour, weather, things spawned by the walk).
    public internal(set) var direction: WorldDirection
    /// The walker's ground: the world's, with the spawned things' solids added as they come.
    let surface: EditedSurface<StreamedGround>
    private let header: ActionScript
    /// The camera key of the frame before this one (the replay samples between two keys).
    private var previous: (eye: Vec3, target: Vec3)?

    /// A simulation playing `script` (the live session: a script with no actions, which
    /// `apply` adds to), starting where it says or else at the world's establishing camera, as
    /// `oyster-render --world --actions` starts.
    /// A weather or thing the generator does not have is refused, as a replay refuses it.
    public init(world: StreamedWorld, script: ActionScript = ActionScript(actions: []), fps: Int) throws(ActionScriptError) {
        self.world = world
        self.fps = fps
        // The ground two tiles round is made ahead: stepping into a tile never waits for it.
        surface = EditedSurface(world.ground(prefetchRings: 2))
        direction = try WorldDirection(script, recipe: world.recipe)
        header = ActionScript(start: script.start, heading: script.heading, pitch: script.pitch, actions: [])
        let home = world.establishingCamera
        player = ActionPlayer(script, over: surface, camera: (home.eye, normalize(home.target - home.eye)), fps: fps)
    }

    /// The script a live session starts from: the world's own hour set at once, so the light
    /// is the script's from the first frame (as `oyster-render --world --actions` lights a
    /// script that sets the time) and a Direct command can change it at any frame with the
    /// replay lighting every frame the same way.
    public static func liveScript(_ world: StreamedWorld) -> ActionScript {
        ActionScript(actions: [ActionScript.Action(.setTime(hour: world.recipe.timeOfDay), at: 0, seconds: 0)])
    }

    /// The hour the current frame shows.
    public var hour: Float { direction.hour(at: time) }

    public var frame: Int { player.frame }
    /// Seconds of the current frame.
    public var time: Float { player.time }
    public var walker: Walker { player.walker }

    /// Applies the page's controls from the start of the next frame; false when the script
    /// is full and nothing more can be recorded.
    public func apply(_ input: ControlInput) -> Bool {
        controls.apply(input, to: &player)
    }

    /// Plays one frame, placing what it spawns (solid from its step on). Throws for a spawn
    /// off the world, as a replay does.
    public func advance() throws(ActionScriptError) {
        previous = key
        try player.advanceFrame(over: surface) { (placed: PlacedSpawn) throws(ActionScriptError) in
            try direction.place(placed, in: world, onto: surface)
        }
    }

    /// The current frame's camera as a replay's camera path gives it: frame 0 at its key;
    /// later frames sampled at their own key's time, which `CameraPath.sample` computes
    /// between the previous key and this one (`mix` at 1, equal to the key up to rounding).
    /// Computed the same way here, so the live frame and the replayed frame are the same.
    public var camera: (eye: Vec3, target: Vec3) {
        let now = key
        guard let previous else { return now }
        return (mix(previous.eye, now.eye, 1), mix(previous.target, now.target, 1))
    }

    private var key: (eye: Vec3, target: Vec3) {
        let view = player.view
        return (view.eye, view.eye + view.forward)
    }

    /// Where the camera will be in `seconds` if the player keeps going as in the last frame
    /// (which tiles to stage ahead).
    public func predicted(_ seconds: Float) -> Vec3 {
        guard let previous else { return key.eye }
        return key.eye + (key.eye - previous.eye) * (seconds * Float(fps))
    }

    /// The script played so far, every held key let go at the next frame.
    public var script: ActionScript { controls.script(of: player, header: header) }
}
