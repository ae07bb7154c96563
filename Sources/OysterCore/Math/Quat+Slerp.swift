#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Spherical interpolation

extension Quat {
    /// Spherical linear interpolation from `a` (t = 0) to `b` (t = 1) along the shorter arc,
    /// normalised (glTF 2.0 Appendix C, "Interpolation": rotation with LINEAR).
    ///
    /// Nearly equal rotations fall back to a normalised linear blend, where `sin θ` is too
    /// small to divide by.
    public static func slerp(_ a: Quat, _ b: Quat, _ t: Float) -> Quat {
        var d = dot(a.vector, b.vector)
        var end = b.vector
        // q and -q are the same rotation; going through the closer one avoids the long way round.
        if d < 0 {
            d = -d
            end = -end
        }
        if d > 0.9995 {
            return Quat(a.vector + (end - a.vector) * t).normalized
        }
        let theta = acosf(min(d, 1))
        let s = sinf(theta)
        let wa = sinf((1 - t) * theta) / s, wb = sinf(t * theta) / s
        return Quat(a.vector * wa + end * wb).normalized
    }
}
