import OysterCore

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

func normalize2(_ v: Vec2) -> Vec2 {
    let l = length(v)
    return l > 0 ? v / l : Vec2(1, 0)
}

extension SIMD2 where Scalar == Float {
    var normalizedOrZero: SIMD2<Float> { let l = (x * x + y * y).squareRoot(); return l > 0 ? self / l : .zero }
}

extension String {
    /// Zero-padded numbers for node names ("House_03", "Torch_012").
    init(format3 n: Int) { self = n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
