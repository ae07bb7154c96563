import OysterCore
import OysterGen
import OysterMotion
import OysterRender

/// What an action script's world changes make of a streamed world over a shot: the hour and
/// the weather at each moment, and the things it spawned, where its walk placed them. A pure
/// function of the script, the world and the walk, so a replay gives the same frames.
public struct WorldDirection: Sendable {
    /// Whether the script sets the time or the weather. If it does, the light is in its hands
    /// from the first frame: the hour holds (the tiles' day-cycle animation no longer moves the
    /// sun) until a set-time changes it. If not, the tiles light themselves as before.
    public let controlsLight: Bool
    let startHour: Float
    let startWeather: Weather
    /// Set-times and weathers in start order.
    let hours: [(at: Float, seconds: Float, hour: Float)]
    let weathers: [(at: Float, weather: Weather)]
    /// Things spawned, in the order the walk placed them, with their scenes.
    public internal(set) var spawns: [(placed: PlacedSpawn, scene: Scene)] = []

    /// The changes of `script` in a world of `recipe`, the names checked against the
    /// generator's: an unknown weather or thing is refused, naming what there is.
    init(_ script: ActionScript, recipe: Recipe) throws(ActionScriptError) {
        startHour = recipe.timeOfDay
        startWeather = recipe.weather
        var hours: [(at: Float, seconds: Float, hour: Float)] = []
        var weathers: [(at: Float, weather: Weather)] = []
        // Start order, as the walk plays them (ties in script order).
        let ordered = script.actions.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        for (i, a) in ordered {
            switch a.kind {
            case .setTime(let h): hours.append((a.at, a.seconds, h))
            case .weather(let name):
                guard let w = Weather(rawValue: name) else {
                    throw .invalid("actions[\(i)].kind: '\(name)' is not a weather; one of \(Weather.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                weathers.append((a.at, w))
            case .spawn(let s):
                guard ChunkGenerator.Stream.spawnable.contains(s.thing) else {
                    throw .invalid("actions[\(i)].thing: '\(s.thing)' cannot be spawned; things to spawn: \(ChunkGenerator.Stream.spawnable.joined(separator: ", "))")
                }
            default: break
            }
        }
        self.hours = hours
        self.weathers = weathers
        controlsLight = !hours.isEmpty || !weathers.isEmpty
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

    /// The weather at `t` seconds: the last one set by then, else the recipe's.
    public func weather(at t: Float) -> Weather {
        weathers.last { $0.at <= t }?.weather ?? startWeather
    }

    /// The things standing at `t` seconds (spawned at or before it), by index into `spawns`.
    func spawned(at t: Float) -> Range<Int> {
        0..<(spawns.firstIndex { $0.placed.time > t } ?? spawns.count)
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
        let stream = self.stream
        let limit = Float(ChunkGenerator.maxTile(size: stream.size)) * stream.size
        let path = try Walker.camera(for: script, over: surface, camera: camera, fps: fps) { (placed: PlacedSpawn) throws(ActionScriptError) in
            guard abs(placed.x) < limit, abs(placed.z) < limit else {
                throw .invalid("actions[\(placed.action)]: '\(placed.thing)' at (\(placed.x), \(placed.z)) is off the world (x and z within ±\(Int(limit)) m)")
            }
            guard let scene = stream.spawn(placed.thing, x: placed.x, z: placed.z, heading: placed.heading) else {
                throw .invalid("'\(placed.thing)' cannot be spawned")
            }
            surface.add(Ground(scene))
            direction.spawns.append((placed, scene))
        }
        return DirectedWalk(path: path, direction: direction)
    }
}
