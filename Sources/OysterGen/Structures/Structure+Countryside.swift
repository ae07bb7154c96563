import OysterCore

extension Structure {
    /// Cabins on the lake shore (anywhere without a lake).
    static let cabin: Structure = Structure(
        name: "cabin", feature: .cabin, words: "cabin cabins lodge shack", padRadius: 5, maxSlope: 0.45, recurrence: 1,
        placeAtHome: { placer, s in
            let centre = s.lake?.center ?? .zero, r = s.lake?.radius ?? 0, hasLake: Float = s.lake == nil ? 0 : 1
            for _ in 0..<s.count(.cabin, limit: 8) {
                placer.pick(kind: .cabin, centre: centre, spread: s.context.half * 0.7) { p in -abs(length(p - centre) - r - 14) * hasLake }
            }
        },
        build: { seed, _ in Buildings.cabin(seed: seed) })

    /// A windmill on a rise about 40 m from the village square.
    static let windmill: Structure = Structure(
        name: "windmill", feature: .windmill, words: "windmill windmills mill", padRadius: 5, maxSlope: 0.4, recurrence: 0.6, lane: true,
        placeAtHome: { placer, s in
            let ground = s.context.ground, vc = s.villageCenter
            placer.pick(kind: .windmill, centre: vc, spread: s.context.half * 0.45) { p in ground(p.x, p.y) * 0.5 - abs(length(p - vc) - 40) * 0.2 }
        },
        build: { seed, _ in
            var r = KitRandom(seed: seed)
            return Buildings.windmill(height: r.float(in: 9...12), seed: seed)
        })

    /// Ploughed fields 35–65 m out from the village square (or home), on the gentlest ground
    /// there; never in far cells on their own (a field belongs to a village).
    static let field: Structure = Structure(
        name: "field", feature: .field,
        words: "field fields farmland farmlands cropland croplands crops wheat wheatfield wheatfields cornfield cornfields barley cabbages farm farms",
        padRadius: 10, maxSlope: 0.25,
        placeAtHome: { placer, s in
            let vc = s.villageCenter, slope = s.context.slope
            for _ in 0..<s.recipe.fieldCount {
                placer.pick(kind: .field, centre: vc, spread: s.context.half * 0.5) { p in
                    -abs(length(p - vc) - 50) * 0.2 - slope(p) * 30
                }
            }
        },
        build: { seed, recipe in Buildings.field(seed: seed, season: recipe.season) })
}
