import Foundation
import OysterCore
import OysterExport
import OysterGen
import OysterGLTF
import OysterMotion
@testable import OysterPlay
import OysterStream
import OysterTestSupport
import OysterValidate
import Testing

let unzipTool = FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")

/// Export of the region a session visited: the tiles nearest the player (capped), the things
/// the player spawned, an OysterExport package that validates, zipped.
@Suite struct RegionExportTests {
    @Test func theRegionIsTheVisitedTilesNearestThePlayerCapped() {
        var visited = Set<TileKey>()
        for x in -3...2 { for z in -3...2 { visited.insert(TileKey(x: x, z: z)) } }
        let job = RegionExport(target: .generic, visited: visited, around: Vec3(1, 0, 1), tileSize: 32, spawned: [])
        #expect(visited.count == 36 && job.tiles.count == RegionExport.maxTiles)
        // The player stands in tile (0, 0): the 4×4 block round it is the nearest 16.
        #expect(Set(job.tiles) == Set((-2...1).flatMap { x in (-2...1).map { TileKey(x: x, z: $0) } }))
        #expect(job.summary.contains("16 tiles of the 36 visited"))
        let small = RegionExport(target: .godot, visited: [TileKey(x: 0, z: 0)], around: .zero, tileSize: 32, spawned: [])
        #expect(small.tiles == [TileKey(x: 0, z: 0)] && !small.summary.contains("visited"))
    }

    /// After "the villagers gather at the well" the region holds each person the call took
    /// once, standing where it was taken, and not also on its routine in a tile.
    @Test func gatheredPeopleStandWhereTheCallTookThemInTheRegion() throws {
        let (_, world) = try testWorld()
        let sim = try PlaySimulation(world: world, script: PlaySimulation.liveScript(world), fps: 24)
        _ = sim.direct(DirectCommand(reading: "the villagers gather at the well"))
        try sim.advance()
        let calls = sim.direction.gatherCalls()
        let people = world.gatheredPeople(calls)
        #expect(!people.isEmpty)
        let tiles = Set(people.map { TileKey(containing: $0.end.x, $0.end.z, size: 32) })
        let job = RegionExport(target: .generic, visited: tiles, around: sim.walker.feet, tileSize: 32, spawned: [], gatherings: calls)
        #expect(job.summary.contains("people where the call to gather took them"))
        let region = try world.region(tiles: job.tiles, spawned: [], gathered: people)
        for p in people where job.tiles.contains(TileKey(containing: p.end.x, p.end.z, size: 32)) {
            let holders = region.nodes.indices.filter { region.nodes[$0].role == .character && region.nodes[$0].name == p.name }
            #expect(holders.count == 1, "\(p.name) is in the region \(holders.count) times")
            let rig = try #require(holders.first.flatMap { region.nodes[$0].children.first })
            let at = region.worldMatrices()[rig].m
            #expect(abs(at[12] - p.end.x) < 0.01 && abs(at[14] - p.end.z) < 0.01, "\(p.name) stands where the call left it")
        }
    }

    @Test func nothingVisitedIsRefusedSayingSo() throws {
        let (_, world) = try testWorld()
        let job = RegionExport(target: .generic, visited: [], around: .zero, tileSize: 32, spawned: [])
        #expect(throws: (any Error).self) { try job.run(world: world, progress: { _ in }) }
    }

    /// A tower spawned by a command, two tiles round it: the zip holds a package whose GLB
    /// validates with no errors and has the tower in it.
    /// An export after "make it night" and "start raining" is lit by that moment: night sky
    /// and moon, lamps burning, the weather named; on the same land as the world's own light.
    @Test func theExportIsLitByTheSessionsMomentOnTheSameLand() throws {
        let (_, world) = try testWorld()
        let feet = world.establishingCamera.eye
        let here = TileKey(containing: feet.x, feet.z, size: 32)
        let tiles = [here, TileKey(x: here.x + 1, z: here.z), TileKey(x: here.x, z: here.z + 1)]
        let tower = PlacedSpawn(thing: "house", x: feet.x, z: feet.z, heading: 0, time: 0, action: 0)
        let own = try world.region(tiles: tiles, spawned: [tower])
        let night = try world.region(tiles: tiles, spawned: [tower], light: (22.5, .rain))
        let ownLight = try #require(own.asset.environment), nightLight = try #require(night.asset.environment)
        #expect(ownLight.timeOfDay == world.recipe.timeOfDay && ownLight.isNight != true)
        #expect(nightLight.timeOfDay == 22.5 && nightLight.isNight == true)
        #expect(night.asset.extras?["recipe"]?["weather"]?.stringValue == "rain", "the provenance's recipe names the weather")
        #expect(night.lights.contains { $0.kind == .directional && $0.name == "Moon" })
        // Lamps burn at night: more point lights and glowing glass than by day.
        let points = { (s: Scene) in s.lights.filter { $0.kind != .directional }.count }
        #expect(points(night) > points(own), "\(points(night)) lamps at night against \(points(own)) by day")
        // The same land: the same meshes, vertex for vertex.
        #expect(night.meshes.count == own.meshes.count)
        #expect(night.statistics.triangles == own.statistics.triangles)
    }

    @Test(.enabled(if: unzipTool, "needs /usr/bin/unzip to read the zip back"))
    func theZipHoldsAValidPackageWithTheSpawnedTowerKnightAndHorse() throws {
        let (_, world) = try testWorld()
        let sim = try PlaySimulation(world: world, script: PlaySimulation.liveScript(world), fps: 24)
        _ = sim.direct(DirectCommand(reading: "add a tower here"))
        #expect(sim.direct(DirectCommand(reading: "spawn a knight and a horse to the left")).hasPrefix("understood: knight (spawn a knight"))
        try sim.advance()
        #expect(sim.direction.spawns.map(\.placed.thing) == ["tower", "knight", "horse"])
        let feet = sim.walker.feet
        let here = TileKey(containing: feet.x, feet.z, size: 32)
        let job = RegionExport(target: .generic, visited: [here, TileKey(x: here.x + 1, z: here.z)], around: feet, tileSize: 32,
                               spawned: sim.direction.spawns.map(\.placed))
        var stages: [String] = []
        let result = try job.run(world: world, progress: { stages.append($0) })
        #expect(stages.count == 3, "\(stages)")
        #expect(result.zip.count > 10_000 && result.files > 2)

        let dir = TemporaryDirectory()
        try Data(result.zip).write(to: URL(fileURLWithPath: dir.file(RegionExport.fileName)))
        let test = try ToolRun.run("/usr/bin/unzip", ["-t", dir.file(RegionExport.fileName)])
        #expect(test.status == 0 && test.stdout.contains("No errors detected"), "\(test.stdout)")
        let out = try ToolRun.run("/usr/bin/unzip", ["-q", dir.file(RegionExport.fileName), "-d", dir.file("out")])
        #expect(out.status == 0, "\(out.stderr)")
        let glb = dir.file("out/world/world.glb")
        #expect(FileManager.default.fileExists(atPath: dir.file("out/world/manifest.json")))
        let report = try Validator.validate(path: glb)
        #expect(report.numErrors == 0, "\(report.issues.filter { $0.severity == .error }.prefix(3))")
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: glb)).prefix(4 << 20), as: UTF8.self)
        #expect(text.contains("Tower_Spawned"), "the spawned tower is a node of the package")
        // The knight and the horse keep their skins and their clips, as the generator's people do.
        let scene = try GLTFReader().read(path: glb).scene
        for name in ["Knight_Spawned", "Horse_Spawned"] {
            let holder = try #require(scene.nodes.first { $0.name?.hasPrefix(name) == true && $0.name?.hasSuffix("Rig") == false && $0.name?.hasSuffix("Body") == false },
                                      "\(name) in \(scene.nodes.compactMap(\.name).filter { $0.contains("Spawned") })")
            #expect(holder.children.contains { scene.nodes[$0].skin != nil }, "\(name) has its skinned body")
        }
        // Theirs are two of the package's skins, beside those of the world's own people and
        // animals in the two tiles; every skin has its body.
        let bodies = scene.nodes.filter { $0.skin != nil }
        #expect(bodies.count == scene.skins.count && bodies.filter { $0.name?.contains("Spawned") == true }.count == 2,
                "\(bodies.compactMap(\.name))")
        #expect(Set(scene.animations.compactMap(\.name)).isSuperset(of: ["idle"]) && scene.animations.contains { $0.name?.hasPrefix("horse-") == true })
        #expect(text.contains("Tile_\(here.x)_\(here.z)") && text.contains("Tile_\(here.x + 1)_\(here.z)"))
    }
}
