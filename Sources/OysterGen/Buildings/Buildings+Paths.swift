import OysterCore

extension Buildings {
    /// A post-and-rail fence along `path` (model-space points, y = ground height at each);
    /// posts about every `postSpacing` metres, two rails between posts.
    public static func fence(path: [Vec3], height: Float = 1.1, postSpacing: Float = 2.2, seed: UInt64) -> KitModel {
        var rng = KitRandom(seed: seed)
        var b = MeshBuilder()
        let height = kitClamp(height, 0.3, 4, fallback: 1.1), postSpacing = kitClamp(postSpacing, 0.5, 20, fallback: 2.2)
        let path = path.filter { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
        var posts: [Vec3] = []
        for i in 0..<max(0, path.count - 1) {
            let a = path[i], c = path[i + 1]
            let l = length(c - a)
            guard l.isFinite, l < 1_000_000 else { continue }
            let n = max(1, min(Int((l / postSpacing).rounded(.up)), 10_000))
            for k in 0..<n { posts.append(mix(a, c, Float(k) / Float(n))) }
        }
        if let last = path.last { posts.append(last) }
        for (i, p) in posts.enumerated() {
            let lean = Vec3(rng.float(in: -0.03...0.03), 0, rng.float(in: -0.03...0.03))
            b.color = Vec4(repeating: rng.float(in: 0.75...1))
            b.box(.timber, center: p + Vec3(0, height / 2 - 0.15, 0) + lean, size: Vec3(0.12, height + 0.3, 0.12), yaw: rng.float(in: -0.2...0.2))
            b.color = nil
            if i + 1 < posts.count {
                let q = posts[i + 1]
                for y in [height * 0.45, height * 0.85] {
                    b.beam(.woodPlanks, from: p + Vec3(0, y, 0), to: q + Vec3(0, y + rng.float(in: -0.04...0.04), 0), width: 0.12, depth: 0.04, up: Vec3(0, 1, 0))
                }
            }
        }
        var m = KitModel(name: "Fence")
        m.add("Fence", b)
        return m
    }

    /// A road or path strip draped over terrain: `polyline` (x, z) resampled every
    /// `segmentLength` metres, `width` across (split in `across` strips so it bends with the
    /// ground), each vertex at `height(x, z) + lift`. UVs: u across, v along, in metres.
    public static func road(polyline: [Vec2], width: Float = 3, kind: SurfaceKind = .cobblestone, segmentLength: Float = 1,
                            across: Int = 3, lift: Float = 0.04, height: (Float, Float) -> Float) -> MeshBuilder {
        var b = MeshBuilder()
        let polyline = polyline.filter { $0.x.isFinite && $0.y.isFinite }
        let width = kitClamp(width, 0.2, 50, fallback: 3), segmentLength = kitClamp(segmentLength, 0.1, 100, fallback: 1)
        let lift = kitClamp(lift, -1, 1, fallback: 0.04)
        guard polyline.count >= 2 else { return b }
        // Resample by arc length.
        var samples: [Vec2] = [polyline[0]], along: [Float] = [0]
        var total: Float = 0
        for i in 0..<(polyline.count - 1) {
            let a = polyline[i], c = polyline[i + 1]
            let l = length(c - a)
            guard l > 1e-5, l.isFinite, l < 1_000_000 else { continue }
            let n = max(1, min(Int((l / segmentLength).rounded(.up)), 100_000))
            for k in 1...n {
                samples.append(a + (c - a) * (Float(k) / Float(n)))
                along.append(total + l * Float(k) / Float(n))
            }
            total += l
        }
        guard samples.count >= 2 else { return b }
        let cols = max(1, across)
        var grid: [[Vec3]] = []
        for (i, s) in samples.enumerated() {
            let t = samples[min(i + 1, samples.count - 1)] - samples[max(i - 1, 0)]
            let tl = length(t)
            let dir = tl > 0 ? t / tl : Vec2(1, 0)
            let side = Vec2(-dir.y, dir.x)
            var row: [Vec3] = []
            for j in 0...cols {
                let o = (Float(j) / Float(cols) - 0.5) * width
                let p = s + side * o
                let y = height(p.x, p.y)
                row.append(Vec3(p.x, (y.isFinite ? y : 0) + lift, p.y))
            }
            grid.append(row)
        }
        // Smooth normals from the grid, then quads.
        let rows = grid.count
        var base = [UInt32]()
        for i in 0..<rows {
            base.append(UInt32(b.groups[kind]?.positions.count ?? 0))
            for j in 0...cols {
                let dx = grid[min(i + 1, rows - 1)][j] - grid[max(i - 1, 0)][j]
                let dz = grid[i][min(j + 1, cols)] - grid[i][max(j - 1, 0)]
                var n = normalize(cross(dz, dx))
                if n.y < 0 { n = -n }
                if n == .zero { n = Vec3(0, 1, 0) }
                b.vertex(kind, grid[i][j], normal: n, uv: Vec2((Float(j) / Float(cols) - 0.5) * width, along[i]))
            }
        }
        for i in 0..<(rows - 1) {
            for j in 0..<cols {
                let a = base[i] + UInt32(j), c = base[i + 1] + UInt32(j)
                // Wind so the face points up.
                let pa = grid[i][j], pb = grid[i][j + 1], pc = grid[i + 1][j + 1]
                if cross(pb - pa, pc - pa).y >= 0 {
                    b.triangle(kind, a, a + 1, c + 1); b.triangle(kind, a, c + 1, c)
                } else {
                    b.triangle(kind, a, c + 1, a + 1); b.triangle(kind, a, c, c + 1)
                }
            }
        }
        return b
    }
}
