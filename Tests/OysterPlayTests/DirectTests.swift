#if canImport(Glibc)
import Glibc
#endif
import OysterCore
import OysterGen
import OysterImage
import OysterMotion
@testable import OysterPlay
import OysterRender
import OysterStream
import Testing

/// Direct commands in a session: read into the script's own world-change actions at a frame
/// boundary, changing the hour, the weather and what stands in the world, and replayed by
/// `oyster-render --world --actions` to the same cameras and frames.
@Suite struct DirectTests {
    func live(_ world: StreamedWorld) throws -> PlaySimulation {
        try PlaySimulation(world: world, script: PlaySimulation.liveScript(world), fps: 24)
    }

    @Test func aCommandChangesTheHourAndTheWeatherAtTheNextFrame() throws {
        let (_, world) = try testWorld()
        let sim = try live(world)
        for _ in 0..<3 { try sim.advance() }
        #expect(sim.hour == world.recipe.timeOfDay)
        let reply = sim.direct(DirectCommand(reading: "please make it night and start snowing"))
        #expect(reply == "understood: night (set-time 22:30 over 0 s), snowing (weather snow over 0 s); not understood: 'please'")
        try sim.advance()
        #expect(sim.hour == 22.5)
        #expect(sim.direction.weather(at: sim.time) == .snow)
        // A blend: half way through "dawn over 2 seconds" the clock is between night and dawn.
        _ = sim.direct(DirectCommand(reading: "dawn over 2 seconds"))
        for _ in 0..<24 { try sim.advance() }
        #expect(sim.hour > 22.5 || sim.hour < 6, "half way from 22:30 to 06:00: \(sim.hour)")
        for _ in 0..<30 { try sim.advance() }
        #expect(sim.hour == 6)
    }

    /// "the villagers gather at the well" becomes the script's own gather action round the
    /// nearest well; a call naming a place the world lacks gathers round the player, saying so.
    @Test func aCallToGatherGoesToTheNearestWellAndIsScripted() throws {
        let (_, world) = try testWorld()
        let sim = try live(world)
        try sim.advance()
        let reply = sim.direct(DirectCommand(reading: "the villagers gather at the well"))
        #expect(reply.hasPrefix("understood: the villagers gather at the well"), "\(reply)")
        let feet = sim.walker.feet
        let well = try #require(world.landmark("well", near: SIMD2(feet.x, feet.z), within: PlaySimulation.gatheringSearch))
        let calls = sim.script.actions.compactMap { if case .gather(let g) = $0.kind { return g } else { return nil } }
        #expect(calls.count == 1)
        #expect(calls.first.map { SIMD2($0.x, $0.z) } == well)
        #expect(calls.first?.who == ["adventurer", "farmer", "merchant", "monk", "villager"])
        try sim.advance()
        #expect(sim.direction.gatherings.count == 1)
        let none = sim.direct(DirectCommand(reading: "everyone gather at the castle"))
        #expect(none.contains("; no castle within 150 m: they gather round you"), "\(none)")
        #expect(try ActionScript(json: sim.script.json()).actions == sim.script.actions)
    }

    @Test func nothingUnderstoodChangesNothing() throws {
        let (_, world) = try testWorld()
        let sim = try live(world)
        let before = sim.script
        #expect(sim.direct(DirectCommand(reading: "xyzzy")) == "nothing understood, nothing changed; not understood: 'xyzzy'")
        try sim.advance()
        #expect(sim.script.actions == before.actions)
    }

    /// Walks at a tower spawned "here" and is stopped by it, where the same walk without it
    /// goes on; the saved script replays the same cameras, tower and all.
    @Test func aSpawnedTowerIsSolidAndTheScriptReplaysIt() throws {
        let (_, world) = try testWorld()
        func walk(tower: Bool) throws -> (walked: Float, cameras: [(eye: Vec3, target: Vec3)], sim: PlaySimulation) {
            let sim = try live(world)
            var cameras: [(eye: Vec3, target: Vec3)] = []
            let start = sim.walker.feet
            for frame in 0..<144 {
                cameras.append(sim.camera)
                if frame == 2 {
                    #expect(sim.apply(ControlInput(seq: 1, forward: 1)))
                    if tower { #expect(sim.direct(DirectCommand(reading: "add a tower here")).hasPrefix("understood: tower (spawn a tower here")) }
                }
                try sim.advance()
            }
            let d = sim.walker.feet - start
            return ((d.x * d.x + d.z * d.z).squareRoot(), cameras, sim)
        }
        let open = try walk(tower: false), blocked = try walk(tower: true)
        #expect(open.walked > 7, "6 s at 1.5 m/s with nothing in the way: \(open.walked) m")
        #expect(blocked.walked < open.walked - 2, "the tower stops the walk: \(blocked.walked) m against \(open.walked) m")
        #expect(blocked.sim.direction.spawns.map(\.placed.thing) == ["tower"])

        let read = try ActionScript(json: blocked.sim.script.json())
        #expect(read.actions.contains { if case .spawn = $0.kind { return true } else { return false } })
        let home = world.establishingCamera
        let replay = try world.direct(read, camera: (home.eye, normalize(home.target - home.eye)), fps: 24)
        #expect(replay.direction.spawns.map(\.placed) == blocked.sim.direction.spawns.map(\.placed))
        let shot = try Shot(motion: .path(replay.path), duration: replay.path.duration, fps: 24)
        var same = 0
        for (f, c) in blocked.cameras.enumerated() {
            let o = shot.options(frame: f, base: RenderOptions())
            if o.eye == c.eye && o.target == c.target { same += 1 }
        }
        #expect(same == blocked.cameras.count, "\(blocked.cameras.count - same) of \(blocked.cameras.count) cameras differ from the replay's")
    }

    /// An orbit round a tower the session placed: the camera circles it while the walker
    /// stands, walking ends it at once, and the saved script replays every camera.
    @Test func anOrbitCirclesAPlacedTowerEndsWhenWalkingAndReplays() throws {
        let (_, world) = try testWorld()
        let sim = try live(world)
        var cameras: [(eye: Vec3, target: Vec3)] = [sim.camera]
        _ = sim.direct(DirectCommand(reading: "add a tower 30 m to the left"))
        try sim.advance()
        let tower = try #require(sim.direction.spawns.first?.placed)
        let feet = sim.walker.feet
        #expect(sim.direct(DirectCommand(reading: "camera: orbit the tower in slow motion")).hasPrefix("understood: orbit the tower"))
        for frame in 0..<96 {
            cameras.append(sim.camera)
            if frame == 60 { #expect(sim.apply(ControlInput(seq: 1, forward: 1))) }
            try sim.advance()
        }
        // Circling: the eye keeps its distance from the tower and goes round it.
        let orbiting = cameras[3...61].map { SIMD2($0.eye.x - tower.x, $0.eye.z - tower.z) }
        let radii = orbiting.map { ($0 * $0).sum().squareRoot() }
        #expect(radii.max()! - radii.min()! < 1e-2 && radii.min()! > 20, "\(radii.min()!)…\(radii.max()!)")
        let turned = atan2f(orbiting.last!.x, -orbiting.last!.y) - atan2f(orbiting.first!.x, -orbiting.first!.y)
        #expect(abs(turned) > 0.5, "the camera went round: \(turned) rad")
        #expect(sim.walker.feet != feet && length(cameras.last!.eye - sim.walker.eye) < 0.5,
                "walking ended the orbit: the view is the walker's eyes again")
        #expect(!sim.player.isOrbiting)
        #expect(sim.direction.clock(at: sim.time) < sim.time * 0.5, "slow motion: \(sim.direction.clock(at: sim.time)) s of world in \(sim.time) s")

        let read = try ActionScript(json: sim.script.json())
        let home = world.establishingCamera
        let replay = try world.direct(read, camera: (home.eye, normalize(home.target - home.eye)), fps: 24)
        let shot = try Shot(motion: .path(replay.path), duration: replay.path.duration, fps: 24)
        var same = 0
        for (f, c) in cameras.enumerated() {
            let o = shot.options(frame: f, base: RenderOptions())
            if o.eye == c.eye && o.target == c.target { same += 1 }
        }
        #expect(same == cameras.count, "\(cameras.count - same) of \(cameras.count) cameras differ from the replay's")
    }

    @Test func spawnsStopAtTheScriptsCapAndTheReplySaysSo() throws {
        let (_, world) = try testWorld()
        let sim = try live(world)
        var reply = ""
        // 12 a command: 22 commands make 264, over the cap of 256.
        for _ in 0..<22 {
            reply = sim.direct(DirectCommand(reading: "plant 12 pines"))
            try sim.advance()
        }
        #expect(sim.direction.spawns.count == ActionScript.maxSpawns)
        #expect(reply.contains("not placed: 8 things over the session's 256 spawns"), "\(reply)")
        // What was recorded still reads back (a script over the cap would be refused).
        #expect(throws: Never.self) { try ActionScript(json: sim.script.json()) }
    }
}

/// The same with frames: a live session's commands drawn as it plays and as the replay draws
/// them, frame for frame.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct DirectFrameTests {
    /// Mean luma of an RGB(A) 8-bit image, 0–255.
    func luma(_ image: PixelImage) -> Double {
        let s = image.samples8, c = image.channels
        var sum = 0.0
        for i in stride(from: 0, to: s.count, by: c) { sum += 0.2126 * Double(s[i]) + 0.7152 * Double(s[i + 1]) + 0.0722 * Double(s[i + 2]) }
        return sum / Double(s.count / c)
    }

    /// The command comes at frame 4, after it was drawn (as in a session: the frame goes out,
    /// then the page's command is read at the boundary): frame 5 is the first at night.
    @Test func nightAndATowerDarkenTheFramesAndReplayFrameForFrame() throws {
        let (_, world) = try testWorld()
        let sim = try PlaySimulation(world: world, script: PlaySimulation.liveScript(world), fps: 24)
        let maker = try FrameMaker(world: world, width: 64, height: 36, directedLight: true)
        defer { maker.tiles.stop() }
        var frames: [PixelImage] = []
        for f in 0..<20 {
            if f > 0 { try sim.advance() }
            if f == 4 {
                #expect(sim.apply(ControlInput(seq: 1, forward: 1)))
                #expect(!sim.direct(DirectCommand(reading: "make it night, add a tower here")).contains("not applied"))
            }
            let c = sim.camera
            frames.append(try #require(try maker.render(camera: c, time: sim.time, direction: sim.direction, upcoming: [])))
        }
        let day = luma(frames[4]), night = luma(frames[5])
        #expect(night < day * 0.6, "night is darker: \(night) against \(day)")

        let read = try ActionScript(json: sim.script.json())
        let home = world.establishingCamera
        let walk = try world.direct(read, camera: (home.eye, normalize(home.target - home.eye)), fps: 24)
        let shot = try Shot(motion: .path(walk.path), duration: Float(frames.count) / 24, fps: 24)
        var replayed: [[UInt8]] = []
        try world.render(shot, base: RenderOptions(width: 64, height: 36), renderer: try Renderer(), levelsOfDetail: true,
                         direction: walk.direction) { _, image in replayed.append(image.samples8) }
        #expect(replayed.count == frames.count)
        let differing = zip(replayed, frames).enumerated().filter { $0.element.0 != $0.element.1.samples8 }.map(\.offset)
        #expect(differing.isEmpty, "frames \(differing) of \(frames.count) differ from the replay's")
    }
}
