import Foundation
import OysterCore
@testable import OysterMotion
import OysterJSON
import OysterRender
import OysterTestSupport
import Testing

/// A 40 m square of ground with a slope up to the east, a house (a turned box) and a low step.
func walkScene() -> Scene {
    var scene = Scene()
    // Ground: a grid rising 1 m per 10 m towards +X.
    var positions: [Vec3] = [], indices: [UInt32] = []
    let n = 20
    for j in 0...n { for i in 0...n { let x = Float(i) * 2 - 20, z = Float(j) * 2 - 20; positions.append(Vec3(x, max(0, x) * 0.1, z)) } }
    for j in 0..<n { for i in 0..<n { let a = UInt32(j * (n + 1) + i); indices += [a, a + UInt32(n + 1), a + 1, a + 1, a + UInt32(n + 1), a + UInt32(n + 2)] } }
    scene.meshes.append(Mesh(name: "Ground", primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: positions)], indices: DataArray(indices: indices))]))
    func box(_ name: String, size: Vec3) {
        let h = size / 2
        var p: [Vec3] = []
        for i in 0..<8 { p.append(Vec3(i & 1 == 0 ? -h.x : h.x, i & 2 == 0 ? 0 : size.y, i & 4 == 0 ? -h.z : h.z)) }
        let top: [UInt32] = [2, 6, 3, 3, 6, 7]
        scene.meshes.append(Mesh(name: name, primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: p)], indices: DataArray(indices: top + [0, 1, 4, 1, 5, 4]))]))
    }
    box("House", size: Vec3(6, 5, 4))
    box("Step", size: Vec3(2, 0.3, 2))
    scene.nodes = [
        Node(name: "Ground", mesh: 0, role: .terrain),
        Node(name: "House", transform: .trs(translation: Vec3(-10, 0, -10), rotation: Quat(angle: 0.5, axis: Vec3(0, 1, 0)), scale: .one), mesh: 1, role: .structure),
        Node(name: "Step", transform: .trs(translation: Vec3(-10, 0, 10), rotation: .identity, scale: .one), mesh: 2, role: .prop),
    ]
    scene.roots = [SceneRoot(nodes: [0, 1, 2])]
    scene.defaultRoot = 0
    return scene
}

func script(_ text: String) throws -> ActionScript { try ActionScript(json: Array(text.utf8)) }

struct WalkerTests {
    @Test func theGroundHasTheHeightOfItsSlopeAndFloorsBelowARoofWin() throws {
        let ground = Ground(walkScene())
        #expect(abs((ground.height(x: 10, z: 0) ?? -1) - 1) < 1e-4)
        #expect(abs((ground.height(x: -5, z: 3) ?? -1)) < 1e-4)
        // On the house's roof from above; under it from the ground.
        #expect(abs((ground.height(x: -10, z: -10) ?? -1) - 5) < 1e-4)
        #expect(abs((ground.height(x: -10, z: -10, below: 1) ?? -1)) < 1e-4)
        #expect(ground.height(x: 100, z: 0) == nil)
    }

    @Test func aWalkFollowsTheSlopeAtWalkingSpeed() throws {
        let walk = try Walker.camera(for: try script("""
        {"start": {"position": [0, 5, 0], "heading": 90}, "actions": [{"do": "move", "seconds": 5, "speed": 2}]}
        """), over: Ground(walkScene()), camera: nil, fps: 10)
        #expect(walk.keys.count == 51)
        let end = walk.keys.last!.position
        // 10 m east, on a 10 % slope: 1 m up, eyes 1.7 m above the feet.
        #expect(abs(end.x - 10) < 0.05 && abs(end.z) < 1e-3, "\(end)")
        #expect(abs(end.y - (1 + Walker.eyeHeight)) < 0.05, "\(end)")
        // Put on the ground under the start point (given 5 m up).
        #expect(abs(walk.keys[0].position.y - Walker.eyeHeight) < 1e-4)
    }

    @Test func aHouseStopsTheWalkerButALowStepIsClimbed() throws {
        let ground = Ground(walkScene())
        // Straight at the turned house from 8 m south of its centre.
        let blocked = try Walker.camera(for: try script("""
        {"start": {"position": [-10, 0, -2], "heading": 0}, "actions": [{"do": "move", "seconds": 8, "speed": 2}]}
        """), over: ground, camera: nil, fps: 10)
        // It slides along the wall and round the corner, but is never inside: in the house's
        // frame the feet stay out of its 6 × 4 m footprint grown by the walker's radius.
        let house = try #require(ground.solids.first { $0.top > 4 })
        for key in blocked.keys {
            let local = house.toLocal.transformPoint(key.position - Vec3(0, Walker.eyeHeight, 0))
            #expect(abs(local.x) >= 3 + Walker.radius - 1e-3 || abs(local.z) >= 2 + Walker.radius - 1e-3, "inside at \(key.time) s: \(local)")
            #expect(abs(key.position.y - Walker.eyeHeight) < 0.05, "on the ground at \(key.time) s")
        }
        #expect(abs(blocked.keys.last!.position.x + 10) > 3, "slid along the wall: \(blocked.keys.last!.position)")
        // Over the 0.3 m step: up onto it and down again.
        let over = try Walker.camera(for: try script("""
        {"start": {"position": [-10, 0, 16], "heading": 0}, "actions": [{"do": "move", "seconds": 6, "speed": 2}]}
        """), over: ground, camera: nil, fps: 10)
        #expect(over.keys.last!.position.z < 6, "walked past the step")
        #expect(over.keys.map(\.position.y).max()! > Walker.eyeHeight + 0.25, "stood on the step")
    }

    @Test func aJumpRisesAndLandsAndFlyingLeavesTheGround() throws {
        let walk = try Walker.camera(for: try script("""
        {"start": {"position": [-5, 0, 0]}, "actions": [{"do": "jump"}, {"do": "wait", "seconds": 2}, {"do": "fly"}, {"do": "look", "degrees": 45, "seconds": 0}, {"do": "move", "seconds": 2, "speed": 5}]}
        """), over: Ground(walkScene()), camera: nil, fps: 20)
        let heights = walk.keys.map { $0.position.y - Walker.eyeHeight }
        // v²/2g = 4.5² / 19.62 ≈ 1.03 m.
        #expect(abs(heights[0...30].max()! - 1.03) < 0.05, "\(heights[0...30].max()!)")
        #expect(abs(heights[40]) < 0.01, "landed")
        // Flying 10 m at 45° up.
        #expect(abs(heights.last! - 7.07) < 0.1, "\(heights.last!)")
    }

    @Test func theSameScriptGivesTheSameCamera() throws {
        let s = try script("""
        {"actions": [{"do": "move", "seconds": 3}, {"do": "turn", "degrees": -60, "seconds": 1, "at": 1}, {"do": "strafe", "seconds": 1, "speed": -1}]}
        """)
        let a = try Walker.camera(for: s, over: Ground(walkScene()), camera: (Vec3(0, 10, 5), Vec3(0, 0, -1)), fps: 24)
        let b = try Walker.camera(for: s, over: Ground(walkScene()), camera: (Vec3(0, 10, 5), Vec3(0, 0, -1)), fps: 24)
        #expect(a == b)
        #expect(abs(a.keys[0].position.z - 5) < 1e-4, "started under the camera")
    }

    @Test func badScriptsAreRefusedNamingTheAction() {
        let cases: [(String, String)] = [
            ("[]", "JSON object"),
            ("{\"actions\": [{\"do\": \"dance\", \"seconds\": 1}]}", "actions[0].do: 'dance'"),
            ("{\"actions\": [{\"do\": \"move\"}]}", "actions[0].seconds"),
            ("{\"actions\": [{\"do\": \"move\", \"seconds\": -1}]}", "actions[0].seconds"),
            ("{\"actions\": [{\"do\": \"turn\", \"seconds\": 1}]}", "actions[0].degrees"),
            ("{\"actions\": [{\"do\": \"move\", \"seconds\": 1, \"speed\": 1e9}]}", "speed"),
            ("{\"start\": {\"position\": [0, 0]}, \"actions\": []}", "start.position"),
            ("{\"actions\": [{\"do\": \"move\", \"seconds\": 3000, \"at\": 3000}]}", "ends after"),
        ]
        for (text, expected) in cases {
            #expect {
                _ = try script(text)
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }

    // MARK: - World changes

    @Test func worldChangesAreReadWithTheirHourKindThingAndPlace() throws {
        let s = try script("""
        {"actions": [
          {"do": "set-time", "to": "19:30", "seconds": 10},
          {"do": "move", "seconds": 2},
          {"do": "weather", "kind": "snow"},
          {"do": "spawn", "thing": "tower", "at": "ahead", "heading": 90},
          {"do": "spawn", "thing": "oak", "at": [10, 0, -20], "when": 5},
          {"do": "set-time", "to": 6.25, "at": 7},
          {"do": "set-time", "to": "24:00"}
        ]}
        """)
        #expect(s.actions.map(\.kind) == [
            .setTime(hour: 19.5), .move(speed: 1.4), .weather("snow"),
            .spawn(ActionScript.Spawn(thing: "tower", place: .ahead(metres: ActionScript.defaultAhead), heading: .pi / 2)),
            .spawn(ActionScript.Spawn(thing: "oak", place: .point(x: 10, z: -20))),
            .setTime(hour: 6.25), .setTime(hour: 0),
        ])
        // A world change takes effect at its start and does not hold up what follows: the walk
        // starts with the sunset's blend, the weather and the tower when the walk ends.
        #expect(s.actions.map(\.at) == [0, 0, 2, 2, 5, 7, 7])
        #expect(s.actions[0].seconds == 10 && s.duration == 10)
        #expect(s.changesWorld)
        #expect(try !script("{\"actions\": [{\"do\": \"move\", \"seconds\": 1}]}").changesWorld)
    }

    @Test func badWorldChangesAreRefusedSayingWhatIsWrong() {
        let cases: [(String, String)] = [
            ("{\"do\": \"set-time\", \"to\": \"25:00\"}", "actions[0].to: an hour as \"HH:MM\""),
            ("{\"do\": \"set-time\", \"to\": \"7:5\"}", "not '7:5'"),
            ("{\"do\": \"set-time\", \"to\": 30}", "actions[0].to"),
            ("{\"do\": \"set-time\"}", "actions[0].to"),
            ("{\"do\": \"set-time\", \"to\": \"12:00\", \"seconds\": -2}", "actions[0].seconds"),
            ("{\"do\": \"weather\"}", "actions[0].kind: which weather"),
            ("{\"do\": \"spawn\", \"at\": \"ahead\"}", "actions[0].thing"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\"}", "actions[0].at: where to spawn"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": \"behind\"}", "actions[0].at must be"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": [2e6, 0, 0]}", "off the world"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": \"ahead\", \"distance\": 900}", "actions[0].distance"),
            ("{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": [0, 0, 0], \"when\": -1}", "actions[0].when"),
        ]
        for (action, expected) in cases {
            #expect {
                _ = try script("{\"actions\": [\(action)]}")
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
        let many = (0...ActionScript.maxSpawns).map { _ in "{\"do\": \"spawn\", \"thing\": \"rock\", \"at\": \"ahead\"}" }
        #expect(throws: ActionScriptError.invalid("actions[\(ActionScript.maxSpawns)]: at most \(ActionScript.maxSpawns) spawns in a script")) {
            _ = try script("{\"actions\": [\(many.joined(separator: ","))]}")
        }
    }

    @Test func aSpawnAheadLandsWhereTheWalkerIsThenAndItsCallerMakesItSolid() throws {
        // Walk 2 s north (−Z) at 2 m/s, then spawn a 4 m box 5 m ahead and keep walking: the
        // box lands 5 m beyond where the walker stood at 2 s and stops it short of it.
        let s = try script("""
        {"start": {"position": [0, 0, 20], "heading": 0}, "actions": [
          {"do": "move", "seconds": 2, "speed": 2},
          {"do": "spawn", "thing": "box", "at": "ahead", "distance": 5},
          {"do": "move", "seconds": 4, "speed": 2}
        ]}
        """)
        let surface = EditedSurface(Ground(walkScene()))
        var placed: [PlacedSpawn] = []
        let path = try Walker.camera(for: s, over: surface, camera: nil, fps: 24) { spawn in
            placed.append(spawn)
            // A 4 m box standing on the ground there (only its lid's triangles: the box is
            // what makes it solid).
            let p = [Vec3(-2, 0, -2), Vec3(2, 0, -2), Vec3(2, 4, 2), Vec3(-2, 4, 2), Vec3(2, 4, -2), Vec3(-2, 4, -2)]
            var box = Scene()
            box.meshes.append(Mesh(name: "Box", primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: p)], indices: DataArray(indices: [5, 3, 4, 4, 3, 2, 0, 1, 2]))]))
            box.nodes = [Node(name: "Box", transform: .trs(translation: Vec3(spawn.x, 0, spawn.z), rotation: .identity, scale: .one), mesh: 0, role: .structure)]
            box.roots = [SceneRoot(nodes: [0])]
            surface.add(Ground(box))
        }
        let spawn = try #require(placed.first)
        #expect(placed.count == 1 && spawn.thing == "box" && spawn.action == 1 && abs(spawn.time - 2) < 1e-3)
        #expect(abs(spawn.x) < 1e-3 && abs(spawn.z - (20 - 4 - 5)) < 0.05, "5 m ahead of z = 16: \(spawn.z)")
        #expect(abs(spawn.heading) < 1e-6, "turned as the walker is")
        // Without the box the walk would reach z = 8; the box's near face is at 11 + 2 = 13.
        let end = try #require(path.keys.last).position
        #expect(end.z > 13 && end.z < 13.5, "stopped by the spawned box at \(end.z)")
    }

    @Test func theSchemasExamplesAndTheFixturesAreScriptsThisReaderTakes() throws {
        let direct = try ActionScript(json: try FileIO.read(RepoPaths.fixture("actions/direct.json")))
        #expect(direct.changesWorld && direct.duration == 10)
        _ = try ActionScript(json: try FileIO.read(RepoPaths.fixture("actions/walk.json")))
        let schema = try JSONParser.parse(try FileIO.read(RepoPaths.root + "/docs/action-script.schema.json"))
        let examples = try #require(schema["examples"]?.arrayValue)
        #expect(examples.count >= 2)
        for example in examples {
            _ = try ActionScript(json: JSONWriter.write(example))
        }
    }
}

/// A script written out (how a live session is saved) reads back equal, world changes included.
@Suite struct ActionScriptWritingTests {
    @Test func worldChangesReadBackEqual() throws {
        let json = """
        {"start": {"position": [1, 2, 3], "heading": 30}, "actions": [
          {"do": "move", "seconds": 2},
          {"do": "set-time", "to": "19:30", "seconds": 10},
          {"do": "weather", "kind": "snow", "at": 1, "seconds": 4},
          {"do": "spawn", "thing": "tower", "at": [10, 0, -20], "heading": 45, "when": 3},
          {"do": "spawn", "thing": "oak", "at": "ahead", "distance": 8}
        ]}
        """
        let script = try ActionScript(json: Array(json.utf8))
        #expect(script.actions.count == 5)
        let read = try ActionScript(json: script.json())
        #expect(read == script)
    }
}
