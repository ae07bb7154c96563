import OysterCore

/// The ground of one rectangle of the world on the world's sample lattice (sample (i, j) at
/// world (i·spacing, j·spacing)), with a margin of samples round it so normals, curvature and
/// nearest-sample lookups at the border see the same neighbours as the region next door.
struct GroundGrid: Sendable {
    /// Global lattice index of local sample (0, 0).
    let i0: Int
    let j0: Int
    /// Samples per side, margin included.
    let nx: Int
    let nz: Int
    let spacing: Float
    var heights: [Float]
    var road: [Float]
    var river: [Float]
    var riverSurface: [Float]

    /// Samples beyond the region on every side: enough for the deposit's 8 m reach.
    static func margin(spacing: Float) -> Int { max(6, Int((8 / spacing).rounded(.up)) + 1) }

    /// Samples the lattice from global index (gi0, gj0) to (gi1, gj1) inclusive, plus the margin.
    init(features: LocalFeatures, gi0: Int, gj0: Int, gi1: Int, gj1: Int, spacing: Float) {
        let m = GroundGrid.margin(spacing: spacing)
        i0 = gi0 - m
        j0 = gj0 - m
        nx = gi1 - gi0 + 1 + 2 * m
        nz = gj1 - gj0 + 1 + 2 * m
        self.spacing = spacing
        let (i0, j0, nx) = (i0, j0, nx)
        // Four values per sample, rows spread over the cores (each sample is independent).
        let packed = Parallel.rows(nz, width: nx * 4) { j, row in
            let z = Float(j0 + j) * spacing
            for i in 0..<nx {
                let x = Float(i0 + i) * spacing
                let s = features.sample(x, z, base: features.terrain.height(x, z))
                row[i * 4] = s.height
                row[i * 4 + 1] = s.road
                row[i * 4 + 2] = s.river
                row[i * 4 + 3] = s.riverSurface
            }
        }
        let count = nx * nz
        heights = (0..<count).map { packed[$0 * 4] }
        road = (0..<count).map { packed[$0 * 4 + 1] }
        river = (0..<count).map { packed[$0 * 4 + 2] }
        riverSurface = (0..<count).map { packed[$0 * 4 + 3] }
    }

    @inline(__always) func k(_ i: Int, _ j: Int) -> Int { (j - j0) * nx + (i - i0) }
    /// Height at global lattice index (i, j).
    @inline(__always) func h(_ i: Int, _ j: Int) -> Float { heights[k(i, j)] }

    /// Bilinear height at world (x, z) (within the grid). The cell and the fractions come from
    /// the world position alone, not from this grid's origin, so every region interpolates a
    /// point to the same last bit.
    func height(_ x: Float, _ z: Float) -> Float {
        let gx = x / spacing, gz = z / spacing
        let ci = Int(gx.rounded(.down)), cj = Int(gz.rounded(.down))
        let tx = gx - Float(ci), tz = gz - Float(cj)
        let i = min(max(ci - i0, 0), nx - 2), j = min(max(cj - j0, 0), nz - 2)
        let a = heights[j * nx + i], b = heights[j * nx + i + 1], c = heights[(j + 1) * nx + i], d = heights[(j + 1) * nx + i + 1]
        return (a * (1 - tx) + b * tx) * (1 - tz) + (c * (1 - tx) + d * tx) * tz
    }

    /// Local index of the sample nearest world (x, z).
    func nearest(_ x: Float, _ z: Float) -> Int {
        let i = Int((x / spacing).rounded()) - i0, j = Int((z / spacing).rounded()) - j0
        return min(max(j, 0), nz - 1) * nx + min(max(i, 0), nx - 1)
    }

    /// Unit normal at global (i, j) from central differences.
    func normal(_ i: Int, _ j: Int) -> Vec3 {
        let dx = (h(i + 1, j) - h(i - 1, j)) / (2 * spacing), dz = (h(i, j + 1) - h(i, j - 1)) / (2 * spacing)
        return normalize(Vec3(-dx, 1, -dz))
    }

    /// Slope (rise over run) at world (x, z).
    func slope(_ x: Float, _ z: Float) -> Float {
        let e = max(spacing, 1)
        let gx = (height(x + e, z) - height(x - e, z)) / (2 * e), gz = (height(x, z + e) - height(x, z - e)) / (2 * e)
        return (gx * gx + gz * gz).squareRoot()
    }

    /// Curvature over about 8 m at global (i, j): positive in hollows and gullies, where
    /// washed-down sediment settles (what particle erosion's deposit map used to give). The
    /// reach is wider than the ground's fine bumps, so only real hollows collect it.
    func deposit(_ i: Int, _ j: Int) -> Float {
        let o = max(1, Int((8 / spacing).rounded()))
        let lap = (h(i - o, j) + h(i + o, j) + h(i, j - o) + h(i, j + o)) * 0.25 - h(i, j)
        return clamp(lap * 0.6, -1, 2)
    }
}
