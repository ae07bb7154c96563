import OysterCore

/// The recipe's volcano as a pure function of (recipe, seed): a cone with a crater that
/// `WorldTerrain` adds to the ground everywhere it is sampled (the home region, every tile,
/// the horizon), so all of them agree. Its flanks are concave (steep under the rim, easing out
/// to the plain), their contours wander with noise so gullies run down them, and the crater
/// has a flat floor at one level, where the lava pool lies.
struct Volcano: Sendable {
    /// Where the crater is.
    let center: Vec2
    /// Radius of the cone's base (metres); beyond it the ground is untouched.
    let radius: Float
    /// Height of the rim above the ground the cone stands on (metres).
    let height: Float
    /// Radius of the crater at its rim.
    let craterRadius: Float
    /// The flat crater floor (world height), set once the ground under it is known.
    private(set) var floor: Float = 0
    /// Direction (unit, in XZ) the lava flow runs down the flank.
    let flowDirection: Vec2
    let contours: Fractal

    /// Where the crater floor is flat, as a fraction of the crater's radius: the lava pool's
    /// extent.
    static let floorFraction: Float = 0.55
    /// How deep the crater is below the rim, as a fraction of the cone's height.
    static let depthFraction: Float = 0.25

    /// The volcano a recipe asks for; nil without the feature (or indoors).
    init?(recipe: Recipe, island: Bool, seaward: Vec2?) {
        guard recipe.scene == .outdoor, let f = recipe.feature(.volcano) else { return nil }
        let half = recipe.size / 2
        let s = f.size ?? 0.5
        height = 30 + 50 * s
        radius = 60 + 70 * s
        craterRadius = radius * 0.2
        var rng = PCG32(seed: recipe.seed, stream: 0x70C0)
        let angle = rng.nextFloat() * 2 * .pi
        if let p = f.position {
            center = Vec2(p.x, p.z) * half * 0.8
        } else if island {
            // The island is the volcano: its cone rises from the middle.
            center = Vec2(0, 0)
        } else {
            // Off to one side of home, its foot short of the middle, so the village and the
            // lake keep their ground; inland from a sea beside home.
            var dir = Vec2(kcos(angle), ksin(angle))
            if let s = seaward, dot(dir, s) > -0.3 { dir = normalize2(-s + dir * 0.5) }
            center = dir * (half * 0.45 + radius * 0.6)
        }
        flowDirection = Vec2(kcos(angle + 2.1), ksin(angle + 2.1))
        contours = Fractal(seed: StableSeed.of("volcano/contours", in: recipe.seed), octaves: 3)
    }

    /// Fixes the crater floor on the ground the cone stands on (`ground` at the centre, before
    /// the cone).
    mutating func settle(onGroundAt centreHeight: Float) {
        floor = centreHeight + height * (1 - Volcano.depthFraction)
    }

    /// The rim's height (world) where the ground under it is as high as at the centre.
    var rimTop: Float { floor + height * Volcano.depthFraction }

    /// Whether (x, z) may be on the cone (a cheap test before any noise): within 1.3 radii,
    /// past the farthest the wandering contours (`reach`, at most about 20 % in) take its foot,
    /// so the cone never ends in a step.
    @inline(__always) func covers(_ x: Float, _ z: Float) -> Bool {
        let dx = x - center.x, dz = z - center.y
        return dx * dx + dz * dz < radius * radius * 1.69
    }

    /// Distance from the crater's centre as a fraction of the base radius, with the flanks'
    /// contours wandering: noise on the direction alone runs down the slope as ridges and
    /// gullies (and leans the cone a little), noise on the position adds lumps and spurs.
    func reach(_ x: Float, _ z: Float) -> Float {
        let v = Vec2(x, z) - center
        let r = length(v)
        let d = r / radius
        guard d > craterRadius / radius else { return d }
        let dir = v / r
        let ridges = 0.07 * contours.fbm(dir.x * 5 + 11.3, dir.y * 5 - 4.1) + 0.08 * contours.fbm(dir.x * 1.2 - 3.7, dir.y * 1.2 + 8.9)
        return d * (1 + ridges * smoothstep(craterRadius / radius, 0.45, d) + 0.06 * contours.fbm(x * (1 / 28), z * (1 / 28)))
    }

    /// The ground at (x, z) with the volcano raised on ground `h`.
    func shape(_ x: Float, _ z: Float, _ h: Float) -> Float {
        guard covers(x, z) else { return h }
        let rim = craterRadius / radius
        let d = reach(x, z)
        guard d < 1 else { return h }
        if d >= rim {
            // Concave flanks: t^1.5 is steepest under the rim and meets the plain with no kink.
            let t = (1 - d) / (1 - rim)
            return h + height * t * t.squareRoot()
        }
        // The crater: a flat floor, then a wall rising to the rim.
        let u = d / rim
        let wall = smoothstep(Volcano.floorFraction, 1, u)
        return mix(floor, h + height, wall)
    }

    /// How far up the cone (x, z) is: 0 at its foot and beyond, 1 at the rim and in the crater.
    /// Ground cover turns to ash and basalt, and plants thin out, as it rises.
    func upness(_ x: Float, _ z: Float) -> Float {
        guard covers(x, z) else { return 0 }
        let rim = craterRadius / radius
        let d = reach(x, z)
        guard d < 1 else { return 0 }
        guard d >= rim else { return 1 }
        let t = (1 - d) / (1 - rim)
        return t * t.squareRoot()
    }

    /// How near (x, z) is to the cone: 1 on it, fading to 0 half a radius beyond its foot
    /// (where ash thins out on the plain).
    func nearness(_ x: Float, _ z: Float) -> Float {
        let d = length(Vec2(x, z) - center) / radius
        return 1 - smoothstep(0.8, 1.5, d)
    }

    /// The lava flow's centre line: from the rim down the flank along `flowDirection`, to about
    /// four fifths of the way to the foot, every `step` metres.
    func flowLine(step: Float) -> [Vec2] {
        let start = craterRadius * 0.95, end = radius * 0.8
        let n = max(2, Int(((end - start) / step).rounded(.up)))
        let side = Vec2(-flowDirection.y, flowDirection.x)
        return (0...n).map { k in
            let r = start + (end - start) * Float(k) / Float(n)
            // A gentle meander so the flow follows the slope like a liquid, not a ruler.
            let wobble = contours.fbm(r * (1 / 22), 7.3) * 14 * smoothstep(start, start + 12, r)
            return center + flowDirection * r + side * wobble
        }
    }
}
