/// Worley (cellular) noise: distance to the nearest and second-nearest feature point of a
/// jittered lattice, optionally periodic. Used for stones, cracks, scales and cells.
public struct CellularNoise: Sendable {
    public let seed: UInt32
    public let period: Int32
    public let jitter: Float

    public init(seed: UInt64, period: Int = 0, jitter: Float = 0.9) {
        self.seed = UInt32(truncatingIfNeeded: SplitMix64.mix(seed ^ 0xCE11) >> 20)
        self.period = Int32(clamping: period)
        self.jitter = jitter
    }

    /// (F1, F2, id of the nearest cell in [0, 1)).
    @inlinable public func sample(_ x: Float, _ y: Float) -> (f1: Float, f2: Float, id: Float) {
        let fx0 = x.rounded(.down), fy0 = y.rounded(.down)
        let ix = Int32(clamping: Int(fx0)), iy = Int32(clamping: Int(fy0))
        let fx = x - fx0, fy = y - fy0
        var f1: Float = 9, f2: Float = 9, id: Float = 0
        for dy in Int32(-1)...1 {
            for dx in Int32(-1)...1 {
                var cx = ix &+ dx, cy = iy &+ dy
                if period > 0 {
                    cx = ((cx % period) + period) % period
                    cy = ((cy % period) + period) % period
                }
                let h = PositionHash.lattice(seed, cx, cy)
                let px = Float(dx) + 0.5 + jitter * (Float(h & 0xFFFF) / 65535 - 0.5) - fx
                let py = Float(dy) + 0.5 + jitter * (Float(h >> 16) / 65535 - 0.5) - fy
                let d = (px * px + py * py).squareRoot()
                if d < f1 {
                    f2 = f1
                    f1 = d
                    id = Float(PositionHash.lattice(seed ^ 0x9E37, cx, cy) >> 8) / 16_777_216
                } else if d < f2 {
                    f2 = d
                }
            }
        }
        return (f1, f2, id)
    }
}
