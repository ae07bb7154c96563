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

    /// 16 unit gradient directions, evenly spread, so no axis is favoured.
    @usableFromInline static let gradients: [(Float, Float)] = [
        (1, 0), (0.9239, 0.3827), (0.7071, 0.7071), (0.3827, 0.9239),
        (0, 1), (-0.3827, 0.9239), (-0.7071, 0.7071), (-0.9239, 0.3827),
        (-1, 0), (-0.9239, -0.3827), (-0.7071, -0.7071), (-0.3827, -0.9239),
        (0, -1), (0.3827, -0.9239), (0.7071, -0.7071), (0.9239, -0.3827),
    ]

    @inlinable func gradient(_ ix: Int32, _ iy: Int32) -> (Float, Float) {
        var x = ix, y = iy
        if periodX > 0 { x = ((x % periodX) + periodX) % periodX }
        if periodY > 0 { y = ((y % periodY) + periodY) % periodY }
        return GradientNoise.gradients[Int(PositionHash.lattice(seed, x, y) >> 28)]
    }

    /// Noise value in about [-1, 1] at (x, y).
    @inlinable public func value(_ x: Float, _ y: Float) -> Float { sample(x, y).value }

    /// Noise value and its partial derivatives (d/dx, d/dy).
    @inlinable public func sample(_ x: Float, _ y: Float) -> (value: Float, dx: Float, dy: Float) {
        let fx0 = x.rounded(.down), fy0 = y.rounded(.down)
        let ix = Int32(clamping: Int(fx0)), iy = Int32(clamping: Int(fy0))
        let fx = x - fx0, fy = y - fy0
        let ux = fx * fx * fx * (fx * (fx * 6 - 15) + 10)
        let uy = fy * fy * fy * (fy * (fy * 6 - 15) + 10)
        let dux = 30 * fx * fx * (fx * (fx - 2) + 1)
        let duy = 30 * fy * fy * (fy * (fy - 2) + 1)
        let ga = gradient(ix, iy), gb = gradient(ix &+ 1, iy)
        let gc = gradient(ix, iy &+ 1), gd = gradient(ix &+ 1, iy &+ 1)
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
