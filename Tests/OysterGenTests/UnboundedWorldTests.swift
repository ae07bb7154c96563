import Foundation
import OysterCore
import OysterGLTF
import OysterTestSupport
import Testing
@testable import OysterGen

/// A 128 m home region (two 64 m tiles a side), low detail, untextured: fast enough to compare
/// a whole region with its tiles.
private func worldRecipe(_ prompt: String = "", seed: UInt64 = 3) -> Recipe {
    var r = smallRecipe(prompt, seed: seed)
    r.size = 128
    return r
}

/// The home region of `r` (`regionOnly`) and its 64 m tiles over `xs` × `zs`, and how many
/// of the region's terrain vertices the tiles lack and how many they place differently.
func regionAndTiles(_ r: Recipe, x xs: ClosedRange<Int>, z zs: ClosedRange<Int>) -> (region: Scene, tiles: [Scene], missing: Int, differing: Int) {
    let region = WorldGenerator.generate(r, options: regionOnly)
    let stream = ChunkGenerator.Stream(r, size: 64)
    let tiles = zs.flatMap { z in xs.map { x in stream.tile(x: x, z: z) } }
    let regionGround = terrainVertices(region)
    var tileGround: [SIMD2<Float>: [Float]] = [:]
    for t in tiles { tileGround.merge(terrainVertices(t)) { a, b in a == b ? a : [.nan] } }
    let missing = regionGround.keys.filter { tileGround[$0] == nil }.count
    let differing = regionGround.filter { tileGround[$0.key] != $0.value }.count
    return (region, tiles, missing, differing)
}

/// Terrain vertices keyed by (x, z): height, normal, UV.
func terrainVertices(_ scene: Scene) -> [SIMD2<Float>: [Float]] {
    var out: [SIMD2<Float>: [Float]] = [:]
    guard let mesh = scene.nodes.first(where: { $0.name == "Terrain" })?.mesh else { return out }
    for p in scene.meshes[mesh].primitives {
        guard let pos = p.attributes["POSITION"], let nor = p.attributes["NORMAL"], let uv = p.attributes["TEXCOORD_0"] else { continue }
        for i in 0..<pos.count {
            let v = pos.vec3(i), n = nor.vec3(i), t = uv.vec2(i)
            out[SIMD2(v.x, v.z)] = [v.y, n.x, n.y, n.z, t.x, t.y]
        }
    }
    return out
}

/// "name @ x,y,z" for every node under the object groups (trees, rocks, buildings, props).
private func placedObjects(_ scene: Scene) -> Set<String> {
    let groups = Set(["Vegetation", "Rocks", "Buildings", "Village"])
    var out = Set<String>()
    for g in scene.nodes where groups.contains(g.name ?? "") {
        for c in g.children {
            let n = scene.nodes[c]
            if case .trs(let t, _, _) = n.transform { out.insert("\(n.name ?? "") @ \(t.x),\(t.y),\(t.z)") }
        }
    }
    return out
}

/// Every person and animal of a scene by name: where each of its joints is (world space, to
/// 0.1 mm) at a few times under every animation that moves it, so two scenes agree only if the
/// same body does the same thing in the same place.
private func inhabitants(_ scene: Scene) -> [String: [SIMD3<Float>]] {
    var out: [String: [SIMD3<Float>]] = [:]
    for (i, node) in scene.nodes.enumerated() where node.role == .character {
        guard let body = node.children.first(where: { scene.nodes[$0].skin != nil }), let skin = scene.nodes[body].skin else { continue }
        let joints = scene.skins[skin].joints
        let moving = Set(joints + node.children)
        var where_: [SIMD3<Float>] = []
        for animation in scene.animations.indices.sorted(by: { scene.animations[$0].name ?? "" < scene.animations[$1].name ?? "" })
        where scene.animations[animation].channels.contains(where: { $0.node.map(moving.contains) ?? false }) {
            for t in [Float(0), 0.7, 2.3] {
                let m = scene.pose(at: t, animation: animation).worldMatrices
                where_ += joints.map { j in (SIMD3(m[j].m[12], m[j].m[13], m[j].m[14]) * 10_000).rounded(.toNearestOrEven) / 10_000 }
            }
        }
        out[node.name ?? "\(i)"] = where_
    }
    return out
}

@Suite struct UnboundedWorldTests {
    @Test func theTilesOfTheHomeRegionAreTheRegionVertexForVertex() throws {
        let r = worldRecipe()
        let region = terrainVertices(WorldGenerator.generate(r, options: regionOnly))
        let stream = ChunkGenerator.Stream(r, size: 64)
        var tiles: [SIMD2<Float>: [Float]] = [:]
        for z in -1...0 { for x in -1...0 { tiles.merge(terrainVertices(stream.tile(x: x, z: z))) { a, b in a == b ? a : [.nan] } } }
        #expect(region.count == 65 * 65)
        #expect(Set(region.keys) == Set(tiles.keys))
        var differing = 0
        for (k, v) in region where tiles[k] != v { differing += 1 }
        #expect(differing == 0, "\(differing) vertices differ between the region and its tiles")
    }

    @Test func theTilesHoldTheRegionsObjectsEachOnce() {
        let r = worldRecipe()
        let region = placedObjects(WorldGenerator.generate(r, options: regionOnly))
        let stream = ChunkGenerator.Stream(r, size: 64)
        var tiles: [String] = []
        for z in -1...0 { for x in -1...0 { tiles += placedObjects(stream.tile(x: x, z: z)) } }
        #expect(region.count > 50)
        #expect(region.contains { $0.hasPrefix("House_01 @") })
        #expect(tiles.count == Set(tiles).count, "an object appears in two tiles")
        #expect(Set(tiles) == region)
    }

    @Test func theTilesHoldTheRegionsPeopleAndAnimalsEachOnceDoingTheSame() throws {
        let r = worldRecipe("a busy village with two guards, a herd of sheep, a dog and pigeons by a lake with fish")
        let region = inhabitants(WorldGenerator.generate(r, options: regionOnly))
        let stream = ChunkGenerator.Stream(r, size: 64)
        var tiles: [String: [SIMD3<Float>]] = [:]
        var perTile: [Int] = []
        for z in -2...1 {
            for x in -2...1 {
                let found = inhabitants(stream.tile(x: x, z: z))
                perTile.append(found.count)
                tiles.merge(found) { _, _ in Issue.record("someone appears in two tiles"); return [] }
            }
        }
        let asked = r.placedPeople.reduce(0) { $0 + $1.count } + r.placedAnimals.reduce(0) { $0 + $1.count } + r.placedBirds.reduce(0) { $0 + $1.count }
        // Fish only where the lake is deep enough; birds and everyone else always.
        #expect(region.count >= asked && region.keys.contains("Pigeon_01"), "\(region.count) of \(asked) asked")
        #expect(perTile.filter { $0 > 0 }.count >= 2, "people and herds spread over several tiles: \(perTile)")
        #expect(Set(tiles.keys) == Set(region.keys))
        for (name, joints) in region {
            #expect(tiles[name] == joints, "\(name) differs between the region and its tile")
        }
        // A tile far from home has nobody, and costs nothing more.
        #expect(inhabitants(stream.tile(x: 40, z: -7)).isEmpty)
    }

    @Test func aChunkIsTheSameAloneInABlockAndAfterOthers() {
        let r = worldRecipe()
        let writer = GLTFWriter()
        let alone = writer.encodeGLB(ChunkGenerator.generate(r, x: 3, z: -2))
        let block = ChunkGenerator.Stream(r)
        for (x, z) in [(2, -2), (2, -3), (3, -3)] { _ = block.tile(x: x, z: z) }
        let afterFar = ChunkGenerator.Stream(r)
        _ = afterFar.tile(x: 1000, z: -3000)
        #expect(writer.encodeGLB(block.tile(x: 3, z: -2)) == alone)
        #expect(writer.encodeGLB(afterFar.tile(x: 3, z: -2)) == alone)
    }

    @Test func aFarChunkIsAWholeWorldTile() {
        let scene = ChunkGenerator.generate(worldRecipe(), x: 1000, z: -3000)
        let terrain = terrainVertices(scene)
        #expect(terrain.count == 33 * 33)
        #expect(terrain.keys.allSatisfy { $0.x >= 64_000 && $0.x <= 64_064 && $0.y >= -192_000 && $0.y <= -191_936 })
        #expect(terrain.values.allSatisfy { $0.allSatisfy(\.isFinite) })
    }

    /// The first point where a centre line crosses a vertical tile border (x = 64·k), with the
    /// tiles either side.
    func crossing(_ line: Polyline) -> (point: Vec2, west: (Int, Int), east: (Int, Int))? {
        for i in 1..<line.points.count {
            let a = line.points[i - 1], b = line.points[i]
            let ta = Int((a.x / 64).rounded(.down)), tb = Int((b.x / 64).rounded(.down))
            guard ta != tb else { continue }
            let border = Float(max(ta, tb)) * 64
            let t = (border - a.x) / (b.x - a.x)
            let p = a + (b - a) * t
            let tz = Int((p.y / 64).rounded(.down))
            // Away from tile corners, so the two tiles are the only ones involved.
            guard abs(p.y - (Float(tz) * 64 + 32)) < 24 else { continue }
            return (p, (max(ta, tb) - 1, tz), (max(ta, tb), tz))
        }
        return nil
    }

    @Test func aRoadCarriesOnAcrossATileBorder() throws {
        let r = worldRecipe()
        let map = WorldMap(recipe: r)
        var found: (point: Vec2, west: (Int, Int), east: (Int, Int))?
        search: for j in Int32(-2)...2 {
            for i in Int32(-2)...2 {
                for road in map.roads(.init(i, j)) + map.home.roads { if let c = crossing(road) { found = c; break search } }
            }
        }
        let c = try #require(found, "no road crosses a tile border near home")
        let stream = ChunkGenerator.Stream(r)
        // Both tiles paint the road's ground (dirt in a temperate world) within a metre of the
        // crossing, on their own side of the border.
        for (tile, side) in [(c.west, Float(-1)), (c.east, 1)] {
            let scene = stream.tile(x: tile.0, z: tile.1)
            let mesh = try #require(scene.nodes.first { $0.name == "Terrain" }?.mesh)
            var nearest = Float.infinity
            for p in scene.meshes[mesh].primitives where p.material.map({ scene.materials[$0].name }) == "dirt" {
                let pos = try #require(p.attributes["POSITION"])
                for i in 0..<pos.count {
                    let v = pos.vec3(i)
                    guard (v.x - c.point.x) * side >= 0 else { continue }
                    nearest = min(nearest, length(Vec2(v.x, v.z) - c.point))
                }
            }
            #expect(nearest < 2.5, "tile \(tile): no road ground near \(c.point) (nearest \(nearest) m)")
        }
    }

    @Test func aRiverCarriesOnAcrossATileBorder() throws {
        let r = worldRecipe("rivers and lakes in rolling hills", seed: 5)
        let map = WorldMap(recipe: r)
        var found: (point: Vec2, west: (Int, Int), east: (Int, Int))?
        search: for j in Int32(-4)...4 {
            for i in Int32(-4)...4 {
                if let river = map.river(.init(i, j)), let c = crossing(river.line) { found = c; break search }
            }
        }
        let c = try #require(found, "no river crosses a tile border")
        let stream = ChunkGenerator.Stream(r)
        func riverVertices(_ tile: (Int, Int)) -> Set<SIMD3<Float>> {
            let scene = stream.tile(x: tile.0, z: tile.1)
            var out = Set<SIMD3<Float>>()
            for n in scene.nodes where n.name?.hasPrefix("River") == true {
                guard let m = n.mesh else { continue }
                for p in scene.meshes[m].primitives {
                    guard let pos = p.attributes["POSITION"] else { continue }
                    for i in 0..<pos.count { out.insert(pos.vec3(i)) }
                }
            }
            return out
        }
        let west = riverVertices(c.west), east = riverVertices(c.east)
        let shared = west.intersection(east)
        // The two ribbons meet on a shared pair of bank vertices near the crossing.
        #expect(shared.count >= 2)
        #expect(shared.contains { length(Vec2($0.x, $0.z) - c.point) < 6 })
        // And the ground under the centre line is below the water on both sides.
        let ground = map.features(minX: c.point.x - 8, minZ: c.point.y - 8, maxX: c.point.x + 8, maxZ: c.point.y + 8)
        for dx: Float in [-2, 2] {
            let s = ground.sample(c.point.x + dx, c.point.y, base: map.terrain.height(c.point.x + dx, c.point.y))
            if s.river < 1 { #expect(s.height < s.riverSurface) }
        }
    }

    @Test func theDefaultSceneShowsLandToTheHorizonWithinItsBudget() throws {
        var o = WorldGenerator.Options()
        o.bakeTextures = false
        let scene = WorldGenerator.generate(worldRecipe(), options: o)
        let node = try #require(scene.nodes.first { $0.name == "Horizon" })
        #expect(node.role == .terrain)
        let mesh = scene.meshes[try #require(node.mesh)]
        var far: Float = 0, triangles = 0
        for p in mesh.primitives {
            let pos = try #require(p.attributes["POSITION"])
            for i in 0..<pos.count { far = max(far, abs(pos.vec3(i).x), abs(pos.vec3(i).z)) }
            triangles += (p.indices?.count ?? 0) / 3
        }
        #expect(far >= 2000)
        // Rings of about square cells (HorizonRings): the lattice before took about 19 k.
        #expect(triangles < 10_000)
    }

    @Test func thePromptsFeaturesAreRoundTheOrigin() throws {
        let r = worldRecipe("a village by a frozen lake with a castle")
        let map = WorldMap(recipe: r)
        let home = map.home
        let lake = try #require(home.lake)
        let village = try #require(home.villageCenter)
        #expect(length(lake.center) < 64)
        #expect(abs(village.x) < 64 && abs(village.y) < 64)
        #expect(home.sites.contains { $0.kind == .castle })
    }

    @Test func villagesAndLandmarksRecurFartherOut() {
        let map = WorldMap(recipe: worldRecipe("a castle above a village"))
        var villages = 0, castles = 0
        for j in Int32(3)...10 {
            for i in Int32(3)...10 {
                let s = map.sites(.init(i, j)).sites
                if s.contains(where: { $0.kind == .well }) { villages += 1 }
                if s.contains(where: { $0.kind == .castle }) { castles += 1 }
            }
        }
        #expect(villages >= 5)
        #expect(castles >= 1)
    }

    @Test func theLandChangesAsYouTravel() {
        let map = WorldMap(recipe: worldRecipe())
        // Relief (highest minus lowest ground) over 200 m squares, at home and far away.
        func relief(_ cx: Float, _ cz: Float) -> Float {
            var lo = Float.infinity, hi = -Float.infinity
            for j in 0..<9 { for i in 0..<9 {
                let h = map.terrain.height(cx - 100 + Float(i) * 25, cz - 100 + Float(j) * 25)
                lo = min(lo, h); hi = max(hi, h)
            } }
            return hi - lo
        }
        let home = relief(0, 0)
        let far = (0..<64).map { k in relief(Float(k % 8) * 1500 + 3000, Float(k / 8) * 1500 + 3000) }
        #expect(far.max()! > home * 1.8, "no mountains anywhere far out")
        #expect(far.min()! < home * 0.5, "no plains anywhere far out")
    }
}

/// A recipe may let its land give way to other biomes far from home; home stays as it was.
@Suite struct FarBiomeTests {
    func terrainMesh(_ scene: Scene) -> Mesh? { scene.nodes.first { $0.name == "Terrain" }?.mesh.map { scene.meshes[$0] } }

    @Test func homeKeepsItsBiomeAndFarRegionsTakeTheOthers() throws {
        let plain = worldRecipe()
        var varied = plain
        varied.farBiomes = [.desert]
        // Home tiles are the same ground, vertex for vertex, colours included.
        let a = ChunkGenerator.generate(plain, x: 0, z: 0), b = ChunkGenerator.generate(varied, x: 0, z: 0)
        #expect(terrainMesh(a) == terrainMesh(b))
        // Far out, a desert region: its tile grows desert plants and is mostly sand.
        let map = WorldMap(recipe: varied)
        var far: (Int, Int)?
        search: for j in 0..<40 {
            for i in 0..<40 {
                let x = 3000 + Float(i) * 400, z = 3000 + Float(j) * 400
                if map.terrain.biome(x, z) == .desert, map.terrain.biome(x + 64, z + 64) == .desert {
                    far = (Int(x / 64), Int(z / 64)); break search
                }
            }
        }
        let tile = try #require(far, "no desert region within 19 km")
        let desert = ChunkGenerator.generate(varied, x: tile.0, z: tile.1), temperate = ChunkGenerator.generate(plain, x: tile.0, z: tile.1)
        func plants(_ s: Scene) -> Set<String> { Set(s.nodes.compactMap { $0.name?.split(separator: "_").first.map(String.init) }) }
        #expect(plants(desert).isDisjoint(with: ["Oak", "Birch"]))
        #expect(!plants(desert).isDisjoint(with: ["Cactus", "Dead", "Palm"]))
        #expect(plants(temperate).isDisjoint(with: ["Cactus"]))
        func sandShare(_ s: Scene) -> Float {
            guard let m = terrainMesh(s) else { return 0 }
            var sand = 0, all = 0
            for p in m.primitives {
                let n = (p.indices?.count ?? 0) / 3
                all += n
                if p.material.map({ s.materials[$0].name }) == "sand" { sand += n }
            }
            return Float(sand) / Float(max(all, 1))
        }
        #expect(sandShare(desert) > 0.5, "\(sandShare(desert))")
        #expect(sandShare(temperate) < 0.2)
    }

    @Test func farBiomesAreARecipeFieldWrittenOnlyWhenSet() throws {
        var r = Recipe()
        #expect(r.json["farBiomes"] == nil)
        r.farBiomes = [.alpine, .swamp]
        let back = try Recipe(json: r.json)
        #expect(back.farBiomes == [.alpine, .swamp])
        #expect(throws: RecipeError.self) { try Recipe.parse(Array("{\"farBiomes\": [\"moon\"]}".utf8)) }
    }
}

@Suite(.serialized) struct UnboundedWorldCLITests {
    let tool = RepoPaths.tool("oyster-generate")

    @Test func outputDoesNotDependOnTheThreadCount() throws {
        let dir = NSTemporaryDirectory() + "oyster-threads-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = dir + "/r.json"
        try "{\"seed\": 11, \"size\": 128, \"detail\": \"low\", \"textureResolution\": 16}".write(toFile: recipe, atomically: true, encoding: .utf8)
        var outputs: [Data?] = []
        for threads in [1, 2, 8] {
            let run = try ToolRun.run("/usr/bin/env", ["OYSTER_THREADS=\(threads)", tool, "--recipe", recipe, "-o", "\(dir)/t\(threads).glb", "-q"])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(FileManager.default.contents(atPath: "\(dir)/t\(threads).glb"))
        }
        #expect(outputs[0] != nil)
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
    }

    @Test func chunksBeyondTheWorldAreRefusedNamingTheRange() throws {
        let dir = NSTemporaryDirectory() + "oyster-far-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try ToolRun.run(tool, ["--chunk", "20000,0", "-o", "\(dir)/t.glb"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("-16383 to 16383"), "\(run.stderr)")
        let size = try ToolRun.run(tool, ["--chunk", "0,0", "--chunk-size", "30", "-o", "\(dir)/t.glb"])
        #expect(size.status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test func aChunkCarriesWeatherOnlyForAGivenCamera() throws {
        let dir = NSTemporaryDirectory() + "oyster-weather-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let recipe = dir + "/r.json"
        try "{\"seed\": 2, \"detail\": \"low\", \"textureResolution\": 16, \"weather\": \"rain\"}".write(toFile: recipe, atomically: true, encoding: .utf8)
        let plain = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "3,1", "-o", "\(dir)/a/t.glb", "-q"])
        let rainy = try ToolRun.run(tool, ["--recipe", recipe, "--chunk", "3,1", "--weather-camera=150,60,40:220,20,100", "-o", "\(dir)/b/t.glb", "-q"])
        #expect(plain.status == 0 && rainy.status == 0, "\(plain.stderr) \(rainy.stderr)")
        let a = try GLTFReader().read(path: "\(dir)/a/t.glb").scene, b = try GLTFReader().read(path: "\(dir)/b/t.glb").scene
        #expect(!a.nodes.contains { $0.name?.hasPrefix("Rain_Band") == true })
        #expect(b.nodes.contains { $0.name?.hasPrefix("Rain_Band") == true })
        for bad in ["1,2,3", "1,2,3:1,2,3", "a,b,c:1,2,3", "1,2,3:4,5,nan"] {
            #expect(try ToolRun.run(tool, ["--recipe", recipe, "--weather-camera=\(bad)", "-o", "\(dir)/c.glb"]).status == 2, "\(bad)")
        }
    }
}
