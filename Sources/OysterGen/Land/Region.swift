import OysterCore

/// A rectangle of the world on the sample lattice: the default scene's home region, one chunk,
/// or a block of chunks. Objects belong to the region holding their anchor, over the half-open
/// rectangle [minX, maxX) × [minZ, maxZ), so tiles never share or lose one.
public struct Region: Sendable, Equatable {
    /// First and last lattice sample along x and z (inclusive).
    public var i0: Int, j0: Int, i1: Int, j1: Int
    /// Metres between lattice samples.
    public var spacing: Float

    public init(i0: Int, j0: Int, i1: Int, j1: Int, spacing: Float) {
        self.i0 = i0; self.j0 = j0; self.i1 = i1; self.j1 = j1
        self.spacing = spacing
    }

    public var minX: Float { Float(i0) * spacing }
    public var minZ: Float { Float(j0) * spacing }
    public var maxX: Float { Float(i1) * spacing }
    public var maxZ: Float { Float(j1) * spacing }

    /// True when (x, z) lies in [minX, maxX) × [minZ, maxZ).
    public func owns(_ x: Float, _ z: Float) -> Bool { x >= minX && x < maxX && z >= minZ && z < maxZ }

    /// Metres between terrain samples for a detail level (exact binary fractions, so every
    /// region puts samples at the same world positions).
    public static func spacing(_ detail: Detail) -> Float { detail == .low ? 2 : detail == .medium ? 1 : 0.5 }

    /// Tile (x, z) of side `size` metres.
    public static func tile(x: Int, z: Int, size: Float, spacing: Float) -> Region {
        let n = Int((size / spacing).rounded())
        return Region(i0: x * n, j0: z * n, i1: (x + 1) * n, j1: (z + 1) * n, spacing: spacing)
    }

    /// The home region of a recipe: its size round the origin, on a lattice coarse enough to
    /// keep at most 768 cells a side (the spacing doubles until it fits).
    public static func home(_ recipe: Recipe) -> Region {
        var s = spacing(recipe.detail)
        while recipe.size / s > 768 { s *= 2 }
        // Round the half-side to whole 4 m steps of the lattice, so water sheets (2 and 4 m
        // grids) line up with every other region's.
        let step = max(s, 4)
        let n = Int((recipe.size / 2 / step).rounded()) * Int((step / s).rounded())
        return Region(i0: -n, j0: -n, i1: n, j1: n, spacing: s)
    }
}
