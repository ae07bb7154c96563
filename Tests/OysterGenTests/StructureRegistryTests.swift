import OysterCore
import Testing
@testable import OysterGen

/// Structures are declared once (`Structure.all`); everything else reads that registry.
@Suite struct StructureRegistryTests {
    @Test func namesAreUniqueAndEveryAskableKindHasAHomeRule() {
        #expect(Set(Structure.all.map(\.name)).count == Structure.all.count)
        for kind in Structure.all where kind.feature != nil {
            #expect(kind.placeAtHome != nil, "\(kind) can be asked for but home cannot place it")
        }
    }

    @Test func theLexiconKnowsEveryStructuresWordsFromTheRegistry() {
        for kind in Structure.all {
            // Direct mode places every kind by its words, a group by its group words.
            for word in kind.words.split(separator: " ") {
                #expect(Lexicon.entries[String(word)]?.contains(.thing(.structure(kind))) == true, "\(word) → \(kind)")
            }
            for word in kind.groupWords.split(separator: " ") {
                #expect(Lexicon.entries[String(word)]?.contains(.thing(.group(kind))) == true, "\(word) → a group of \(kind)")
            }
            guard let f = kind.feature else { continue }
            for word in (kind.words + " " + kind.groupWords).split(separator: " ") {
                #expect(Lexicon.entries[String(word)]?.contains(.feature(f)) == true, "\(word) → \(f)")
                for extra in kind.alsoMeans { #expect(Lexicon.entries[String(word)]?.contains(.feature(extra)) == true) }
            }
        }
    }

    /// Each registered kind a recipe asks for stands in the home region, by its own rule.
    @Test(arguments: Structure.all.filter { $0.feature != nil })
    func askingForAKindPlacesItAtHome(_ kind: Structure) {
        var r = Recipe()
        r.size = 192
        r.seed = 4
        r.features = [Feature(.hills), Feature(kind.feature!)]
        if kind.coastal || kind == .pier { r.features.append(Feature(.sea)) }
        let home = WorldMap(recipe: r).home
        #expect(home.sites.contains { $0.kind == kind }, "no \(kind) in \(home.sites.map(\.name))")
        for s in home.sites where s.kind == kind { #expect(s.radius == kind.padRadius) }
    }

    @Test func farCellsRecurOnlyRegisteredLandmarksAndCoastalOnesOnlyByTheSea() {
        let inland = CellPlan.landmarkWeights(Recipe(), coastal: false).map(\.0)
        #expect(!inland.contains(.lighthouse))
        #expect(inland.allSatisfy { $0.recurrence > 0 })
        var castles = Recipe()
        castles.features.append(Feature(.castle))
        let boosted = CellPlan.landmarkWeights(castles, coastal: true)
        #expect(boosted.first { $0.0 == .castle }?.1 == Structure.castle.recurrence * 4)
        #expect(boosted.contains { $0.0 == .lighthouse })
    }
}

/// Species and biomes carry their own words, kits and traits; the lexicon reads them.
@Suite struct SpeciesAndBiomeRegistryTests {
    @Test func theLexiconReadsSpeciesAndBiomeWordsFromTheirDeclarations() {
        for species in Species.allCases {
            for word in species.words.split(separator: " ") { #expect(Lexicon.entries[String(word)]?.contains(.species(species)) == true, "\(word)") }
        }
        for biome in Biome.allCases {
            for word in biome.words.split(separator: " ") { #expect(Lexicon.entries[String(word)]?.contains(.biome(biome)) == true, "\(word)") }
            #expect(!biome.species.isEmpty && !biome.landforms.isEmpty)
        }
    }

    @Test func desertsGrowTheRibbedSaguaroNotAStandIn() {
        let cactus = Species.cactus.kit(seed: 3, detail: .medium)
        // The vegetation kit's ribbed saguaro (tested in KitVegetationTests), at the world's detail.
        let kit = Vegetation.cactus(detail: 1, seed: 3)
        #expect(cactus.triangleCount == kit.triangleCount && cactus.name == kit.name)
        #expect(kitModelProblems(cactus).isEmpty)
    }

    @Test func kitSeedsComeFromNamesSoSpeciesNeverShareAStream() {
        let seeds = Species.allCases.map { StableSeed.of("tree/\($0.rawValue)/0", in: 7) }
        #expect(Set(seeds).count == seeds.count)
        // Names hash with FNV-1a (the published 64-bit test vector), never Swift's per-process
        // Hasher, so a name gives the same seed in every run and on every machine.
        #expect(PositionHash.string("a") == 0xAF63_DC4C_8601_EC8C)
    }
}
