/// A tiny deterministic PRNG (SplitMix64) for the asset kits: the same seed gives the same
/// stream on every platform, so kit geometry is byte-stable. Never seeded from the system.
public struct KitRandom: Sendable, Hashable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits (SplitMix64, Steele et al. 2014).
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform float in [0, 1) built from the top 24 bits (exact in Float).
    @inlinable
    public mutating func unit() -> Float { Float(next() >> 40) * (1.0 / 16_777_216.0) }

    /// A uniform float in `range`.
    @inlinable
    public mutating func float(in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// A uniform integer in `range` (modulo bias is negligible for kit-sized ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Float) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// An independent stream derived from this seed and `salt`, without advancing this one.
    public func fork(_ salt: UInt64) -> KitRandom {
        var r = KitRandom(seed: state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = r.next()
        return KitRandom(seed: r.next())
    }
}
