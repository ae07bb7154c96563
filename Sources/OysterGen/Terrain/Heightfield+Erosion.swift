/// Particle-based hydraulic erosion (after H. Beyer, "Implementation of a method for hydraulic
/// erosion", 2015) and thermal erosion (talus slumping). Droplets run one after another in the
/// order a seeded PCG32 gives, so the result is the same on every machine.
extension Heightfield {
    public struct ErosionOptions: Sendable {
        /// Droplets per grid cell.
        public var dropletsPerCell: Float = 0.6
        public var lifetime = 40
        public var inertia: Float = 0.08
        public var capacity: Float = 5
        public var minCapacity: Float = 0.01
        public var erodeRate: Float = 0.35
        public var depositRate: Float = 0.25
        public var evaporation: Float = 0.02
        public var gravity: Float = 6
        /// Erosion brush radius in cells.
        public var radius = 2
        public init() {}
    }

    /// Erodes in place; returns per-sample sediment deposited minus removed (positive where
    /// material settled), which ground cover uses for gravel and dirt in gullies.
    @discardableResult
    public mutating func erodeHydraulic(seed: UInt64, options o: ErosionOptions = .init()) -> [Float] {
        let n = side
        var deposit = [Float](repeating: 0, count: n * n)
        // Brush: weights of the samples within `radius` of a point, normalised.
        var brush: [(Int, Int, Float)] = []
        var wsum: Float = 0
        for dj in -o.radius...o.radius {
            for di in -o.radius...o.radius {
                let d = Float(di * di + dj * dj).squareRoot()
                if d <= Float(o.radius) {
                    let w = 1 - d / (Float(o.radius) + 0.5)
                    brush.append((di, dj, w))
                    wsum += w
                }
            }
        }
        brush = brush.map { ($0.0, $0.1, $0.2 / wsum) }
        var rng = PCG32(seed: seed, stream: 0xE805)
        let count = Int(Float(cells * cells) * o.dropletsPerCell)
        let hs = spacing
        heights.withUnsafeMutableBufferPointer { h in
            deposit.withUnsafeMutableBufferPointer { dep in
                func heightGrad(_ x: Float, _ y: Float) -> (Float, Float, Float) {
                    let i = Int(x), j = Int(y)
                    let u = x - Float(i), v = y - Float(j)
                    let k = j * n + i
                    let a = h[k], b = h[k + 1], c = h[k + n], d = h[k + n + 1]
                    let gx = (b - a) * (1 - v) + (d - c) * v
                    let gy = (c - a) * (1 - u) + (d - b) * u
                    return (a * (1 - u) * (1 - v) + b * u * (1 - v) + c * (1 - u) * v + d * u * v, gx, gy)
                }
                let limit = Float(cells) - 1.001
                for _ in 0..<count {
                    var x = rng.nextFloat() * limit, y = rng.nextFloat() * limit
                    var dx: Float = 0, dy: Float = 0, speed: Float = 1, water: Float = 1, sediment: Float = 0
                    for _ in 0..<o.lifetime {
                        let i = Int(x), j = Int(y)
                        let u = x - Float(i), v = y - Float(j)
                        let (h0, gx, gy) = heightGrad(x, y)
                        dx = dx * o.inertia - gx * (1 - o.inertia)
                        dy = dy * o.inertia - gy * (1 - o.inertia)
                        let len = (dx * dx + dy * dy).squareRoot()
                        if len < 1e-6 { break }
                        dx /= len
                        dy /= len
                        x += dx
                        y += dy
                        if x < 0 || y < 0 || x >= limit || y >= limit { break }
                        let h1 = heightGrad(x, y).0
                        let dh = h1 - h0
                        let cap = max(-dh / hs * speed * water * o.capacity, o.minCapacity)
                        let k = j * n + i
                        if sediment > cap || dh > 0 {
                            // Deposit on the four corners of the cell we left.
                            let amount = dh > 0 ? min(dh, sediment) : (sediment - cap) * o.depositRate
                            sediment -= amount
                            h[k] += amount * (1 - u) * (1 - v)
                            h[k + 1] += amount * u * (1 - v)
                            h[k + n] += amount * (1 - u) * v
                            h[k + n + 1] += amount * u * v
                            dep[k] += amount
                        } else {
                            let amount = min((cap - sediment) * o.erodeRate, -dh)
                            for (bi, bj, w) in brush {
                                let ii = i + bi, jj = j + bj
                                if ii < 0 || jj < 0 || ii >= n || jj >= n { continue }
                                let kk = jj * n + ii
                                h[kk] -= amount * w
                                dep[kk] -= amount * w
                            }
                            sediment += amount
                        }
                        speed = max(0, speed * speed + dh / hs * o.gravity).squareRoot()
                        water *= 1 - o.evaporation
                    }
                }
            }
        }
        return deposit
    }

    /// Slumps material from samples steeper than `talus` (rise per metre) to their lowest
    /// neighbour, `iterations` times, in raster order.
    public mutating func erodeThermal(iterations: Int, talus: Float = 0.9, rate: Float = 0.3) {
        let n = side, maxDiff = talus * spacing
        for _ in 0..<iterations {
            for j in 1..<(n - 1) {
                for i in 1..<(n - 1) {
                    let k = j * n + i
                    let h0 = heights[k]
                    var lowest = k
                    var lowH = h0
                    for o in [k - 1, k + 1, k - n, k + n] where heights[o] < lowH {
                        lowH = heights[o]
                        lowest = o
                    }
                    let d = h0 - lowH
                    if d > maxDiff {
                        let move = (d - maxDiff) * 0.5 * rate
                        heights[k] -= move
                        heights[lowest] += move
                    }
                }
            }
        }
    }
}
