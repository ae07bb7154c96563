import OysterCore

/// Distance from every grid sample to a set of polylines (within a radius), with the value
/// carried by the nearest path point: used to carve river beds, flatten roads and paint them.
struct PathField {
    /// Distance to the nearest path point, or `.infinity` beyond the stamp radius.
    var distance: [Float]
    /// Value (bed height, road height) of that nearest point.
    var value: [Float]

    init(count: Int) {
        distance = [Float](repeating: .infinity, count: count)
        value = [Float](repeating: 0, count: count)
    }

    /// Stamps the points of `path` (each with its value) within `radius` metres.
    mutating func stamp(_ path: [Vec2], values: [Float], radius: Float, on hf: Heightfield) {
        let r = Int((radius / hf.spacing).rounded(.up))
        let n = hf.side
        for (idx, p) in path.enumerated() {
            let c = hf.nearest(p.x, p.y)
            for j in max(0, c.j - r)...min(n - 1, c.j + r) {
                let dz = hf.worldZ(j) - p.y
                for i in max(0, c.i - r)...min(n - 1, c.i + r) {
                    let dx = hf.worldX(i) - p.x
                    let d = (dx * dx + dz * dz).squareRoot()
                    let k = j * n + i
                    if d <= radius, d < distance[k] {
                        distance[k] = d
                        value[k] = values[idx]
                    }
                }
            }
        }
    }
}

/// A polyline resampled at (about) `step` metres.
func resample(_ points: [Vec2], step: Float) -> [Vec2] {
    guard points.count > 1 else { return points }
    var out: [Vec2] = [points[0]]
    for i in 1..<points.count {
        let a = points[i - 1], b = points[i]
        let n = max(1, Int((length(b - a) / step).rounded(.up)))
        for s in 1...n { out.append(a + (b - a) * (Float(s) / Float(n))) }
    }
    return out
}

/// A wandering path from `a` to `b`: the straight line bent sideways by smooth noise, so roads
/// and rivers meander without loops.
func meander(from a: Vec2, to b: Vec2, amplitude: Float, seed: UInt64, step: Float = 2) -> [Vec2] {
    let d = b - a
    let len = length(d)
    guard len > 0.01 else { return [a, b] }
    let side = Vec2(-d.y, d.x) / len
    let noise = Fractal(seed: seed, octaves: 3)
    let n = max(2, Int(len / step))
    var out: [Vec2] = []
    for s in 0...n {
        let t = Float(s) / Float(n)
        let envelope = 4 * t * (1 - t)
        out.append(a + d * t + side * (amplitude * envelope * noise.fbm(t * len / 60, 0.37)))
    }
    return out
}
