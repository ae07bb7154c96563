import OysterCore

// KHR_texture_transform: uv' = T · R · S · uv, with
// R = [cos sin; -sin cos] (https://github.com/KhronosGroup/glTF/tree/main/extensions/2.0/Khronos/KHR_texture_transform).

extension TextureTransform {
    /// `uv` as the material samples it.
    func apply(_ u: Float, _ v: Float) -> (Float, Float) {
        let su = u * scale.x, sv = v * scale.y
        let c = cos(rotation), s = sin(rotation)
        return (c * su + s * sv + offset.x, -s * su + c * sv + offset.y)
    }
}

/// `x` mod `n` in 0..<n for any sign of `x`.
@inline(__always) func positiveModulo(_ x: Int, _ n: Int) -> Int {
    let r = x % n
    return r < 0 ? r + n : r
}

/// The texel index a wrap mode reads for texel coordinate `t` of a `n`-texel axis.
@inline(__always) func wrapTexel(_ t: Int, _ n: Int, mode: Int) -> Int {
    switch mode {
    case Sampler.clampToEdge: return min(max(t, 0), n - 1)
    case Sampler.mirroredRepeat:
        let m = positiveModulo(t, 2 * n)
        return m < n ? m : 2 * n - 1 - m
    default: return positiveModulo(t, n)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
