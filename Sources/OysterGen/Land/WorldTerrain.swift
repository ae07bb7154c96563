import OysterCore

/// The ground of the whole unbounded world before anything is laid on it, as a pure function
/// of position: the recipe's landform round home (inside a gentle valley bowl, unless the sea
/// or an island takes that side), other landforms of the biome further out, and the coast.
struct WorldTerrain: Sendable {
    /// The recipe's own landform: the whole home region and everything within ~400 m.
    let home: TerrainShape
    /// The biome's other landforms, blended in beyond the home region.
    let others: [TerrainShape]
    let selector: Fractal
    let coast: Coast
    /// Half the side of the home region.
    let half: Float
    /// Whether the home region sits in a bowl (inland worlds: the valley the prompt names).
    let valley: Bool
    /// The recipe's biome, and the others its land gives way to far out (may be empty).
    let homeBiome: Biome
    let farBiomes: [Biome]
    let biomeSelector: Fractal
    /// The recipe's volcano, raised on the ground after the coast (so its cone can make an
    /// island, or stand out of the sea); nil for most worlds.
    private(set) var volcano: Volcano?

    init(recipe: Recipe, coast: Coast) {
        home = TerrainShape(recipe: recipe)
        let mine = home.landform
        others = recipe.biome.landforms.filter { $0 != mine }.map { TerrainShape(recipe: recipe, landform: $0) }
        selector = Fractal(seed: StableSeed.of("terrain/landform-selector", in: recipe.seed), octaves: 2)
        self.coast = coast
        half = recipe.size / 2
        valley = coast.kind == .inland || { if case .side = coast.kind { return true }; return false }()
        homeBiome = recipe.biome
        farBiomes = recipe.farBiomes.filter { $0 != recipe.biome }
        biomeSelector = Fractal(seed: StableSeed.of("terrain/biome-selector", in: recipe.seed), octaves: 3)
        let seaward: Vec2? = { if case .side(let s) = coast.kind { return s }; return nil }()
        volcano = nil
        if var v = Volcano(recipe: recipe, island: coast.kind == .island, seaward: seaward) {
            // The crater floor sits on the ground as it is at the centre without the cone.
            v.settle(onGroundAt: height(v.center.x, v.center.y))
            volcano = v
        }
    }

    /// The biome at (x, z): the recipe's round home (out to 600 m past the home region, with a
    /// ragged border), beyond that regions a few kilometres across, each the recipe's biome or
    /// one of `farBiomes`.
    func biome(_ x: Float, _ z: Float) -> Biome {
        guard !farBiomes.isEmpty else { return homeBiome }
        let ragged = 250 * biomeSelector.fbm(x * (1 / 400) + 9.1, z * (1 / 400) - 3.7)
        guard max(abs(x), abs(z)) + ragged > half + 600 else { return homeBiome }
        let v = biomeSelector.fbm(x * (1 / 3500), z * (1 / 3500)) + 0.08 * biomeSelector.fbm(x * (1 / 300), z * (1 / 300))
        let all = [homeBiome] + farBiomes
        return all[Int((v * 0.9 + 0.5) * Float(all.count)).clamped(0, all.count - 1)]
    }

    /// The landform heights with the far-off variety blended in.
    func landform(_ x: Float, _ z: Float) -> Float {
        guard !others.isEmpty else { return home.height(x, z) }
        let r = max(abs(x), abs(z))
        let away = smoothstep(half + 250, half + 900, r)
        guard away > 0 else { return home.height(x, z) }
        // The selector picks one other landform per broad region (kilometres across) and how
        // far it takes over; the home landform keeps about half of the land.
        let s = selector.fbm(x * (1 / 2200), z * (1 / 2200))
        let pick = selector.fbm(z * (1 / 3100) + 17.3, x * (1 / 3100) - 5.1)
        let index = Int((pick * 0.5 + 0.5) * Float(others.count)).clamped(0, others.count - 1)
        let w = smoothstep(0.0, 0.22, s) * away
        guard w > 0 else { return home.height(x, z) }
        // Wholly the other landform: skip the blend (and so the home landform's noise).
        if w >= 1 { return others[index].height(x, z) }
        return mix(home.height(x, z), others[index].height(x, z), w)
    }

    /// Ground height before lakes, rivers, pads and roads.
    func height(_ x: Float, _ z: Float) -> Float {
        var h = landform(x, z)
        if valley {
            // The home valley: the ground rises gently round the home region, then the
            // landform carries on (the old finite world's bowl, without its walls).
            let p = Vec2(x, z) / half
            var rise = smoothstep(0.4, 1.5, length(p))
            rise = rise * rise * (home.amplitude * 0.5 + 6)
            if case .side(let s) = coast.kind { rise *= 1 - smoothstep(-0.2, 0.4, dot(p, s)) }
            h += rise
        }
        let shaped = coast.shape(x, z, h)
        guard let volcano else { return shaped }
        return volcano.shape(x, z, shaped)
    }
}

extension Int {
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}
