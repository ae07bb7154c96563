import OysterCore

/// The group nodes a generated world is organised in, each with the role its contents have,
/// so exporters and the renderer read meaning from the role, not from the group's name.
enum WorldGroup: String, CaseIterable {
    case water = "Water"
    case vegetation = "Vegetation"
    case rocks = "Rocks"
    case buildings = "Buildings"
    case village = "Village"
    case interior = "Interior"
    case interiorProps = "Props"
    case weather = "Weather"
    case lights = "Lights"
    case characters = "Characters"
    /// A volcano's lava and smoke (each node carries its own role).
    case volcano = "Volcano"

    /// The group this one sits in (nil: a scene root).
    var parent: WorldGroup? {
        switch self {
        case .village: return .buildings
        case .interiorProps: return .interior
        default: return nil
        }
    }

    /// What every node in the group is, unless it says otherwise.
    var role: NodeRole? {
        switch self {
        case .water: return .water
        case .vegetation: return .vegetation
        case .rocks: return .rock
        case .buildings: return .structure
        case .village, .interiorProps: return .prop
        case .interior: return .interior
        case .weather: return .weather
        case .lights, .volcano: return nil
        case .characters: return .character
        }
    }
}
