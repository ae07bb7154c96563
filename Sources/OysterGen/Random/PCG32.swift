/// PCG32 (O'Neill, XSH-RR variant): a small, fast generator whose output sequence depends only
/// on its seed and stream, identical on every platform. Oyster never uses system randomness.
public struct PCG32: Sendable {
    @usableFromInline var state: UInt64
    @usableFromInline let increment: UInt64

    /// A generator seeded with `seed` on stream `stream` (different streams never overlap).
    public init(seed: UInt64, stream: UInt64 = 0x5851_F42D_4C95_7F2D) {
        increment = (stream << 1) | 1
        state = 0
        _ = nextUInt32()
        state &+= SplitMix64.mix(seed)
        _ = nextUInt32()
    }

    /// The next 32 uniformly distributed bits.
    @inlinable public mutating func nextUInt32() -> UInt32 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ increment
        let xorshifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rot = UInt32(truncatingIfNeeded: old >> 59)
        return (xorshifted >> rot) | (xorshifted << ((~rot &+ 1) & 31))
    }

    /// A float uniformly in [0, 1), from the top 24 bits (exactly representable).
    @inlinable public mutating func nextFloat() -> Float {
        Float(nextUInt32() >> 8) * (1.0 / 16_777_216.0)
    }

    /// A float uniformly in [lo, hi).
    @inlinable public mutating func nextFloat(_ lo: Float, _ hi: Float) -> Float {
        lo + (hi - lo) * nextFloat()
    }

    /// An integer uniformly in `0..<bound` (bound > 0), without modulo bias.
    @inlinable public mutating func nextInt(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let b = UInt32(truncatingIfNeeded: bound)
        let threshold = (~b &+ 1) % b
        while true {
            let r = nextUInt32()
            if r >= threshold { return Int(r % b) }
        }
    }

    /// An integer in `range`.
    @inlinable public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `p`.
    @inlinable public mutating func chance(_ p: Float) -> Bool { nextFloat() < p }

    /// A generator derived from this one's seed material and a label, for independent sub-streams.
    public func derived(_ salt: UInt64) -> PCG32 {
        PCG32(seed: SplitMix64.mix(state ^ salt), stream: salt &* 2 &+ 1)
    }
}
