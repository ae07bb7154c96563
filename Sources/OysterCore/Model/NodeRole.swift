import OysterJSON

/// What a node is in its world, so passes act on meaning rather than on node names: the
/// exporter gives walkable ice a collider and open water none because of the role, whatever
/// the nodes are called. Generators set roles; the glTF reader restores them from
/// `extras.oysterRole` (Blender shows it as a custom property); a node without a role takes
/// its nearest ancestor's (see `Scene.effectiveRoles()`).
public enum NodeRole: Hashable, Sendable {
    /// Ground people walk on: terrain, roads, floors.
    case terrain
    /// Open water: seen, swum in, never stood on.
    case water
    /// Frozen water: walkable, flat.
    case ice
    /// Enclosing architecture that is walked inside (a dungeon's walls, floors and vaults):
    /// needs a concave collider, never a convex hull.
    case interior
    /// Buildings, walls, bridges, piers: solid objects.
    case structure
    /// Trees, bushes, grass.
    case vegetation
    /// Rocks and boulders.
    case rock
    /// Smaller objects: barrels, crates, furniture, treasure.
    case prop
    /// Rain, snow, mist: drawn, never collided with.
    case weather
    /// A person or creature: a skinned, animated body that moves (engines give characters
    /// a capsule of their own, so no collider is made from the mesh).
    case character
    /// A collision mesh an export pass made (not drawn by engines that read the convention).
    case collider(CollisionKind)
    /// A reduced level (1, 2, …) of an LOD chain; level 0 is the original mesh.
    case lodLevel(Int)

    /// The shape class of a collision mesh, as OMI_physics_shape names it.
    public enum CollisionKind: String, Hashable, Sendable {
        case convex, trimesh
    }

    /// The `extras` key that carries a role in glTF files.
    public static let extrasKey = "oysterRole"

    /// The role's name in files: `terrain`, `collider.convex`, `lod.2`, …
    public var identifier: String {
        switch self {
        case .terrain: return "terrain"
        case .water: return "water"
        case .ice: return "ice"
        case .interior: return "interior"
        case .structure: return "structure"
        case .vegetation: return "vegetation"
        case .rock: return "rock"
        case .prop: return "prop"
        case .weather: return "weather"
        case .character: return "character"
        case .collider(let k): return "collider." + k.rawValue
        case .lodLevel(let l): return "lod.\(l)"
        }
    }

    /// The role named `identifier`, or nil for a name this version does not know.
    public init?(identifier: String) {
        switch identifier {
        case "terrain": self = .terrain
        case "water": self = .water
        case "ice": self = .ice
        case "interior": self = .interior
        case "structure": self = .structure
        case "vegetation": self = .vegetation
        case "rock": self = .rock
        case "prop": self = .prop
        case "weather": self = .weather
        case "character": self = .character
        default:
            if identifier.hasPrefix("collider."), let k = CollisionKind(rawValue: String(identifier.dropFirst(9))) {
                self = .collider(k)
            } else if identifier.hasPrefix("lod."), let l = Int(identifier.dropFirst(4)), l > 0, l < 64 {
                self = .lodLevel(l)
            } else {
                return nil
            }
        }
    }

    /// Whether the role describes the world (persisted, inherited by children) rather than a
    /// node an export pass made.
    public var describesWorld: Bool {
        switch self {
        case .collider, .lodLevel: return false
        default: return true
        }
    }
}

// MARK: - Roles in extras

extension Node {
    /// Moves a known `extras.oysterRole` into `role` (readers call this); an unknown name is
    /// left in `extras` untouched, so newer files lose nothing.
    public mutating func takeRoleFromExtras() {
        guard case .object(var o)? = extras, let name = o[NodeRole.extrasKey]?.stringValue,
              let role = NodeRole(identifier: name) else { return }
        self.role = role
        o[NodeRole.extrasKey] = nil
        extras = o.isEmpty ? nil : .object(o)
    }

    /// `extras` with the role added (writers call this); other members keep their order.
    public var extrasWithRole: JSONValue? {
        guard let role else { return extras }
        switch extras {
        case nil, .null?:
            return .object(JSONObject([(NodeRole.extrasKey, .string(role.identifier))]))
        case .object(var o)?:
            o[NodeRole.extrasKey] = .string(role.identifier)
            return .object(o)
        case let other?:
            // Non-object extras are carried verbatim; the role cannot be added without
            // changing their type, so it is not written.
            return other
        }
    }
}

// MARK: - Inherited roles

extension Scene {
    /// Each node's role: its own, or else its nearest ancestor's world role (a `Door` under a
    /// `structure` house is structure). Pass-made roles (`collider`, `lodLevel`) are not
    /// inherited. Nodes outside every hierarchy keep their own role only.
    public func effectiveRoles() -> [NodeRole?] {
        var out = nodes.map(\.role)
        var visited = [Bool](repeating: false, count: nodes.count)
        var stack: [(node: Int, inherited: NodeRole?)] = []
        for r in (roots.flatMap(\.nodes) + parentlessNodes()).reversed() where nodes.indices.contains(r) { stack.append((r, nil)) }
        while let (n, inherited) = stack.popLast() {
            guard !visited[n] else { continue }
            visited[n] = true
            let own = nodes[n].role
            out[n] = own ?? inherited
            let passOn = (own?.describesWorld ?? false) ? own : inherited
            for c in nodes[n].children.reversed() where nodes.indices.contains(c) { stack.append((c, passOn)) }
        }
        return out
    }

    /// Whether any node carries a role (a file Oyster generated or processed) — when none
    /// does, an exporter may fall back to reading names.
    public var hasRoles: Bool { nodes.contains { $0.role != nil } }
}
