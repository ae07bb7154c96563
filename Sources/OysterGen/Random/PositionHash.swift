/// Randomness decided by position: the same (seed, x, z, salt) always gives the same bits,
/// whichever tile, thread or order asks. This is what lets chunks agree at their borders.
public enum PositionHash {
    /// 64 well-mixed bits for integer lattice coordinates.
    @inlinable public static func hash(_ seed: UInt64, _ x: Int32, _ z: Int32, _ salt: UInt64 = 0) -> UInt64 {
        var h = seed &* 0x9E37_79B9_7F4A_7C15 ^ salt &* 0xD6E8_FEB8_6659_FD93
        h = SplitMix64.mix(h ^ UInt64(UInt32(bitPattern: x)))
        h = SplitMix64.mix(h ^ (UInt64(UInt32(bitPattern: z)) << 32))
        return h
    }

    /// A float in [0, 1) for lattice coordinates.
    @inlinable public static func unit(_ seed: UInt64, _ x: Int32, _ z: Int32, _ salt: UInt64 = 0) -> Float {
        Float(hash(seed, x, z, salt) >> 40) * (1.0 / 16_777_216.0)
    }

    /// A 32-bit hash for noise lattices (cheaper: one multiply-xorshift round per coordinate).
    @inlinable public static func lattice(_ seed: UInt32, _ x: Int32, _ y: Int32) -> UInt32 {
        var h = seed ^ (UInt32(bitPattern: x) &* 0x27D4_EB2D)
        h = (h ^ (h >> 15)) &* 0x85EB_CA6B
        h ^= UInt32(bitPattern: y) &* 0x1656_67B1
        h = (h ^ (h >> 13)) &* 0xC2B2_AE35
        return h ^ (h >> 16)
    }

    /// A stable 64-bit hash of a string (FNV-1a), for deriving seeds from names.
    public static func string(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
