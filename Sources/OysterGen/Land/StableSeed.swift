import OysterCore

/// Seeds derived from names: every stream of randomness is `seed ^ StableSeed.of("what/it/is")`,
/// a stable 64-bit hash (FNV-1a mixed by SplitMix64) of a name that says what the stream is for.
/// Renaming nothing else changes it, and two species or structures never share a stream the
/// way salts like `name.count` did (pine, palm and dead trees had one).
enum StableSeed {
    static func of(_ name: String) -> UInt64 { SplitMix64.mix(PositionHash.string(name)) }

    /// A seed for `name` within the world `seed`.
    static func of(_ name: String, in seed: UInt64) -> UInt64 { seed ^ of(name) }
}
