import OysterCore

/// A walk surface with things added as the walk goes (what an action script spawns): the
/// base's ground and solids and those of every added `Ground`. A spawned house is solid from
/// the step it is added, and what faces up on it (a floor, a step) can be stood on.
public final class EditedSurface<Base: WalkSurface>: WalkSurface {
    public let base: Base
    /// What was added, in order.
    public private(set) var added: [Ground] = []

    public init(_ base: Base) { self.base = base }

    /// Adds a thing's ground and solids (its scene's `Ground`, in world coordinates).
    public func add(_ ground: Ground) { added.append(ground) }

    public var bounds: AABB { base.bounds }

    public func height(x: Float, z: Float, below: Float) -> Float? {
        var best = base.height(x: x, z: z, below: below)
        for g in added {
            if let y = g.height(x: x, z: z, below: below), y > (best ?? -.infinity) { best = y }
        }
        return best
    }

    /// The base's water: what a script spawns stands on the ground, it adds no water.
    public func waterSurface(x: Float, z: Float) -> Float? { base.waterSurface(x: x, z: z) }

    public func resolve(_ position: Vec3, radius: Float, height: Float, step: Float) -> Vec3 {
        var p = base.resolve(position, radius: radius, height: height, step: step)
        for g in added { p = g.resolve(p, radius: radius, height: height, step: step) }
        return p
    }
}
