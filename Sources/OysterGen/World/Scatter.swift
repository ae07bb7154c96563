import OysterCore

/// Position-decided scattering (a hashed Poisson-disk approximation): the world is cut into
/// cells of `cell` metres; each cell proposes one jittered candidate from a hash of
/// (seed, cell, salt) and keeps it only if no neighbouring cell's candidate with a higher
/// priority lies closer than `minDistance`. Every decision depends on world position alone,
/// so a chunk and its neighbours agree on objects near their shared border.
struct Scatter {
    let seed: UInt64
    let salt: UInt64
    let cell: Float
    let minDistance: Float

    struct Candidate {
        var position: Vec2
        /// 64 random bits for choosing species, size, rotation…
        var bits: UInt64
    }

    func candidate(_ ci: Int32, _ cj: Int32) -> Candidate {
        let h = PositionHash.hash(seed, ci, cj, salt)
        let jx = Float(h & 0xFFFF) / 65536, jz = Float((h >> 16) & 0xFFFF) / 65536
        let p = Vec2((Float(ci) + 0.1 + 0.8 * jx) * cell, (Float(cj) + 0.1 + 0.8 * jz) * cell)
        return Candidate(position: p, bits: SplitMix64.mix(h))
    }

    /// Candidates whose anchor lies in [minX, maxX) × [minZ, maxZ), in row-major cell order.
    func points(minX: Float, minZ: Float, maxX: Float, maxZ: Float) -> [Candidate] {
        guard minX < maxX, minZ < maxZ else { return [] }
        let i0 = Int32((minX / cell).rounded(.down)), i1 = Int32((maxX / cell).rounded(.up))
        let j0 = Int32((minZ / cell).rounded(.down)), j1 = Int32((maxZ / cell).rounded(.up))
        var out: [Candidate] = []
        for cj in j0...j1 {
            for ci in i0...i1 {
                let c = candidate(ci, cj)
                guard c.position.x >= minX, c.position.x < maxX, c.position.y >= minZ, c.position.y < maxZ else { continue }
                var keep = true
                check: for dj in Int32(-1)...1 {
                    for di in Int32(-1)...1 where di != 0 || dj != 0 {
                        let n = candidate(ci &+ di, cj &+ dj)
                        if length(n.position - c.position) < minDistance, n.bits > c.bits { keep = false; break check }
                    }
                }
                if keep { out.append(c) }
            }
        }
        return out
    }
}

extension UInt64 {
    /// A float in [0, 1) from bits `shift`… of this value.
    func unit(_ shift: UInt64) -> Float { Float((self >> shift) & 0xFFFFFF) / 16_777_216 }
}
