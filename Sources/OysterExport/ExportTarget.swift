import OysterCore

/// The engine or tool a package is made for; each fixes defaults and naming conventions.
public enum ExportTarget: String, CaseIterable, Sendable {
    case godot, unity, unreal, blender, web, generic

    /// How colliders are made and named.
    public enum Colliders: Sendable {
        case none
        /// Godot 3 import hints (`-convcolonly`, `-colonly`) plus OMI_physics_body/shape.
        case godotHints
        /// `UCX_<Node>_NN` convex siblings (Unreal's collision prefix).
        case unrealUCX
        /// `<Node>_Collider` child nodes with OMI_physics_body/shape.
        case named
    }

    /// Total LOD levels (LOD0 included) unless `--lods` says otherwise.
    public var defaultLODs: Int {
        switch self {
        case .unity, .unreal: return 3
        case .godot, .blender, .web, .generic: return 1
        }
    }

    /// Largest texture side unless `--max-texture` says otherwise.
    public var defaultMaxTexture: Int {
        switch self {
        case .web: return 2048
        case .blender: return 8192
        case .godot, .unity, .unreal, .generic: return 4096
        }
    }

    public var colliders: Colliders {
        switch self {
        case .godot: return .godotHints
        case .unreal: return .unrealUCX
        case .unity: return .named
        case .blender, .web, .generic: return .none
        }
    }

    /// How the engine reads light intensities: three.js and Godot 3 draw the numbers as they
    /// are (Godot even turns a point light's candela into its attenuation curve), so they get
    /// unitless values; Blender's default import, Unity and Unreal read photometric ones.
    public var lightUnits: LightUnits {
        switch self {
        case .godot, .web: return .unitless
        case .unity, .unreal, .blender, .generic: return .photometric
        }
    }

    /// Web packages are one compact GLB: quantized, instanced, power-of-two textures.
    public var isCompact: Bool { self == .web }

    /// Whether looping animations get Godot's `-loop` suffix.
    public var loopSuffix: Bool { self == .godot }

    /// Atlas pages merged across nodes (static transforms baked) rather than per node.
    public var atlasAcrossNodes: Bool { self == .web }
}
