import OysterExport
import OysterJSON

/// What the page sends over the socket: small JSON text messages.
///
/// ```
/// {"type":"input","seq":12,"forward":1,"right":0,"run":false,"look":[3,-1],"jump":false,"fly":false,"speed":0}
/// {"type":"command","seq":13,"text":"make it night"}
/// {"type":"save"}
/// {"type":"export","target":"generic"}
/// ```
/// `seq` numbers the page's messages; every frame carries the last one it reflects, and the
/// page keeps its own table of `seq → time sent`, so it measures key-to-frame latency on one
/// clock (the server never needs the page's clock). Anything else (not JSON, an unknown type
/// or field value, over `maxBytes`) is malformed and closes the socket.
public enum ClientMessage: Equatable, Sendable {
    case input(ControlInput)
    /// A Direct-mode command line (read by `DirectCommand`, answered with a `reply`).
    case command(seq: UInt32, text: String)
    /// Asks for the session's action script.
    case save
    /// Asks for an engine package of the region visited (`RegionExport`) for this target.
    case export(target: ExportTarget)

    /// Largest message accepted, bytes.
    public static let maxBytes = 4096
    /// Longest command text, characters.
    public static let maxCommand = 500

    /// Reads one message; throws `PlayProtocolError` on anything malformed.
    public init(json bytes: [UInt8]) throws(PlayProtocolError) {
        guard bytes.count <= Self.maxBytes else { throw .malformed("message of \(bytes.count) bytes is over \(Self.maxBytes)") }
        let root: JSONValue
        do { root = try JSONParser.parse(bytes, limits: JSONLimits(maxDepth: 4, maxInputSize: Self.maxBytes)) } catch {
            throw .malformed("not JSON: \(error)")
        }
        guard root.objectValue != nil, let type = root["type"]?.stringValue else { throw .malformed("expected an object with \"type\"") }
        switch type {
        case "input":
            let seq = try Self.sequence(root)
            func axis(_ key: String) throws(PlayProtocolError) -> Int {
                guard let v = root[key] else { return 0 }
                guard let i = v.intValue, (-1...1).contains(i) else { throw .malformed("\(key) must be -1, 0 or 1") }
                return i
            }
            func flag(_ key: String) throws(PlayProtocolError) -> Bool {
                guard let v = root[key] else { return false }
                guard let b = v.boolValue else { throw .malformed("\(key) must be true or false") }
                return b
            }
            var look = (x: Float(0), y: Float(0))
            if let l = root["look"] {
                guard let a = l.arrayValue, a.count == 2, let x = a[0].doubleValue, let y = a[1].doubleValue,
                      x.isFinite, y.isFinite, abs(x) <= ControlInput.maxLook, abs(y) <= ControlInput.maxLook else {
                    throw .malformed("look must be [dx, dy] in pixels, each within ±\(Int(ControlInput.maxLook))")
                }
                look = (Float(x), Float(y))
            }
            let speed: Int
            if let v = root["speed"] {
                guard let i = v.intValue, ControlInput.speedLevels.contains(i) else {
                    throw .malformed("speed must be a level in \(ControlInput.speedLevels.lowerBound)...\(ControlInput.speedLevels.upperBound)")
                }
                speed = i
            } else {
                speed = 0
            }
            self = .input(ControlInput(seq: seq, forward: try axis("forward"), right: try axis("right"), run: try flag("run"),
                                       lookX: look.x, lookY: look.y, jump: try flag("jump"), fly: try flag("fly"), speed: speed))
        case "command":
            let seq = try Self.sequence(root)
            guard let text = root["text"]?.stringValue, text.count <= Self.maxCommand else {
                throw .malformed("command needs \"text\" of at most \(Self.maxCommand) characters")
            }
            self = .command(seq: seq, text: text)
        case "save":
            self = .save
        case "export":
            let name = root["target"].map { $0.stringValue ?? "" } ?? ExportTarget.generic.rawValue
            guard let target = ExportTarget(rawValue: name) else {
                throw .malformed("target must be one of \(ExportTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .export(target: target)
        default:
            throw .malformed("unknown message type '\(type.prefix(40))'")
        }
    }

    private static func sequence(_ root: JSONValue) throws(PlayProtocolError) -> UInt32 {
        guard let v = root["seq"]?.intValue, let seq = UInt32(exactly: v) else { throw .malformed("seq must be a whole number 0...\(UInt32.max)") }
        return seq
    }
}

/// The controls the page holds at one moment, and what happened since its last message.
public struct ControlInput: Equatable, Sendable {
    public var seq: UInt32
    /// W/S (or ↑/↓): 1 forward, −1 back. D/A: 1 right, −1 left.
    public var forward: Int
    public var right: Int
    /// Shift held.
    public var run: Bool
    /// Mouse movement since the last message, pixels (right and down positive).
    public var lookX: Float
    public var lookY: Float
    /// Space or F pressed since the last message.
    public var jump: Bool
    public var fly: Bool
    /// Speed level from the wheel (0 normal; see `Controls.multiplier`).
    public var speed: Int

    public static let maxLook = 10_000.0
    public static let speedLevels = -4...6

    public init(seq: UInt32, forward: Int = 0, right: Int = 0, run: Bool = false, lookX: Float = 0, lookY: Float = 0,
                jump: Bool = false, fly: Bool = false, speed: Int = 0) {
        self.seq = seq
        self.forward = forward
        self.right = right
        self.run = run
        self.lookX = lookX
        self.lookY = lookY
        self.jump = jump
        self.fly = fly
        self.speed = speed
    }
}

public enum PlayProtocolError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    public var description: String {
        switch self { case .malformed(let why): return "bad message: \(why)" }
    }
}
