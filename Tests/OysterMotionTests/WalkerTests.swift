import Foundation
import OysterCore
@testable import OysterMotion
import OysterRender
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

    @Test func badScriptsAreRefusedNamingTheActionAndWorldChangesAreNotIgnored() {
        let cases: [(String, String)] = [
            ("[]", "JSON object"),
            ("{\"actions\": [{\"do\": \"dance\", \"seconds\": 1}]}", "actions[0].do: 'dance'"),
            ("{\"actions\": [{\"do\": \"move\"}]}", "actions[0].seconds"),
            ("{\"actions\": [{\"do\": \"move\", \"seconds\": -1}]}", "actions[0].seconds"),
            ("{\"actions\": [{\"do\": \"turn\", \"seconds\": 1}]}", "actions[0].degrees"),
            ("{\"actions\": [{\"do\": \"move\", \"seconds\": 1, \"speed\": 1e9}]}", "speed"),
            ("{\"start\": {\"position\": [0, 0]}, \"actions\": []}", "start.position"),
            ("{\"actions\": [{\"do\": \"weather\", \"kind\": \"snow\"}]}", "'weather' changes the world"),
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
}
