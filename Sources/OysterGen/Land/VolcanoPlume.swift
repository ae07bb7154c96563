import OysterCore

/// The smoke over a crater: a column of soft puffs that widens and leans downwind as it rises,
/// each puff three crossed upright cards and a level one (so it reads from the side and from
/// above), in the alpha-blended `smoke` surface that `WeatherEffects` textures like its mist.
/// Its node sways and breathes slowly (the `Plume` animation).
struct VolcanoPlume {
    let volcano: Volcano
    let seed: UInt64

    /// Puffs in the column.
    static let puffs = 16

    /// The column in the plume node's space (origin on the lava pool at the crater's centre).
    func mesh() -> MeshBuilder {
        var b = MeshBuilder()
        var rng = PCG32(seed: seed, stream: 0x5E0C)
        let wind = rng.nextFloat() * 2 * .pi
        let downwind = Vec2(kcos(wind), ksin(wind))
        // From just over the pool to about 1.4 cone heights above it.
        let top = volcano.height * 1.4
        let n = VolcanoPlume.puffs
        for k in 0..<n {
            let f = Float(k) / Float(n - 1)
            let y = 4 + top * f * f.squareRoot().squareRoot()  // f^1.25, from exact square roots
            let drift = downwind * (top * 0.45 * f * f) + Vec2(rng.nextFloat(-1, 1), rng.nextFloat(-1, 1)) * (2 + 6 * f)
            let size = volcano.craterRadius * (0.7 + 1.9 * f) * (0.85 + 0.3 * rng.nextFloat())
            // Darker, browner smoke low down, paler as it thins.
            let shade = 0.55 + 0.45 * f
            b.color = Vec4(shade, shade * 0.97, shade * 0.95, 1)
            puff(&b, at: Vec3(drift.x, y, drift.y), size: size, turn: rng.nextFloat() * .pi, tilt: rng.nextFloat(-0.45, 0.45))
        }
        b.color = nil
        return b
    }

    /// One puff: three cards 60° apart round the vertical, leaning by `tilt` (so the slivers of
    /// cards seen edge-on do not line up down the column), and a level card, each the whole
    /// puff texture.
    func puff(_ b: inout MeshBuilder, at c: Vec3, size: Float, turn: Float, tilt: Float) {
        let h = size / 2
        for k in 0..<3 {
            let a = turn + Float(k) * .pi / 3
            let across = Vec3(kcos(a), 0, ksin(a)) * h
            // Leaning about the card's own horizontal: up tips towards its normal.
            let normal = Vec3(-ksin(a), 0, kcos(a))
            let up = (Vec3(0, kcos(tilt), 0) + normal * ksin(tilt)) * h
            b.addQuad(.smoke, c - across - up, c + across - up, c + across + up, c - across + up,
                      uvs: (Vec2(0, 1), Vec2(1, 1), Vec2(1, 0), Vec2(0, 0)))
        }
        let x = Vec3(kcos(turn), 0, ksin(turn)) * h, z = Vec3(-ksin(turn), 0, kcos(turn)) * h
        b.addQuad(.smoke, c - x - z, c - x + z, c + x + z, c + x - z, uvs: (Vec2(0, 0), Vec2(0, 1), Vec2(1, 1), Vec2(1, 0)))
    }

    /// A slow sway about the vertical and a gentle swell, looping every 24 s.
    func animate(node: Int, into a: inout SceneAssembler) {
        let times: [Float] = [0, 6, 12, 18, 24]
        let yaws: [Float] = [0, 0.07, 0, -0.07, 0]
        a.animate("Plume", node: node, path: .rotation, times: times, values: yaws.flatMap { [0, ksin($0 / 2), 0, kcos($0 / 2)] })
        let swell: [Float] = [1, 1.05, 1, 0.97, 1]
        a.animate("Plume", node: node, path: .scale, times: times, values: swell.flatMap { [$0, $0, $0] })
    }
}
