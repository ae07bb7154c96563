import OysterCore

extension Dungeon {
    /// A free-standing column from the floor to `top`: square plinth, moulded base, a shaft of
    /// drums (octagonal in a crypt, round otherwise), a flared capital and a square abacus.
    static func pillar(at c: Vec3, top: Float, segments: Int, octagonal: Bool, into b: inout MeshBuilder, rng: inout KitRandom) {
        let segs = octagonal ? 8 : max(8, segments)
        let mode: NormalMode = octagonal ? .flat : .smooth
        let r: Float = 0.27
        b.dressedStone(.ashlar, center: c + Vec3(0, 0.14, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, 1, 0), half: Vec3(0.42, 0.42, 0.14), bevel: 0.04)
        // Attic base: torus, scotia, torus.
        b.lathe(.ashlar, profile: [Vec2(0.38, 0.28), Vec2(0.39, 0.33), Vec2(0.36, 0.37), Vec2(0.31, 0.39), Vec2(0.3, 0.43), Vec2(0.33, 0.46), Vec2(r, 0.5)],
                segments: segs, center: c, normals: mode)
        // Shaft in drums with a slight joint between them.
        let shaftTop = top - 0.55
        let drums = max(2, Int(((shaftTop - 0.5) / 0.6).rounded()))
        let dh = (shaftTop - 0.5) / Float(drums)
        for i in 0..<drums {
            let y0 = 0.5 + Float(i) * dh, y1 = y0 + dh
            let taper = r - 0.025 * Float(i) / Float(drums)
            b.color = stoneTint(rng.float(in: 0.82...1.02))
            b.lathe(.ashlar, profile: [Vec2(taper - 0.012, y0), Vec2(taper, y0 + 0.012), Vec2(taper - 0.002, y1 - 0.012), Vec2(taper - 0.014, y1)],
                    segments: segs, center: c, normals: mode)
            b.color = nil
        }
        // Capital: necking ring, a bell flaring out, then the abacus block.
        b.lathe(.ashlar, profile: [Vec2(r - 0.02, shaftTop), Vec2(r + 0.03, shaftTop + 0.03), Vec2(r + 0.03, shaftTop + 0.07), Vec2(r - 0.01, shaftTop + 0.09),
                                   Vec2(r + 0.04, shaftTop + 0.25), Vec2(0.4, shaftTop + 0.37), Vec2(0, shaftTop + 0.37)], segments: segs, center: c, normals: mode)
        b.dressedStone(.ashlar, center: c + Vec3(0, top - 0.09, 0), u: Vec3(1, 0, 0), v: Vec3(0, 0, -1), n: Vec3(0, -1, 0), half: Vec3(0.45, 0.45, 0.09), bevel: 0.035, twoFaced: true)
    }
}
