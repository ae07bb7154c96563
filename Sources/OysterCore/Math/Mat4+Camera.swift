#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - View and projection matrices (glTF 2.0 §3.10.3)
//
// glTF cameras look down their local −Z with +Y up and +X right; projections map view space
// to OpenGL clip space (x, y, z in −w…w). Formulas from
// https://registry.khronos.org/glTF/specs/2.0/glTF-2.0.html#projection-matrices

extension Mat4 {
    /// The view matrix of a camera at `eye` looking at `target`: world space to the camera's
    /// space, where it looks down −Z with `up` (projected) as +Y. It is the inverse of the
    /// camera node's world matrix. `eye == target`, or `up` parallel to the view, gives identity.
    public static func lookAt(eye: Vec3, target: Vec3, up: Vec3 = Vec3(0, 1, 0)) -> Mat4 {
        let f = normalize(target - eye)
        let s = normalize(cross(f, up))
        guard length(f) > 0, length(s) > 0 else { return .identity }
        let u = cross(s, f)
        return Mat4(columnMajor: [
            s.x, u.x, -f.x, 0,
            s.y, u.y, -f.y, 0,
            s.z, u.z, -f.z, 0,
            -dot(s, eye), -dot(u, eye), dot(f, eye), 1,
        ])
    }

    /// glTF's perspective projection; `zfar` nil gives the infinite projection.
    /// `yfov` is the vertical field of view in radians, `aspectRatio` width ÷ height.
    public static func perspective(yfov: Float, aspectRatio: Float, znear: Float, zfar: Float?) -> Mat4 {
        let f = 1 / tanf(0.5 * yfov)
        var m = [Float](repeating: 0, count: 16)
        m[0] = f / aspectRatio
        m[5] = f
        m[11] = -1
        if let zfar {
            m[10] = (zfar + znear) / (znear - zfar)
            m[14] = 2 * zfar * znear / (znear - zfar)
        } else {
            m[10] = -1
            m[14] = -2 * znear
        }
        return Mat4(columnMajor: m)
    }

    /// glTF's orthographic projection: `xmag`, `ymag` are half the width and height of the view.
    public static func orthographic(xmag: Float, ymag: Float, znear: Float, zfar: Float) -> Mat4 {
        var m = [Float](repeating: 0, count: 16)
        m[0] = 1 / xmag
        m[5] = 1 / ymag
        m[10] = 2 / (znear - zfar)
        m[14] = (zfar + znear) / (znear - zfar)
        m[15] = 1
        return Mat4(columnMajor: m)
    }
}

extension Mat4 {
    /// `p` transformed with w = 1 and divided by the resulting w (clip space to NDC).
    public func projectPoint(_ p: Vec3) -> Vec3 {
        let q = transformPoint(p)
        let w = m[3] * p.x + m[7] * p.y + m[11] * p.z + m[15]
        return w != 0 ? q / w : q
    }
}
