import OysterCore
import OysterJSON

/// What a player or director does, with times (`docs/action-script.schema.json`): walk,
/// strafe, turn, look, jump, fly and wait, and change the world: set the hour, the weather,
/// spawn a thing. Actions run one after another unless given an `at` time, so they can overlap
/// (walk while turning); world changes take effect at their start and do not hold up what
/// follows (a set-time's or weather's `seconds` is how long its blend lasts while the walk
/// goes on). The
/// same script over the same scene gives the same camera, frame for frame.
///
/// World changes are read here as values; which weathers and things exist is the world
/// generator's to say (the module that plays them checks the names).
public struct ActionScript: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Walk forward (negative: back) at metres per second.
        case move(speed: Float)
        /// Step right (negative: left) at metres per second.
        case strafe(speed: Float)
        /// Turn right (negative: left) by radians over the action's seconds.
        case turn(radians: Float)
        /// Look up (negative: down) by radians over the action's seconds.
        case look(radians: Float)
        /// Jump (when standing on something).
        case jump
        /// Start or stop flying.
        case fly(Bool)
        /// Nothing for a while.
        case wait
        /// The hour becomes `hour` (0..<24), blended over the action's seconds (0: at once);
        /// the clock runs forward to it.
        case setTime(hour: Float)
        /// The weather becomes this kind (the generator's name for it, e.g. "snow"), blended
        /// over the action's seconds (0: at once).
        case weather(String)
        /// A thing from the generator's registries placed on the ground.
        case spawn(Spawn)
        /// The camera circles a point for the action's seconds, looking at it, while the
        /// walker stays where it stands (what it is asked to do meanwhile, it does: the view
        /// comes back to its eyes when the orbit ends).
        case orbit(Orbit)
        /// The orbit under way ends: the view is the walker's eyes from the next frame.
        case stopOrbit
        /// The world's clock (water, weather, windmills, people) runs at `rate` times real
        /// time from the action's start (0.25: slow motion; 1: back to normal). The walker,
        /// the frames and the hour's blends keep real time.
        case slowMotion(rate: Float)
        /// People of the world walk from where their routines have them to a point and stand
        /// round it, talking (the generator's role names say who; none: everyone).
        case gather(Gathering)

        /// The script's name for it ("set-time").
        public var command: String {
            switch self {
            case .move: return "move"
            case .strafe: return "strafe"
            case .turn: return "turn"
            case .look: return "look"
            case .jump: return "jump"
            case .fly: return "fly"
            case .wait: return "wait"
            case .setTime: return "set-time"
            case .weather: return "weather"
            case .spawn: return "spawn"
            case .orbit: return "orbit"
            case .stopOrbit: return "stop-orbit"
            case .slowMotion: return "slow-motion"
            case .gather: return "gather"
            }
        }

        /// Whether the action changes the world rather than moving the walker.
        public var changesWorld: Bool {
            switch self {
            case .setTime, .weather, .spawn, .slowMotion, .gather: return true
            default: return false
            }
        }
    }

    /// What to spawn, where and facing which way.
    public struct Spawn: Sendable, Equatable {
        public enum Place: Sendable, Equatable {
            /// On the ground under this point of the plane.
            case point(x: Float, z: Float)
            /// This many metres ahead of the walker, on the ground.
            case ahead(metres: Float)
        }
        /// The generator's name for it ("tower", "oak", "rock").
        public var thing: String
        public var place: Place
        /// Radians, positive turning it right (clockwise seen from above); nil: the walker's
        /// heading when placed ahead, else 0.
        public var heading: Float?

        public init(thing: String, place: Place, heading: Float? = nil) {
            self.thing = thing
            self.place = place
            self.heading = heading
        }
    }

    /// A camera orbit: round which point, and how far it turns.
    public struct Orbit: Sendable, Equatable {
        public enum Centre: Sendable, Equatable {
            /// The ground under this point of the plane.
            case point(x: Float, z: Float)
            /// The ground this many metres ahead of the walker when the orbit starts.
            case ahead(metres: Float)
        }
        public var centre: Centre
        /// Radians turned over the orbit, positive clockwise seen from above.
        public var radians: Float

        public init(centre: Centre, radians: Float) {
            self.centre = centre
            self.radians = radians
        }
    }

    /// Who gathers, and round which point.
    public struct Gathering: Sendable, Equatable {
        /// The generator's names of the roles called ("villager", "guard"); empty: everyone.
        public var who: [String]
        public var x: Float
        public var z: Float

        public init(who: [String], x: Float, z: Float) {
            self.who = who
            self.x = x
            self.z = z
        }
    }

    public struct Action: Sendable, Equatable {
        public var at: Float
        public var seconds: Float
        public var kind: Kind
    }

    /// Where the walk starts: a point (its ground under it) or, when nil, the scene's first
    /// camera (else the middle of the walkable ground); heading and pitch in radians (heading
    /// 0 looks along −Z, positive turns right).
    public var start: Vec3?
    public var heading: Float?
    public var pitch: Float
    public var actions: [Action]

    /// Seconds until the last action ends.
    public var duration: Float { actions.map { $0.at + $0.seconds }.max() ?? 0 }

    /// Whether any action changes the world (the hour, the weather, a spawned thing).
    public var changesWorld: Bool { actions.contains { $0.kind.changesWorld } }

    public static let maxActions = 100_000
    public static let maxSeconds: Float = 3600
    /// Things spawned by one script, at most: each is a scene kept for the rest of the shot.
    public static let maxSpawns = 256
    /// How far (metres, each way from the origin) a spawn may be placed: inside the world
    /// generator's plane (2^20 m), where a Float still holds the ground lattice.
    public static let spawnLimit: Float = 1_000_000
    /// Metres ahead of the walker a spawn "ahead" lands without a `distance`.
    public static let defaultAhead: Float = 12
    /// Metres ahead of the walker an orbit "ahead" circles without a `distance`.
    public static let defaultOrbitDistance: Float = 25
    /// The slowest world clock a slow-motion may ask for (times real time).
    public static let slowestRate: Float = 0.05

    static let known = ["move", "strafe", "turn", "look", "jump", "fly", "wait", "set-time", "weather", "spawn", "orbit", "stop-orbit", "slow-motion", "gather"]

    public init(start: Vec3? = nil, heading: Float? = nil, pitch: Float = 0, actions: [Action]) {
        self.start = start
        self.heading = heading
        self.pitch = pitch
        self.actions = actions
    }

    /// Reads a script from its JSON text.
    public init(json bytes: [UInt8]) throws(ActionScriptError) {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 16, maxInputSize: 32 << 20)) } catch {
            throw .invalid("not JSON: \(error)")
        }
        guard root.objectValue != nil else { throw .invalid("the script must be a JSON object with \"actions\"") }
        func number(_ v: JSONValue?, _ what: String, _ range: ClosedRange<Double>) throws(ActionScriptError) -> Float? {
            guard let v else { return nil }
            guard let d = v.doubleValue, d.isFinite, range.contains(d) else { throw .invalid("\(what) must be a number in \(range.lowerBound)...\(range.upperBound)") }
            return Float(d)
        }
        if let s = root["start"] {
            guard s.objectValue != nil else { throw .invalid("start must be an object") }
            if let p = s["position"] {
                guard let v = p.vec3(limit: 1e7) else { throw .invalid("start.position must be three numbers [x, y, z]") }
                start = v
            }
            heading = try number(s["heading"], "start.heading (degrees)", -36_000...36_000).map { $0 * .pi / 180 }
            pitch = try number(s["pitch"], "start.pitch (degrees)", -89...89).map { $0 * .pi / 180 } ?? 0
        } else {
            pitch = 0
        }
        guard let list = root["actions"]?.arrayValue else { throw .invalid("\"actions\" must be an array") }
        guard list.count <= Self.maxActions else { throw .invalid("at most \(Self.maxActions) actions") }
        var actions: [Action] = []
        var clock: Float = 0
        var spawns = 0
        for (i, item) in list.enumerated() {
            guard item.objectValue != nil, let name = item["do"]?.stringValue else { throw .invalid("actions[\(i)] needs \"do\": one of \(Self.known.joined(separator: ", "))") }
            // A spawn's `at` is where; when it happens is `when` (else the clock).
            let start = name == "spawn" ? ("when", item["when"]) : ("at", item["at"])
            let at = try number(start.1, "actions[\(i)].\(start.0)", 0...Double(Self.maxSeconds)) ?? clock
            let seconds: Float
            switch name {
            case "jump", "fly", "set-time", "weather", "spawn", "slow-motion", "stop-orbit", "gather": seconds = try number(item["seconds"], "actions[\(i)].seconds", 0...Double(Self.maxSeconds)) ?? 0
            default:
                guard let s = try number(item["seconds"], "actions[\(i)].seconds", 0...Double(Self.maxSeconds)) else {
                    throw .invalid("actions[\(i)].seconds: '\(name)' needs how long it lasts")
                }
                seconds = s
            }
            let kind: Kind
            switch name {
            case "move": kind = .move(speed: try number(item["speed"], "actions[\(i)].speed (m/s)", -100...100) ?? 1.4)
            case "strafe": kind = .strafe(speed: try number(item["speed"], "actions[\(i)].speed (m/s)", -100...100) ?? 1.4)
            case "turn":
                guard let d = try number(item["degrees"], "actions[\(i)].degrees", -36_000...36_000) else { throw .invalid("actions[\(i)].degrees: how far to turn") }
                kind = .turn(radians: d * .pi / 180)
            case "look":
                guard let d = try number(item["degrees"], "actions[\(i)].degrees", -180...180) else { throw .invalid("actions[\(i)].degrees: how far to look up or down") }
                kind = .look(radians: d * .pi / 180)
            case "jump": kind = .jump
            case "fly":
                guard let on = item["on"]?.boolValue ?? (item["on"] == nil ? true : nil) else { throw .invalid("actions[\(i)].on must be true or false") }
                kind = .fly(on)
            case "wait": kind = .wait
            case "set-time": kind = .setTime(hour: try Self.hour(item["to"], "actions[\(i)].to"))
            case "weather":
                guard let k = item["kind"]?.stringValue, !k.isEmpty, k.utf8.count <= 64 else { throw .invalid("actions[\(i)].kind: which weather (a name such as \"snow\" or \"clear\")") }
                kind = .weather(k)
            case "spawn":
                kind = .spawn(try Self.spawn(item, "actions[\(i)]", number: number))
                spawns += 1
                guard spawns <= Self.maxSpawns else { throw .invalid("actions[\(i)]: at most \(Self.maxSpawns) spawns in a script") }
            case "orbit": kind = .orbit(try Self.orbit(item, "actions[\(i)]", number: number))
            case "stop-orbit": kind = .stopOrbit
            case "slow-motion":
                kind = .slowMotion(rate: try number(item["rate"], "actions[\(i)].rate (times real time)", Double(Self.slowestRate)...1) ?? 0.25)
            case "gather": kind = .gather(try Self.gathering(item, "actions[\(i)]"))
            default: throw .invalid("actions[\(i)].do: '\(name)' is not an action (\(Self.known.joined(separator: ", ")))")
            }
            guard at + seconds <= Self.maxSeconds else { throw .invalid("actions[\(i)] ends after \(Int(Self.maxSeconds)) s") }
            actions.append(Action(at: at, seconds: seconds, kind: kind))
            // A world change happens at its start; what follows does not wait for its blend.
            clock = kind.changesWorld ? at : at + seconds
        }
        self.actions = actions
    }
}

// MARK: - World changes

extension ActionScript {
    /// An hour of the day from "HH:MM" (00:00–24:00) or a number of hours (0–24); 24 is
    /// midnight, 0.
    static func hour(_ v: JSONValue?, _ what: String) throws(ActionScriptError) -> Float {
        let why = "\(what): an hour as \"HH:MM\" (00:00-24:00) or a number of hours 0-24"
        guard let v else { throw .invalid(why) }
        var hours: Double
        if let text = v.stringValue {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
                  let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
                  h * 60 + m <= 24 * 60 else { throw .invalid("\(why), not '\(text)'") }
            hours = Double(h) + Double(m) / 60
        } else if let d = v.doubleValue, d.isFinite, (0...24).contains(d) {
            hours = d
        } else {
            throw .invalid(why)
        }
        if hours >= 24 { hours -= 24 }
        return Float(hours)
    }

    /// A point [x, y, z] whose x and z are on the world (within `spawnLimit`): where a spawn
    /// stands or an orbit circles.
    static func planePoint(_ v: JSONValue, _ key: String, notAPoint: String) throws(ActionScriptError) -> Vec3 {
        let limit = Double(Self.spawnLimit)
        guard let p = v.vec3(limit: 1e30) else { throw .invalid(notAPoint) }
        guard abs(Double(p.x)) <= limit, abs(Double(p.z)) <= limit else {
            throw .invalid("\(key): [\(p.x), \(p.y), \(p.z)] is off the world: x and z within ±\(Int(limit)) m")
        }
        return p
    }

    /// A spawn's thing, place and heading.
    static func spawn(_ item: JSONValue, _ what: String,
                      number: (JSONValue?, String, ClosedRange<Double>) throws(ActionScriptError) -> Float?) throws(ActionScriptError) -> Spawn {
        guard let thing = item["thing"]?.stringValue, !thing.isEmpty, thing.utf8.count <= 64 else {
            throw .invalid("\(what).thing: what to spawn (a name such as \"tower\" or \"oak\")")
        }
        let heading = try number(item["heading"], "\(what).heading (degrees)", -36_000...36_000).map { $0 * .pi / 180 }
        let place: Spawn.Place
        switch item["at"] {
        case nil:
            throw .invalid("\(what).at: where to spawn: [x, y, z] (on the ground under it) or \"ahead\"")
        case let at? where at.stringValue == "ahead":
            place = .ahead(metres: try number(item["distance"], "\(what).distance (metres)", 1...200) ?? Self.defaultAhead)
        case let at?:
            let p = try planePoint(at, "\(what).at", notAPoint: "\(what).at must be [x, y, z] or \"ahead\" (a spawn's start time is \"when\")")
            if item["distance"] != nil { throw .invalid("\(what).distance goes with \"at\": \"ahead\"") }
            place = .point(x: p.x, z: p.z)
        }
        return Spawn(thing: thing, place: place, heading: heading)
    }
}

extension ActionScript {
    /// An orbit's centre and turn: `around` [x, y, z] or "ahead" (default, `distance` metres),
    /// `degrees` (default 360).
    static func orbit(_ item: JSONValue, _ what: String,
                      number: (JSONValue?, String, ClosedRange<Double>) throws(ActionScriptError) -> Float?) throws(ActionScriptError) -> Orbit {
        let degrees = try number(item["degrees"], "\(what).degrees", -36_000...36_000) ?? 360
        let centre: Orbit.Centre
        switch item["around"] {
        case nil, .some(.string("ahead")):
            centre = .ahead(metres: try number(item["distance"], "\(what).distance (metres)", 1...500) ?? Self.defaultOrbitDistance)
        case let around?:
            let p = try planePoint(around, "\(what).around", notAPoint: "\(what).around must be [x, y, z] or \"ahead\"")
            if item["distance"] != nil { throw .invalid("\(what).distance goes with \"around\": \"ahead\"") }
            centre = .point(x: p.x, z: p.z)
        }
        return Orbit(centre: centre, radians: degrees * .pi / 180)
    }
}

extension ActionScript {
    /// Most roles one gathering names.
    static let maxGatheringRoles = 16

    /// A gathering's point, `around` [x, y, z], and `who`: role names (default: everyone).
    static func gathering(_ item: JSONValue, _ what: String) throws(ActionScriptError) -> Gathering {
        guard let around = item["around"] else { throw .invalid("\(what).around: the point [x, y, z] people gather round") }
        let p = try planePoint(around, "\(what).around", notAPoint: "\(what).around must be [x, y, z]")
        var who: [String] = []
        if let list = item["who"] {
            guard let names = list.arrayValue, names.count <= maxGatheringRoles else {
                throw .invalid("\(what).who: a list of at most \(maxGatheringRoles) role names (such as \"villager\"), or left out for everyone")
            }
            for (k, name) in names.enumerated() {
                guard let s = name.stringValue, !s.isEmpty, s.utf8.count <= 64 else { throw .invalid("\(what).who[\(k)]: a role's name (such as \"villager\")") }
                who.append(s)
            }
        }
        return Gathering(who: who, x: p.x, z: p.z)
    }
}

public enum ActionScriptError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    /// A command the format has but this version cannot play yet.
    case unsupported(String)
    public var description: String {
        switch self {
        case .invalid(let why): return "action script: \(why)"
        case .unsupported(let why): return "action script: \(why)"
        }
    }
}
