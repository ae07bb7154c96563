import OysterCore

/// A generated asset: a tree of named parts (each a mesh with a local pivot transform and an
/// optional animation hint), light anchors and a footprint for placement.
///
/// Model space: Y up, metres, origin at ground level in the middle of the footprint, front
/// (doors, faces) towards +Z. Light anchors are in model space.
public struct KitModel: Sendable, Hashable {
    public var name: String
    /// Top-level parts; a part's transform is relative to the model (or its parent part).
    public var parts: [KitPart]
    public var lightAnchors: [LightAnchor]

    public init(name: String, parts: [KitPart] = [], lightAnchors: [LightAnchor] = []) {
        self.name = name
        self.parts = parts
        self.lightAnchors = lightAnchors
    }

    /// The model-space box around every part (after transforms), for placement.
    public var footprint: AABB {
        var box = AABB.empty
        func visit(_ p: KitPart, _ m: Mat4) {
            let world = m * p.transform
            box.add(p.mesh.bounds.transformed(by: world))
            for c in p.children { visit(c, world) }
        }
        for p in parts { visit(p, .identity) }
        return box
    }

    /// Total triangles over all parts.
    public var triangleCount: Int {
        func count(_ p: KitPart) -> Int { p.mesh.triangleCount + p.children.reduce(0) { $0 + count($1) } }
        return parts.reduce(0) { $0 + count($1) }
    }

    /// Every part with its path name (`Door`, `Blades/Hub`…) and model-space transform, depth first.
    public var flatParts: [(path: String, part: KitPart, transform: Mat4)] {
        var out: [(String, KitPart, Mat4)] = []
        func visit(_ p: KitPart, _ prefix: String, _ m: Mat4) {
            let path = prefix.isEmpty ? p.name : prefix + "/" + p.name
            let world = m * p.transform
            out.append((path, p, world))
            for c in p.children { visit(c, path, world) }
        }
        for p in parts { visit(p, "", .identity) }
        return out
    }

    /// The first part (depth first) called `name`.
    public func part(named name: String) -> KitPart? { flatParts.first { $0.part.name == name }?.part }

    /// All geometry baked into one builder in model space (for static use or instancing).
    public func merged() -> MeshBuilder {
        var b = MeshBuilder()
        for (_, p, m) in flatParts { b.append(p.mesh, transform: m) }
        return b
    }

    /// Adds a static part with identity transform (no-op when `mesh` is empty).
    public mutating func add(_ name: String, _ mesh: MeshBuilder) {
        guard !mesh.isEmpty else { return }
        parts.append(KitPart(name: name, mesh: mesh))
    }
}

/// One named piece of a `KitModel`.
public struct KitPart: Sendable, Hashable {
    public var name: String
    /// Geometry in the part's own space (around its pivot).
    public var mesh: MeshBuilder
    /// Pivot placement relative to the parent.
    public var transform: Mat4
    public var animation: KitAnimation?
    public var children: [KitPart]

    public init(name: String, mesh: MeshBuilder = MeshBuilder(), transform: Mat4 = .identity, animation: KitAnimation? = nil, children: [KitPart] = []) {
        self.name = name
        self.mesh = mesh
        self.transform = transform
        self.animation = animation
        self.children = children
    }
}

/// How a part is meant to move; the world assembler turns hints into glTF animations.
public enum KitAnimation: Sendable, Hashable {
    /// Continuous rotation about `axis` (part space) at `speed` radians per second (windmill blades).
    case rotate(axis: Vec3, speed: Float)
    /// Swings open by `angle` radians about `axis` through the pivot and back (doors, lids).
    case swing(axis: Vec3, angle: Float)
    /// Gentle waving in the wind; `amplitude` radians about `axis` (flags, cloth, lanterns).
    case sway(axis: Vec3, amplitude: Float)
    /// Flicker of a flame (scale pulse around the pivot).
    case flicker
}

/// A place where a light belongs.
public struct LightAnchor: Sendable, Hashable {
    public var position: Vec3
    public var kind: LightAnchorKind

    public init(position: Vec3, kind: LightAnchorKind) {
        self.position = position
        self.kind = kind
    }
}

/// What kind of light an anchor wants; suggested color and range are starting points.
public enum LightAnchorKind: String, Sendable, Hashable, CaseIterable {
    case torchFlame, windowGlow, lantern, beacon, candle
    /// A volcano's glow: over its lava pool and up in its smoke.
    case lava

    /// Linear RGB color suggestion.
    public var suggestedColor: Vec3 {
        switch self {
        case .torchFlame: return Vec3(1.0, 0.55, 0.2)
        case .windowGlow: return Vec3(1.0, 0.75, 0.4)
        case .lantern: return Vec3(1.0, 0.8, 0.5)
        case .beacon: return Vec3(1.0, 0.92, 0.7)
        case .candle: return Vec3(1.0, 0.65, 0.3)
        case .lava: return Vec3(1.0, 0.36, 0.1)
        }
    }

    /// Suggested range in metres.
    public var suggestedRange: Float {
        switch self {
        case .torchFlame: return 8
        case .windowGlow: return 5
        case .lantern: return 10
        case .beacon: return 60
        case .candle: return 3
        case .lava: return 60
        }
    }

    /// Suggested intensity in candela as drawn without exposure control (`LightUnits.unitless`):
    /// a 20 cd torch gives a wall 2.5 m away 3.2 lux, beside a noon sun of 5 lux and a moon of 0.7.
    public var suggestedIntensity: Float {
        switch self {
        case .torchFlame: return 20
        case .windowGlow: return 6
        case .lantern: return 24
        case .beacon: return 600
        case .candle: return 3
        // Lights a crater's walls and the smoke 20–40 m off at about a lux (the moon's 0.7).
        case .lava: return 1200
        }
    }
}
