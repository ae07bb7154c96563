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
}
