import OysterCore
import Testing
@testable import OysterGen

/// A small untextured home region of `prompt` (128 m, two 64 m tiles a side).
private func seasonRecipe(_ prompt: String, seed: UInt64 = 3) -> Recipe { smallRecipe(prompt, seed: seed, size: 128) }

/// The leaves of a scene as seen: the mean of each leaves vertex's colour times the leaves
/// material's colour (its texture's mean, else its factor), over every leaves triangle.
private func measuredLeafColour(_ scene: Scene) -> (colour: Vec3, vertices: Int) {
    guard let m = scene.materials.firstIndex(where: { $0.name == "leaves" }) else { return (.zero, 0) }
    var material = Vec3(scene.materials[m].baseColorFactor.x, scene.materials[m].baseColorFactor.y, scene.materials[m].baseColorFactor.z)
    if let t = scene.materials[m].baseColorTexture?.texture, let source = scene.textures[t].source, let px = scene.images[source].pixels {
        var sum = Vec3.zero
        let n = px.width * px.height
        for i in 0..<n {
            sum += Vec3(Float(px.samples8[i * px.channels]), Float(px.samples8[i * px.channels + 1]), Float(px.samples8[i * px.channels + 2])) / 255
        }
        material = sum / Float(n)
    }
    var sum = Vec3.zero, count = 0
    for mesh in scene.meshes {
        for p in mesh.primitives where p.material == m {
            guard let c = p.attributes["COLOR_0"] else { continue }
            for i in 0..<c.count { let v = c.vec4(i); sum += Vec3(v.x, v.y, v.z) }
            count += c.count
        }
    }
    return (count == 0 ? .zero : sum / Float(count) * material, count)
}

/// Triangles of a material over every mesh (each mesh once, however often it is placed).
private func triangles(_ scene: Scene, material name: String) -> Int {
    guard let m = scene.materials.firstIndex(where: { $0.name == name }) else { return 0 }
    return scene.meshes.flatMap(\.primitives).filter { $0.material == m }.reduce(0) { $0 + ($1.indices?.count ?? 0) / 3 }
}

/// Every placed plant, building and prop: "name @ x,y,z" → the materials of its mesh with
/// each one's triangle count and mean vertex colour, so two scenes agree only if the same thing
/// stands in the same place dressed the same way.
private func dressedObjects(_ scene: Scene) -> [String: String] {
    var out: [String: String] = [:]
    func look(_ node: Node) -> String {
        guard let mesh = node.mesh else { return "" }
        return scene.meshes[mesh].primitives.map { p in
            let name = p.material.map { scene.materials[$0].name ?? "" } ?? ""
            // Over triangle corners, so how a writer shares vertices does not count.
            let corners = p.indices?.uints() ?? []
            var mean = Vec4.zero
            if let c = p.attributes["COLOR_0"], !corners.isEmpty { for i in corners { mean += c.vec4(Int(i)) }; mean /= Float(corners.count) }
            return "\(name) \(corners.count / 3) \((mean * 1000).rounded(.toNearestOrEven))"
        }.joined(separator: "; ")
    }
    for g in scene.nodes where ["Vegetation", "Buildings", "Village"].contains(g.name ?? "") {
        for c in g.children {
            let n = scene.nodes[c]
            guard case .trs(let t, _, _) = n.transform else { continue }
            // Parts with meshes only: lights hung on a house differ with the hour, not the season.
            let parts = [look(n)] + n.children.map { look(scene.nodes[$0]) }
            out["\(n.name ?? "") @ \(t.x),\(t.y),\(t.z)"] = parts.filter { !$0.isEmpty }.joined(separator: " | ")
        }
    }
    return out
}

/// Terrain vertex colours keyed by (material, x, z): a vertex's colour depends on the
/// primitive (ground kind) it is written in.
private func groundColours(_ scene: Scene) -> [String: Vec4] {
    var out: [String: Vec4] = [:]
    guard let mesh = scene.nodes.first(where: { $0.name == "Terrain" })?.mesh else { return out }
    for p in scene.meshes[mesh].primitives {
        guard let pos = p.attributes["POSITION"], let col = p.attributes["COLOR_0"], let m = p.material else { continue }
        for i in 0..<pos.count {
            let v = pos.vec3(i)
            out["\(scene.materials[m].name ?? "") \(v.x),\(v.z)"] = col.vec4(i)
        }
    }
    return out
}

@Suite struct SeasonTests {
    // MARK: - Recipe

    @Test func theSeasonRoundTripsThroughJSONAndSummerIsNotWritten() throws {
        for season in Season.allCases {
            var r = Recipe()
            r.season = season
            let back = try Recipe.parse(Array(r.jsonText.utf8))
            #expect(back == r && back.season == season)
            #expect(r.jsonText.contains("\"season\"") == (season != .summer), "\(season)")
        }
        // Summer is what a recipe without a season always was: the same recipe, the same JSON.
        let explicit = try Recipe.parse(Array(#"{"season": "summer"}"#.utf8))
        #expect(explicit == Recipe() && explicit.jsonText == Recipe().jsonText)
    }

    @Test func aBadSeasonIsAnErrorNamingTheChoices() {
        for bad in [#"{"season": "fall"}"#, #"{"season": 3}"#, #"{"season": "Winter"}"#] {
            do {
                _ = try Recipe.parse(Array(bad.utf8))
                Issue.record("\(bad) was accepted")
            } catch {
                let text = "\(error)"
                #expect(text.contains("season") && text.contains("spring, summer, autumn, winter"), "\(text)")
            }
        }
    }

    // MARK: - Prompts

    @Test func promptWordsChooseTheSeason() {
        let cases: [(String, Season)] = [
            ("an autumn forest", .autumn), ("a village in winter", .winter), ("cherry blossom valley", .spring),
            ("a forest in the fall", .autumn), ("golden leaves over a lake", .autumn), ("a wintry hamlet", .winter),
            ("a village in springtime", .spring), ("a lake in midsummer", .summer), ("a village", .summer),
            ("a waterfall in a forest", .summer), ("harvest time on the farm", .autumn),
        ]
        for (prompt, season) in cases {
            #expect(PromptInterpreter.interpret(prompt).recipe.season == season, "\(prompt)")
        }
        // "Golden leaves" is autumn, not the golden hour; "cherry blossom" is read as one phrase.
        #expect(PromptInterpreter.interpret("golden leaves over a lake").recipe.timeOfDay == Recipe().timeOfDay)
        let cherry = PromptInterpreter.interpret("cherry blossom valley")
        #expect(cherry.readings.first?.text == "cherry blossom" && cherry.readings.first?.concept == "spring", "\(cherry.readings)")
        #expect(cherry.unusedWords.isEmpty)
        // Winter is a season, not the mountains: a temperate village with snow on it.
        let winter = PromptInterpreter.interpret("a village in winter").recipe
        #expect(winter.biome == .temperate && winter.has(.village))
        // A waterfall is still a waterfall.
        #expect(PromptInterpreter.interpret("a waterfall in a forest").recipe.has(.waterfall))
    }

    // MARK: - Trees

    @Test func autumnTurnsEachBroadleafCrownItsOwnWarmColour() {
        let summer = Vegetation.tree(TreeParams(species: .broadleaf), seed: 9)
        let autumnLeaves = Palette.albedo(.leaves, .temperate, .autumn)
        for hue in AutumnHue.allCases {
            let tree = Vegetation.tree(TreeParams(species: .broadleaf, foliage: .turned(hue)), seed: 9)
            let leaves = tree.parts[0].mesh.groups[.leaves]!
            let mean = leaves.colors.reduce(Vec4.zero, +) / Float(leaves.colors.count)
            let seen = Vec3(mean.x, mean.y, mean.z) * autumnLeaves
            #expect(seen.x > seen.y * 1.2 && seen.y > seen.z, "\(hue): \(seen)")
            // The same tree: branches and clumps where summer has them.
            #expect(tree.parts[0].mesh.groups[.bark]!.positions == summer.parts[0].mesh.groups[.bark]!.positions)
            #expect(leaves.positions == summer.parts[0].mesh.groups[.leaves]!.positions)
        }
        #expect(AutumnHue.allCases.map { Season.autumn.foliage(.oak, bits: UInt64($0.rawValue.count) << 50) }.count == 4)
    }

    @Test func winterLeavesBroadleafTreesBareAndSnowOnConifers() {
        for species in [TreeSpecies.broadleaf, .birch] {
            let summer = Vegetation.tree(TreeParams(species: species), seed: 4), winter = Vegetation.tree(TreeParams(species: species, foliage: .winter), seed: 4)
            #expect(summer.parts[0].mesh.groups[.leaves] != nil)
            #expect(winter.parts[0].mesh.groups[.leaves] == nil, "\(species) keeps leaves in winter")
            // Bare, not gone: the same trunk and branches.
            let bark: SurfaceKind = species == .birch ? .birchBark : .bark
            #expect(winter.parts[0].mesh.groups[bark]!.positions == summer.parts[0].mesh.groups[bark]!.positions)
            #expect(winter.triangleCount < summer.triangleCount / 2)
        }
        let pine = Vegetation.tree(TreeParams(species: .conifer, foliage: .winter), seed: 4)
        #expect(pine.parts[0].mesh.groups[.snow] != nil && pine.parts[0].mesh.groups[.needles] != nil)
        #expect(Vegetation.tree(TreeParams(species: .conifer), seed: 4).parts[0].mesh.groups[.snow] == nil)
    }

    @Test func springPutsBlossomOnSomeOaksOnly() {
        let bits = (0..<400).map { SplitMix64.mix(UInt64($0)) }
        let oaks = bits.map { Season.spring.foliage(.oak, bits: $0) }
        let blossoming = oaks.filter { if case .blossom = $0 { return true } else { return false } }.count
        #expect(blossoming > 100 && blossoming < 220, "\(blossoming) of 400 oaks in blossom")
        #expect(bits.allSatisfy { Season.spring.foliage(.pine, bits: $0) == .leaves })
        let tree = Vegetation.tree(TreeParams(species: .broadleaf, foliage: .blossom(white: false)), seed: 2)
        let petals = tree.parts[0].mesh.groups[.blossom]!
        let mean = petals.colors.reduce(Vec4.zero, +) / Float(petals.colors.count)
        let seen = Vec3(mean.x, mean.y, mean.z) * Palette.albedo(.blossom, .temperate, .spring)
        #expect(seen.x > 0.85 && seen.y < seen.x * 0.8, "pink: \(seen)")
        // Fresh spring green is lighter than summer's.
        #expect(Palette.albedo(.leaves, .temperate, .spring).y > Palette.albedo(.leaves, .temperate, .summer).y)
    }

    // MARK: - Worlds

    @Test func aWorldsLeavesTakeTheSeasonsColourAndWinterStripsThem() {
        var leaves: [Season: (colour: Vec3, vertices: Int)] = [:], counts: [Season: Int] = [:]
        var snowAndIce: [Season: (Int, Bool)] = [:]
        for season in Season.allCases {
            var r = smallRecipe("an oak forest by a lake with a village", seed: 2)
            r.season = season
            let scene = WorldGenerator.generate(r, options: { var o = WorldGenerator.Options(); o.horizon = false; return o }())
            leaves[season] = measuredLeafColour(scene)
            counts[season] = triangles(scene, material: "leaves")
            snowAndIce[season] = (triangles(scene, material: "snow"), scene.nodes.contains { $0.role == .ice })
        }
        let summer = leaves[.summer]!.colour, autumn = leaves[.autumn]!.colour, spring = leaves[.spring]!.colour
        #expect(summer.y > summer.x, "summer leaves are green: \(summer)")
        #expect(autumn.x > autumn.y * 1.15, "autumn leaves are more red than green: \(autumn)")
        #expect(spring.y > summer.y && spring.y > spring.x, "spring leaves are a lighter green: \(spring) vs \(summer)")
        #expect(counts[.summer]! > 0 && counts[.winter]! < counts[.summer]! / 4, "leaf triangles: \(counts)")
        // Winter: snow on the ground, the roofs and the pines; the lake frozen.
        #expect(snowAndIce[.winter]!.0 > snowAndIce[.summer]!.0 * 4 + 100, "snow triangles: \(snowAndIce)")
        #expect(snowAndIce[.winter]!.1 && !snowAndIce[.summer]!.1, "ice: \(snowAndIce)")
    }

    @Test func winterLaysSnowOnTheRoofs() {
        var r = smallRecipe("a village", seed: 3)
        r.season = .winter
        let house = Structure.house.build(7, r)
        #expect(house.dressed(for: .winter).flatParts.contains { $0.part.mesh.groups[.snow] != nil })
        #expect(!house.dressed(for: .winter).flatParts.contains { p in KitModel.roofKinds.contains { p.part.mesh.groups[$0] != nil } })
        #expect(house.dressed(for: .autumn) == house)
    }

    @Test(arguments: ["a village in autumn", "a village in winter", "cherry blossom village"])
    func theTilesOfASeasonAreItsHomeRegion(_ prompt: String) {
        let r = seasonRecipe(prompt)
        #expect(r.season != .summer)
        let region = WorldGenerator.generate(r, options: regionOnly)
        let stream = ChunkGenerator.Stream(r, size: 64)
        var tiles: [Scene] = []
        for z in -1...0 { for x in -1...0 { tiles.append(stream.tile(x: x, z: z)) } }
        // The ground's colours, vertex for vertex, in each ground kind.
        let regionGround = groundColours(region)
        var tileGround: [String: Vec4] = [:]
        for t in tiles { tileGround.merge(groundColours(t)) { a, b in a == b ? a : Vec4(-1, -1, -1, -1) } }
        let differing = regionGround.filter { tileGround[$0.key] != $0.value }.count
        #expect(!regionGround.isEmpty && differing == 0, "\(differing) of \(regionGround.count) ground colours differ")
        // Every tree, house and prop in exactly one tile, dressed as at home.
        let home = dressedObjects(region)
        var tiled: [String: String] = [:]
        var twice = 0
        for t in tiles { for (k, v) in dressedObjects(t) { if tiled.updateValue(v, forKey: k) != nil { twice += 1 } } }
        #expect(twice == 0)
        #expect(home.count > 20)
        let unlike = home.filter { tiled[$0.key] != $0.value }
        #expect(unlike.isEmpty, "\(unlike.count) objects differ from home: \(unlike.keys.sorted().prefix(5))")
        // And they are the season's: the tiles use its surfaces.
        let kinds = Set(tiles.flatMap { $0.materials.compactMap(\.name) })
        switch r.season {
        case .winter: #expect(kinds.contains("snow"))
        case .spring: #expect(kinds.contains("blossom"))
        default: break
        }
    }
}
