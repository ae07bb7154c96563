import OysterCore
import OysterJSON

/// What a player or director does, with times (`docs/action-script.schema.json`): walk,
/// strafe, turn, look, jump, fly and wait. Actions run one after another unless given an
/// `at` time, so they can overlap (walk while turning). The same script over the same scene
/// gives the same camera, frame for frame.
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

    public static let maxActions = 100_000
    public static let maxSeconds: Float = 3600

    /// Commands the format reserves for what needs the world generator (the live session's
    /// Direct mode); refused with a clear message until they exist.
    static let reserved = ["set-time", "weather", "spawn"]
    static let known = ["move", "strafe", "turn", "look", "jump", "fly", "wait"]

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
        for (i, item) in list.enumerated() {
            guard item.objectValue != nil, let name = item["do"]?.stringValue else { throw .invalid("actions[\(i)] needs \"do\": one of \(Self.known.joined(separator: ", "))") }
            if Self.reserved.contains(name) {
                throw .unsupported("actions[\(i)]: '\(name)' changes the world, which needs the world generator in the loop (the live session); this version replays \(Self.known.joined(separator: ", "))")
            }
            let at = try number(item["at"], "actions[\(i)].at", 0...Double(Self.maxSeconds)) ?? clock
            let seconds: Float
            switch name {
            case "jump", "fly": seconds = try number(item["seconds"], "actions[\(i)].seconds", 0...Double(Self.maxSeconds)) ?? 0
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
            default: throw .invalid("actions[\(i)].do: '\(name)' is not an action (\(Self.known.joined(separator: ", ")))")
            }
            guard at + seconds <= Self.maxSeconds else { throw .invalid("actions[\(i)] ends after \(Int(Self.maxSeconds)) s") }
            actions.append(Action(at: at, seconds: seconds, kind: kind))
            clock = at + seconds
        }
        self.actions = actions
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
