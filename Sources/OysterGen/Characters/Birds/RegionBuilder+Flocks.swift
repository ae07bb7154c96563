import OysterCore

// MARK: - Flocks in a world

extension RegionBuilder {
    /// Where the recipe's birds fly (see `Inhabitants`): each species one flock circling over
    /// where it lives (crows over the forest, gulls over the water, pigeons over the village;
    /// see `flockCentre`), every bird on its own loop round the flock's middle (14–30 m out, its
    /// own height and place on the loop), banked into the turn, flapping (`fly`) or gliding
    /// (`glide`) all the way round: one animation `<species>-route` per flock, every loop of it
    /// one lap long, so it loops. Heights: 26.5–35.5 m above the highest ground or water under
    /// the bird's loop (each flock 8 m above the one before), rising and falling 2.5 m: always
    /// 24 m or more above it, clear of the tallest trees.
    func flockPlan() -> [Inhabitants.Circler] {
        let flocks = recipe.placedBirds
        guard !flocks.isEmpty else { return [] }
        let home = homePoint
        var plan: [Inhabitants.Circler] = []
        for (f, flock) in flocks.enumerated() {
            let species = flock.species
            let centre = flockCentre(species, home: home)
            // One lap of a 22 m loop at the species' speed, whole seconds, for every bird.
            let lap = max(4, (2 * .pi * 22 / species.proportions.speed).rounded())
            for k in 0..<flock.count {
                let bits = StableSeed.of("bird/\(species.rawValue)/\(k)/flight", in: recipe.seed)
                let radius = 14 + 16 * bits.unit(0)
                let floor = highestSurface(round: centre, radius: radius)
                let route = CircleRoute(centre: centre, radius: radius, duration: lap, start: bits.unit(24) * 2 * .pi,
                                        height: floor + 26.5 + 3 * Float(k % 4) + 8 * Float(f), swell: 2.5,
                                        waves: 1 + Int(bits >> 60) % 2, banks: true)
                let glides: Float = species == .gull ? 0.7 : species == .crow ? 0.3 : 0.1
                let clip: BirdClip = bits.unit(36) < glides ? .glide : .fly
                plan.append(.init(kind: .bird(species, clip), index: k, route: route))
            }
        }
        return plan
    }

    /// The middle of a flock of `species`: over the forest for crows (else the water, else
    /// the village), over the water for gulls (else the forest, else the village), over the
    /// village for pigeons.
    func flockCentre(_ species: BirdSpecies, home: Vec2) -> Vec2 {
        switch species {
        case .crow: return forestPoint(near: home) ?? waterPoint(near: home, depth: 0.5) ?? home
        case .gull: return waterPoint(near: home, depth: 0.5) ?? forestPoint(near: home) ?? home
        case .pigeon: return home
        }
    }

    /// Deep woods (the vegetation's woods mask well past the tree line) about 60 m from
    /// `home`, searched on a 10 m grid within 200 m; nil without a forest.
    func forestPoint(near home: Vec2) -> Vec2? {
        guard let forest = recipe.feature(.forest) else { return nil }
        let density = forest.density ?? 0.55
        let woods = Fractal(seed: recipe.seed ^ StableSeed.of("vegetation/woods"), octaves: 3)
        return nearest(to: home, distance: 60, step: 10) { p in
            woods.fbm(p.x / 70, p.y / 70) + (density - 0.5) * 0.9 > 0.25 && features.waterLevel(p.x, p.y) == nil
        }
    }

    /// Open water at least `depth` deep about 60 m from `home` (a lake or the sea), searched
    /// on a 10 m grid within 200 m; nil without any.
    func waterPoint(near home: Vec2, depth: Float) -> Vec2? {
        nearest(to: home, distance: 60, step: 10) { p in
            guard let level = features.waterLevel(p.x, p.y) else { return false }
            return grid.height(p.x, p.y) < level - depth
        }
    }

    /// The grid point of this region (35 m inside its edges, `step` apart, within 200 m of
    /// `home`) closest to `distance` from `home` where `accept` holds; nil if none does.
    func nearest(to home: Vec2, distance: Float, step: Float, where accept: (Vec2) -> Bool) -> Vec2? {
        var best: (score: Float, p: Vec2)?
        var z = (max(region.minZ + 35, home.y - 200) / step).rounded(.up) * step
        while z < min(region.maxZ - 35, home.y + 200) {
            var x = (max(region.minX + 35, home.x - 200) / step).rounded(.up) * step
            while x < min(region.maxX - 35, home.x + 200) {
                let p = Vec2(x, z)
                let score = abs(length(p - home) - distance)
                if score < (best?.score ?? .infinity), accept(p) { best = (score, p) }
                x += step
            }
            z += step
        }
        return best?.p
    }

    /// The highest ground or still water within `radius` + 5 m of `centre` (sampled on the
    /// loop, halfway in and at the middle): what a bird's loop must clear.
    func highestSurface(round centre: Vec2, radius: Float) -> Float {
        var top = -Float.infinity
        for ring: Float in [0, 0.5, 1] {
            for i in 0..<(ring == 0 ? 1 : 32) {
                let a = Float(i) / 32 * 2 * .pi
                let q = centre + Vec2(kcos(a), ksin(a)) * ((radius + 5) * ring)
                top = max(top, features.height(q.x, q.y), features.waterLevel(q.x, q.y) ?? -.infinity)
            }
        }
        return top
    }
}
