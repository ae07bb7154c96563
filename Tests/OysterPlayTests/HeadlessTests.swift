import Foundation
import OysterCore
import OysterImage
import OysterMotion
@testable import OysterPlay
import OysterRender
import OysterStream
import Testing

/// The session loop without a browser: the same frames every run, and the frames a replay
/// by `oyster-render --world --actions` renders.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct HeadlessTests {
    let walk = #"{"actions":[{"do":"move","seconds":0.5,"speed":4},{"do":"turn","degrees":40,"seconds":0,"at":0.25},{"do":"move","seconds":0.25,"speed":-2,"at":0.5}]}"#

    func options() -> LiveSession.Options {
        var o = LiveSession.Options()
        o.width = 64
        o.height = 36
        return o
    }

    func frames(_ world: StreamedWorld, _ script: ActionScript) throws -> (frames: [[UInt8]], headers: [FrameHeader]) {
        var frames: [[UInt8]] = [], headers: [FrameHeader] = []
        _ = try HeadlessSession.run(world: world, script: script, options: options()) { i, header, image in
            #expect(i == frames.count)
            frames.append(image.samples8)
            headers.append(header)
        }
        return (frames, headers)
    }

    @Test func theSameScriptGivesTheSameFramesAndTheReplaysFrames() throws {
        let script = try ActionScript(json: Array(walk.utf8))
        let (_, world) = try testWorld()
        let first = try frames(world, script)
        #expect(first.frames.count == 18)
        #expect(Set(first.frames).count > 10, "the view moves")
        let start = first.headers.first!, end = first.headers.last!
        #expect(abs(end.position.z - start.position.z) + abs(end.position.x - start.position.x) > 1, "the player walked")
        let (_, again) = try testWorld()
        let second = try frames(again, script)
        #expect(second.frames == first.frames, "a second run gave other frames")

        // The replay: the walk's camera path over the same world, rendered by StreamedWorld.
        let home = world.establishingCamera
        let path = try world.walk(script, camera: (home.eye, normalize(home.target - home.eye)), fps: 24)
        let shot = try Shot(motion: .path(path), duration: path.duration, fps: 24)
        var replayed: [[UInt8]] = []
        try world.render(shot, base: RenderOptions(width: 64, height: 36), renderer: try Renderer(), levelsOfDetail: true) { _, image in
            replayed.append(image.samples8)
        }
        #expect(replayed.count == first.frames.count)
        let same = zip(replayed, first.frames).filter { $0 == $1 }.count
        #expect(same == first.frames.count, "\(first.frames.count - same) frames differ from the replay's")
    }

    /// Flying 300 m away and back to the same place: the tiles of home were dropped on the way
    /// and made again, and the frame there is the first frame again (PSNR of at least 45 dB:
    /// the pose comes back to within float rounding, and animated things have moved on).
    @Test func flyingFarAwayAndBackGivesTheSameFrame() throws {
        // Up clear of the houses and trees, out and back level, down again to the first pose.
        let script = try ActionScript(json: Array(#"""
        {"start": {"pitch": -8}, "actions": [{"do": "fly"}, {"do": "look", "degrees": 88, "seconds": 0},
         {"do": "move", "seconds": 3, "speed": 20}, {"do": "look", "degrees": -80, "seconds": 0},
         {"do": "move", "seconds": 10, "speed": 30}, {"do": "move", "seconds": 10, "speed": -30},
         {"do": "look", "degrees": 80, "seconds": 0}, {"do": "move", "seconds": 3, "speed": -20},
         {"do": "look", "degrees": -88, "seconds": 0}, {"do": "wait", "seconds": 0.5}]}
        """#.utf8))
        let (_, world) = try testWorld()
        var first: PixelImage?, last: PixelImage?
        var farthest: Float = 0
        var start: FrameHeader?, end: FrameHeader?
        let summary = try HeadlessSession.run(world: world, script: script, options: options()) { i, header, image in
            if i == 0 { first = image; start = header }
            last = image
            end = header
            let dx = header.position.x - start!.position.x, dz = header.position.z - start!.position.z
            farthest = max(farthest, (dx * dx + dz * dz).squareRoot())
        }
        let a = try #require(start), b = try #require(end)
        #expect(farthest > 290, "flew \(farthest) m away")
        let back = abs(b.position.x - a.position.x) + abs(b.position.y - a.position.y) + abs(b.position.z - a.position.z)
        #expect(back < 0.05, "came back to within \(back) m")
        #expect(summary.tiles.uploaded > summary.tiles.peakUploaded, "home's tiles were dropped on the way and made again")
        let p = psnr(try #require(first), try #require(last))
        #expect(p >= 45, "the frame back home against the first: PSNR \(p) dB")
    }

    func psnr(_ a: PixelImage, _ b: PixelImage) -> Double {
        var sum = 0.0, n = 0
        for i in 0..<a.samples8.count where i % 4 != 3 {
            let d = Double(a.samples8[i]) - Double(b.samples8[i])
            sum += d * d
            n += 1
        }
        let mse = sum / Double(max(n, 1))
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }
}
