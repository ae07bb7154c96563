// MARK: - Wrap modes (glTF §3.8.4, sampler wrapS / wrapT)

extension Sampler {
    /// The texel index a wrap mode reads for integer texel coordinate `t` on an axis of `count`
    /// texels: REPEAT tiles, MIRRORED_REPEAT tiles mirrored every other time, CLAMP_TO_EDGE
    /// holds the edge texel. Unknown modes repeat, glTF's default.
    @inlinable
    public static func wrapTexel(_ t: Int, count n: Int, mode: Int) -> Int {
        switch mode {
        case clampToEdge: return Swift.min(Swift.max(t, 0), n - 1)
        case mirroredRepeat:
            let m = positiveModulo(t, 2 * n)
            return m < n ? m : 2 * n - 1 - m
        default: return positiveModulo(t, n)
        }
    }

    /// A texture coordinate `u` mapped into 0…1 the way a wrap mode samples it.
    @inlinable
    public static func wrapCoordinate(_ u: Float, mode: Int) -> Float {
        switch mode {
        case clampToEdge: return Swift.min(Swift.max(u, 0), 1)
        case mirroredRepeat:
            let m = u - 2 * (u * 0.5).rounded(.down) // 0..<2
            return m <= 1 ? m : 2 - m
        default: return u - u.rounded(.down)
        }
    }
}

/// `x` mod `n` in 0..<n for any sign of `x`.
@inlinable public func positiveModulo(_ x: Int, _ n: Int) -> Int {
    let r = x % n
    return r < 0 ? r + n : r
}
