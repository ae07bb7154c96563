import OysterCore
import OysterGen
import OysterMotion
import OysterRender

/// What an action script's world changes make of a streamed world over a shot: the hour and
/// the weather at each moment, and the things it spawned, where its walk placed them. A pure
/// function of the script, the world and the walk, so a replay gives the same frames.
public struct WorldDirection: Sendable {
    /// Whether the script sets the time or the weather. If it does, the light is in its hands
    /// from the first frame (a light scene drawn first: the world's hour until a set-time
    /// changes it); if not, the tiles light themselves.
    public private(set) var controlsLight: Bool
    let startHour: Float
    let startWeather: Weather
    /// Set-times and weathers in start order.
    private(set) var hours: [(at: Float, seconds: Float, hour: Float)] = []
    private(set) var weathers: [(at: Float, seconds: Float, weather: Weather)] = []
    /// Slow-motions in start order: from `at`, the world's clock runs at `rate`.
    private(set) var rates: [(at: Float, rate: Float)] = []
    /// Calls to gather in start order: when (seconds into the shot), the roles called (nil:
    /// everyone) and the point.
    public private(set) var gatherings: [(at: Float, roles: Set<CharacterRole>?, point: SIMD2<Float>)] = []
    /// Things spawned, in the order the walk placed them, with their scenes.
    public internal(set) var spawns: [(placed: PlacedSpawn, scene: Scene)] = []

    /// The changes of `script` in a world of `recipe`, the names checked against the
    /// generator's: an unknown weather or thing is refused, naming what there is.
    public init(_ script: ActionScript, recipe: Recipe) throws(ActionScriptError) {
        startHour = recipe.timeOfDay
        startWeather = recipe.weather
        controlsLight = false
        // Start order, as the walk plays them (ties in script order).
        let ordered = script.actions.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        for (i, a) in ordered { try add(a, index: i) }
    }

    /// Adds a world change starting no earlier than those added before (a live session's
    /// command, at a frame boundary), its name checked as a script's are; other actions are
    /// ignored. A spawn is only checked here: the walk places it (`place`).
    public mutating func add(_ a: ActionScript.Action, index i: Int) throws(ActionScriptError) {
        switch a.kind {
        case .setTime(let h): hours.append((a.at, a.seconds, h))
        case .weather(let name):
            guard let w = Weather(rawValue: name) else {
                throw .invalid("actions[\(i)].kind: '\(name)' is not a weather; one of \(Weather.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            weathers.append((a.at, a.seconds, w))
        case .slowMotion(let rate): rates.append((a.at, rate))
        case .gather(let g):
            var roles: Set<CharacterRole> = []
            for name in g.who {
                guard let role = CharacterRole(rawValue: name) else {
                    throw .invalid("actions[\(i)].who: '\(name)' is not a role; one of \(CharacterRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                roles.insert(role)
            }
            gatherings.append((a.at, roles.isEmpty ? nil : roles, SIMD2(g.x, g.z)))
        case .spawn(let s):
            guard ChunkGenerator.Stream.spawnable.contains(s.thing) else {
                throw .invalid("actions[\(i)].thing: '\(s.thing)' cannot be spawned; things to spawn: \(ChunkGenerator.Stream.spawnable.joined(separator: ", "))")
            }
        default: break
        }
        controlsLight = !hours.isEmpty || !weathers.isEmpty
    }

    /// Makes the thing a walk placed and stands it in the world: solid on `surface` (the
    /// walker's ground) from now on, drawn from its time on. Refused off the world. The same
    /// for a replay (`direct`) and a live session, so both place the same things.
    public mutating func place(_ placed: PlacedSpawn, in world: StreamedWorld, onto surface: EditedSurface<StreamedGround>) throws(ActionScriptError) {
        let limit = Self.limit(world)
        guard abs(placed.x) < limit, abs(placed.z) < limit else {
            throw .invalid("actions[\(placed.action)]: '\(placed.thing)' at (\(placed.x), \(placed.z)) is off the world (x and z within ±\(Int(limit)) m)")
        }
        // As the tiles: a script that has the light in hand gets windows that glow by day,
        // which the frame's light puts out.
        guard let scene = world.stream.spawn(placed.thing, x: placed.x, z: placed.z, heading: placed.heading, lamps: controlsLight) else {
            if FishSpecies(rawValue: placed.thing) != nil {
                throw .invalid("actions[\(placed.action)]: no still water within \(Int(ChunkGenerator.Stream.fishReach)) m of (\(placed.x), \(placed.z)) for a \(placed.thing) to swim in")
            }
            throw .invalid("'\(placed.thing)' cannot be spawned")
        }
        surface.add(Ground(scene))
        spawns.append((placed, scene))
    }

    /// How far from the origin (metres, x and z) a thing may be placed in `world`.
    public static func limit(_ world: StreamedWorld) -> Float {
        Float(ChunkGenerator.maxTile(size: world.stream.size)) * world.stream.size
    }

    /// The hour (0..<24) at `t` seconds: each set-time runs the clock forward from the hour at
    /// its start to its own, evenly over its seconds.
    public func hour(at t: Float) -> Float {
        var current: (from: Float, to: Float, at: Float, seconds: Float) = (startHour, startHour, 0, 0)
        func value(_ b: (from: Float, to: Float, at: Float, seconds: Float), _ time: Float) -> Float {
            var ahead = (b.to - b.from).truncatingRemainder(dividingBy: 24)
            if ahead < 0 { ahead += 24 }
            let f = b.seconds > 0 ? min(max((time - b.at) / b.seconds, 0), 1) : 1
            return (b.from + ahead * f).truncatingRemainder(dividingBy: 24)
        }
        for c in hours where c.at <= t {
            current = (value(current, c.at), c.hour, c.at, c.seconds)
        }
        return value(current, t)
    }

    /// The world's clock at `t` seconds into the shot: what its animations (water, weather,
    /// windmills, people) show. Real time until a slow-motion, then that rate until the next.
    public func clock(at t: Float) -> Float {
        var clock: Float = 0, from: Float = 0, rate: Float = 1
        for r in rates where r.at <= t {
            clock += (r.at - from) * rate
            from = r.at
            rate = r.rate
        }
        return clock + (t - from) * rate
    }

    /// The change of weather under way at `t` seconds (or the last one made): the weather
    /// left, the one coming and how far the change has gone (1: done). Before any change, the
    /// recipe's weather, done.
    func weatherChange(at t: Float) -> (from: Weather, to: Weather, fraction: Float) {
        var current: (from: Weather, to: Weather, at: Float, seconds: Float) = (startWeather, startWeather, 0, 0)
        func fraction(_ c: (from: Weather, to: Weather, at: Float, seconds: Float), _ time: Float) -> Float {
            c.seconds > 0 ? min(max((time - c.at) / c.seconds, 0), 1) : 1
        }
        for c in weathers where c.at <= t {
            // A change made while another is under way starts from what is shown then.
            let shown = fraction(current, c.at) < 0.5 ? current.from : current.to
            current = (shown, c.weather, c.at, c.seconds)
        }
        return (current.from, current.to, fraction(current, t))
    }

    /// The weather shown at `t` seconds (whose rain, snow or mist falls): a change's new
    /// weather from halfway through it.
    public func weather(at t: Float) -> Weather {
        let c = weatherChange(at: t)
        return c.fraction < 0.5 ? c.from : c.to
    }

    /// The light at `t` seconds: the hour's in the weather, blended from the weather left to
    /// the one coming over the change's seconds (sky, sun strength and colour, fog).
    public func environment(at t: Float, in stream: ChunkGenerator.Stream) -> Environment {
        let hour = hour(at: t), change = weatherChange(at: t)
        let to = stream.environment(hour: hour, weather: change.to)
        guard change.fraction < 1, change.from != change.to else { return to }
        return Environment(mixing: stream.environment(hour: hour, weather: change.from), to, change.fraction)
    }

    /// The things standing at `t` seconds (spawned at or before it), by index into `spawns`.
    func spawned(at t: Float) -> Range<Int> {
        0..<(spawns.firstIndex { $0.placed.time > t } ?? spawns.count)
    }
}

extension Environment {
    /// `a` becoming `b` by `f` (0: `a`, 1: `b`): colours, the sun's strength and the fog
    /// mixed; the sun's place, night and the hour are the same in both (one hour, two
    /// weathers); the weather named is the nearer.
    init(mixing a: Environment, _ b: Environment, _ f: Float) {
        func colour(_ x: Vec3?, _ y: Vec3?) -> Vec3? { x.flatMap { x in y.map { mix(x, $0, f) } } ?? y }
        func number(_ x: Float?, _ y: Float?) -> Float? { x.flatMap { x in y.map { mix(x, $0, f) } } ?? y }
        self.init(skyColor: colour(a.skyColor, b.skyColor), horizonColor: colour(a.horizonColor, b.horizonColor),
                  sunGlowColor: colour(a.sunGlowColor, b.sunGlowColor), fogDensity: number(a.fogDensity, b.fogDensity), isNight: b.isNight,
                  sunDirection: b.sunDirection, sunColor: colour(a.sunColor, b.sunColor), sunIntensity: number(a.sunIntensity, b.sunIntensity),
                  timeOfDay: b.timeOfDay, weather: f < 0.5 ? a.weather : b.weather)
    }
}

/// A walk through a streamed world with what its script changed.
public struct DirectedWalk: Sendable {
    public var path: CameraPath
    public var direction: WorldDirection
}

extension StreamedWorld {
    /// The walk of `script` at `fps` over the world's streamed ground, from where the script
    /// says, else from `camera`, and its world changes: names checked against the generator's
    /// (an unknown weather or thing is an error listing what there is); each spawned thing made
    /// where the walk puts it and solid to the walker from that moment on.
    public func direct(_ script: ActionScript, camera: (eye: Vec3, forward: Vec3)?, fps: Int) throws(ActionScriptError) -> DirectedWalk {
        var direction = try WorldDirection(script, recipe: recipe)
        let surface = EditedSurface(StreamedGround(stream))
        let path = try Walker.camera(for: script, over: surface, camera: camera, fps: fps) { (placed: PlacedSpawn) throws(ActionScriptError) in
            try direction.place(placed, in: self, onto: surface)
        }
        return DirectedWalk(path: path, direction: direction)
    }
}
