import Foundation
import OysterCore
import OysterGen
import OysterImage
import OysterMotion
import OysterRender
@testable import OysterStream
import Testing

/// The land beyond a streamed view's tiles.
struct StreamedHorizonTests {
    let stream = ChunkGenerator.Stream(testRecipe(), size: 32)

    /// Land all round the tiles out to its reach, none over them, and meeting their ground.
    @Test func theLandRingsTheTilesAndLeavesThemTheirPlace() throws {
        let scene = stream.horizon(x: -1...2, z: 0...1, beyond: 600)
        let worlds = scene.worldMatrices()
        let roles = scene.effectiveRoles()
        var land = AABB.empty
        var inside = 0, skirt = 0
        for (n, node) in scene.nodes.enumerated() where roles[n] == .terrain {
            guard let m = node.mesh else { continue }
            for p in scene.meshes[m].primitives {
                let positions = Self.positions(p).map { worlds[n].transformPoint($0) }
                for q in positions {
                    land.add(q)
                    // Strictly inside the tiles [-32, 96] x [0, 64] (the wall round them stands on the edge).
                    if q.x > -31.9 && q.x < 95.9 && q.z > 0.1 && q.z < 63.9 { inside += 1 }
                }
                if node.name == "Horizon_Skirt" { skirt += positions.count }
            }
        }
        #expect(inside == 0, "\(inside) vertices of the land over the tiles")
        #expect(skirt > 0, "a wall round the tiles' edge")
        #expect(land.min.x <= -32 - 599 && land.max.x >= 96 + 599 && land.min.z <= -599 && land.max.z >= 64 + 599, "\(land)")
        // Its edge meets the tiles' ground: at the corner (-32, 0) the heights agree within a
        // couple of metres (the land is coarser than the tiles, and the wall covers the rest).
        let tile = Ground(stream.tile(x: -1, z: 0))
        let h = try #require(tile.height(x: -31.99, z: 0.01, below: 1000))
        let edge = scene.meshes.flatMap { $0.primitives }.flatMap(Self.positions).filter { abs($0.x + 32) < 0.01 && abs($0.z) < 0.01 }
        #expect(edge.contains { abs($0.y - h) < 2 }, "the tile's corner at \(h), the land's there at \(edge.map(\.y))")
    }

    /// Drawn round a view's tiles, the land fills the distance where there was only sky, and
    /// it is made again only when the tile rectangle changes.
    @Test(.enabled(if: openGLAvailable, "needs headless OpenGL"))
    func aHighViewSeesLandPastItsTiles() throws {
        let world = try StreamedWorld(recipe: testRecipe(), window: TileWindow(size: 32, radius: 1, ahead: 0))
        let renderer = try Renderer()
        let live = LiveTiles(world: world)
        defer { live.stop() }
        let horizon = StreamedHorizon(world: world, reach: 1500)
        // High over home, looking out level with the ground far ahead.
        var o = RenderOptions(width: 96, height: 54)
        o.eye = Vec3(16, 60, 16)
        o.target = Vec3(16 + 400, 30, 16)
        o.fogBase = 0
        let forward = o.target! - o.eye!
        let tiles = try #require(live.scenes(eye: o.eye!, forward: forward, upcoming: [], renderer: renderer))
        let keys = world.window.tiles(eye: o.eye!, forward: forward)
        let land = try #require(horizon.scene(around: keys, renderer: renderer))
        #expect(horizon.scene(around: keys, renderer: renderer) === land && horizon.made == 1, "the same rectangle: made once")
        let bare = try renderer.render(tiles, options: o), full = try renderer.render(tiles + [land], options: o)
        // Just under the horizon line, far past the tiles: sky before, land now.
        var changed = 0
        for x in stride(from: 4, to: 92, by: 4) {
            let a = Self.rgb(bare, x, 26), b = Self.rgb(full, x, 26)
            if abs(a.x - b.x) + abs(a.y - b.y) + abs(a.z - b.z) > 12 { changed += 1 }
        }
        #expect(changed >= 15, "\(changed) of 22 samples under the horizon changed")
        // One tile on, the rectangle moves: a new land.
        let next = world.window.tiles(eye: o.eye! + Vec3(32, 0, 0), forward: forward)
        #expect(horizon.scene(around: next, renderer: renderer) !== land && horizon.made == 2)
    }

    static func positions(_ p: Primitive) -> [Vec3] {
        guard let a = p.attributes["POSITION"] else { return [] }
        return (0..<a.count).map { a.vec3($0) }
    }

    static func rgb(_ image: PixelImage, _ x: Int, _ y: Int) -> SIMD3<Int> {
        let i = (y * image.width + x) * 4
        return SIMD3(Int(image.samples8[i]), Int(image.samples8[i + 1]), Int(image.samples8[i + 2]))
    }
}
