import OysterJSON

/// The kind of a KHR_lights_punctual light; spot cone angles in radians.
public enum LightKind: Hashable, Sendable {
    case directional
    case point
    case spot(innerConeAngle: Float, outerConeAngle: Float)

    public var typeName: String {
        switch self {
        case .directional: return "directional"
        case .point: return "point"
        case .spot: return "spot"
        }
    }
}

/// A KHR_lights_punctual light. Intensity is in the extension's units: lux for directional,
/// candela for point and spot.
public struct Light: Hashable, Sendable {
    public var name: String?
    public var kind: LightKind
    public var color: Vec3 = .one
    public var intensity: Float = 1
    /// Distance where the light's effect reaches zero; nil = infinite.
    public var range: Float?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, kind: LightKind, color: Vec3 = .one, intensity: Float = 1, range: Float? = nil) {
        self.name = name
        self.kind = kind
        self.color = color
        self.intensity = intensity
        self.range = range
    }
}
