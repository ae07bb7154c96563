import Testing
@testable import OysterGen

@Suite struct PromptTests {
    @Test func countsInWordsAndDigitsAttachToTheNextFeature() {
        let r = PromptInterpreter.interpret("a village with three houses and a dozen trees near 2 towers").recipe
        #expect(r.feature(.village)?.count == 3)
        #expect(r.feature(.forest)?.count == 12)
        #expect(r.feature(.tower)?.count == 2)
        let d = PromptInterpreter.interpret("a crypt with 12 rooms").recipe
        #expect(d.scene == .interior)
        #expect(d.feature(.dungeon)?.count == 12)
        #expect(d.has(.torches))
    }

    @Test func biomeTimeAndWeatherWordsAreUnderstood() {
        let r = PromptInterpreter.interpret("a snowy mountain lake at dusk, misty").recipe
        #expect(r.biome == .alpine)
        #expect(r.has(.mountains) && r.has(.lake))
        #expect(r.timeOfDay == 19.3)
        #expect(r.weather == .fog)
        #expect(r.moods.contains(.misty))
        let n = PromptInterpreter.interpret("moonlit tropical island with palms and a lighthouse").recipe
        #expect(n.isNight && n.biome == .tropical && n.has(.sea) && n.has(.lighthouse))
        #expect(n.feature(.forest)?.species == ["palm"])
    }

    @Test func snowMakesASettlementsGroundSnowyHillsUnlessMountainsAreNamed() {
        let village = PromptInterpreter.interpret("a village of seven houses and a castle in the snow").recipe
        #expect(village.biome == .alpine && village.has(.hills) && !village.has(.mountains))
        let mountain = PromptInterpreter.interpret("a snowy mountain village").recipe
        #expect(mountain.has(.mountains) && !mountain.has(.hills))
        let wild = PromptInterpreter.interpret("a snowy wilderness").recipe
        #expect(wild.has(.mountains))
    }

    @Test func adjectivesChangeDensityAndAddRuins() {
        let dense = PromptInterpreter.interpret("a dense forest").recipe
        let sparse = PromptInterpreter.interpret("a sparse forest").recipe
        #expect((dense.feature(.forest)?.density ?? 0) > (sparse.feature(.forest)?.density ?? 1))
        #expect(PromptInterpreter.interpret("ancient hills").recipe.has(.ruins))
    }

    @Test func unknownWordsAreReportedButGrammarIsNot() {
        let i = PromptInterpreter.interpret("the zorblax village with a glimmering lake")
        #expect(i.unusedWords == ["zorblax", "glimmering"])
    }

    @Test func aBarelyUnderstoodPromptStillGivesACompleteWorld() {
        for prompt in ["", "qwerty asdf", "something nice please"] {
            let r = PromptInterpreter.interpret(prompt).recipe
            #expect(r.scene == .outdoor)
            #expect(r.features.count >= 4)
            #expect(r.features.contains { $0.kind.isLandform })
        }
    }

    @Test func interpretationIsDeterministic() {
        let p = "a ruined castle on a hill above a river at sunset with many pines"
        #expect(PromptInterpreter.interpret(p).recipe == PromptInterpreter.interpret(p).recipe)
        #expect(PromptInterpreter.interpret(p).recipe.json == PromptInterpreter.interpret(p).recipe.json)
    }
}
