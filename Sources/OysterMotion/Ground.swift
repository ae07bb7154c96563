import OysterCore

/// What a walker stands on, wades in and bumps into in a scene, found by node role: ground
/// triangles (terrain, ice, interiors, structures, rocks and props: anything that faces up) in
/// a grid for height queries, water surfaces in another, and solid boxes (structures, rocks,
/// props; tree trunks) in their nodes' own frames, so a turned house blocks its own footprint
/// and not its world-aligned box.
///
/// A scene without roles (a file from elsewhere) walks on every upward-facing triangle and
/// collides with nothing.
public struct Ground: WalkSurface, Sendable {
    /// An obstacle: a box in a node's frame (`toLocal` takes world points there).
    struct Solid: Sendable {
        var toLocal: Mat4
        var toWorld: Mat4
        var box: AABB
        /// World height of the top, for stepping onto low things.
        var top: Float
    }

    private var floor = FacingUpGrid()
    private var water = FacingUpGrid()
    var solids: [Solid] = []
    /// The box around everything walkable.
    public var bounds: AABB { floor.bounds }

    public init(_ scene: Scene) {
        let world = scene.worldMatrices()
        let roles = scene.effectiveRoles()
        let hasRoles = scene.hasRoles
        for (n, node) in scene.nodes.enumerated() {
            guard let m = node.mesh, scene.meshes.indices.contains(m) else { continue }
            let role = roles[n]
            let walkable: Bool
            switch role {
            case .terrain?, .ice?, .interior?, .structure?, .rock?, .prop?: walkable = true
            case nil: walkable = !hasRoles
            default: walkable = false
            }
            let isWater = role == .water
            let models = node.instancing == nil ? [world[n]] : node.instanceMatrices().map { world[n] * $0 }
            // The mesh's box, once for all its instances.
            let box = role == .structure || role == .rock || role == .prop || role == .vegetation ? scene.meshes[m].localBounds : .empty
            for model in models {
                if walkable { floor.add(scene.meshes[m], model) }
                if isWater { water.add(scene.meshes[m], model) }
                switch role {
                case .structure?, .rock?, .prop?:
                    if !box.isEmpty, let inverse = model.inverse {
                        solids.append(Solid(toLocal: inverse, toWorld: model, box: box, top: box.transformed(by: model).max.y))
                    }
                case .vegetation?:
                    // A trunk: a 0.6 m square post at the plant's origin, as tall as the plant.
                    if !box.isEmpty, box.size.y > 2, let inverse = model.inverse {
                        let scale = max(length(model.transformDirection(Vec3(1, 0, 0))), 1e-3)
                        let r = 0.3 / scale
                        let trunk = AABB(min: Vec3(-r, box.min.y, -r), max: Vec3(r, box.max.y, r))
                        solids.append(Solid(toLocal: inverse, toWorld: model, box: trunk, top: box.transformed(by: model).max.y))
                    }
                default: break
                }
            }
        }
    }

    /// The highest ground under (x, z) no higher than `below` (so a walker finds the floor
    /// it stands on, not a roof above it); nil where there is none.
    public func height(x: Float, z: Float, below: Float = .infinity) -> Float? {
        floor.height(x: x, z: z, below: below)
    }

    /// The water's surface over (x, z) (its rest height: the waves' mean); nil where there is
    /// no water.
    public func waterSurface(x: Float, z: Float) -> Float? {
        water.height(x: x, z: z, below: .infinity)
    }

    /// `position` (a walker's feet, `radius` wide, standing `height` tall) pushed out of every
    /// solid it overlaps, except those low enough to step onto (`step`).
    public func resolve(_ position: Vec3, radius: Float, height: Float, step: Float) -> Vec3 {
        var p = position
        for s in solids where s.top > p.y + step {
            let local = s.toLocal.transformPoint(p)
            // The box grown by the walker's radius in the node's units.
            let scale = max(length(s.toLocal.transformDirection(Vec3(1, 0, 0))), 1e-6)
            let r = radius * scale
            let lo = s.box.min - Vec3(r, 0, r), hi = s.box.max + Vec3(r, 0, r)
            let head = s.toLocal.transformPoint(p + Vec3(0, height, 0))
            guard local.x > lo.x, local.x < hi.x, local.z > lo.z, local.z < hi.z,
                  max(local.y, head.y) > lo.y, min(local.y, head.y) < hi.y else { continue }
            // Out along the shallowest side, in the horizontal plane.
            let pushes: [(Float, Vec3)] = [
                (local.x - lo.x, Vec3(lo.x, local.y, local.z)), (hi.x - local.x, Vec3(hi.x, local.y, local.z)),
                (local.z - lo.z, Vec3(local.x, local.y, lo.z)), (hi.z - local.z, Vec3(local.x, local.y, hi.z)),
            ]
            let out = pushes.min { $0.0 < $1.0 }!.1
            let moved = s.toWorld.transformPoint(out)
            p = Vec3(moved.x, p.y, moved.z)
        }
        return p
    }
}

/// What a walker stands on and bumps into: one scene's `Ground`, or the ground of a streamed
/// world, answered from the tiles round each point.
public protocol WalkSurface {
    /// The highest ground under (x, z) no higher than `below`; nil where there is none.
    func height(x: Float, z: Float, below: Float) -> Float?
    /// The water's surface over (x, z); nil where there is no water (a walker wades or swims
    /// where it is above the ground).
    func waterSurface(x: Float, z: Float) -> Float?
    /// `position` (a walker's feet, `radius` wide, standing `height` tall) pushed out of every
    /// solid it overlaps, except those low enough to step onto (`step`).
    func resolve(_ position: Vec3, radius: Float, height: Float, step: Float) -> Vec3
    /// The box round everything walkable known so far (a walk with no start and no camera
    /// starts in its middle); empty when unknown.
    var bounds: AABB { get }
}

extension WalkSurface {
    /// The highest ground under (x, z); nil where there is none.
    public func height(x: Float, z: Float) -> Float? { height(x: x, z: z, below: .infinity) }
}

/// Triangles that face up (either winding), in a grid of `cell`-metre squares for height
/// queries: the ground a walker stands on, or the water it wades in.
struct FacingUpGrid: Sendable {
    /// Side of a grid cell, metres.
    static let cell: Float = 4
    private var triangles: [(Vec3, Vec3, Vec3)] = []
    private var cells: [SIMD2<Int32>: [Int32]] = [:]
    /// The box around every triangle.
    private(set) var bounds = AABB.empty

    mutating func add(_ mesh: Mesh, _ model: Mat4) {
        for p in mesh.primitives {
            guard let positions = p.attributes["POSITION"], positions.elementType == .vec3 else { continue }
            let idx = p.triangleIndices()
            let count = positions.count
            for t in stride(from: 0, to: idx.count - 2, by: 3) {
                guard Int(idx[t]) < count, Int(idx[t + 1]) < count, Int(idx[t + 2]) < count else { continue }
                let a = model.transformPoint(positions.vec3(Int(idx[t])))
                let b = model.transformPoint(positions.vec3(Int(idx[t + 1])))
                let c = model.transformPoint(positions.vec3(Int(idx[t + 2])))
                let normal = cross(b - a, c - a)
                let l = length(normal)
                // Only what faces up can be stood on (or swum in).
                guard l > 1e-9, abs(normal.y) / l > 0.5 else { continue }
                let index = Int32(triangles.count)
                triangles.append((a, b, c))
                bounds.add(a); bounds.add(b); bounds.add(c)
                let lo = pointwiseMin(a, pointwiseMin(b, c)), hi = pointwiseMax(a, pointwiseMax(b, c))
                for x in Self.cellIndex(lo.x)...Self.cellIndex(hi.x) {
                    for z in Self.cellIndex(lo.z)...Self.cellIndex(hi.z) { cells[SIMD2(Int32(x), Int32(z)), default: []].append(index) }
                }
            }
        }
    }

    static func cellIndex(_ v: Float) -> Int { Int((v / cell).rounded(.down).clamped(to: -1e6...1e6)) }

    /// The highest triangle under (x, z) no higher than `below`; nil where there is none.
    func height(x: Float, z: Float, below: Float) -> Float? {
        guard let list = cells[SIMD2(Int32(Self.cellIndex(x)), Int32(Self.cellIndex(z)))] else { return nil }
        var best: Float?
        for i in list {
            let (a, b, c) = triangles[Int(i)]
            // Barycentric coordinates in XZ.
            let d = (b.z - c.z) * (a.x - c.x) + (c.x - b.x) * (a.z - c.z)
            guard abs(d) > 1e-12 else { continue }
            let u = ((b.z - c.z) * (x - c.x) + (c.x - b.x) * (z - c.z)) / d
            let v = ((c.z - a.z) * (x - c.x) + (a.x - c.x) * (z - c.z)) / d
            let w = 1 - u - v
            guard u >= -1e-5, v >= -1e-5, w >= -1e-5 else { continue }
            let y = u * a.y + v * b.y + w * c.y
            if y <= below, y > (best ?? -.infinity) { best = y }
        }
        return best
    }
}

extension Float {
    func clamped(to range: ClosedRange<Float>) -> Float { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
