import OysterCore

// MARK: - Shoals in a world

extension RegionBuilder {
    /// Where the recipe's fish swim (see `Inhabitants`): each species one shoal in still water
    /// deep enough for it (`shoalSpot`: a lake or the sea, at least 1.5 m deep over a 5 m
    /// circle), every fish swimming its own loop round the spot (1.5–4.5 m out, its centre line
    /// 0.6–1.05 m under the surface as the fish of a shoal take their levels, dipping 10 cm
    /// either way), one animation `<species>-route` per shoal whose every loop is one lap. No
    /// water deep enough: no fish (the recipe's warning says so when the world has no lake or
    /// sea at all).
    func shoalPlan() -> [Inhabitants.Circler] {
        let shoals = recipe.placedFish
        guard !shoals.isEmpty else { return [] }
        let home = homePoint
        var taken: [Vec2] = []
        var plan: [Inhabitants.Circler] = []
        for shoal in shoals {
            let species = shoal.species
            guard let (centre, level) = shoalSpot(near: home, avoiding: taken) else { continue }
            taken.append(centre)
            // One lap of a 3 m loop at the species' speed, whole seconds, for every fish.
            let lap = max(4, (2 * .pi * 3 / species.proportions.speed).rounded())
            for k in 0..<shoal.count {
                let bits = StableSeed.of("fish/\(species.rawValue)/\(k)/swim", in: recipe.seed)
                let route = CircleRoute(centre: centre, radius: 1.5 + 3 * bits.unit(0), duration: lap, start: bits.unit(24) * 2 * .pi,
                                        height: level - 0.6 - 0.15 * Float(k % 4), swell: 0.1,
                                        waves: 2, banks: false)
                plan.append(.init(kind: .fish(species), index: k, route: route))
            }
        }
        return plan
    }

    /// The least depth of water a shoal's whole circle needs.
    static let shoalWater: Float = 1.5

    /// The middle of a shoal and its water's level: still water at least `shoalWater` deep at
    /// the middle and all round a 5 m circle, nearest 40 m from `home` (seen from the village),
    /// 25 m from shoals already placed; nil where there is none.
    func shoalSpot(near home: Vec2, avoiding others: [Vec2]) -> (Vec2, Float)? {
        let spot = nearest(to: home, distance: 40, step: 4) { p in
            guard others.allSatisfy({ length($0 - p) > 25 }), let level = features.waterLevel(p.x, p.y) else { return false }
            return (0...16).allSatisfy { i in
                let a = Float(i) / 16 * 2 * .pi
                let q = i == 16 ? p : p + Vec2(kcos(a), ksin(a)) * 5
                return features.waterLevel(q.x, q.y) == level && grid.height(q.x, q.y) < level - Self.shoalWater
            }
        }
        return spot.flatMap { p in features.waterLevel(p.x, p.y).map { (p, $0) } }
    }
}
