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

/// How a file's light intensities are meant to be read. KHR_lights_punctual says lux and
/// candela but leaves exposure open, so tools read the same numbers two ways: Blender's
/// default import divides by 683 lm/W (a noon sun of ~3,400 lux is its usual strength 5),
/// while three.js and Godot draw the numbers as they are. Oyster records which one a scene
/// was made for in `asset.extras.lightUnits`.
public enum LightUnits: String, CaseIterable, Hashable, Sendable {
    /// Lux and candela at 683 lm/W: right in Blender's default ('Standard') import, Unity
    /// and Unreal.
    case photometric
    /// The photometric numbers divided by 683: right in three.js, Godot and Blender's
    /// 'Unitless' import mode.
    case unitless

    /// The luminous efficacy Blender uses between watts and lumens.
    public static let lumensPerWatt: Float = 683
    /// The `asset.extras` key that records a scene's units.
    public static let extrasKey = "lightUnits"

    /// The factor turning intensities in `self` into intensities in `other`.
    public func factor(to other: LightUnits) -> Float {
        switch (self, other) {
        case (.photometric, .unitless): return 1 / Self.lumensPerWatt
        case (.unitless, .photometric): return Self.lumensPerWatt
        default: return 1
        }
    }
}

extension Scene {
    /// The units `asset.extras.lightUnits` records, or nil when the scene does not say.
    public var lightUnits: LightUnits? {
        guard case .object(let o)? = asset.extras, case .string(let s)? = o[LightUnits.extrasKey] else { return nil }
        return LightUnits(rawValue: s)
    }
}
