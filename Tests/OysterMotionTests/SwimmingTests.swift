import OysterCore
@testable import OysterMotion
import Testing

/// A shore: flat ground at 0 west of x = 0, falling 0.3 m per metre east to a lake bed 3 m
/// down; a lake surface at 0 from x = -2 eastwards (under the ground on the land side, as a
/// generated lake's plane runs under its banks).
func lakeScene() -> Scene {
    var scene = Scene()
    func grid(_ name: String, x: ClosedRange<Float>, height: (Float) -> Float) {
        var positions: [Vec3] = [], indices: [UInt32] = []
        let n = 40
        for j in 0...n {
            for i in 0...n {
                let px = x.lowerBound + (x.upperBound - x.lowerBound) * Float(i) / Float(n), pz = Float(j) - 20
                positions.append(Vec3(px, height(px), pz))
            }
        }
        for j in 0..<n { for i in 0..<n { let a = UInt32(j * (n + 1) + i); indices += [a, a + UInt32(n + 1), a + 1, a + 1, a + UInt32(n + 1), a + UInt32(n + 2)] } }
        scene.meshes.append(Mesh(name: name, primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: positions)], indices: DataArray(indices: indices))]))
    }
    grid("Ground", x: -20...40) { max(-3, min(0, -0.3 * $0)) }
    grid("Lake", x: -2...40) { _ in 0 }
    scene.nodes = [Node(name: "Ground", mesh: 0, role: .terrain), Node(name: "Lake", mesh: 1, role: .water)]
    scene.roots = [SceneRoot(nodes: [0, 1])]
    scene.defaultRoot = 0
    return scene
}

struct SwimmingTests {
    @Test func waterIsNotGroundButItsSurfaceIsKnown() {
        let ground = Ground(lakeScene())
        #expect(abs((ground.height(x: 20, z: 0) ?? 0) + 3) < 1e-4, "the lake bed is the ground")
        #expect(abs((ground.waterSurface(x: 20, z: 0) ?? -9)) < 1e-4)
        #expect(ground.waterSurface(x: -10, z: 0) == nil)
    }

    @Test func walkingIntoALakeWadesThenSwimsWithTheHeadOutAndWalksOutAgain() throws {
        let ground = Ground(lakeScene())
        var player = ActionPlayer(try script("""
        {"start": {"position": [-6, 0, 0], "heading": 90}, "actions": [
          {"do": "move", "seconds": 30, "speed": 1.4}, {"do": "jump"}, {"do": "move", "seconds": 40, "speed": -1.4}]}
        """), over: ground, camera: nil, fps: 10)
        var seen: [Walker.Medium: [(x: Float, y: Float)]] = [:]
        for _ in 0..<700 {
            player.advanceFrame(over: ground)
            let w = player.walker
            seen[w.medium, default: []].append((w.feet.x, w.feet.y))
        }
        let land = try #require(seen[.land]), wading = try #require(seen[.wading]), swimming = try #require(seen[.swimming])
        // Land ends where the water is 0.3 m deep (x = 1), swimming starts at 1.3 m (x ≈ 4.33).
        #expect(land.allSatisfy { $0.x < 1.05 }, "\(land.map(\.x).max()!)")
        #expect(wading.allSatisfy { $0.x > 0.95 && $0.x < 4.4 })
        #expect(swimming.allSatisfy { $0.x > 4.3 })
        // Afloat: the feet 1.3 m under the surface, the eyes 0.4 m above it, never on the bed.
        for s in swimming { #expect(abs(s.y + Walker.swimDepth) < 0.02, "\(s)") }
        // 30 s at 1.4 m/s asked: 5.4 m of land and shallows at full or wading speed, the rest
        // swum at half speed, so it ends well short of the 36 m a dry walk would go.
        let farthest = swimming.map(\.x).max()!
        #expect(farthest > 12 && farthest < 20, "\(farthest)")
        // The jump in deep water does nothing; walking back climbs out onto dry land.
        #expect(player.walker.medium == .land)
        #expect(abs(player.walker.feet.y) < 1e-3 && player.walker.feet.x < 0, "\(player.walker.feet)")
    }

    @Test func flyingIntoTheLakeStopsAtItsSurface() throws {
        let ground = Ground(lakeScene())
        let path = try Walker.camera(for: try script("""
        {"start": {"position": [20, 0, 0], "heading": 90, "pitch": -60}, "actions": [{"do": "fly"}, {"do": "move", "seconds": 5, "speed": 4}]}
        """), over: ground, camera: nil, fps: 10)
        for key in path.keys { #expect(key.position.y >= Walker.eyeHeight - Walker.swimDepth - 1e-3, "\(key.position)") }
    }
}
