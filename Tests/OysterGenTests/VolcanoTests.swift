import Foundation
import OysterCore
import OysterJSON
import OysterTestSupport
import Testing
@testable import OysterGen

/// A small volcanic island (128 m home region, low detail, untextured textures of 16 px).
private func volcanoRecipe(_ prompt: String = "a volcanic island", seed: UInt64 = 2) -> Recipe { smallRecipe(prompt, seed: seed, size: 128) }

private func node(_ scene: Scene, _ name: String) -> Node? { scene.nodes.first { $0.name == name } }

private extension AABB {
    func contains(_ p: Vec3) -> Bool {
        p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y && p.z >= min.z && p.z <= max.z
    }
}

/// The world-space box of a node's mesh (its own TRS applied; it hangs under a group at the origin).
private func worldBounds(_ scene: Scene, _ n: Node) -> AABB {
    var box = AABB.empty
    guard let m = n.mesh else { return box }
    var t = Vec3.zero, s = Vec3.one
    if case .trs(let translation, _, let scale) = n.transform { t = translation; s = scale }
    for p in scene.meshes[m].primitives {
        guard let pos = p.attributes["POSITION"] else { continue }
        for i in 0..<pos.count {
            let v = pos.vec3(i)
            box.add(Vec3(v.x * s.x, v.y * s.y, v.z * s.z) + t)
        }
    }
    return box
}

@Suite struct VolcanoTests {
    // MARK: - Recipe

    @Test func aVolcanoRecipeReadsAndWritesItsSizeAndPosition() throws {
        let r = try Recipe.parse(Array(#"{"features": [{"kind": "volcano", "size": 0.8, "position": [0.25, -0.5]}, {"kind": "sea"}]}"#.utf8))
        let v = try #require(r.feature(.volcano))
        #expect(v.size == 0.8 && v.position?.x == 0.25 && v.position?.z == -0.5)
        #expect(try Recipe.parse(Array(r.jsonText.utf8)) == r)
        #expect(r.jsonText.contains("\"volcano\""))
    }

    @Test(arguments: [
        #"{"features": [{"kind": "volcanoe"}]}"#,
        #"{"features": [{"kind": "volcano", "size": 1.5}]}"#,
        #"{"features": [{"kind": "volcano", "size": -0.1}]}"#,
        #"{"features": [{"kind": "volcano", "position": [2, 0]}]}"#,
        #"{"features": [{"kind": "volcano", "position": [0.5]}]}"#,
        #"{"features": [{"kind": "volcano", "height": 3}]}"#,
    ])
    func badVolcanoValuesAreRefusedWithTheirPath(_ text: String) {
        #expect(throws: RecipeError.self) { try Recipe.parse(Array(text.utf8)) }
    }

    // MARK: - Words

    @Test func theIssuesPromptIsUnderstoodWordForWord() {
        let i = PromptInterpreter.interpret("a volcanic island with black sand beaches and a smoking crater")
        #expect(i.recipe.has(.volcano) && i.recipe.has(.sea) && i.recipe.biome == .tropical)
        #expect(i.readings.allSatisfy { $0.understood }, "\(i.readings)")
        #expect(i.unusedWords.isEmpty, "\(i.unusedWords)")
        let texts = i.readings.map(\.text)
        #expect(texts.contains("black sand") && texts.contains("smoking crater"), "\(texts)")
        #expect(i.readings.filter { $0.text != "island" && $0.text != "beaches" }.allSatisfy { $0.how == .lexicon }, "\(i.readings)")
        #expect(!i.summary.contains("not something"), "\(i.summary)")
    }

    @Test(arguments: ["volcano", "volcanic", "crater", "lava", "magma", "black sand", "basalt", "smoking crater", "smoking volcano",
                      "eruption", "erupting", "caldera", "ash", "volcanoes", "black sands"])
    func volcanoWordsAskForAVolcano(_ word: String) {
        let i = PromptInterpreter.interpret("a \(word) at dusk")
        #expect(i.recipe.has(.volcano), "\(word): \(i.readings)")
        #expect(i.readings.first?.how == .lexicon, "\(word): \(i.readings)")
    }

    @Test func smokeAndSandAloneAreNotAVolcano() {
        #expect(!PromptInterpreter.interpret("a village with smoking chimneys").recipe.has(.volcano))
        #expect(!PromptInterpreter.interpret("a sand desert").recipe.has(.volcano))
        #expect(!PromptInterpreter.interpret("a valley with a lake").recipe.has(.volcano))
    }

    @Test func phrasesStayOutOfTheTableBuildersListing() {
        let listing = Lexicon.listing
        #expect(listing.contains("\tvolcano\t"))
        #expect(!listing.contains("black sand") && !listing.contains("smoking crater"))
    }

    // MARK: - Ground

    @Test func theGroundRisesToAConeAndDipsIntoAFlatCrater() throws {
        let map = WorldMap(recipe: volcanoRecipe())
        let v = try #require(map.terrain.volcano)
        let t = map.terrain
        let c = v.center
        func at(_ r: Float, _ angle: Float = 0.7) -> Float { t.height(c.x + kcos(angle) * r, c.y + ksin(angle) * r) }
        let rim = at(v.craterRadius), middle = at(v.radius * 0.5), foot = at(v.radius * 0.95)
        #expect(rim > middle + v.height * 0.2 && middle > foot + 2, "rim \(rim), half-way \(middle), foot \(foot)")
        #expect(rim > foot + v.height * 0.7, "rim \(rim) over foot \(foot): a cone of \(v.height) m")
        // The crater: well below the rim all round, its floor flat (the lava's level).
        for a in stride(from: Float(0), to: 6.28, by: 0.4) { #expect(at(0) < at(v.craterRadius, a) - v.height * 0.12) }
        for r in [0, v.craterRadius * 0.3, v.craterRadius * 0.5] {
            for a in stride(from: Float(0), to: 6.28, by: 1.1) { #expect(abs(at(r, a) - v.floor) < 0.01) }
        }
        // Every way round, the flank falls from the rim.
        for a in stride(from: Float(0), to: 6.28, by: 0.5) { #expect(at(v.craterRadius * 1.1, a) > at(v.radius * 0.6, a) + 5) }
    }

    @Test func beyondTheConeTheGroundIsTheWorldsWithoutIt() throws {
        var plain = volcanoRecipe()
        plain.features.removeAll { $0.kind == .volcano }
        let with = WorldMap(recipe: volcanoRecipe()).terrain, without = WorldMap(recipe: plain).terrain
        let v = try #require(with.volcano)
        #expect(without.volcano == nil)
        for k in 0..<40 {
            let a = Float(k) * 0.61, r = v.radius * (1.25 + Float(k % 5) * 0.6)
            let x = v.center.x + kcos(a) * r, z = v.center.y + ksin(a) * r
            #expect(with.height(x, z) == without.height(x, z))
        }
        #expect(with.height(v.center.x, v.center.y) > without.height(v.center.x, v.center.y) + v.height * 0.5)
    }

    @Test func theConesFootMeetsThePlainWithoutAStep() throws {
        var plain = volcanoRecipe()
        plain.features.removeAll { $0.kind == .volcano }
        let with = WorldMap(recipe: volcanoRecipe()).terrain, without = WorldMap(recipe: plain).terrain
        let v = try #require(with.volcano)
        var worst: Float = 0
        for k in 0..<64 {
            let a = Float(k) * 0.0982
            var last: Float?
            for r in stride(from: v.radius * 0.9, through: v.radius * 1.4, by: 0.05) {
                let x = v.center.x + kcos(a) * r, z = v.center.y + ksin(a) * r
                let lift = with.height(x, z) - without.height(x, z)
                if let last { worst = max(worst, abs(lift - last)) }
                last = lift
            }
        }
        // Over 5 cm the cone's own rise (at most about 0.5 m a metre near its foot) changes by
        // a few centimetres; a step where it is cut off would be tens of centimetres.
        #expect(worst < 0.05, "the cone's height jumps by \(worst) m near its foot")
    }

    @Test func beyondAnIslandTheVolcanoStandsAsideAndTheLakeAndVillageKeepOffItsCone() throws {
        for seed in [UInt64(1), 2, 3, 4] {
            let map = WorldMap(recipe: PromptInterpreter.interpret("a volcano by a village with a lake", seed: seed).recipe)
            let v = try #require(map.terrain.volcano)
            let lake = try #require(map.home.lake)
            #expect(length(lake.center - v.center) >= v.radius + lake.radius - 0.01, "seed \(seed)")
            let village = try #require(map.home.villageCenter)
            // At most the cone's last half metre (a hundredth of its height) under the square.
            #expect(v.upness(village.x, village.y) < 0.01, "seed \(seed): the village square is on the cone")
        }
    }

    @Test func theCraterIsPlacedByThePositionAndTheConeBySize() throws {
        var r = volcanoRecipe("a volcano")
        let i = try #require(r.features.firstIndex { $0.kind == .volcano })
        r.features[i].position = (0.5, -0.5)
        r.features[i].size = 1
        let v = try #require(WorldMap(recipe: r).terrain.volcano)
        #expect(v.center == Vec2(0.5, -0.5) * r.size / 2 * 0.8)
        r.features[i].size = 0
        let small = try #require(WorldMap(recipe: r).terrain.volcano)
        #expect(v.height > small.height * 2 && v.radius > small.radius * 1.5)
    }

    @Test func theConeIsAshAndBasaltItsShoreBlackSandAndPlantsStayLow() throws {
        // An island wide enough for woods round the cone's foot.
        var recipe = volcanoRecipe()
        recipe.size = 224
        let scene = WorldGenerator.generate(recipe, options: regionOnly)
        let names = Set(scene.materials.compactMap(\.name))
        #expect(names.isSuperset(of: ["blackSand", "ash", "basalt", "lava", "smoke"]), "\(names)")
        #expect(!names.contains("sand") && !names.contains("rock"), "a volcanic world's sand is black and its rock basalt: \(names)")
        let map = WorldMap(recipe: recipe)
        let v = try #require(map.terrain.volcano)
        var up: [Float] = []
        for g in scene.nodes where g.name == "Vegetation" {
            for c in g.children { if case .trs(let t, _, _) = scene.nodes[c].transform { up.append(v.upness(t.x, t.z)) } }
        }
        #expect(!up.isEmpty, "the island still has plants")
        #expect(up.allSatisfy { $0 < 0.45 }, "plants high on the cone: \(up.filter { $0 >= 0.45 })")
    }

    // MARK: - Lava, smoke and light

    @Test func lavaGlowsInTheCraterAndSmokeRisesOverIt() throws {
        var recipe = volcanoRecipe()
        recipe.timeOfDay = 22.5
        let scene = WorldGenerator.generate(recipe, options: .init())
        let v = try #require(WorldMap(recipe: recipe).terrain.volcano)
        let lava = try #require(scene.materials.first { $0.name == "lava" })
        #expect((lava.emissiveFactor.x + lava.emissiveFactor.y + lava.emissiveFactor.z) > 1 && (lava.emissiveStrength ?? 1) > 1)
        #expect(lava.emissiveTexture != nil)
        let pool = try #require(node(scene, "Lava"))
        let box = worldBounds(scene, pool)
        #expect(box.contains(Vec3(v.center.x, v.floor + 0.4, v.center.y)))
        #expect(box.max.y > v.rimTop - v.height * 0.3 && box.min.y < v.rimTop - v.height * 0.6, "a flow runs from the rim down the flank")
        // The pool lies just over the crater floor; nowhere is the lava under the ground.
        let terrain = WorldMap(recipe: recipe).terrain
        let mesh = try #require(pool.mesh)
        let positions = try #require(scene.meshes[mesh].primitives.first?.attributes["POSITION"])
        var buried = 0, inPool = 0
        for k in 0..<positions.count {
            let p = positions.vec3(k)
            if length(Vec2(p.x, p.z) - v.center) < v.craterRadius * 0.7 { inPool += 1; #expect(abs(p.y - (v.floor + 0.4)) < 0.001) }
            // (The pool's own edge tucks into the crater's wall.)
            if length(Vec2(p.x, p.z) - v.center) > v.craterRadius, p.y < terrain.height(p.x, p.z) + 0.2 { buried += 1 }
        }
        #expect(inPool > 16 && buried == 0, "\(inPool) pool vertices, \(buried) under the ground")

        let plume = try #require(node(scene, "Plume"))
        #expect(plume.role == .weather)
        let smoke = worldBounds(scene, plume)
        #expect(smoke.max.y > v.rimTop + v.height * 0.8, "the plume rises well over the rim: \(smoke.max.y) over \(v.rimTop)")
        #expect(smoke.min.y < v.rimTop && smoke.contains(Vec3(v.center.x, v.rimTop + 2, v.center.y)))
        let material = try #require(scene.materials.first { $0.name == "smoke" })
        #expect(material.alphaMode == .blend && material.baseColorTexture != nil)
        #expect(scene.animations.contains { $0.name == "Plume" })
        // At night the glow lights the crater and the smoke.
        let lit = scene.nodes.filter { ($0.name ?? "").hasPrefix("Lava_") && $0.light != nil }
        #expect(lit.count == 2)
    }

    @Test func byDayTheLavaGlowsWithoutLights() {
        var recipe = volcanoRecipe()
        recipe.timeOfDay = 12.5
        let scene = WorldGenerator.generate(recipe, options: regionOnly)
        #expect(!scene.nodes.contains { ($0.name ?? "").hasPrefix("Lava_") })
        #expect(node(scene, "Lava") != nil && node(scene, "Plume") != nil)
    }

    @Test func aWorldWithoutAVolcanoHasNoneOfItsKindsOrNodes() {
        let recipe = smallRecipe()
        let scene = WorldGenerator.generate(recipe, options: regionOnly)
        let names = Set(scene.materials.compactMap(\.name))
        #expect(names.isDisjoint(with: SurfaceKind.volcanicKinds.map(\.rawValue)))
        #expect(node(scene, "Volcano") == nil)
        #expect(ChunkGenerator.sharedMaterialKinds(recipe).allSatisfy { !SurfaceKind.volcanicKinds.contains($0) })
        #expect(ChunkGenerator.sharedMaterialKinds(volcanoRecipe()).contains(.lava))
    }

    // MARK: - Tiles

    @Test func theTilesOfAVolcanoAreItsHomeRegion() {
        let r = volcanoRecipe()
        // Terrain, vertex for vertex.
        let (region, tiles, missing, differing) = regionAndTiles(r, x: -1...0, z: -1...0)
        #expect(missing == 0, "\(missing) terrain vertices no tile has")
        #expect(differing == 0, "\(differing) terrain vertices differ")
        // The lava and the plume: in exactly one tile, the same as the region's.
        let owners = tiles.filter { node($0, "Lava") != nil }
        #expect(owners.count == 1 && tiles.filter { node($0, "Plume") != nil }.count == 1)
        if let tile = owners.first, let a = node(tile, "Lava"), let b = node(region, "Lava") {
            #expect(worldBounds(tile, a) == worldBounds(region, b))
        }
    }

    // MARK: - The file

    @Test func theVolcanicIslandValidatesWithNoErrors() throws {
        let dir = NSTemporaryDirectory() + "oyster-volcano-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var r = volcanoRecipe("a volcanic island with black sand beaches and a smoking crater at night")
        r.textureResolution = 32
        try r.jsonText.write(toFile: dir + "/r.json", atomically: true, encoding: .utf8)
        let gen = try ToolRun.run(RepoPaths.tool("oyster-generate"), ["--recipe", dir + "/r.json", "-o", dir + "/v.glb", "-q"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let check = try ToolRun.run(RepoPaths.tool("oyster-validate"), ["--format", "json", dir + "/v.glb"])
        let report = try JSONParser.parse(Array(check.stdout.utf8))
        #expect(report["issues"]?["numErrors"]?.intValue == 0, "\(check.stdout.prefix(2000))")
        #expect(check.status == 0)
        let json = try glbJSON(dir + "/v.glb")
        #expect(json["extensionsUsed"]?.arrayValue?.contains(.string("KHR_materials_emissive_strength")) == true)
    }
}
