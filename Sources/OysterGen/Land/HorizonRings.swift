import OysterCore

/// Where the horizon's land is sampled: rectangles round a region, each a ring of the same
/// number of samples, spaced as far apart outwards as along the ring. Every cell is about
/// square and about the same size on screen from anywhere over the region, so far land costs
/// few triangles and no slivers. (A lattice of rows and columns growing away from the region
/// left arms of cells the region's width but a kilometre long, three times the triangles for
/// the same land, and llvmpipe pays per triangle: the default world's horizon took 19 k
/// triangles and 18–20 ms of its 46 ms of geometry a frame.)
///
/// Samples form a grid: column `i` goes round each ring (its last column repeats its first, so
/// cells close the loop), row `j` outwards; ring 0 is the region's border, sampled every
/// `spacing` metres or so. Cells (i, j)–(i + 1, j + 1) turn upwards the way `TerrainMesher`
/// winds a grid whose columns run along +x and rows along +z.
struct HorizonRings {
    let columns: Int
    let rows: Int
    /// Sample (i, j) at `points[j * columns + i]`, (x, z).
    let points: [Vec2]
    /// Per row, how far its ring lies outside the region (0 for the border).
    let offsets: [Float]

    /// Rings round `region` out to `distance` metres past it, the border sampled about every
    /// `spacing` metres and with at least `minimumAround` samples round each ring: a cell then
    /// spans at most about 8 / `minimumAround` radians seen from the region (5° at 96), however
    /// small the region (a streamed view's few tiles).
    init(region r: Region, distance: Float, spacing: Float, minimumAround: Int = 96) {
        let width = r.maxX - r.minX, depth = r.maxZ - r.minZ
        let perimeter = 2 * (width + depth)
        let spacing = min(spacing, perimeter / Float(max(minimumAround, 4)))
        let nx = max(1, Int((width / spacing).rounded())), nz = max(1, Int((depth / spacing).rounded()))
        let around = 2 * (nx + nz)
        // Ring k + 1 lies as far out from ring k as ring k's samples are apart: its perimeter
        // over the samples round it.
        var offsets: [Float] = [0]
        while let d = offsets.last, d < distance {
            let step = (perimeter + 8 * d) / Float(around)
            // A last sliver of a ring is folded into the one before.
            offsets.append(d + step > distance - step * 0.25 ? distance : d + step)
        }
        var points: [Vec2] = []
        points.reserveCapacity((around + 1) * offsets.count)
        for d in offsets {
            let x0 = r.minX - d, x1 = r.maxX + d, z0 = r.minZ - d, z1 = r.maxZ + d
            // Round the ring with outwards × along pointing up: along the -z side towards -x,
            // the -x side towards +z, the +z side towards +x, the +x side back to the start.
            for s in 0..<nx { points.append(Vec2(x1 - (x1 - x0) * Float(s) / Float(nx), z0)) }
            for s in 0..<nz { points.append(Vec2(x0, z0 + (z1 - z0) * Float(s) / Float(nz))) }
            for s in 0..<nx { points.append(Vec2(x0 + (x1 - x0) * Float(s) / Float(nx), z1)) }
            for s in 0..<nz { points.append(Vec2(x1, z1 - (z1 - z0) * Float(s) / Float(nz))) }
            points.append(Vec2(x1, z0))
        }
        self.columns = around + 1
        self.rows = offsets.count
        self.points = points
        self.offsets = offsets
    }
}
