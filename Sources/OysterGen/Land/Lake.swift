import OysterCore

/// A lake: a basin carved into the ground round `center`, holding water at `level`. The
/// shoreline wobbles with noise; the level sits a little under the lowest ground on a ring
/// round the basin, so the water is held.
struct Lake: Sendable {
    /// Stable identity: decides the order lakes are carved in and their node names.
    var id: UInt64
    var center: Vec2
    var radius: Float
    var level: Float
    var shore: Fractal
    /// The prompt's lake (named "Lake"); others are named by position.
    var isHome = false

    /// How far from the centre the lake changes the ground.
    var reach: Float { radius * 1.6 * 1.3 }

    init(id: UInt64, center: Vec2, radius: Float, seed: UInt64, ground: (Float, Float) -> Float) {
        self.id = id
        self.center = center
        self.radius = radius
        shore = Fractal(seed: seed ^ StableSeed.of("lake/shore"), octaves: 3)
        var ringMin = Float.infinity
        for s in 0..<48 {
            let a = Float(s) / 48 * 2 * .pi
            let p = center + Vec2(kcos(a), ksin(a)) * radius * 1.05
            ringMin = min(ringMin, ground(p.x, p.y))
        }
        level = max(ringMin - 0.6, WorldMap.seaLevel + 1.5)
    }

    /// Water depth at the centre.
    var depth: Float { 3 + radius * 0.06 }

    /// The ground at (x, z) after carving the basin into height `h`.
    func carve(_ x: Float, _ z: Float, _ h: Float) -> Float {
        let v = Vec2(x, z) - center
        let d2 = v.x * v.x + v.y * v.y
        guard d2 < reach * reach else { return h }
        // Irregular shoreline: the radius wobbles with direction-free noise.
        let r = radius * (1 + 0.25 * shore.fbm(x / 40, z / 40))
        let d = d2.squareRoot() / r
        guard d < 1.6 else { return h }
        let desired = d < 1 ? level - depth * (1 - d * d) : level + (d - 1) * r * 0.25 - 0.05
        return min(h, desired)
    }

    /// True within the lake's water area (where its level applies).
    func covers(_ x: Float, _ z: Float) -> Bool { length(Vec2(x, z) - center) < radius * 1.6 }
}
