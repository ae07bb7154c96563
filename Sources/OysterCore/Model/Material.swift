import OysterJSON

/// How a material's alpha is used (glTF `alphaMode`).
public enum AlphaMode: String, Hashable, Sendable {
    case opaque = "OPAQUE", mask = "MASK", blend = "BLEND"
}

/// KHR_texture_transform: UV offset, rotation (radians), scale and texCoord override.
public struct TextureTransform: Hashable, Sendable {
    public var offset: Vec2 = .zero
    public var rotation: Float = 0
    public var scale: Vec2 = .one
    public var texCoord: Int?

    public init(offset: Vec2 = .zero, rotation: Float = 0, scale: Vec2 = .one, texCoord: Int? = nil) {
        self.offset = offset
        self.rotation = rotation
        self.scale = scale
        self.texCoord = texCoord
    }
}

/// A material's use of a texture (glTF `textureInfo` and its normal/occlusion variants).
public struct TextureRef: Hashable, Sendable {
    public var texture: Int
    public var texCoord: Int = 0
    /// `normalTexture.scale` or `occlusionTexture.strength`; 1 elsewhere.
    public var scale: Float = 1
    public var transform: TextureTransform?
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(texture: Int, texCoord: Int = 0, scale: Float = 1, transform: TextureTransform? = nil) {
        self.texture = texture
        self.texCoord = texCoord
        self.scale = scale
        self.transform = transform
    }
}

/// The texture slots of a PBR metallic-roughness material.
public enum TextureSlot: String, Hashable, Sendable, CaseIterable {
    case baseColor, metallicRoughness, normal, occlusion, emissive

    /// Color slots hold sRGB-encoded values; data slots are linear (glTF §3.9).
    public var isSRGB: Bool { self == .baseColor || self == .emissive }
}

/// When a material's emission shines (`Material.emissionShines`).
public enum EmissionSchedule: Hashable, Sendable {
    case always
    /// Only while the lamps burn (from dusk to dawn, as `Environment.lampsLit` says).
    case whileLampsLit
}

/// A PBR metallic-roughness material with the modelled extensions.
public struct Material: Hashable, Sendable {
    public var name: String?
    public var baseColorFactor: Vec4 = .one
    public var baseColorTexture: TextureRef?
    public var metallicFactor: Float = 1
    public var roughnessFactor: Float = 1
    public var metallicRoughnessTexture: TextureRef?
    public var normalTexture: TextureRef?
    public var occlusionTexture: TextureRef?
    public var emissiveTexture: TextureRef?
    public var emissiveFactor: Vec3 = .zero
    public var alphaMode: AlphaMode = .opaque
    public var alphaCutoff: Float = 0.5
    public var doubleSided = false
    /// KHR_materials_emissive_strength.
    public var emissiveStrength: Float?
    /// KHR_materials_unlit.
    public var unlit = false
    /// When its emission shines: always, or only while lamps burn (a lit window's glass, a
    /// lantern's pane). A renderer given a frame whose `Environment.lampsLit` is false draws a
    /// `.whileLampsLit` material without emission, as it puts out the lamps' lights; files keep
    /// the emission the world was made with (glTF has no schedule to write).
    public var emissionShines: EmissionSchedule = .always
    /// Other material extensions (clearcoat, transmission, …) verbatim. Texture indices inside
    /// them refer to `Scene.textures` and are kept valid by passes that renumber textures.
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil) { self.name = name }

    public subscript(slot: TextureSlot) -> TextureRef? {
        get {
            switch slot {
            case .baseColor: return baseColorTexture
            case .metallicRoughness: return metallicRoughnessTexture
            case .normal: return normalTexture
            case .occlusion: return occlusionTexture
            case .emissive: return emissiveTexture
            }
        }
        set {
            switch slot {
            case .baseColor: baseColorTexture = newValue
            case .metallicRoughness: metallicRoughnessTexture = newValue
            case .normal: normalTexture = newValue
            case .occlusion: occlusionTexture = newValue
            case .emissive: emissiveTexture = newValue
            }
        }
    }
}
