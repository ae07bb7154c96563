import OysterCore
import OysterMotion
@testable import OysterPlay
import OysterTestSupport
import Testing

/// The page's controls become actions that play, and replay, exactly.
@Suite struct ControlsTests {
    let ground = flatGround()
    let camera = (eye: Vec3(0, 5, 0), forward: Vec3(0, 0, -1))

    func player() -> ActionPlayer { ActionPlayer(ActionScript(actions: []), over: ground, camera: camera, fps: 24) }

    @Test func holdingForwardWalksAndLettingGoStops() {
        var p = player()
        var c = Controls()
        #expect(c.apply(ControlInput(seq: 1, forward: 1), to: &p))
        for _ in 0..<24 { p.advanceFrame(over: ground) }
        #expect(abs(p.walker.feet.z + Controls.walk) < 0.02, "1 s at walking speed along -Z: \(p.walker.feet)")
        #expect(abs(p.walker.feet.x) < 1e-4 && abs(p.walker.feet.y) < 1e-4)
        #expect(c.apply(ControlInput(seq: 2), to: &p))
        let stopped = p.walker.feet
        for _ in 0..<12 { p.advanceFrame(over: ground) }
        #expect(p.walker.feet == stopped)
        // Shift runs three times as fast; D strafes right (+X at heading 0).
        #expect(c.apply(ControlInput(seq: 3, right: 1, run: true), to: &p))
        for _ in 0..<24 { p.advanceFrame(over: ground) }
        #expect(abs(p.walker.feet.x - Controls.walk * Controls.runFactor) < 0.05)
        #expect(c.lastInput == 3)
    }

    @Test func theMouseTurnsInSixtyFourthsOfADegreeAndFTogglesFlying() {
        var p = player()
        var c = Controls()
        _ = c.apply(ControlInput(seq: 1, lookX: 100, lookY: -20, fly: true), to: &p)
        p.advanceFrame(over: ground)
        #expect(abs(p.walker.heading - 15 * .pi / 180) < 1e-6, "100 px at 0.15°/px")
        #expect(abs(p.walker.pitch - 3 * .pi / 180) < 1e-6, "moving the mouse up looks up")
        #expect(p.walker.flying)
        #expect(Controls.degrees(1) == 0.15625, "0.15° to the nearest 1/64")
        _ = c.apply(ControlInput(seq: 2, fly: true), to: &p)
        p.advanceFrame(over: ground)
        #expect(!p.walker.flying)
    }

    /// Random controls over 10 s, then the saved script read back and walked by
    /// `Walker.camera` (what `oyster-render --actions` does): every frame's camera the same.
    /// The keys come from a seeded generator: with the system's, a run whose keys mostly
    /// cancelled out walked under a metre and failed the last check now and then.
    @Test(arguments: [UInt64(1), 2, 3])
    func aRecordedSessionReplaysToTheSameCameraEveryFrame(seed: UInt64) throws {
        var p = player()
        var c = Controls()
        var rng = TestRandom(seed: seed)
        var eyes: [Vec3] = [], targets: [Vec3] = []
        var seq: UInt32 = 0
        for frame in 0..<240 {
            eyes.append(p.walker.eye)
            targets.append(p.walker.eye + p.walker.forward)
            if frame % 5 == 0 {
                seq += 1
                let input = ControlInput(seq: seq, forward: Int.random(in: -1...1, using: &rng), right: Int.random(in: -1...1, using: &rng),
                                         run: Bool.random(using: &rng), lookX: Float.random(in: -40...40, using: &rng),
                                         lookY: Float.random(in: -10...10, using: &rng), jump: Int.random(in: 0..<8, using: &rng) == 0,
                                         fly: Int.random(in: 0..<12, using: &rng) == 0, speed: Int.random(in: -2...3, using: &rng))
                #expect(c.apply(input, to: &p))
            }
            p.advanceFrame(over: ground)
        }
        let script = c.script(of: p, header: ActionScript(actions: []))
        #expect(!script.actions.contains { !$0.seconds.isFinite }, "no open-ended action is saved")
        let read = try ActionScript(json: script.json())
        #expect(read == script, "the saved script reads back equal")
        let replay = try Walker.camera(for: read, over: ground, camera: camera, fps: 24)
        // The replay lasts as long as the script: when the random keys all let go early its
        // path ends before frame 240 (indexing past it crashed the whole test run).
        let frames = min(eyes.count, replay.keys.count)
        #expect(frames >= 120, "the replay's path covers \(replay.keys.count) frames")
        var same = 0
        for f in 0..<frames {
            let key = replay.keys[f]
            if key.position == eyes[f] && key.target == targets[f] { same += 1 }
        }
        #expect(same == frames, "\(frames - same) of \(frames) frames' cameras differ in the replay")
        #expect(length(eyes.last! - eyes.first!) > 1, "the walk went somewhere")
    }
}
