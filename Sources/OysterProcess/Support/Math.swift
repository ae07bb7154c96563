#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

// Re-exported C math for the passes (cosf, sqrt, …) lives here so each file need not
// repeat the platform import.
@inline(__always) func cosDegrees(_ d: Float) -> Float { cosf(d * Float.pi / 180) }
@inline(__always) func acosClamped(_ x: Float) -> Float { acosf(max(-1, min(1, x))) }
@inline(__always) func sinRadians(_ x: Float) -> Float { sinf(x) }
@inline(__always) func cosRadians(_ x: Float) -> Float { cosf(x) }
@inline(__always) func atan2Radians(_ y: Float, _ x: Float) -> Float { atan2f(y, x) }
