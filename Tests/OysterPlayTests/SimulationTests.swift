import OysterCore
import OysterMotion
@testable import OysterPlay
import OysterRender
import OysterStream
import Testing

/// The session's simulation in a streamed world, without drawing.
@Suite struct SimulationTests {
    /// Walks forward and turns through controls, then replays the saved script the way
    /// `oyster-render --world --actions` does (`StreamedWorld.walk`, sampled per frame).
    @Test func inputMovesThePlayerAndTheSavedScriptReplaysTheSameCameras() throws {
        let (_, world) = try testWorld()
        let sim = try PlaySimulation(world: world, fps: 24)
        var cameras: [(eye: Vec3, target: Vec3)] = []
        let start = sim.walker.feet
        for frame in 0..<48 {
            cameras.append(sim.camera)
            if frame == 2 { #expect(sim.apply(ControlInput(seq: 1, forward: 1, run: true))) }
            if frame == 20 { #expect(sim.apply(ControlInput(seq: 2, forward: 1, run: true, lookX: 200))) }
            if frame == 40 { #expect(sim.apply(ControlInput(seq: 3))) }
            try sim.advance()
        }
        let moved = sim.walker.feet - start
        #expect((moved.x * moved.x + moved.z * moved.z).squareRoot() > 5, "about 1.5 s at a run: \(moved)")
        #expect(sim.controls.lastInput == 3)

        let read = try ActionScript(json: sim.script.json())
        let home = world.establishingCamera
        let path = try world.walk(read, camera: (home.eye, normalize(home.target - home.eye)), fps: 24)
        let shot = try Shot(motion: .path(path), duration: path.duration, fps: 24)
        var same = 0
        for (f, c) in cameras.enumerated() {
            let o = shot.options(frame: f, base: RenderOptions())
            if o.eye == c.eye && o.target == c.target { same += 1 }
        }
        #expect(same == cameras.count, "\(cameras.count - same) of \(cameras.count) cameras differ from the replay's")
    }
}
