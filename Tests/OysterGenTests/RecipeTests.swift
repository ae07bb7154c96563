import Foundation
import OysterJSON
import OysterTestSupport
import Testing
@testable import OysterGen

@Suite struct RecipeTests {
    func load(_ name: String) throws -> [UInt8] {
        try #require(FileManager.default.contents(atPath: RepoPaths.fixture("recipes/" + name))).map { $0 }
    }

    @Test func emptyObjectIsTheDefaultValley() throws {
        let r = try Recipe.parse(Array("{}".utf8))
        #expect(r == Recipe())
        #expect(r.has(.lake) && r.has(.village) && r.has(.forest) && r.has(.road))
        #expect(r.scene == .outdoor && r.biome == .temperate && !r.isNight)
    }

    @Test(arguments: ["default-valley.json", "alpine-dusk.json", "island-night.json", "dungeon.json"])
    func fixtureRecipesParseAndRoundTrip(_ name: String) throws {
        let r = try Recipe.parse(load(name))
        let again = try Recipe(json: r.json)
        #expect(again == r)
        #expect(again.json == r.json)
    }

    @Test func namedTimesAndValuesAreRead() throws {
        let r = try Recipe.parse(load("alpine-dusk.json"))
        #expect(r.timeOfDay == 19.3)
        #expect(r.biome == .alpine && r.weather == .snow)
        #expect(r.feature(.cabin)?.count == 2)
        #expect(r.feature(.forest)?.species == ["pine", "fir"])
        let dungeon = try Recipe.parse(load("dungeon.json"))
        #expect(dungeon.scene == .interior && dungeon.feature(.dungeon)?.count == 9)
    }

    @Test(arguments: [
        ("negative-seed.json", "seed"), ("unknown-feature.json", "features[0].kind"), ("unknown-key.json", "sede"),
        ("truncated.json", "not valid JSON"), ("texture-not-power-of-two.json", "textureResolution"),
    ])
    func badRecipesAreRefusedWithThePath(_ name: String, _ expected: String) throws {
        do {
            _ = try Recipe.parse(load("bad/" + name))
            Issue.record("\(name) was accepted")
        } catch let e as RecipeError {
            #expect(e.description.contains(expected))
        }
    }

    @Test func nonObjectsAndWrongTypesAreRefused() {
        for text in ["[]", "3", "{\"size\": \"big\"}", "{\"features\": {}}", "{\"features\": [{\"kind\": \"lake\", \"density\": 2}]}",
                     "{\"features\": [{\"count\": 3}]}", "{\"moods\": [\"happy\"]}", "{\"timeOfDay\": \"teatime\"}"] {
            #expect(throws: RecipeError.self) { try Recipe.parse(Array(text.utf8)) }
        }
    }

    /// The schema and the parser must describe the same format.
    @Test func schemaListsExactlyTheKeysAndChoicesTheParserKnows() throws {
        let bytes = try #require(FileManager.default.contents(atPath: RepoPaths.root + "/docs/recipe.schema.json")).map { $0 }
        let schema = try JSONParser.parse(bytes)
        #expect(schema["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        let props = try #require(schema["properties"]?.objectValue)
        #expect(Set(props.keys) == Set(Recipe.topLevelKeys))
        func choices(_ v: JSONValue?) -> Set<String> { Set(v?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []) }
        #expect(choices(props["biome"]) == Set(Biome.allCases.map(\.rawValue)))
        #expect(choices(props["farBiomes"]?["items"]) == Set(Biome.allCases.map(\.rawValue)))
        #expect(choices(props["weather"]) == Set(Weather.allCases.map(\.rawValue)))
        #expect(choices(props["scene"]) == Set(SceneKind.allCases.map(\.rawValue)))
        #expect(choices(props["detail"]) == Set(Detail.allCases.map(\.rawValue)))
        #expect(choices(props["moods"]?["items"]) == Set(Mood.allCases.map(\.rawValue)))
        #expect(choices(props["style"]) == Set(BuildingStyle.allCases.map(\.rawValue)))
        let feature = try #require(schema["$defs"]?["feature"]?["properties"]?.objectValue)
        #expect(Set(feature.keys) == Set(Recipe.featureKeys))
        #expect(choices(feature["kind"]) == Set(FeatureKind.allCases.map(\.rawValue)))
        #expect(choices(feature["species"]?["items"]) == Set(Species.allCases.map(\.rawValue)))
        let times = props["timeOfDay"]?["oneOf"]?[1]
        #expect(choices(times) == Set(TimeOfDayName.names))
    }

    /// Fixture recipes use only keys and values the schema allows (a shallow schema check).
    @Test(arguments: ["default-valley.json", "alpine-dusk.json", "island-night.json", "dungeon.json"])
    func fixturesFitTheSchemaShape(_ name: String) throws {
        let schemaBytes = try #require(FileManager.default.contents(atPath: RepoPaths.root + "/docs/recipe.schema.json")).map { $0 }
        let schema = try JSONParser.parse(schemaBytes)
        let recipe = try JSONParser.parse(load(name))
        let props = try #require(schema["properties"]?.objectValue)
        let featureProps = try #require(schema["$defs"]?["feature"]?["properties"]?.objectValue)
        for (key, value) in try #require(recipe.objectValue).members {
            let rule = try #require(props[key], "unknown key \(key)")
            if let allowed = rule["enum"]?.arrayValue { #expect(allowed.contains(value), "\(key)") }
        }
        for f in recipe["features"]?.arrayValue ?? [] {
            for (key, value) in try #require(f.objectValue).members {
                let rule = try #require(featureProps[key], "unknown feature key \(key)")
                if let allowed = rule["enum"]?.arrayValue { #expect(allowed.contains(value)) }
            }
        }
    }
}
