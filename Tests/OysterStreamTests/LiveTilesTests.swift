import Foundation
import OysterCore
import OysterRender
@testable import OysterStream
import Testing

/// Tiles streamed round a live camera, asked for frame by frame.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct LiveTilesTests {
    /// A 2 s flight 120 m east over the village, 4 frames a second (as StreamedWorldTests).
    func flight() throws -> Shot {
        let path = try CameraPath(keys: [CameraPath.Key(time: 0, position: Vec3(-20, 30, 10), target: Vec3(0, 15, 10)),
                                         CameraPath.Key(time: 2, position: Vec3(100, 30, 10), target: Vec3(120, 15, 10))], interpolation: .linear)
        return try Shot(motion: .path(path), duration: 2, fps: 4)
    }

    /// The shot's frames as `StreamedWorld.render` plans and draws them, tiles alone (the land
    /// beyond them is the frame maker's, `StreamedHorizon`).
    func plannedFrames(_ window: TileWindow, _ shot: Shot, _ base: RenderOptions, _ renderer: Renderer) throws -> [[UInt8]] {
        let world = try StreamedWorld(recipe: testRecipe(), window: window)
        world.horizonReach = nil
        var frames: [[UInt8]] = []
        try world.render(shot, base: base, renderer: renderer, levelsOfDetail: true) { _, image in frames.append(image.samples8) }
        return frames
    }

    @Test func liveFramesAreThePlannedShotsFramesAndMemoryStaysBounded() throws {
        let window = TileWindow(size: 32, radius: 1, ahead: 1)
        let shot = try flight()
        var base = RenderOptions(width: 64, height: 36)
        base.fogBase = 0
        let renderer = try Renderer()
        let planned = try plannedFrames(window, shot, base, renderer)
        let world = try StreamedWorld(recipe: testRecipe(), window: window)
        let live = LiveTiles(world: world, keep: 4, prefetch: 8)
        defer { live.stop() }
        var frames: [[UInt8]] = []
        for f in 0..<shot.frameCount {
            let o = shot.options(frame: f, base: base)
            let ahead = shot.options(frame: min(f + 2, shot.frameCount - 1), base: base)
            let scenes = try #require(live.scenes(eye: o.eye!, forward: o.target! - o.eye!,
                                                  upcoming: [(ahead.eye!, ahead.target! - ahead.eye!)], renderer: renderer))
            #expect(scenes.count == window.tiles(eye: o.eye!, forward: o.target! - o.eye!).count)
            frames.append(try renderer.render(scenes, options: o).samples8)
        }
        let same = frames == planned
        #expect(same, "a live frame differs from the planned shot's")
        let s = live.statistics
        #expect(s.peakUploaded <= window.maxTiles + 4, "uploaded tiles: the window and 4 kept")
        #expect(s.uploaded > s.peakUploaded, "tiles behind were dropped and new ones uploaded")
        #expect(s.staged >= s.uploaded)
    }

    /// A live page's frames wait only for the tiles round the player: the first is drawn with
    /// the camera's tile and at most one more upload, the rest come frame by frame, and once
    /// all are there the frame is the planned shot's again.
    @Test func nearWaitingDrawsTheRestAsTheyCome() throws {
        let window = TileWindow(size: 32, radius: 1, ahead: 1)
        let shot = try flight()
        var base = RenderOptions(width: 64, height: 36)
        base.fogBase = 0
        let renderer = try Renderer()
        let planned = try plannedFrames(window, shot, base, renderer).first
        let world = try StreamedWorld(recipe: testRecipe(), window: window)
        let live = LiveTiles(world: world, waiting: .near(rings: 0, uploads: 1))
        defer { live.stop() }
        let o = shot.options(frame: 0, base: base)
        let eye = o.eye!, forward = o.target! - o.eye!
        let all = window.tiles(eye: eye, forward: forward)
        let first = try #require(live.scenes(eye: eye, forward: forward, upcoming: [], renderer: renderer))
        #expect(first.count >= 1 && first.count <= 2, "the camera's tile and at most one other: \(first.count) of \(all.count)")
        #expect(live.statistics.incompleteFrames == 1)
        var scenes = first
        var calls = 1
        while scenes.count < all.count && calls < 2000 {
            Thread.sleep(forTimeInterval: 0.01)
            let before = scenes.count
            scenes = try #require(live.scenes(eye: eye, forward: forward, upcoming: [], renderer: renderer))
            #expect(scenes.count <= before + 1, "one upload a frame beyond the tiles waited for")
            calls += 1
        }
        #expect(scenes.count == all.count, "every tile came within \(calls) frames")
        let same = try renderer.render(scenes, options: o).samples8 == planned
        #expect(same, "the complete frame is the planned shot's")
    }

    @Test func stoppingEndsAWaitForATile() throws {
        let world = try StreamedWorld(recipe: testRecipe(), window: TileWindow(size: 32, radius: 0, ahead: 0))
        world.workers = 0  // nobody stages tiles: the frame waits until stopped
        let live = LiveTiles(world: world)
        let box = UncheckedLive(live)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { box.live.stop() }
        let scenes = live.scenes(eye: Vec3(0, 30, 0), forward: Vec3(0, 0, -1), upcoming: [], renderer: try Renderer())
        #expect(scenes == nil)
    }
}

private struct UncheckedLive: @unchecked Sendable {
    let live: LiveTiles
    init(_ live: LiveTiles) { self.live = live }
}
