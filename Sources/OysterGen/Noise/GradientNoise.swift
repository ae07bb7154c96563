/// 2D gradient noise (Perlin-style, quintic fade) with analytic derivatives, optionally
/// periodic so textures tile. Pure integer hashing and float arithmetic: no tables built from
/// system randomness, no transcendental functions, so every platform gets the same values.
public struct GradientNoise: Sendable {
    public let seed: UInt32
    /// Lattice periods in cells along x and y (0 = not periodic). Periodic noise repeats every
    /// `periodX` units along x and `periodY` along y, which is what makes textures tile.
    public let periodX: Int32
    public let periodY: Int32

    public init(seed: UInt64, period: Int = 0) {
        self.init(seed: seed, periodX: period, periodY: period)
    }

    public init(seed: UInt64, periodX: Int, periodY: Int) {
        self.seed = UInt32(truncatingIfNeeded: SplitMix64.mix(seed) >> 16)
        self.periodX = Int32(clamping: periodX)
        self.periodY = Int32(clamping: periodY)
    }

    /// The gradient at lattice point (x, y), coordinates already wrapped to the period.
    @inlinable @inline(__always) func gradient(_ x: Int32, _ y: Int32) -> (Float, Float) {
        // A switch compiles to a jump table: no array bounds checks or lazy globals in the hot path.
        switch PositionHash.lattice(seed, x, y) >> 28 {
        case 0: return (1, 0)
        case 1: return (0.9239, 0.3827)
        case 2: return (0.7071, 0.7071)
        case 3: return (0.3827, 0.9239)
        case 4: return (0, 1)
        case 5: return (-0.3827, 0.9239)
        case 6: return (-0.7071, 0.7071)
        case 7: return (-0.9239, 0.3827)
        case 8: return (-1, 0)
        case 9: return (-0.9239, -0.3827)
        case 10: return (-0.7071, -0.7071)
        case 11: return (-0.3827, -0.9239)
        case 12: return (0, -1)
        case 13: return (0.3827, -0.9239)
        case 14: return (0.7071, -0.7071)
        default: return (0.9239, -0.3827)
        }
    }

    /// Noise value in about [-1, 1] at (x, y).
    @inlinable @inline(__always) public func value(_ x: Float, _ y: Float) -> Float {
        let fx0 = x.rounded(.down), fy0 = y.rounded(.down)
        let (x0, x1, y0, y1) = lattice(fx0, fy0)
        let fx = x - fx0, fy = y - fy0
        let ux = fx * fx * fx * (fx * (fx * 6 - 15) + 10)
        let uy = fy * fy * fy * (fy * (fy * 6 - 15) + 10)
        let ga = gradient(x0, y0), gb = gradient(x1, y0), gc = gradient(x0, y1), gd = gradient(x1, y1)
        let va = ga.0 * fx + ga.1 * fy
        let vb = gb.0 * (fx - 1) + gb.1 * fy
        let vc = gc.0 * fx + gc.1 * (fy - 1)
        let vd = gd.0 * (fx - 1) + gd.1 * (fy - 1)
        return (va + ux * (vb - va) + uy * (vc - va) + ux * uy * (va - vb - vc + vd)) * 1.41
    }

    /// Lattice corners of the cell whose lower corner is (fx0, fy0), wrapped once per sample.
    @inlinable @inline(__always) func lattice(_ fx0: Float, _ fy0: Float) -> (Int32, Int32, Int32, Int32) {
        var x0 = Int32(clamping: Int(fx0)), y0 = Int32(clamping: Int(fy0))
        var x1 = x0 &+ 1, y1 = y0 &+ 1
        if periodX > 0 {
            x0 = ((x0 % periodX) + periodX) % periodX
            x1 = x0 + 1 == periodX ? 0 : x0 + 1
        }
        if periodY > 0 {
            y0 = ((y0 % periodY) + periodY) % periodY
            y1 = y0 + 1 == periodY ? 0 : y0 + 1
        }
        return (x0, x1, y0, y1)
    }

    /// Noise value and its partial derivatives (d/dx, d/dy).
    @inlinable @inline(__always) public func sample(_ x: Float, _ y: Float) -> (value: Float, dx: Float, dy: Float) {
        let fx0 = x.rounded(.down), fy0 = y.rounded(.down)
        let (x0, x1, y0, y1) = lattice(fx0, fy0)
        let fx = x - fx0, fy = y - fy0
        let ux = fx * fx * fx * (fx * (fx * 6 - 15) + 10)
        let uy = fy * fy * fy * (fy * (fy * 6 - 15) + 10)
        let dux = 30 * fx * fx * (fx * (fx - 2) + 1)
        let duy = 30 * fy * fy * (fy * (fy - 2) + 1)
        let ga = gradient(x0, y0), gb = gradient(x1, y0)
        let gc = gradient(x0, y1), gd = gradient(x1, y1)
        let va = ga.0 * fx + ga.1 * fy
        let vb = gb.0 * (fx - 1) + gb.1 * fy
        let vc = gc.0 * fx + gc.1 * (fy - 1)
        let vd = gd.0 * (fx - 1) + gd.1 * (fy - 1)
        let k = va - vb - vc + vd
        let v = va + ux * (vb - va) + uy * (vc - va) + ux * uy * k
        let dx = ga.0 + ux * (gb.0 - ga.0) + uy * (gc.0 - ga.0) + ux * uy * (ga.0 - gb.0 - gc.0 + gd.0)
            + dux * (uy * k + (vb - va))
        let dy = ga.1 + ux * (gb.1 - ga.1) + uy * (gc.1 - ga.1) + ux * uy * (ga.1 - gb.1 - gc.1 + gd.1)
            + duy * (ux * k + (vc - va))
        let s: Float = 1.41
        return (v * s, dx * s, dy * s)
    }
}
