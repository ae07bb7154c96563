import OysterCore
import OysterImage

/// RGBA textures of the weather surfaces, baked from Oyster's own noise: a rain streak, a soft
/// snowflake and a tileable mist. The alpha channel carries the shape; materials blend it.
enum WeatherTextures {
    /// Side of the small sprite textures (streak, flake): they cover a few pixels on screen.
    static let spriteSize = 64
    /// Side of the mist texture (tileable, stretched over tens of metres).
    static let mistSize = 256
    /// Side of the smoke puff (one card each, metres to tens of metres across).
    static let puffSize = 128

    /// The RGBA texture for a weather kind (encoded as `encoding` when written), nil for other kinds.
    /// Baked once per kind and seed: a streamed world makes its weather again as the camera
    /// moves, with the same textures each time.
    static func pixels(_ kind: SurfaceKind, seed: UInt64) -> PixelImage? {
        baked.value(Baked(kind: kind, seed: kind == .mist ? seed : 0)) { bake(kind, seed: seed) }
    }

    private struct Baked: Hashable, Sendable {
        var kind: SurfaceKind
        var seed: UInt64
    }
    private static let baked = PureCache<Baked, PixelImage?>(limit: 64)

    private static func bake(_ kind: SurfaceKind, seed: UInt64) -> PixelImage? {
        switch kind {
        case .rain: return rgba(streak(), spriteSize)
        case .snowflake: return rgba(flake(), spriteSize)
        case .mist: return rgba(mist(seed: seed), mistSize)
        case .smoke: return rgba(puff(), puffSize)
        default: return nil
        }
    }

    // MARK: - Patterns

    /// A falling drop's streak: u across (soft core), v along (v = 0 top tail … 1 bright head).
    static func streak() -> [UInt8] {
        let n = spriteSize
        var out = [UInt8](repeating: 0, count: n * n * 4)
        for y in 0..<n {
            let v = (Float(y) + 0.5) / Float(n)
            // Faint tail, brighter head, fading at both ends.
            let along = smoothstep(0, 0.55, v) * smoothstep(1, 0.9, v)
            for x in 0..<n {
                let u = (Float(x) + 0.5) / Float(n)
                let across = 1 - smoothstep(0.1, 0.5, abs(u - 0.5))
                let a = along * across
                let c = mix(Vec3(0.70, 0.78, 0.90), Vec3(0.92, 0.96, 1.0), across)
                put(&out, y * n + x, c, a)
            }
        }
        return out
    }

    /// A soft round flake: bright centre, smooth edge.
    static func flake() -> [UInt8] {
        let n = spriteSize
        var out = [UInt8](repeating: 0, count: n * n * 4)
        for y in 0..<n {
            for x in 0..<n {
                let dx = (Float(x) + 0.5) / Float(n) - 0.5, dy = (Float(y) + 0.5) / Float(n) - 0.5
                let r = (dx * dx + dy * dy).squareRoot() * 2
                let a = 1 - smoothstep(0.25, 1, r)
                put(&out, y * n + x, Vec3(0.97, 0.98, 1.0), a)
            }
        }
        return out
    }

    /// Wisps of mist: periodic fractal noise (tiles seamlessly), white with a soft alpha.
    static func mist(seed: UInt64) -> [UInt8] {
        let n = mistSize
        let big = Fractal(seed: seed ^ 0x3157, octaves: 4, period: 3)
        let wisps = Fractal(seed: seed ^ 0x3158, octaves: 3, gain: 0.55, periodX: 2, periodY: 6)
        var out = [UInt8](repeating: 0, count: n * n * 4)
        for y in 0..<n {
            let v = (Float(y) + 0.5) / Float(n)
            for x in 0..<n {
                let u = (Float(x) + 0.5) / Float(n)
                let f = big.fbm(u * 3, v * 3) * 0.75 + wisps.fbm(u * 2, v * 6) * 0.35
                // Soft wisps over a thin veil, so sheets read as haze rather than patches.
                let a = smoothstep(-0.45, 0.6, f)
                let c = Vec3(0.90, 0.92, 0.94) * (0.92 + 0.08 * a)
                put(&out, y * n + x, c, 0.08 + 0.92 * a)
            }
        }
        return out
    }

    /// A puff of smoke: a soft round billow, lumpy at its edge, denser in the middle.
    static func puff() -> [UInt8] {
        let n = puffSize
        let billow = Fractal(seed: 0x5E0C, octaves: 4, period: 4)
        var out = [UInt8](repeating: 0, count: n * n * 4)
        for y in 0..<n {
            let v = (Float(y) + 0.5) / Float(n)
            for x in 0..<n {
                let u = (Float(x) + 0.5) / Float(n)
                let dx = u - 0.5, dy = v - 0.5
                let r = (dx * dx + dy * dy).squareRoot() * 2
                let lump = billow.fbm(u * 4, v * 4)
                let a = (1 - smoothstep(0.35, 1, r + 0.35 * lump)) * (0.75 + 0.25 * lump)
                put(&out, y * n + x, Vec3(0.93, 0.92, 0.91) * (0.85 + 0.15 * lump), max(0, a))
            }
        }
        return out
    }

    // MARK: - Encoding

    @inline(__always) static func put(_ out: inout [UInt8], _ k: Int, _ c: Vec3, _ a: Float) {
        out[k * 4] = MaterialBaker.byte(c.x)
        out[k * 4 + 1] = MaterialBaker.byte(c.y)
        out[k * 4 + 2] = MaterialBaker.byte(c.z)
        out[k * 4 + 3] = MaterialBaker.byte(a)
    }

    /// How weather textures are written: PNG at zlib level 6 (what the files have always used).
    static let encoding = ImageEncoding.png(compression: 6)

    static func rgba(_ samples: [UInt8], _ n: Int) -> PixelImage {
        PixelImage(width: n, height: n, channels: 4, samples8: samples)
    }
}
