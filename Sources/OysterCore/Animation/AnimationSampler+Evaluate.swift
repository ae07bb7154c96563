#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Keyframe evaluation (glTF 2.0 Appendix C)

extension AnimationSampler {
    /// Number of floats in one evaluated value: 3 for translation/scale, 4 for rotation,
    /// the morph target count for weights.
    public var valueWidth: Int {
        let keys = input.count
        guard keys > 0 else { return 0 }
        return output.componentCount / (keys * (interpolation == .cubicSpline ? 3 : 1))
    }

    /// The value at `time` (seconds), `valueWidth` floats.
    ///
    /// Times before the first keyframe give the first value and times after the last give the
    /// last (clamping, as the spec asks). `isRotation` makes LINEAR use quaternion slerp and
    /// normalises every interpolated rotation (CUBICSPLINE included). Returns nil when the
    /// sampler has no keyframes or its output is too short for its input.
    public func value(at time: Float, isRotation: Bool = false) -> [Float]? {
        KeyframeTrack(self).value(at: time, isRotation: isRotation)
    }
}

/// A sampler's keyframes decoded once, for evaluating many times (a video's frames):
/// `AnimationSampler.value(at:)` decodes its accessors on every call.
public struct KeyframeTrack: Sendable {
    public let times: [Float]
    public let values: [Float]
    public let interpolation: Interpolation
    /// Floats in one value (`AnimationSampler.valueWidth`).
    public let width: Int

    public init(_ sampler: AnimationSampler) {
        times = sampler.input.floats()
        values = sampler.output.floats()
        interpolation = sampler.interpolation
        width = sampler.valueWidth
    }

    /// The value at `time`, as `AnimationSampler.value(at:isRotation:)` describes.
    public func value(at time: Float, isRotation: Bool = false) -> [Float]? {
        let keys = times.count
        let stride = interpolation == .cubicSpline ? 3 * width : width
        guard keys > 0, width > 0, values.count >= keys * stride else { return nil }
        // The value of keyframe k (skipping the in-tangent for cubic splines).
        func key(_ k: Int) -> [Float] {
            let base = k * stride + (interpolation == .cubicSpline ? width : 0)
            return Array(values[base..<(base + width)])
        }
        if time <= times[0] { return key(0) }
        if time >= times[keys - 1] { return key(keys - 1) }
        // The last keyframe at or before `time` (keyframe times increase strictly).
        var lo = 0, hi = keys - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if times[mid] <= time { lo = mid } else { hi = mid }
        }
        let k = lo
        let delta = times[k + 1] - times[k]
        let t = delta > 0 ? (time - times[k]) / delta : 0
        switch interpolation {
        case .step:
            return key(k)
        case .linear:
            let a = key(k), b = key(k + 1)
            if isRotation, width == 4 {
                let q = Quat.slerp(Quat(Vec4(a[0], a[1], a[2], a[3])), Quat(Vec4(b[0], b[1], b[2], b[3])), t)
                return [q.x, q.y, q.z, q.w]
            }
            return (0..<width).map { a[$0] + (b[$0] - a[$0]) * t }
        case .cubicSpline:
            // Hermite spline: p(t) = (2t³−3t²+1)·v_k + Δ(t³−2t²+t)·b_k + (−2t³+3t²)·v_k+1 + Δ(t³−t²)·a_k+1,
            // with b_k the out-tangent of k and a_k+1 the in-tangent of k+1, both scaled by Δ.
            let t2 = t * t, t3 = t2 * t
            let h00 = 2 * t3 - 3 * t2 + 1, h10 = t3 - 2 * t2 + t
            let h01 = -2 * t3 + 3 * t2, h11 = t3 - t2
            let v0 = k * stride + width, out0 = k * stride + 2 * width
            let in1 = (k + 1) * stride, v1 = (k + 1) * stride + width
            var r = (0..<width).map { i in
                h00 * values[v0 + i] + delta * h10 * values[out0 + i] + h01 * values[v1 + i] + delta * h11 * values[in1 + i]
            }
            if isRotation, width == 4 {
                let q = Quat(Vec4(r[0], r[1], r[2], r[3])).normalized
                r = [q.x, q.y, q.z, q.w]
            }
            return r
        }
    }
}

extension Animation {
    /// The time span of the keyframes of every sampler, or nil when there are none.
    public var timeRange: ClosedRange<Float>? {
        var lo = Float.infinity, hi = -Float.infinity
        for s in samplers {
            let times = s.input.floats()
            guard let first = times.first, let last = times.last else { continue }
            lo = min(lo, first)
            hi = max(hi, last)
        }
        return lo <= hi ? lo...hi : nil
    }
}
