import OysterCore
import OysterJSON
import Testing
@testable import OysterGen

/// Building styles: read from prompt words, kept in the recipe, honoured by the village house
/// and town terrace kits where they can be, reported where they cannot.
@Suite("Building styles")
struct BuildingStyleTests {
    @Test func wordsChooseTheStyleAndUnbuiltOnesAreReported() {
        func style(_ prompt: String) -> BuildingStyle? { PromptInterpreter.interpret(prompt).recipe.style }
        #expect(style("a village") == nil)
        #expect(style("a nordic village by a fjord") == .nordic)
        #expect(style("a scandinavian town") == .nordic)
        #expect(style("a greek village by the sea") == .mediterranean)
        #expect(style("a rustic hamlet") == .rustic)
        #expect(style("a medieval town") == .medieval)
        // Read and kept, but reported on the run's line as not built.
        let japanese = PromptInterpreter.interpret("a japanese village")
        #expect(japanese.recipe.style == .japanese && japanese.recipe.style?.isBuilt == false)
        #expect(japanese.summary.contains("'japanese': the kits have no japanese buildings yet"), "\(japanese.summary)")
        #expect(!japanese.readings.contains { $0.text == "japanese" && $0.understood })
        // Modern is built: read, kept and not reported.
        let modern = PromptInterpreter.interpret("a modern city")
        #expect(modern.recipe.style == .modern && modern.recipe.style?.isBuilt == true && modern.recipe.has(.town))
        #expect(!modern.summary.contains("'modern':"), "\(modern.summary)")
        #expect(PromptInterpreter.interpret("a contemporary town").recipe.style == .modern)
        #expect(!PromptInterpreter.interpret("a nordic village").summary.contains("nordic':"))
    }

    @Test func theRecipeCarriesTheStyleAndRefusesUnknownOnes() throws {
        var r = Recipe()
        #expect(r.json.objectValue?["style"] == nil, "no style, no key: recipes keep their bytes")
        r.style = .mediterranean
        #expect(try Recipe(json: r.json) == r)
        #expect(throws: RecipeError.self) { try Recipe.parse(Array(#"{"style": "gothic"}"#.utf8)) }
    }

    func kinds(_ model: KitModel) -> Set<SurfaceKind> {
        func walk(_ parts: [KitPart]) -> Set<SurfaceKind> { parts.reduce(into: Set<SurfaceKind>()) { $0.formUnion($1.mesh.kinds); $0.formUnion(walk($1.children)) } }
        return walk(model.parts)
    }

    /// Village houses: mediterranean whitewash under low tile roofs without chimneys, nordic
    /// painted planks under steep slate, rustic stone or planks under thatch, one storey.
    @Test func villageHousesTakeTheStyle() {
        for seed in UInt64(1)...12 {
            func house(_ style: BuildingStyle) -> (HouseParams, KitModel) {
                var r = Recipe()
                r.style = style
                var p = HouseParams.random(seed: seed)
                p.apply(style, seed: seed)
                return (p, Structure.house.build(seed, r))
            }
            let (med, medModel) = house(.mediterranean)
            let medKinds = kinds(medModel)
            #expect(med.wallStyle == .plastered && !med.chimney && medKinds.contains(.plaster) && medKinds.contains(.roofTiles))
            #expect(medKinds.isDisjoint(with: [.thatch, .slate, .brick]), "\(medKinds)")
            #expect(BuildingStyle.mediterraneanPaints.contains(med.wallTint!))
            let (nordic, nordicModel) = house(.nordic)
            let nordicKinds = kinds(nordicModel)
            #expect(nordic.wallStyle == .planks && nordicKinds.contains(.slate) && nordicKinds.isDisjoint(with: [.thatch, .roofTiles]))
            // The planks are painted: the walls' vertex colour is the paint.
            let walls = nordicModel.parts.first { $0.mesh.kinds.contains(.woodPlanks) }?.mesh.groups[.woodPlanks]
            #expect(walls?.colors.contains(nordic.wallTint!) == true)
            let (rustic, rusticModel) = house(.rustic)
            #expect(rustic.floors == 1 && kinds(rusticModel).contains(.thatch) && !kinds(rusticModel).contains(.brick))
            // Modern: rendered in its paints under a flat roof behind a parapet, no chimney.
            let (modern, modernModel) = house(.modern)
            let modernKinds = kinds(modernModel)
            #expect(modern.wallStyle == .plastered && modern.roof == .flat && !modern.chimney && !modern.shutters)
            #expect(BuildingStyle.modernPaints.contains(modern.wallTint!))
            #expect(modernKinds.isDisjoint(with: [.thatch, .roofTiles, .timber]), "\(modernKinds)")
            // Flat: nothing of the roof rises a metre above the walls' tops.
            let top = Float(modern.floors) * Buildings.storey + Buildings.plinthTop
            #expect(modernModel.footprint.max.y < top + 1, "\(modernModel.footprint.max.y) over \(top)")
            // Not built: the house of no style.
            #expect(house(.japanese).1 == Structure.house.build(seed, Recipe()))
        }
    }

    /// Town rows: mediterranean fronts all plaster under tiles, nordic all painted under slate,
    /// the town's own mix with no style.
    @Test func townRowsTakeTheStyle() {
        for seed in UInt64(1)...6 {
            var p = TerraceParams.sample(seed: seed)
            let own = kinds(Buildings.terrace(p, seed: seed))
            p.style = .mediterranean
            let med = kinds(Buildings.terrace(p, seed: seed))
            #expect(med.contains(.roofTiles) && med.isDisjoint(with: [.slate, .brick]), "\(med)")
            p.style = .nordic
            let nordic = kinds(Buildings.terrace(p, seed: seed))
            #expect(nordic.contains(.slate) && nordic.isDisjoint(with: [.roofTiles, .brick]), "\(nordic)")
            p.style = .japanese
            #expect(kinds(Buildings.terrace(p, seed: seed)) == own)
            // Modern: blocks of flats or offices with glass and metal, no pitched roofs.
            p.style = .modern
            let modern = Buildings.terrace(p, seed: seed)
            #expect(kinds(modern).contains(.glass) && kinds(modern).contains(.metal) && kinds(modern).isDisjoint(with: [.roofTiles, .thatch]), "\(kinds(modern))")
            #expect(modern.footprint.max.y > 4 * 3, "a modern row rises four storeys or more")
        }
    }
}
