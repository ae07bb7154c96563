import OysterCore

/// Where things go in a finite world: decided once, from the recipe and a seeded PCG32, before
/// any geometry. Positions are world metres in x/z, the world spanning ±size/2.
struct WorldPlan: Sendable {
    let recipe: Recipe
    let half: Float
    /// Unit direction towards the sea edge, when the sea is on one side.
    var seaDirection: Vec2?
    /// True for a tropical island: sea all around.
    var island = false
    var lake: (center: Vec2, radius: Float)?
    var river: Bool
    var waterfall: Bool

    init(recipe: Recipe) {
        self.recipe = recipe
        half = recipe.size / 2
        var rng = PCG32(seed: recipe.seed, stream: 0x9A1)
        if recipe.has(.sea) {
            if recipe.biome == .tropical { island = true } else {
                let dirs = [Vec2(1, 0), Vec2(-1, 0), Vec2(0, 1), Vec2(0, -1)]
                seaDirection = dirs[rng.nextInt(4)]
            }
        }
        river = recipe.has(.river) || recipe.has(.waterfall)
        waterfall = recipe.has(.waterfall)
        if let f = recipe.feature(.lake) {
            let r = half * (0.16 + 0.16 * (f.size ?? 0.5))
            var c = Vec2(rng.nextFloat(-0.25, 0.25), rng.nextFloat(-0.25, 0.25)) * half
            if let p = f.position { c = Vec2(p.x, p.z) * half * 0.8 }
            if let s = seaDirection { c -= s * half * 0.2 }
            lake = (c, r)
        }
    }

    /// Finite-world shaping on top of the landform: edges rise into a valley bowl, the sea
    /// side (or all sides of an island) falls below sea level.
    func shape(_ x: Float, _ z: Float, _ h: Float, amplitude: Float) -> Float {
        let p = Vec2(x, z) / half
        var out = h
        if island {
            let r = length(p)
            let land = 1 - smoothstep(0.45, 0.92, r)
            out = h * land + (1 - land) * -8 + 2 * land
            return out
        }
        let edge = max(abs(p.x), abs(p.y))
        var rise = smoothstep(0.45, 1.0, edge)
        rise = rise * rise * (amplitude * 1.1 + 12)
        if let s = seaDirection {
            let t = dot(p, s)
            let toward = smoothstep(-0.2, 0.4, t)
            rise *= 1 - toward
            out -= (h + 9) * smoothstep(0.05, 0.55, t)
        }
        return out + rise
    }

    /// Water level of the sea (metres).
    static let seaLevel: Float = 0
}
