import OysterCore

// MARK: - Wings: thin cambered surfaces between a leading and a trailing edge

extension MeshBuilder {
    /// A thin wing between `leading` and `trailing` edges (matching stations, root to tip):
    /// the upper surface arched up to `thickness[i]` behind the leading edge, the under
    /// surface flatter, both meeting at the trailing edge, closed along the leading edge and
    /// at the tip (the root is left open: it lies inside the body). `paint(span, chord,
    /// upper)` colours each vertex from its fractions along the span and back from the
    /// leading edge. Faces wind outward whichever side of the body the wing is on.
    mutating func wingSurface(_ kind: SurfaceKind, leading: [Vec3], trailing: [Vec3], thickness: [Float], up: Vec3 = Vec3(0, 1, 0),
                              paint: (Float, Float, Bool) -> Vec4) {
        let n = leading.count, m = 4
        guard n >= 2, trailing.count == n, thickness.count == n else { return }
        let kept = color
        var positions: [UInt32: Vec3] = [:]
        var top: [[UInt32]] = [], bottom: [[UInt32]] = []
        for i in 0..<n {
            let s = Float(i) / Float(n - 1)
            var t: [UInt32] = [], b: [UInt32] = []
            for j in 0...m {
                let f = Float(j) / Float(m)
                let base = leading[i] + (trailing[i] - leading[i]) * f
                let upper = base + up * (thickness[i] * kpow(1 - f, 0.7)), lower = base - up * (0.35 * thickness[i] * (1 - f))
                color = paint(s, f, true)
                let vt = vertex(kind, upper, normal: up, uv: MeshBuilder.planarUV(upper, up))
                color = paint(s, f, false)
                let vb = vertex(kind, lower, normal: up * -1, uv: MeshBuilder.planarUV(lower, up * -1))
                positions[vt] = upper
                positions[vb] = lower
                t.append(vt)
                b.append(vb)
            }
            top.append(t)
            bottom.append(b)
        }
        color = kept
        /// Two triangles over a quad, wound so their normal points along `out`.
        func quad(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ out: Vec3) {
            let pa = positions[a]!, pb = positions[b]!, pc = positions[c]!, pd = positions[d]!
            let normal = cross(pb - pa, pc - pa) + cross(pc - pa, pd - pa)
            if dot(normal, out) >= 0 {
                triangle(kind, a, b, c)
                triangle(kind, a, c, d)
            } else {
                triangle(kind, a, c, b)
                triangle(kind, a, d, c)
            }
        }
        for i in 0..<(n - 1) {
            for j in 0..<m {
                quad(top[i][j], top[i + 1][j], top[i + 1][j + 1], top[i][j + 1], up)
                quad(bottom[i][j], bottom[i + 1][j], bottom[i + 1][j + 1], bottom[i][j + 1], up * -1)
            }
            quad(top[i][0], top[i + 1][0], bottom[i + 1][0], bottom[i][0], leading[i] - trailing[i])
        }
        let outward = leading[n - 1] - leading[n - 2]
        for j in 0..<m {
            quad(top[n - 1][j], top[n - 1][j + 1], bottom[n - 1][j + 1], bottom[n - 1][j], outward)
        }
    }
}
