/// Fractal sums of gradient noise: fBm, ridged multifractal, derivative-damped ("eroded")
/// fBm and domain warping. Octave seeds are derived from the base seed, so each octave is
/// independent; periodic bases stay periodic because the lacunarity is exactly 2.
public struct Fractal: Sendable {
    public let octaves: [GradientNoise]
    public let gain: Float

    /// `octaves` layers over a base period (0 = not periodic) doubling each octave.
    public init(seed: UInt64, octaves count: Int, gain: Float = 0.5, period: Int = 0) {
        self.init(seed: seed, octaves: count, gain: gain, periodX: period, periodY: period)
    }

    /// Periodic along x and y with separate base periods (for stretched patterns like bark).
    public init(seed: UInt64, octaves count: Int, gain: Float = 0.5, periodX: Int, periodY: Int) {
        var layers: [GradientNoise] = []
        var sm = SplitMix64(seed: seed)
        for i in 0..<max(1, count) {
            layers.append(GradientNoise(seed: sm.next(), periodX: periodX > 0 ? periodX << i : 0, periodY: periodY > 0 ? periodY << i : 0))
        }
        octaves = layers
        self.gain = gain
    }

    /// Fractional Brownian motion in about [-1, 1].
    @inlinable public func fbm(_ x: Float, _ y: Float) -> Float {
        var sum: Float = 0, amp: Float = 1, norm: Float = 0, f: Float = 1
        for o in octaves {
            sum += amp * o.value(x * f, y * f)
            norm += amp
            amp *= gain
            f *= 2
        }
        return sum / norm
    }

    /// Ridged multifractal in [0, 1]: sharp crests where the noise crosses zero, each octave
    /// weighted by the previous one so ridges carry detail and valleys stay smooth.
    @inlinable public func ridged(_ x: Float, _ y: Float) -> Float {
        var sum: Float = 0, amp: Float = 1, norm: Float = 0, f: Float = 1, weight: Float = 1
        for o in octaves {
            var r = 1 - abs(o.value(x * f, y * f))
            r *= r
            r *= weight
            weight = min(1, max(0, r * 2))
            sum += amp * r
            norm += amp
            amp *= gain
            f *= 2
        }
        return sum / norm
    }

    /// fBm whose octaves are damped where the accumulated slope is steep (after I. Quilez):
    /// slopes stay smooth and gullies form, which reads as weathered rather than blobby.
    @inlinable public func eroded(_ x: Float, _ y: Float, damping: Float = 1) -> Float {
        var sum: Float = 0, amp: Float = 1, norm: Float = 0, f: Float = 1
        var ddx: Float = 0, ddy: Float = 0
        for o in octaves {
            let s = o.sample(x * f, y * f)
            ddx += s.dx * amp
            ddy += s.dy * amp
            sum += amp * s.value / (1 + damping * (ddx * ddx + ddy * ddy))
            norm += amp
            amp *= gain
            f *= 2
        }
        return sum / norm
    }
}

/// Domain warping: offsets the sample point by two independent fBm fields, bending straight
/// noise features into folded, natural-looking ones.
public struct DomainWarp: Sendable {
    public let wx: Fractal
    public let wy: Fractal
    public let strength: Float

    public init(seed: UInt64, octaves: Int = 3, strength: Float, period: Int = 0) {
        wx = Fractal(seed: seed ^ 0xA5A5, octaves: octaves, period: period)
        wy = Fractal(seed: seed ^ 0x5A5A_0000, octaves: octaves, period: period)
        self.strength = strength
    }

    @inlinable public func warp(_ x: Float, _ y: Float) -> (Float, Float) {
        (x + strength * wx.fbm(x, y), y + strength * wy.fbm(x + 5.2, y + 1.3))
    }
}
