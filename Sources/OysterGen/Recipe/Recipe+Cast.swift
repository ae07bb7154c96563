extension Recipe {
    /// The people and animals a world places from: the recipe's `characters`, else the ones
    /// its features imply.
    public var cast: [CharacterGroup] { characters ?? impliedCharacters }

    /// Who lives in a world nobody was named for: the people its settlements imply and the
    /// animals of its land, few enough that the default world keeps within its time and size
    /// budget (the default valley: four villagers, a farmer by the windmill, five sheep or
    /// cows, five crows over the forest and four trout in the lake).
    ///
    /// - A village of n houses: n/2 + 1 villagers (2…8), a farmer, a merchant from 8 houses;
    ///   a town: 8–16 villagers by its size and three merchants for its market.
    /// - A castle: guards (two; four at a walled town's gates). A windmill: a farmer; and a
    ///   farmer to each field.
    /// - Livestock on a settlement's pasture, by climate (sheep or cows by the seed in a
    ///   temperate land, cows in the Alps, sheep on the tundra, horses in the desert; none in
    ///   the tropics or a swamp); deer in a forest with no settlement.
    /// - Crows over a forest, gulls over the sea, pigeons over a town; trout (carp in warm or
    ///   swampy water) in a lake.
    /// - Indoors, the dead in a crypt; a plain dungeon is empty.
    /// How many fields home lays out (`Structure.field`): the `field` feature's count, 2 by
    /// default, 1…6; none without the feature. The cast gives each its farmer.
    var fieldCount: Int { feature(.field).map { max(1, min($0.count ?? 2, 6)) } ?? 0 }

    public var impliedCharacters: [CharacterGroup] {
        var cast: [CharacterGroup] = []
        func add(_ kind: CharacterKind, _ count: Int) {
            if count > 0 { cast.append(CharacterGroup(kind, count: count)) }
        }
        if scene == .interior {
            if has(.crypt) { add(.person(.skeleton), 2) }
            return cast
        }
        let town = feature(.town), village = feature(.village)
        let settled = town != nil || village != nil
        if let town {
            let size = min(1, max(0, town.size ?? 0.5))
            add(.person(.villager), 8 + Int((size * 8).rounded()))
            add(.person(.merchant), 3)
        } else if let village {
            let houses = min(40, max(0, village.count ?? 6))
            add(.person(.villager), min(8, max(2, houses / 2 + 1)))
            if houses >= 8 { add(.person(.merchant), 1) }
        }
        if has(.castle) { add(.person(.guard), town != nil ? 4 : 2) }
        // A farmer by the windmill, and one to each field (they work its furrows).
        add(.person(.farmer), (settled || has(.windmill) ? 1 : 0) + fieldCount)
        if settled, let stock = livestock { add(.animal(stock), min(5, stock.herdSize)) }
        if !settled, has(.forest) { add(.animal(.deer), 4) }
        if has(.forest) { add(.bird(.crow), 5) }
        if has(.sea) || has(.pier) || has(.lighthouse) { add(.bird(.gull), 5) }
        if town != nil { add(.bird(.pigeon), 6) }
        if has(.lake) { add(.fish(biome == .tropical || biome == .swamp ? .carp : .trout), 4) }
        return cast
    }

    /// The animals a settlement keeps in this climate, if any.
    private var livestock: AnimalSpecies? {
        switch biome {
        case .temperate: return seed % 2 == 0 ? .cow : .sheep
        case .alpine: return .cow
        case .tundra: return .sheep
        case .desert: return .horse
        case .tropical, .swamp: return nil
        }
    }
}
