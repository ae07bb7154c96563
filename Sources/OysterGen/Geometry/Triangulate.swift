import OysterCore

/// Polygon triangulation for caps and wall faces.
enum Triangulate {
    /// Ear-clipping triangulation of a simple polygon (either winding); returns index
    /// triples that keep the polygon's own winding. O(n²), fine for kit-sized polygons.
    static func earClip(_ pts: [Vec2]) -> [(UInt32, UInt32, UInt32)] {
        let n = pts.count
        guard n >= 3 else { return [] }
        var area: Float = 0
        for i in 0..<n { let p = pts[i], q = pts[(i + 1) % n]; area += p.x * q.y - q.x * p.y }
        let ccw = area >= 0
        var idx = Array(0..<n)
        var out: [(UInt32, UInt32, UInt32)] = []
        out.reserveCapacity(n - 2)
        func cross2(_ o: Vec2, _ a: Vec2, _ b: Vec2) -> Float { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
        var guardCount = 0
        while idx.count > 3 && guardCount < n * n {
            guardCount += 1
            var clipped = false
            for k in 0..<idx.count {
                let i0 = idx[(k + idx.count - 1) % idx.count], i1 = idx[k], i2 = idx[(k + 1) % idx.count]
                let a = pts[i0], b = pts[i1], c = pts[i2]
                let turn = cross2(a, b, c)
                if ccw ? turn <= 1e-9 : turn >= -1e-9 { continue }
                var inside = false
                for j in idx where j != i0 && j != i1 && j != i2 {
                    let p = pts[j]
                    let d1 = cross2(a, b, p), d2 = cross2(b, c, p), d3 = cross2(c, a, p)
                    if ccw ? (d1 >= 0 && d2 >= 0 && d3 >= 0) : (d1 <= 0 && d2 <= 0 && d3 <= 0) { inside = true; break }
                }
                if inside { continue }
                out.append((UInt32(i0), UInt32(i1), UInt32(i2)))
                idx.remove(at: k)
                clipped = true
                break
            }
            if !clipped {  // degenerate input: fall back to a fan over what is left
                break
            }
        }
        if idx.count >= 3 {
            for k in 1..<(idx.count - 1) { out.append((UInt32(idx[0]), UInt32(idx[k]), UInt32(idx[k + 1]))) }
        }
        return out
    }
}
