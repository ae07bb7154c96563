import OysterCore
@testable import OysterStream
import Testing

/// Which tiles a frame loads: a pure function of the camera, following it.
struct TileWindowTests {
    @Test func theSquareRoundTheCameraFollowsItFromTileToTile() {
        let window = TileWindow(size: 64, radius: 1, ahead: 0)
        let here = window.tiles(eye: Vec3(10, 30, 10), forward: Vec3(0, 0, -1))
        #expect(here == [(-1, -1), (0, -1), (1, -1), (-1, 0), (0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)].map { TileKey(x: $0.0, z: $0.1) })
        // One tile east: the west column goes, a new east column comes.
        let east = window.tiles(eye: Vec3(70, 30, 10), forward: Vec3(0, 0, -1))
        #expect(east == here.map { TileKey(x: $0.x + 1, z: $0.z) })
        // Negative coordinates round down: x = -0.5 is in tile -1.
        #expect(window.tiles(eye: Vec3(-0.5, 0, -64.5), forward: Vec3(1, 0, 0)).contains(TileKey(x: -2, z: -2)))
        // Height and pitch do not matter, only the place and the horizontal view.
        #expect(window.tiles(eye: Vec3(10, 500, 10), forward: Vec3(0, -1, -0.01)) == here)
    }

    @Test func moreTilesAreLoadedAheadOfTheCameraThanBehindIt() {
        let window = TileWindow(size: 64, radius: 1, ahead: 2)
        let looking = window.tiles(eye: Vec3(32, 2, 32), forward: Vec3(1, -0.2, 0))
        #expect(looking.count == 15)
        #expect(looking.map(\.x).max() == 3 && looking.map(\.x).min() == -1)
        #expect(Set(looking.map(\.z)) == [-1, 0, 1])
        // Turned round, the extra tiles are on the other side.
        let back = window.tiles(eye: Vec3(32, 2, 32), forward: Vec3(-1, 0, 0))
        #expect(back.map(\.x).min() == -3 && back.map(\.x).max() == 1)
        // Straight down: no view direction on the ground, only the square round the camera.
        #expect(window.tiles(eye: Vec3(32, 2, 32), forward: Vec3(0, -1, 0)).count == 9)
        #expect(looking.count <= window.maxTiles && window.maxTiles == 25)
        #expect(looking == looking.sorted())
        // Looking along a diagonal: the rectangle that takes in both squares (no corners left
        // out, so the land beyond has a rectangular hole to fit).
        let diagonal = window.tiles(eye: Vec3(32, 2, 32), forward: Vec3(1, 0, 1))
        let xs = diagonal.map(\.x), zs = diagonal.map(\.z)
        #expect(xs.min() == -1 && zs.min() == -1 && xs.max()! >= 2 && zs.max()! >= 2)
        #expect(diagonal.count == (xs.max()! - xs.min()! + 1) * (zs.max()! - zs.min()! + 1))
        #expect(diagonal.count <= window.maxTiles)
    }

    @Test func tilesPastTheWorldsEdgeAreLeftOut() {
        let window = TileWindow(size: 64, radius: 1, ahead: 0, limit: 3)
        let edge = window.tiles(eye: Vec3(3 * 64 + 1, 0, 0), forward: Vec3(1, 0, 0))
        #expect(edge.allSatisfy { abs($0.x) <= 3 && abs($0.z) <= 3 })
        #expect(edge.count == 6)
    }
}

/// When tiles are loaded and dropped over a shot.
struct StreamPlanTests {
    @Test func aTileIsLoadedFromItsFirstFrameToItsLastAndDroppedWhenLeftBehind() throws {
        let window = TileWindow(size: 64, radius: 1, ahead: 0)
        // A camera walking 8 m a frame along +X for 40 frames: from tile 0 to tile 5.
        let windows = (0..<40).map { f in window.tiles(eye: Vec3(32 + Float(f) * 8, 2, 32), forward: Vec3(1, 0, 0)) }
        let plan = StreamPlan(windows: windows)
        #expect(plan.frames.count == 40)
        // Never more loaded than one window holds, though the shot sees 8 columns of 3.
        #expect(plan.peakTiles == 9)
        #expect(plan.spans.count == 24)
        for (f, indices) in plan.frames.enumerated() {
            #expect(indices.map { plan.spans[$0].tile } == windows[f])
            for i in indices { #expect(plan.spans[i].first <= f && f <= plan.spans[i].last) }
        }
        // The first column is dropped once the camera is in the next tile (frame 4, x = 64).
        let first = try #require(plan.spans.first { $0.tile == TileKey(x: -1, z: 0) })
        #expect(first.first == 0 && first.last == 3)
        // Spans are in the order they are first needed.
        #expect(plan.spans.map(\.first) == plan.spans.map(\.first).sorted())
    }

    @Test func aTileSeenAgainAfterLeavingIsLoadedAgain() {
        let a = [TileKey(x: 0, z: 0)], b = [TileKey(x: 5, z: 5)]
        let plan = StreamPlan(windows: [a, a, b, a])
        #expect(plan.spans.map(\.tile) == [a[0], b[0], a[0]])
        #expect(plan.spans.map(\.first) == [0, 2, 3] && plan.spans.map(\.last) == [1, 2, 3])
        #expect(plan.peakTiles == 1)
    }
}
