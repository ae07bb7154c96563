import OysterCore

extension Dungeon {
    /// Flagstones in rooms (a few per cell, uneven by a centimetre, with mortar gaps) and
    /// cobbles in corridors, over a dark mortar bed.
    static func floors(_ g: DungeonGrid, rng: inout KitRandom) -> MeshBuilder {
        var b = MeshBuilder()
        let s = g.s
        for z in 0..<g.L.depth {
            for x in 0..<g.L.width where g.L.isFloor(x, z) {
                let c0 = g.corner(x, z)
                let corridor = g.L.regionAt(x, z) == -2
                b.addQuad(.mortar, c0 + Vec3(0, -0.02, 0), c0 + Vec3(0, -0.02, s), c0 + Vec3(s, -0.02, s), c0 + Vec3(s, -0.02, 0), facing: Vec3(0, 1, 0))
                let n = corridor ? g.detail.cobbles : g.detail.flags
                let gap: Float = corridor ? 0.02 : 0.012
                let cell = s / Float(n)
                for j in 0..<n {
                    // Rows of slabs; within a row, stones of random length (running bond).
                    var xa: Float = 0
                    let z0 = Float(j) * cell, z1 = z0 + cell
                    var first = true
                    while xa < s - 0.01 {
                        var len = cell * rng.float(in: corridor ? 0.7...1.2 : 0.8...1.6)
                        if first, j % 2 == 1 { len *= 0.5 }
                        first = false
                        var xb = min(s, xa + len)
                        if s - xb < cell * 0.4 { xb = s }
                        let top = corridor ? rng.float(in: 0.0...0.035) : rng.float(in: -0.006...0.012)
                        let thick: Float = corridor ? 0.07 : 0.06
                        b.color = stoneTint(rng.float(in: corridor ? 0.5...0.75 : 0.62...0.85))
                        let hx = (xb - xa) / 2 - gap, hz = (z1 - z0) / 2 - gap
                        if hx > 0.01, hz > 0.01 {
                            b.dressedStone(.ashlar, center: c0 + Vec3((xa + xb) / 2, top - thick / 2, (z0 + z1) / 2),
                                           u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0),
                                           half: Vec3(hx, hz, thick / 2), bevel: corridor ? min(hx, hz) * 0.4 : 0.02)
                        }
                        b.color = nil
                        xa = xb
                    }
                }
            }
        }
        return b
    }
}
