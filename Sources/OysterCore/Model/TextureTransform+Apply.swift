#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - KHR_texture_transform
// uv' = T · R · S · uv with R = [cos sin; −sin cos]
// (https://github.com/KhronosGroup/glTF/tree/main/extensions/2.0/Khronos/KHR_texture_transform).

extension TextureTransform {
    /// `(u, v)` as the material samples it.
    @inlinable
    public func apply(_ u: Float, _ v: Float) -> (Float, Float) {
        let su = u * scale.x, sv = v * scale.y
        let c = cos(rotation), s = sin(rotation)
        return (c * su + s * sv + offset.x, -s * su + c * sv + offset.y)
    }

    /// `uv` as the material samples it.
    public func apply(_ uv: Vec2) -> Vec2 {
        let (u, v) = apply(uv.x, uv.y)
        return Vec2(u, v)
    }

    /// The 3×3 matrix T · R · S, column-major (9 values), as a shader's `mat3` takes it.
    public var matrix3x3: [Float] {
        let c = cos(rotation), s = sin(rotation)
        return [c * scale.x, -s * scale.x, 0, s * scale.y, c * scale.y, 0, offset.x, offset.y, 1]
    }
}
