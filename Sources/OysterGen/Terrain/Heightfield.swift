import OysterCore

/// A square grid of heights in world metres: `(cells + 1)²` samples, `spacing` metres apart,
/// sample (0, 0) at world (`originX`, `originZ`). Row-major, x fastest.
public struct Heightfield: Sendable {
    public let cells: Int
    public let spacing: Float
    public let originX: Float
    public let originZ: Float
    public var heights: [Float]

    public var side: Int { cells + 1 }

    public init(cells: Int, spacing: Float, originX: Float, originZ: Float, fill: Float = 0) {
        self.cells = cells
        self.spacing = spacing
        self.originX = originX
        self.originZ = originZ
        heights = [Float](repeating: fill, count: (cells + 1) * (cells + 1))
    }

    @inlinable public subscript(i: Int, j: Int) -> Float {
        get { heights[j * (cells + 1) + i] }
        set { heights[j * (cells + 1) + i] = newValue }
    }

    @inlinable public func worldX(_ i: Int) -> Float { originX + Float(i) * spacing }
    @inlinable public func worldZ(_ j: Int) -> Float { originZ + Float(j) * spacing }

    /// Fills every sample from a height function of world coordinates, rows split over cores.
    public mutating func fill(_ f: @Sendable (Float, Float) -> Float) {
        let n = side, ox = originX, oz = originZ, sp = spacing
        heights = Parallel.rows(n, width: n) { j, row in
            let z = oz + Float(j) * sp
            for i in 0..<n { row[i] = f(ox + Float(i) * sp, z) }
        }
    }

    /// Bilinear height at world (x, z), clamped to the grid.
    public func height(_ x: Float, _ z: Float) -> Float {
        let fx = clamp((x - originX) / spacing, 0, Float(cells)), fz = clamp((z - originZ) / spacing, 0, Float(cells))
        let i = min(Int(fx), cells - 1), j = min(Int(fz), cells - 1)
        let tx = fx - Float(i), tz = fz - Float(j)
        let a = self[i, j], b = self[i + 1, j], c = self[i, j + 1], d = self[i + 1, j + 1]
        return (a * (1 - tx) + b * tx) * (1 - tz) + (c * (1 - tx) + d * tx) * tz
    }

    /// Unit normal at sample (i, j) from central differences (one-sided at the border).
    public func normal(_ i: Int, _ j: Int) -> Vec3 {
        let l = self[max(i - 1, 0), j], r = self[min(i + 1, cells), j]
        let d = self[i, max(j - 1, 0)], u = self[i, min(j + 1, cells)]
        let dx = Float(min(i + 1, cells) - max(i - 1, 0)) * spacing
        let dz = Float(min(j + 1, cells) - max(j - 1, 0)) * spacing
        return normalize(Vec3(-(r - l) / dx, 1, -(u - d) / dz))
    }

    /// Slope at world (x, z) as rise over run.
    public func slope(_ x: Float, _ z: Float) -> Float {
        let e = spacing
        let gx = (height(x + e, z) - height(x - e, z)) / (2 * e)
        let gz = (height(x, z + e) - height(x, z - e)) / (2 * e)
        return (gx * gx + gz * gz).squareRoot()
    }

    /// Grid index nearest to world (x, z), clamped.
    public func nearest(_ x: Float, _ z: Float) -> (i: Int, j: Int) {
        let i = Int(((x - originX) / spacing).rounded()), j = Int(((z - originZ) / spacing).rounded())
        return (min(max(i, 0), cells), min(max(j, 0), cells))
    }
}
