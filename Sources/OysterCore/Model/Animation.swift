import OysterJSON

/// Keyframe interpolation (glTF `animation.sampler.interpolation`).
public enum Interpolation: String, Hashable, Sendable {
    case linear = "LINEAR", step = "STEP", cubicSpline = "CUBICSPLINE"
}

/// The property a channel animates; `other` carries paths from extensions
/// (e.g. KHR_animation_pointer's "pointer") verbatim.
public enum AnimationPath: Hashable, Sendable {
    case translation, rotation, scale, weights
    case other(String)

    public init(_ name: String) {
        switch name {
        case "translation": self = .translation
        case "rotation": self = .rotation
        case "scale": self = .scale
        case "weights": self = .weights
        default: self = .other(name)
        }
    }

    public var name: String {
        switch self {
        case .translation: return "translation"
        case .rotation: return "rotation"
        case .scale: return "scale"
        case .weights: return "weights"
        case .other(let s): return s
        }
    }
}

/// Keyframe times (scalar floats, seconds) and values; for CUBICSPLINE each value element is
/// stored as in-tangent, value, out-tangent, as glTF does.
public struct AnimationSampler: Hashable, Sendable {
    public var input: DataArray
    public var output: DataArray
    public var interpolation: Interpolation = .linear
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(input: DataArray, output: DataArray, interpolation: Interpolation = .linear) {
        self.input = input
        self.output = output
        self.interpolation = interpolation
    }
}

/// A sampler driving one property of one node.
public struct AnimationChannel: Hashable, Sendable {
    public var sampler: Int
    public var node: Int?
    public var path: AnimationPath
    /// Extensions on the channel target (e.g. KHR_animation_pointer), verbatim.
    public var targetExtensions = JSONObject()
    public var targetExtras: JSONValue?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(sampler: Int, node: Int?, path: AnimationPath) {
        self.sampler = sampler
        self.node = node
        self.path = path
    }
}

public struct Animation: Hashable, Sendable {
    public var name: String?
    public var channels: [AnimationChannel] = []
    public var samplers: [AnimationSampler] = []
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, channels: [AnimationChannel] = [], samplers: [AnimationSampler] = []) {
        self.name = name
        self.channels = channels
        self.samplers = samplers
    }

    /// The last keyframe time of any sampler, in seconds (0 without keyframes).
    public var duration: Float {
        samplers.map { $0.input.floats().filter(\.isFinite).max() ?? 0 }.max() ?? 0
    }
}
