import OysterCore

extension Structure {
    /// A lighthouse on a low headland by the sea (on the highest ground without one).
    static let lighthouse: Structure = Structure(
        name: "lighthouse", feature: .lighthouse, words: "lighthouse lighthouses beacon", alsoMeans: [.sea], padRadius: 5, maxSlope: 0.6,
        recurrence: 1.2, coastal: true, lane: true,
        placeAtHome: { placer, s in
            let ground = s.context.ground, isWet = s.context.isWet, hasSea = s.hasSea
            placer.pick(kind: .lighthouse, centre: .zero, spread: s.context.half * 0.9, tries: 200) { p in
                let h = ground(p.x, p.y)
                let shore = isWet(p.x + 8, p.y, 0.3) || isWet(p.x - 8, p.y, 0.3) || isWet(p.x, p.y + 8, 0.3) || isWet(p.x, p.y - 8, 0.3)
                return hasSea ? -abs(h - 4) - (shore ? 0 : 3) : h
            }
        },
        build: { seed, _ in
            var r = KitRandom(seed: seed)
            return Buildings.lighthouse(height: r.float(in: 16...20), seed: seed)
        })

    /// A pier from a shore into the water (`SitePlacer.pier`).
    static let pier: Structure = Structure(
        name: "pier", feature: .pier, words: "pier piers dock docks jetty harbor harbour port", padRadius: 2, maxSlope: 1, lane: true, flattens: false,
        placeAtHome: { placer, _ in placer.pier() },
        build: { seed, recipe in
            let ruined = recipe.moods.contains(.ruined) || recipe.moods.contains(.ancient)
            return Buildings.pier(PierParams(length: 16, width: 3, deckHeight: 1.0, postDepth: 3.5, railings: !ruined), seed: seed)
        })
}
