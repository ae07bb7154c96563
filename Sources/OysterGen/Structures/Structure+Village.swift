import OysterCore

extension Structure {
    /// Village houses, placed in rings round a square (`SitePlacer.village`), doors facing it.
    static let house: Structure = Structure(
        name: "house", feature: .village, words: "house houses cottage cottages home homes hut huts",
        groupWords: "village villages hamlet settlement", padRadius: 5, maxSlope: 0.45,
        placeAtHome: { placer, setting in
            placer.village(houses: setting.count(.village, default: 6, limit: 40), tries: 64, lake: setting.lake, seaward: setting.seaward)
        },
        build: { seed, recipe in
            var p = HouseParams.random(seed: seed)
            if recipe.biome == .alpine || recipe.biome == .tundra { p.roofKind = .slate }
            if recipe.biome == .tropical || recipe.biome == .swamp { p.roofKind = .thatch; p.wallStyle = .planks }
            if recipe.biome == .desert { p.wallStyle = .stone; p.roofKind = .roofTiles }
            if let style = recipe.style { p.apply(style, seed: seed) }
            return Buildings.house(p, seed: seed)
        })

    /// A village square: a well with stalls, a cart, lamps and barrels round it.
    static let well: Structure = Structure(name: "well", feature: nil, words: "well wells", padRadius: 8.5, maxSlope: 0.25,
                                build: { seed, _ in Buildings.well(seed: seed) })
}
