import OysterCore

extension Structure {
    /// A castle on high ground near the village.
    static let castle: Structure = Structure(
        name: "castle", feature: .castle, words: "castle castles fortress fort keep citadel", padRadius: 15, maxSlope: 0.5,
        recurrence: 0.35, lane: true,
        placeAtHome: { placer, s in
            let ground = s.context.ground, vc = s.villageCenter
            placer.pick(kind: .castle, centre: vc * 0.3, spread: s.context.half * 0.7) { p in ground(p.x, p.y) - length(p) * 0.05 }
        },
        build: { seed, recipe in KitCatalog.castle(seed: seed, recipe: recipe) })

    /// Watchtowers on the highest ground.
    static let tower: Structure = Structure(
        name: "tower", feature: .tower, words: "tower towers watchtower", padRadius: 4, maxSlope: 0.6, recurrence: 0.8, lane: true,
        placeAtHome: { placer, s in
            let ground = s.context.ground
            for _ in 0..<s.count(.tower, limit: 6) {
                placer.pick(kind: .tower, centre: .zero, spread: s.context.half * 0.75) { p in ground(p.x, p.y) }
            }
        },
        build: { seed, recipe in
            var r = KitRandom(seed: seed)
            let cold = recipe.biome == .alpine || recipe.biome == .tundra
            return Buildings.tower(TowerParams(round: r.chance(0.6), radius: r.float(in: 2.6...3.6), height: r.float(in: 11...16),
                                               pointedRoof: r.chance(0.6), roofKind: cold ? .slate : .roofTiles), seed: seed)
        })

    /// Ruins, away from the village.
    static let ruins: Structure = Structure(
        name: "ruins", feature: .ruins, words: "ruin ruins temple", padRadius: 9, maxSlope: 0.5, recurrence: 1,
        placeAtHome: { placer, s in
            let vc = s.villageCenter
            for _ in 0..<s.count(.ruins, limit: 6) {
                placer.pick(kind: .ruins, centre: .zero, spread: s.context.half * 0.7) { p in length(p - vc) * 0.01 }
            }
        },
        build: { seed, _ in
            var r = KitRandom(seed: seed)
            return Buildings.ruins(width: r.float(in: 8...12), depth: r.float(in: 6...9), seed: seed)
        })
}
