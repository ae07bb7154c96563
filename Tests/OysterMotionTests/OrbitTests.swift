import OysterCore
@testable import OysterMotion
import Testing

/// The camera's orbit: a circle round the ground at a point, looking at it, while the walker
/// stays; and slow motion, read and written like every action.
struct OrbitTests {
    @Test func orbitAndSlowMotionReadBackEqualAndBadValuesAreRefused() throws {
        let s = try script("""
        {"actions": [{"do": "orbit", "seconds": 8, "around": [3, 0, -4], "degrees": -180},
                     {"do": "orbit", "seconds": 4}, {"do": "slow-motion", "rate": 0.5}, {"do": "slow-motion", "at": 20}]}
        """)
        #expect(s.actions.map(\.kind) == [.orbit(.init(centre: .point(x: 3, z: -4), radians: -.pi)),
                                          .orbit(.init(centre: .ahead(metres: ActionScript.defaultOrbitDistance), radians: 2 * .pi)),
                                          .slowMotion(rate: 0.5), .slowMotion(rate: 0.25)])
        // Orbits follow one another; a slow-motion takes no time.
        #expect(s.actions.map(\.at) == [0, 8, 12, 20])
        #expect(s.changesWorld)
        #expect(try ActionScript(json: s.json()) == s)
        for bad in [#"{"do": "orbit", "seconds": 2, "around": "behind"}"#, #"{"do": "orbit"}"#,
                    #"{"do": "slow-motion", "rate": 0}"#, #"{"do": "slow-motion", "rate": 2}"#,
                    #"{"do": "orbit", "seconds": 2, "around": [1, 0, 1], "distance": 5}"#] {
            #expect(throws: ActionScriptError.self, "\(bad)") { try script(#"{"actions": ["# + bad + "]}") }
        }
    }

    @Test func theOrbitCirclesTheCentreLookingAtItThenTheViewIsTheWalkersAgain() throws {
        let ground = Ground(walkScene())
        // Standing at the origin; an orbit round (0, 0, 10) for 4 s, then 1 s.
        var player = ActionPlayer(try script("""
        {"start": {"position": [0, 0, 0], "heading": 0}, "actions": [
          {"do": "orbit", "seconds": 4, "around": [0, 0, 10], "degrees": 360}, {"do": "wait", "seconds": 1}]}
        """), over: ground, camera: nil, fps: 10)
        #expect(!player.isOrbiting)
        let feet = player.walker.feet
        var eyes: [Vec3] = []
        for _ in 0..<50 {
            player.advanceFrame(over: ground)
            guard player.isOrbiting else { continue }
            let v = player.view
            eyes.append(v.eye)
            let centre = Vec3(0, 0, 10)
            let flat = Vec3(v.eye.x, 0, v.eye.z) - centre
            // 10 m out; 4 m up: 35 % of the distance is 3.5 m, but the slope east of x = 0
            // rises to 1 m under the circle, and the camera keeps 3 m over it. Looking 2 m
            // above the centre.
            #expect(abs(length(flat) - 10) < 1e-3, "\(v.eye)")
            #expect(abs(v.eye.y - 4) < 1e-3, "\(v.eye)")
            #expect(length(normalize(centre + Vec3(0, 2, 0) - v.eye) - v.forward) < 1e-4)
        }
        #expect(eyes.count == 39, "frames 1–39 of 4 s at 10 fps orbit: \(eyes.count)")
        // From the walker's side (north of the centre), clockwise seen from above: east next.
        #expect(eyes[0].z < 10 && eyes[9].x > 0, "\(eyes[0]) then \(eyes[9])")
        // The walker did not move, and the view is its eyes again.
        #expect(player.walker.feet == feet)
        #expect(!player.isOrbiting && player.view.eye == player.walker.eye)
    }

    @Test func endingAnOrbitEarlyAddsAStopAndLeavesTheOrbitAsItWas() throws {
        let ground = Ground(walkScene())
        var player = ActionPlayer(try script("""
        {"start": {"position": [0, 0, 0]}, "actions": [{"do": "orbit", "seconds": 10}]}
        """), over: ground, camera: nil, fps: 10)
        for _ in 0..<5 { player.advanceFrame(over: ground) }
        #expect(player.isOrbiting)
        player.endOrbit(at: player.time + 0.01)
        player.endOrbit(at: player.time + 0.02)
        #expect(player.actions.map(\.kind.command) == ["orbit", "stop-orbit"], "one stop, however often asked")
        #expect(player.actions[0].seconds == 10)
        player.advanceFrame(over: ground)
        #expect(!player.isOrbiting && player.view.eye == player.walker.eye)
        // Read back, the stop ends the orbit at the same frame.
        let read = try ActionScript(json: ActionScript(actions: player.actions).json())
        #expect(read.actions.map(\.kind.command) == ["orbit", "stop-orbit"])
    }
}
