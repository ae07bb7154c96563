import Foundation
import OysterCore
import OysterGen
import OysterMotion
@testable import OysterStream
import Testing

/// A small, quick world for tests: the snowy village, coarse ground and tiny textures.
func testRecipe() -> Recipe {
    var r = PromptInterpreter.interpret("a snowy village", seed: 1).recipe
    r.seed = 7
    r.detail = .low
    r.textureResolution = 16
    return r
}

func script(_ text: String) throws -> ActionScript { try ActionScript(json: Array(text.utf8)) }

/// Walking on a world generated tile by tile as the walker goes.
struct StreamedGroundTests {
    let stream = ChunkGenerator.Stream(testRecipe(), size: 32)

    @Test func heightsAreEachTilesOwnAndMeetOverTheBorders() throws {
        let ground = StreamedGround(stream)
        let west = Ground(stream.tile(x: -1, z: 0)), east = Ground(stream.tile(x: 0, z: 0))
        var last: Float?
        // Across the border x = 0 at z = 20, every 10 cm.
        for i in -40...40 {
            let x = Float(i) * 0.1
            let h = try #require(ground.height(x: x, z: 20, below: 1000))
            let own = try #require((x < 0 ? west : east).height(x: x, z: 20, below: 1000))
            #expect(h >= own - 1e-4, "at x = \(x): \(h) under its tile's \(own)")
            if let last { #expect(abs(h - last) < 0.3, "a step of \(h - last) m at x = \(x)") }
            last = h
        }
    }

    /// A structure's node (world matrix, mesh box) of at least 4 m across, preferring one that
    /// reaches over a tile border, searched in the tiles round home.
    func findHouse() -> (tile: TileKey, world: Mat4, box: AABB)? {
        var found: (tile: TileKey, world: Mat4, box: AABB)?
        for z in -3...2 {
            for x in -3...2 {
                let scene = stream.tile(x: x, z: z)
                let worlds = scene.worldMatrices()
                let roles = scene.effectiveRoles()
                for (n, node) in scene.nodes.enumerated() where roles[n] == .structure {
                    guard let m = node.mesh else { continue }
                    let box = scene.meshes[m].localBounds
                    guard box.size.x >= 4, box.size.z >= 4, box.size.y >= 2 else { continue }
                    let w = box.transformed(by: worlds[n])
                    let crosses = Int((w.min.x / 32).rounded(.down)) != Int((w.max.x / 32).rounded(.down))
                    if crosses { return (TileKey(x: x, z: z), worlds[n], box) }
                    if found == nil { found = (TileKey(x: x, z: z), worlds[n], box) }
                }
            }
        }
        return found
    }

    @Test func aHouseStopsTheWalkerWhicheverTileItBelongsTo() throws {
        let house = try #require(findHouse(), "the village has houses")
        let centre = house.world.transformPoint(house.box.center)
        let toLocal = try #require(house.world.inverse)
        // From 12 m east of the house straight at it (heading -90°: looking along -X), so the
        // walk starts in another tile when the house reaches over a border.
        let walk = try Walker.camera(for: try script("""
        {"start": {"position": [\(centre.x + 12), \(centre.y + 20), \(centre.z)], "heading": -90},
         "actions": [{"do": "move", "seconds": 10, "speed": 2}]}
        """), over: StreamedGround(stream), camera: nil, fps: 10)
        let half = house.box.size * 0.5
        for key in walk.keys {
            let local = toLocal.transformPoint(key.position - Vec3(0, Walker.eyeHeight, 0)) - house.box.center
            let inside = abs(local.x) < half.x + Walker.radius - 0.01 && abs(local.z) < half.z + Walker.radius - 0.01
                && local.y < half.y
            #expect(!inside, "inside the house at \(key.time) s: \(local)")
        }
        #expect(abs(walk.keys.last!.position.x - centre.x) > 1, "did not walk through")
    }

    @Test func farTilesAreDroppedAsTheWalkerGoes() throws {
        let ground = StreamedGround(stream, capacity: 12)
        // Flying east and up, over the houses (the ground is asked for all the way).
        let walk = try Walker.camera(for: try script("""
        {"start": {"position": [0, 0, 0], "heading": 90, "pitch": 20},
         "actions": [{"do": "fly"}, {"do": "move", "seconds": 12, "speed": 10}]}
        """), over: ground, camera: nil, fps: 5)
        #expect(walk.keys.last!.position.x > 100)
        #expect(ground.loadedTiles.count <= 12)
        #expect(ground.generated > 12)
        // What is loaded is round where the walker is now, not where it started.
        let here = TileKey(containing: walk.keys.last!.position.x, 0, size: 32)
        #expect(ground.loadedTiles.allSatisfy { abs($0.x - here.x) <= 3 }, "\(here): \(ground.loadedTiles)")
    }

    /// Ground made ahead in the background answers as ground made when asked: the same walk,
    /// step for step; and once it has come, stepping into the next tile makes nothing there.
    @Test func groundMadeAheadGivesTheSameWalk() throws {
        let text = """
        {"start": {"position": [0, 0, 0], "heading": 90},
         "actions": [{"do": "move", "seconds": 20, "speed": 4}, {"do": "turn", "degrees": 90, "seconds": 1}, {"do": "move", "seconds": 10, "speed": 4}]}
        """
        let plain = try Walker.camera(for: try script(text), over: StreamedGround(stream), camera: nil, fps: 10)
        let ahead = StreamedGround(stream, prefetchRings: 2)
        let walked = try Walker.camera(for: try script(text), over: ahead, camera: nil, fps: 10)
        #expect(walked.keys.map(\.position) == plain.keys.map(\.position))

        // Standing in tile (0, 0): wait for the 5 x 5 round it to be made in the background.
        let still = StreamedGround(stream, prefetchRings: 2)
        _ = still.height(x: 16, z: 16, below: 1000)
        #expect(still.madeWhenAsked == 9, "the 3 x 3 round the walker made when asked")
        // Up to a minute: on a loaded machine (the whole suite on two cores) 16 tiles of
        // ground in the background can take longer than the few seconds they take alone.
        for _ in 0..<3000 where still.loadedTiles.count < 25 {
            Thread.sleep(forTimeInterval: 0.02)
            _ = still.height(x: 16, z: 16, below: 1000)
        }
        #expect(still.loadedTiles.count == 25, "the 5 x 5 round the walker made ahead")
        let asked = still.madeWhenAsked
        _ = still.height(x: 16 + 32, z: 16, below: 1000)
        #expect(still.madeWhenAsked == asked, "stepping one tile on found its neighbours made")
    }
}
