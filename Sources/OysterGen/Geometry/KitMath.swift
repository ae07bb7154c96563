import OysterCore

// Platform libm results (sinf, cosf, powf…) may differ in the last bit between glibc and
// Darwin; the kits use these instead, built only from IEEE +, −, ×, ÷ and sqrt, so geometry
// is bit-identical everywhere.

/// Deterministic sine (radians).
@inlinable
public func ksin(_ x: Float) -> Float { Float(ksinD(Double(x))) }

/// Deterministic cosine (radians).
@inlinable
public func kcos(_ x: Float) -> Float { Float(ksinD(Double(x) + Double.pi / 2)) }

@usableFromInline
func ksinD(_ x0: Double) -> Double {
    guard x0.isFinite else { return 0 }
    let twoPi = 2 * Double.pi
    var x = x0 - (x0 / twoPi).rounded(.toNearestOrEven) * twoPi  // [-π, π]
    if x > Double.pi / 2 { x = Double.pi - x } else if x < -Double.pi / 2 { x = -Double.pi - x }
    let x2 = x * x
    // Taylor series to x^15: error < 1e-12 on [-π/2, π/2].
    var t = -1.0 / 1_307_674_368_000.0
    t = 1.0 / 6_227_020_800.0 + x2 * t
    t = -1.0 / 39_916_800.0 + x2 * t
    t = 1.0 / 362_880.0 + x2 * t
    t = -1.0 / 5040.0 + x2 * t
    t = 1.0 / 120.0 + x2 * t
    t = -1.0 / 6.0 + x2 * t
    t = 1.0 + x2 * t
    return x * t
}

/// Deterministic arctangent of y/x in (−π, π].
public func katan2(_ y: Float, _ x: Float) -> Float {
    let yd = Double(y), xd = Double(x)
    if xd == 0 && yd == 0 { return 0 }
    let ax = abs(xd), ay = abs(yd)
    let swap = ay > ax
    let z = swap ? ax / ay : ay / ax  // in [0, 1]
    // atan on [0,1]: reduce to [0, tan(π/12)] then series.
    var a: Double
    let reduce = z > 0.2679491924311227
    let w = reduce ? (z * 3.0.squareRoot() - 1) / (3.0.squareRoot() + z) : z
    let w2 = w * w
    var s = 0.0
    var term = w
    for k in 0..<12 {
        s += (k % 2 == 0 ? 1 : -1) * term / Double(2 * k + 1)
        term *= w2
    }
    a = reduce ? Double.pi / 6 + s : s
    if swap { a = Double.pi / 2 - a }
    if xd < 0 { a = Double.pi - a }
    if yd < 0 { a = -a }
    return Float(a)
}

/// Deterministic arccosine, input clamped to [−1, 1].
public func kacos(_ c: Float) -> Float {
    let x = min(max(c, -1), 1)
    return katan2((1 - x * x).squareRoot(), x)
}

/// Deterministic x^y for x > 0 via repeated squaring of the integer part and a sqrt series for
/// the fraction (good to ~1e-6 relative, plenty for shape exponents).
public func kpow(_ x: Float, _ y: Float) -> Float {
    guard x > 0 else { return 0 }
    let yi = Int(y.rounded(.down))
    var r = 1.0, b = Double(x), e = abs(yi)
    while e > 0 { if e & 1 == 1 { r *= b }; b *= b; e >>= 1 }
    if yi < 0 { r = 1 / r }
    var frac = Double(y) - Double(yi)
    var root = Double(x)
    for _ in 0..<20 {
        root = root.squareRoot()
        frac *= 2
        if frac >= 1 { r *= root; frac -= 1 }
    }
    return Float(r)
}

/// A rotation of `angle` radians about `axis`, built with the deterministic sine.
public func kquat(angle: Float, axis: Vec3) -> Quat {
    let a = normalize(axis)
    let s = ksin(angle / 2)
    return Quat(x: a.x * s, y: a.y * s, z: a.z * s, w: kcos(angle / 2))
}

/// A parameter forced into [lo, hi]; NaN and infinities become `fallback` (recipes are user
/// input, and an infinite height must not become an endless loop).
@inlinable
public func kitClamp(_ v: Float, _ lo: Float, _ hi: Float, fallback: Float? = nil) -> Float {
    v.isFinite ? min(max(v, lo), hi) : (fallback ?? lo)
}
