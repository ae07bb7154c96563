import OysterCore
import OysterGLTF
import Testing
@testable import OysterGen

/// A 160 m home region round a town, low detail, untextured: a whole town in 64 m tiles.
private func townRecipe(_ prompt: String = "a town", seed: UInt64 = 3) -> Recipe { smallRecipe(prompt, seed: seed, size: 192) }

/// The footprints of a terrace site's houses on the ground (world XZ).
private func footprints(_ s: Site) -> [Footprint] {
    guard let t = s.lot?.terrace else { return [] }
    let facing = Vec2(ksin(s.yaw), kcos(s.yaw))
    let x = Vec2(facing.y, -facing.x)
    return t.houses.map { h in
        let a = s.position + x * h.x0 + facing * (t.depth / 2), b = s.position + x * h.x1 + facing * (t.depth / 2)
        return Footprint(a: a, b: b, inward: -facing, depth: t.depth)
    }
}

@Suite struct TownTests {
    // MARK: - Words

    @Test(arguments: ["a town", "a city", "a market town", "a castle town", "a harbour town", "cobbled streets", "a port town by the sea"])
    func townWordsAskForATown(_ prompt: String) {
        let r = PromptInterpreter.interpret(prompt).recipe
        #expect(r.has(.town), "\(prompt)")
        #expect(!r.has(.village), "\(prompt): the town is the settlement")
    }

    @Test func aCityIsABigTownACastleTownIsWalledAHarbourTownHasAPier() {
        #expect((PromptInterpreter.interpret("a city").recipe.feature(.town)?.size ?? 0) > 0.9)
        #expect(PromptInterpreter.interpret("a small town").recipe.feature(.town)?.size == 0.3)
        #expect(PromptInterpreter.interpret("a castle town").recipe.has(.castle))
        let harbour = PromptInterpreter.interpret("a harbour town").recipe
        #expect(harbour.has(.pier) && harbour.has(.sea))
        #expect(!PromptInterpreter.interpret("a village by a lake").recipe.has(.town))
    }

    @Test func aTownRecipeReadsAndWritesItsFeature() throws {
        let r = try Recipe.parse(Array(#"{"features": [{"kind": "town", "size": 1}, {"kind": "castle"}]}"#.utf8))
        #expect(r.feature(.town)?.size == 1)
        #expect(try Recipe.parse(Array(r.jsonText.utf8)) == r)
        #expect(throws: RecipeError.self) { try Recipe.parse(Array(#"{"features": [{"kind": "towns"}]}"#.utf8)) }
    }

    // MARK: - Plan

    @Test func theTownHasASquareAChurchStreetsAndRowsOfHouses() throws {
        let map = WorldMap(recipe: townRecipe())
        let home = map.home
        let town = try #require(home.town)
        #expect(home.sites.filter { $0.kind == .townSquare }.count == 1)
        #expect(home.sites.filter { $0.kind == .church }.count == 1)
        #expect(home.sites.contains { $0.kind == .house } == false)
        let rows = home.sites.filter { $0.kind == .terrace }
        #expect(rows.count >= 8)
        let houses = rows.flatMap { $0.lot?.terrace?.houses ?? [] }
        #expect(houses.count >= 30)
        #expect(houses.contains { $0.shop })
        #expect(town.streets.count >= 4)
    }

    @Test(arguments: [UInt64(3), 7, 11])
    func noHouseStandsOnAStreetOrOnAnotherHouse(_ seed: UInt64) throws {
        let map = WorldMap(recipe: townRecipe(seed: seed))
        let home = map.home
        let town = try #require(home.town)
        let streets = SegmentIndex(home.roads, radius: 10)
        let all = home.sites.filter { $0.kind == .terrace }.flatMap(footprints)
        #expect(!all.isEmpty)
        for (i, f) in all.enumerated() {
            for p in f.samples {
                if let r = streets.nearest(p.x, p.y) { #expect(r.distance > LocalFeatures.roadHalfWidth + 1, "a house on a street (or its pavement) at \(p)") }
            }
            #expect(!f.overlaps(town.squareFootprint), "a house on the square")
            for g in all[(i + 1)...] { #expect(!f.overlaps(g), "two houses overlap at \(f.centre)") }
        }
    }

    /// A town's people stand on its square round the fountain, clear of its props; its walkers
    /// take the streets (the fountain is too wide for the well's loop).
    @Test func aTownsPeopleGatherOnItsSquare() throws {
        let r = townRecipe("a busy town with two guards")
        let map = WorldMap(recipe: r)
        let builder = RegionBuilder(map: map, region: .home(r))
        let (square, lot) = try #require(builder.townSquare)
        let items = builder.townSquareItems(square, lot)
        let fountain = try #require(items.first { $0.label == "Fountain" })
        let plan = Inhabitants(builder)
        #expect(plan.people.count == r.placedPeople.reduce(0) { $0 + $1.count })
        var standing = 0
        for person in plan.people {
            switch person.doing {
            case .stand(let at, _, _, _):
                standing += 1
                let d = at - square.position
                #expect(abs(dot(d, lot.axis)) < lot.half.x && abs(dot(d, Vec2(-lot.axis.y, lot.axis.x))) < lot.half.y, "\(person.name) off the square")
                // Merchants keep the stalls, behind their counters; the rest stand clear.
                for item in items where !(person.role == .merchant && item.label == "MarketStall") {
                    #expect(length(at - item.at) > item.clearance - 1e-3, "\(person.name) in the \(item.label)")
                }
                if person.role == .merchant { #expect(items.contains { $0.label == "MarketStall" && length(at - $0.at) < 0.5 }, "\(person.name) keeps a stall") }
                #expect(person.role == .merchant || length(at - fountain.at) < 14, "\(person.name) round the fountain")
            case .loop: Issue.record("\(person.name) loops round the fountain")
            case .stroll: break
            }
        }
        #expect(standing >= 8)
    }

    @Test func theStreetsLieOnTheGround() throws {
        let r = townRecipe()
        let map = WorldMap(recipe: r)
        let home = map.home
        let town = try #require(home.town)
        let features = map.features(minX: -r.size / 2, minZ: -r.size / 2, maxX: r.size / 2, maxZ: r.size / 2)
        var checked = 0
        for line in home.roads {
            for (p, v) in zip(line.points, line.values) where length(p - town.centre) < town.extent {
                // Away from the river's cut, the ground under a street's centre is its surface.
                if let riv = features.riverIndex.nearest(p.x, p.y), riv.distance < LocalFeatures.riverBank { continue }
                #expect(abs(features.height(p.x, p.y) - (v - 0.08)) < 0.02, "street off the ground at \(p)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func aCastleTownIsWalledWithGatesWhereTheStreetsLeave() throws {
        let map = WorldMap(recipe: townRecipe("a castle town"))
        let home = map.home
        let walls = home.sites.filter { $0.kind == .townWall }
        #expect(walls.filter { $0.lot?.gate == true }.count >= 2)
        #expect(walls.filter { $0.lot?.gate == false }.count >= 6)
        #expect(home.sites.filter { $0.name.hasPrefix("WallTower_") }.count == 8)
        // The castle itself stands outside the town.
        let town = try #require(home.town)
        if let castle = home.sites.first(where: { $0.kind == .castle }) { #expect(length(castle.position - town.centre) > town.extent) }
    }

    @Test func aStreetCrossingTheRiverHasABridge() throws {
        // Seeds whose river runs through the town: every crossing of a street and the river has one.
        var bridged = 0
        for seed: UInt64 in 1...6 {
            let map = WorldMap(recipe: townRecipe("a town on a river", seed: seed))
            let home = map.home
            guard let river = home.rivers.first else { continue }
            let bridges = home.sites.filter { $0.kind == .bridge }
            bridged += bridges.count
            for b in bridges {
                #expect(river.points.contains { length($0 - b.position) < 12 }, "a bridge away from the river")
            }
        }
        #expect(bridged > 0)
    }

    @Test func aHarbourTownsStreetsRunDownToQuays() {
        var quays = 0
        for seed: UInt64 in 1...4 {
            let map = WorldMap(recipe: townRecipe("a harbour town by the sea", seed: seed))
            let home = map.home
            let features = map.features(minX: -96, minZ: -96, maxX: 96, maxZ: 96)
            for q in home.sites where q.kind == .quay {
                quays += 1
                // Its far edge stands in the sea, its near edge at the street's level.
                let out = q.position + Vec2(ksin(q.yaw), kcos(q.yaw)) * 5
                #expect(features.waterLevel(out.x, out.y) != nil, "a quay on dry land at \(q.position)")
                #expect(abs((q.lot?.baseY ?? 0) - features.height(q.position.x, q.position.y)) < 0.6)
            }
        }
        #expect(quays > 0)
    }

    // MARK: - Regions and tiles

    @Test func aTownIsTheSameBytesEveryTime() {
        let writer = GLTFWriter()
        let r = townRecipe()
        #expect(writer.encodeGLB(WorldGenerator.generate(r, options: regionOnly)) == writer.encodeGLB(WorldGenerator.generate(r, options: regionOnly)))
    }

    @Test(arguments: ["a town", "a castle town on a river", "a modern town on a river"])
    func theTilesOfATownAreItsHomeRegion(_ prompt: String) {
        let r = townRecipe(prompt)
        // Terrain, vertex for vertex.
        let (region, tiles, missing, differing) = regionAndTiles(r, x: -2...1, z: -2...1)
        #expect(missing == 0, "\(missing) terrain vertices no tile has")
        #expect(differing == 0, "\(differing) terrain vertices differ")
        // Buildings and props, each in exactly one tile, where the region has them.
        let regionObjects = placed(region)
        let tileObjects = tiles.flatMap { placed($0) }
        #expect(regionObjects.contains { $0.hasPrefix("Terrace_001 @") })
        #expect(regionObjects.contains { $0.hasPrefix("Fountain_01 @") })
        #expect(tileObjects.count == Set(tileObjects).count, "an object appears in two tiles")
        #expect(Set(tileObjects).isSuperset(of: regionObjects))
    }

    // MARK: - Modern

    @Test func modernWordsAskForAModernTown() {
        for prompt in ["a modern city", "a contemporary town", "a modern town by a river"] {
            let r = PromptInterpreter.interpret(prompt).recipe
            #expect(r.has(.town) && r.style == .modern, "\(prompt)")
        }
    }

    /// A modern town: blocks of flats and offices (4–10 storeys) on every lot, streets of
    /// asphalt with markings, kerbs, parked cars and street lights, a park for a square with
    /// its fountain and trees, and no church or walls (even with a castle).
    @Test(arguments: [UInt64(3), 7])
    func aModernTownHasBlocksStreetsCarsLightsAndAPark(_ seed: UInt64) throws {
        let r = townRecipe("a modern city with a castle", seed: seed)
        let map = WorldMap(recipe: r)
        let home = map.home
        let town = try #require(home.town)
        #expect(town.modern && !town.walled)
        #expect(!home.sites.contains { $0.kind == .church || $0.kind == .townWall })
        let rows = home.sites.compactMap { $0.kind == .terrace ? $0.lot?.terrace : nil }
        #expect(rows.count >= 6)
        #expect(rows.allSatisfy { $0.style == .modern && !$0.lamps })
        let blocks = rows.flatMap { $0.houses.compactMap(\.modern) }
        #expect(blocks.count == rows.reduce(0) { $0 + $1.houses.count }, "every lot a block")
        #expect(blocks.contains { $0.kind == .apartments } && blocks.contains { $0.kind == .offices })
        #expect(blocks.allSatisfy { (4...10).contains($0.floors) })
        let streets = home.sites.compactMap { $0.kind == .townStreet ? $0.lot?.street : nil }
        #expect(streets.count >= 10)
        #expect(streets.reduce(0) { $0 + $1.cars.count } >= 10)
        #expect(streets.reduce(0) { $0 + $1.lamps.count } >= 8)
        #expect(streets.contains { $0.dashes.contains(true) } && streets.contains { $0.kerbs.contains { $0.contains(true) } })
        // Where streets cross, one street's asphalt runs through and the other's dashes stop.
        #expect(streets.contains { $0.asphalt.contains(false) } && streets.contains { $0.dashes.contains(false) })
        // Cars stand in the parking lanes, clear of every house.
        let fronts = home.sites.filter { $0.kind == .terrace }.flatMap(footprints)
        for site in home.sites where site.kind == .townStreet {
            for car in site.lot?.street?.cars ?? [] {
                let p = site.position + Vec2(car.position.x, car.position.z)
                for f in fronts { #expect(!f.overlaps(Footprint(a: p - Vec2(1, 1), b: p + Vec2(1, -1), inward: Vec2(0, 1), depth: 2)), "a car in a house at \(p)") }
            }
        }
        // The square is a park: fountain, paths, trees, benches and street lights; no stalls.
        let builder = RegionBuilder(map: map, region: .home(r))
        let (square, lot) = try #require(builder.townSquare)
        #expect(lot.modern)
        let items = builder.townSquareItems(square, lot).map(\.label)
        for label in ["Fountain", "ParkPaths", "ParkTree", "Bench", "StreetLight"] { #expect(items.contains(label), "\(label)") }
        #expect(!items.contains("MarketStall"))
        #expect(builder.townPaving((square, lot), square.position.x, square.position.y, roadD: 20) == 0, "the park is grass")
    }

    /// The modern kits: a block of flats has a window grid and balconies, an office block is
    /// glass; their windows glow; a street stretch has asphalt, markings, kerbs, its cars and
    /// its lights' lanterns; a car is lean.
    @Test func theModernKitsAreBuiltAndLean() {
        let flats = TerraceParams(houses: [TerraceHouse(x0: -18, x1: -2, shop: true, modern: ModernBlock(kind: .apartments, floors: 6)),
                                           TerraceHouse(x0: 1, x1: 18, baseY: 0.5, modern: ModernBlock(kind: .offices, floors: 8))], depth: 10, footY: -1, lamps: false)
        var p = flats
        p.style = .modern
        let row = Buildings.terrace(p, seed: 4)
        #expect(row.parts.count == 1)
        #expect(row.lightAnchors.filter { $0.kind == .windowGlow }.count == 2)
        let kinds = row.parts[0].mesh.kinds
        #expect(kinds.contains(.glass) && kinds.contains(.metal) && kinds.contains(.slate))
        #expect(row.footprint.max.y > 0.5 + 4 + 7 * 3.6, "the office block rises eight storeys")
        #expect(row.triangleCount < 6_000, "\(row.triangleCount)")
        let street = Buildings.street(.sample(), seed: 2)
        #expect(street.lightAnchors.filter { $0.kind == .lantern }.count == 1)
        #expect(Set(street.parts[0].mesh.kinds).isSuperset(of: [.gravel, .plaster, .stoneWall, .metal, .glass]))
        #expect(street.triangleCount < 2_000, "\(street.triangleCount)")
        let car = Props.car(paint: 3, seed: 1)
        #expect(car.triangleCount < 400, "\(car.triangleCount)")
        #expect(car.footprint.max.y < 1.6 && car.footprint.max.x < 2.4)
        // Bad input is clamped, never a crash.
        var odd = StreetSection.sample()
        odd.heights[3] = [.nan]
        odd.asphalt = []
        _ = Buildings.street(odd, seed: 1)
    }

    @Test func aModernTownIsTheSameBytesEveryTime() {
        let writer = GLTFWriter()
        let r = townRecipe("a modern town")
        #expect(writer.encodeGLB(WorldGenerator.generate(r, options: regionOnly)) == writer.encodeGLB(WorldGenerator.generate(r, options: regionOnly)))
    }

    /// A modern city's home region at the default size, as generated: no more triangles or
    /// draw calls than the default valley's (the world round them is the same; the export
    /// bar's budget is the default world's).
    @Test func aModernCityStaysWithinTheDefaultWorldsBudget() {
        func stats(_ prompt: String) -> SceneStatistics {
            var r = prompt.isEmpty ? Recipe() : PromptInterpreter.interpret(prompt, seed: 1).recipe
            r.seed = 1
            r.textureResolution = 16
            return WorldGenerator.generate(r, options: regionOnly).statistics
        }
        let valley = stats(""), city = stats("a modern city")
        #expect(city.triangles <= valley.triangles, "\(city.triangles) triangles, the valley \(valley.triangles)")
        #expect(city.drawCalls <= valley.drawCalls, "\(city.drawCalls) draw calls, the valley \(valley.drawCalls)")
    }

    // MARK: - Kit

    @Test func aTerraceSharesItsPartyWallsAndLightsItsLamps() {
        let p = TerraceParams(houses: [TerraceHouse(x0: -9, x1: -3), TerraceHouse(x0: -3, x1: 3, baseY: 0.8, shop: true), TerraceHouse(x0: 3, x1: 9, baseY: 1.4)],
                              depth: 9, footY: -1)
        let kit = Buildings.terrace(p, seed: 5)
        #expect(kit.parts.count == 1)
        #expect(kit.lightAnchors.filter { $0.kind == .lantern }.count == 2)
        #expect(kit.lightAnchors.filter { $0.kind == .windowGlow }.count == 3)
        let box = kit.footprint
        #expect(box.min.x > -9.6 && box.max.x < 9.6, "roofs stop at the row's ends")
        #expect(box.min.y <= -1)
        #expect(kit.parts[0].mesh.kinds.contains(.glass) && kit.parts[0].mesh.kinds.contains(.cloth))
        // Bad input is clamped, never a crash.
        let odd = Buildings.terrace(TerraceParams(houses: [TerraceHouse(x0: 0, x1: .nan), TerraceHouse(x0: 0, x1: 1e9)], depth: .infinity, footY: .nan), seed: 1)
        #expect(odd.triangleCount == 0)
    }
}

/// "name @ x,y,z" for every building and prop.
private func placed(_ scene: Scene) -> [String] {
    var out: [String] = []
    for g in scene.nodes where ["Buildings", "Village"].contains(g.name ?? "") {
        for c in g.children {
            let n = scene.nodes[c]
            if case .trs(let t, _, _) = n.transform { out.append("\(n.name ?? "") @ \(t.x),\(t.y),\(t.z)") }
        }
    }
    return out
}
