import OysterCore

/// Small deterministic 3D gradient noise for kit shapes (rock displacement, leaf clumps):
/// integer hashing only, so results are identical everywhere.
public struct KitNoise: Sendable, Hashable {
    public var seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    @inline(__always)
    func hash(_ x: Int32, _ y: Int32, _ z: Int32) -> UInt32 {
        var h = seed &+ UInt64(UInt32(bitPattern: x)) &* 0x9E37_79B1
        h = (h ^ (h >> 29)) &+ UInt64(UInt32(bitPattern: y)) &* 0x85EB_CA77
        h = (h ^ (h >> 31)) &+ UInt64(UInt32(bitPattern: z)) &* 0xC2B2_AE3D
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }

    @inline(__always)
    func grad(_ h: UInt32, _ x: Float, _ y: Float, _ z: Float) -> Float {
        // 12 cube-edge gradients (Perlin 2002).
        switch h % 12 {
        case 0: return x + y
        case 1: return -x + y
        case 2: return x - y
        case 3: return -x - y
        case 4: return x + z
        case 5: return -x + z
        case 6: return x - z
        case 7: return -x - z
        case 8: return y + z
        case 9: return -y + z
        case 10: return y - z
        default: return -y - z
        }
    }

    /// Gradient noise in roughly [-1, 1].
    public func noise(_ p: Vec3) -> Float {
        let fx = p.x.rounded(.down), fy = p.y.rounded(.down), fz = p.z.rounded(.down)
        let ix = Int32(clamping: Int(fx)), iy = Int32(clamping: Int(fy)), iz = Int32(clamping: Int(fz))
        let x = p.x - fx, y = p.y - fy, z = p.z - fz
        func fade(_ t: Float) -> Float { t * t * t * (t * (t * 6 - 15) + 10) }
        let u = fade(x), v = fade(y), w = fade(z)
        func g(_ dx: Int32, _ dy: Int32, _ dz: Int32) -> Float {
            grad(hash(ix &+ dx, iy &+ dy, iz &+ dz), x - Float(dx), y - Float(dy), z - Float(dz))
        }
        let x00 = mix(g(0, 0, 0), g(1, 0, 0), u), x10 = mix(g(0, 1, 0), g(1, 1, 0), u)
        let x01 = mix(g(0, 0, 1), g(1, 0, 1), u), x11 = mix(g(0, 1, 1), g(1, 1, 1), u)
        return mix(mix(x00, x10, v), mix(x01, x11, v), w)
    }

    /// Fractal sum of `octaves` noise layers (lacunarity 2, gain 0.5), roughly [-1, 1].
    public func fbm(_ p: Vec3, octaves: Int = 4) -> Float {
        var sum: Float = 0, amp: Float = 0.5, freq: Float = 1, norm: Float = 0
        for _ in 0..<max(1, octaves) {
            sum += noise(p * freq) * amp
            norm += amp
            amp *= 0.5
            freq *= 2
        }
        return sum / norm * 1.4
    }
}
