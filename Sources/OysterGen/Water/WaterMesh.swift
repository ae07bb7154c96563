import OysterCore

/// Water surfaces as geometry: flat sheets at a level clipped to where the ground is below it,
/// ribbons following a river, and falling curtains for waterfalls. UVs are world metres / 4.
enum WaterMesh {
    /// A sheet at `level` over the cells of a `spacing` grid in the rectangle where `ground` is
    /// below the level at any corner (and `keep` allows).
    /// With `from`, only cells connected to that point through flooded cells are kept, so a
    /// lake does not spill into separate hollows or a river gorge below its level.
    static func sheet(level: Float, minX: Float, minZ: Float, maxX: Float, maxZ: Float, spacing: Float,
                      ground: (Float, Float) -> Float, from: Vec2? = nil, keep: (Float, Float) -> Bool = { _, _ in true }) -> MeshBuilder {
        var b = MeshBuilder()
        let nx = max(1, Int(((maxX - minX) / spacing).rounded(.up))), nz = max(1, Int(((maxZ - minZ) / spacing).rounded(.up)))
        var flooded = [Bool](repeating: false, count: nx * nz)
        for j in 0..<nz {
            for i in 0..<nx {
                let x0 = minX + Float(i) * spacing, z0 = minZ + Float(j) * spacing
                let x1 = x0 + spacing, z1 = z0 + spacing
                let lowest = min(min(ground(x0, z0), ground(x1, z0)), min(ground(x0, z1), ground(x1, z1)))
                flooded[j * nx + i] = lowest < level && keep((x0 + x1) / 2, (z0 + z1) / 2)
            }
        }
        if let from {
            let si = Int((from.x - minX) / spacing), sj = Int((from.y - minZ) / spacing)
            var connected = [Bool](repeating: false, count: nx * nz)
            if si >= 0, sj >= 0, si < nx, sj < nz, flooded[sj * nx + si] {
                var stack = [sj * nx + si]
                connected[sj * nx + si] = true
                while let c = stack.popLast() {
                    let ci = c % nx, cj = c / nx
                    for (di, dj) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                        let ni = ci + di, nj = cj + dj
                        guard ni >= 0, nj >= 0, ni < nx, nj < nz else { continue }
                        let k = nj * nx + ni
                        if flooded[k] && !connected[k] { connected[k] = true; stack.append(k) }
                    }
                }
            }
            flooded = connected
        }
        var index = [Int32](repeating: -1, count: (nx + 1) * (nz + 1))
        func vertex(_ i: Int, _ j: Int) -> UInt32 {
            let k = j * (nx + 1) + i
            if index[k] >= 0 { return UInt32(index[k]) }
            let x = minX + Float(i) * spacing, z = minZ + Float(j) * spacing
            let v = b.vertex(.water, Vec3(x, level, z), normal: Vec3(0, 1, 0), uv: Vec2(x / 4, z / 4))
            index[k] = Int32(v)
            return v
        }
        for j in 0..<nz {
            for i in 0..<nx {
                guard flooded[j * nx + i] else { continue }
                let a = vertex(i, j), bb = vertex(i + 1, j), c = vertex(i, j + 1), d = vertex(i + 1, j + 1)
                b.triangle(.water, a, c, bb)
                b.triangle(.water, bb, c, d)
            }
        }
        return b
    }

    /// A ribbon `halfWidth` either side of a centre line, at the given surface heights. With
    /// `segments`, only those segments (i → i + 1) are emitted, but tangents and UVs still come
    /// from the whole line, so the pieces of one river in neighbouring tiles meet exactly.
    static func ribbon(_ points: [(p: Vec2, surface: Float)], halfWidth: Float, segments: [Int]? = nil) -> MeshBuilder {
        var b = MeshBuilder()
        guard points.count > 1 else { return b }
        var along = [Float](repeating: 0, count: points.count)
        for i in 1..<points.count { along[i] = along[i - 1] + length(points[i].p - points[i - 1].p) }
        var made: [Int: (UInt32, UInt32)] = [:]
        func pair(_ i: Int) -> (UInt32, UInt32) {
            if let v = made[i] { return v }
            let pt = points[i]
            let a = points[max(0, i - 1)].p, c = points[min(points.count - 1, i + 1)].p
            let t = normalize2(c - a)
            let side = Vec2(-t.y, t.x) * halfWidth
            let l = pt.p + side, r = pt.p - side
            let vl = b.vertex(.water, Vec3(l.x, pt.surface, l.y), normal: Vec3(0, 1, 0), uv: Vec2(0, along[i] / 4))
            let vr = b.vertex(.water, Vec3(r.x, pt.surface, r.y), normal: Vec3(0, 1, 0), uv: Vec2(halfWidth / 2, along[i] / 4))
            made[i] = (vl, vr)
            return (vl, vr)
        }
        for i in segments ?? Array(0..<(points.count - 1)) where i >= 0 && i < points.count - 1 {
            let (pl, pr) = pair(i), (vl, vr) = pair(i + 1)
            // Left is +90° from the direction of flow, so this winding faces up.
            b.triangle(.water, pl, vl, pr)
            b.triangle(.water, vl, vr, pr)
        }
        return b
    }

    /// A waterfall curtain from `top` down to `bottom`, bulging forward along `direction`.
    static func curtain(top: Vec3, bottom: Vec3, direction: Vec2, width: Float) -> MeshBuilder {
        var b = MeshBuilder()
        let fwd = Vec3(direction.x, 0, direction.y)
        let side = Vec3(-direction.y, 0, direction.x)
        let rows = 8, cols = 4
        var grid: [[UInt32]] = []
        let drop = top.y - bottom.y
        for r in 0...rows {
            let t = Float(r) / Float(rows)
            // Parabolic fall: water leaves the lip with forward speed, then drops.
            let centre = top + fwd * (1.6 * t.squareRoot() + 0.2) - Vec3(0, drop * t, 0)
            var row: [UInt32] = []
            for c in 0...cols {
                let s = Float(c) / Float(cols) - 0.5
                let p = centre + side * (s * width * (1 + 0.2 * t))
                row.append(b.vertex(.water, p, normal: normalize(fwd + Vec3(0, 0.3, 0)), uv: Vec2(s * width / 2, -t * drop / 2)))
            }
            grid.append(row)
        }
        for r in 0..<rows {
            for c in 0..<cols {
                let a = grid[r][c], bb = grid[r][c + 1], cc = grid[r + 1][c], d = grid[r + 1][c + 1]
                b.triangle(.water, a, cc, bb); b.triangle(.water, bb, cc, d)
                // Back face too, so the curtain reads from every side.
                b.triangle(.water, a, bb, cc); b.triangle(.water, bb, d, cc)
            }
        }
        return b
    }
}
