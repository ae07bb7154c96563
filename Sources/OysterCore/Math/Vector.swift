/// Small vector types. `SIMD` gives storage and component-wise arithmetic on every platform;
/// the geometric helpers the stdlib lacks (dot, cross, length) live here.
public typealias Vec2 = SIMD2<Float>
public typealias Vec3 = SIMD3<Float>
public typealias Vec4 = SIMD4<Float>

@inlinable public func dot(_ a: Vec2, _ b: Vec2) -> Float { (a * b).sum() }
@inlinable public func dot(_ a: Vec3, _ b: Vec3) -> Float { (a * b).sum() }
@inlinable public func dot(_ a: Vec4, _ b: Vec4) -> Float { (a * b).sum() }

@inlinable public func cross(_ a: Vec3, _ b: Vec3) -> Vec3 {
    Vec3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

@inlinable public func length(_ a: Vec3) -> Float { dot(a, a).squareRoot() }
@inlinable public func length(_ a: Vec2) -> Float { dot(a, a).squareRoot() }

/// `a` scaled to unit length; a zero vector stays zero instead of becoming NaN.
@inlinable public func normalize(_ a: Vec3) -> Vec3 {
    let l = length(a)
    return l > 0 ? a / l : a
}

@inlinable public func mix(_ a: Vec3, _ b: Vec3, _ t: Float) -> Vec3 { a + (b - a) * t }
@inlinable public func mix(_ a: Float, _ b: Float, _ t: Float) -> Float { a + (b - a) * t }
@inlinable public func clamp(_ x: Float, _ lo: Float, _ hi: Float) -> Float { min(max(x, lo), hi) }
