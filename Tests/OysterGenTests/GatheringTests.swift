import OysterCore
import Testing
@testable import OysterGen

/// Calls to gather ("the villagers gather at the well"): who answers, where they go, and that
/// the walk starts where the tiles show them and ends where they stand.
@Suite struct GatheringTests {
    let recipe = smallRecipe("a village", seed: 1)
    var stream: ChunkGenerator.Stream { ChunkGenerator.Stream(recipe, size: 64) }

    /// The rig's place and heading in a gathering scene at `t` (its one character).
    func rig(_ scene: Scene, at t: Float) -> (Vec3, Float) {
        // The character's node holds its rig and body (the group above it has the role too).
        let holder = scene.nodes.firstIndex { $0.role == .character && $0.children.contains { scene.nodes[$0].skin != nil } }!
        let rig = scene.nodes[holder].children[0]
        let m = scene.pose(at: t, animations: Array(scene.animations.indices), looping: true).worldMatrices[rig].m
        return (Vec3(m[12], m[13], m[14]), katan2(m[8], m[10]))
    }

    func well(_ s: ChunkGenerator.Stream) throws -> Vec2 {
        try #require(s.landmark("well", near: Vec2(0, 0), within: 150))
    }

    @Test func villagersWalkFromWhereTheTilesShowThemToRingsRoundTheWell() throws {
        let s = stream
        let well = try well(s)
        let clock: Float = 7.3
        let people = s.gather(nil, at: well, clearance: s.gatheringClearance(round: well), clock: clock)
        let plan = s.map.inhabitants.people.filter { if case .stand(_, _, _, let floor) = $0.doing { return floor == nil }; return true }
        #expect(s.gatheringClearance(round: well) == 2.3)
        #expect(!people.isEmpty && people.count <= plan.count)
        var spots: [Vec2] = []
        var tiles: [SIMD2<Int>: Scene] = [:]
        for p in people {
            // Until the call it stands where the tile that owns it shows it at that moment.
            let anchor = try #require(plan.first { $0.name == p.name }).doing.anchor
            let key = SIMD2(Int((anchor.x / 64).rounded(.down)), Int((anchor.y / 64).rounded(.down)))
            if tiles[key] == nil { tiles[key] = s.tile(x: key.x, z: key.y) }
            let tile = try #require(tiles[key])
            let holder = try #require(tile.nodes.firstIndex { $0.role == .character && $0.name == p.name })
            let tilePose = tile.pose(at: clock, animations: Array(tile.animations.indices), looping: true)
            let shown = tilePose.worldMatrices[tile.nodes[holder].children[0]].m
            let from = Vec3(shown[12], shown[13], shown[14])
            let (start, _) = rig(p.walking, at: clock)
            #expect(length(start - from) < 0.02, "\(p.name) starts \(length(start - from)) m from where its tile shows it")
            // It ends where its standing scene stands, facing the well.
            let (end, _) = rig(p.walking, at: p.settled - 0.001)
            let (stand, facing) = rig(p.standing, at: 0)
            #expect(length(end - stand) < 0.02 && length(stand - p.end) < 0.02)
            let toWell = well - Vec2(stand.x, stand.z)
            #expect(abs(katan2(toWell.x, toWell.y) - facing).truncatingRemainder(dividingBy: 2 * .pi) < 0.05)
            // Round the well, outside its clearance (less half a stride), within a few rings.
            let d = length(Vec2(stand.x, stand.z) - well)
            // Inner rings fill first: each holds at least six, so nobody stands beyond the rings
            // the crowd needs (and half a stride).
            let rings = Float(people.count / 6 + 1)
            #expect(d > s.gatheringClearance(round: well) - 0.6 && d < 2.3 + rings * Gathering.spacing + 0.6, "\(p.name) stands \(d) m from the well")
            // The walk is whole walk loops at the walk's speed, so its feet stay planted.
            let walked = length(Vec2(stand.x, stand.z) - Vec2(from.x, from.z))
            let stride = CharacterClip.walk.rootSpeed * CharacterClip.walk.duration
            #expect(abs(walked / stride - (walked / stride).rounded()) < 0.01)
            spots.append(Vec2(stand.x, stand.z))
        }
        // The first ring (six places at least) fills before any other.
        #expect(spots.filter { length($0 - well) < 2.3 + 0.6 }.count >= min(people.count, 6))
        // Nobody shares a place.
        for i in spots.indices { for j in spots.indices where j > i { #expect(length(spots[i] - spots[j]) > 0.5) } }
    }

    @Test func aCallNamesWhoComes() throws {
        let s = stream
        let well = try well(s)
        let farmers = s.gather([.farmer], at: well, clearance: 2.3, clock: 0)
        let planFarmers = s.map.inhabitants.people.filter { $0.role == .farmer }
        #expect(!planFarmers.isEmpty)
        #expect(Set(farmers.map(\.name)) == Set(planFarmers.map(\.name)))
        // Nobody answers a call far from everyone.
        #expect(s.gather(nil, at: Vec2(5000, 5000), clearance: 1, clock: 0).isEmpty)
        // Nobody lives in a world with nobody.
        var empty = recipe
        empty.characters = []
        let nobody = ChunkGenerator.Stream(empty, size: 64)
        #expect(nobody.gather(nil, at: well, clearance: 1, clock: 0).isEmpty)
    }

    @Test func aSecondCallSetsOutFromTheFirstCallsPlaces() throws {
        let s = stream
        let well = try well(s)
        let first = s.gather(nil, at: well, clearance: 2.3, clock: 0)
        let moved = Dictionary(uniqueKeysWithValues: first.map { ($0.name, (at: $0.end, yaw: $0.facing)) })
        let second = s.gather(nil, at: well + Vec2(6, 0), clearance: 1, clock: 40, moved: moved)
        for p in second {
            let before = try #require(moved[p.name])
            #expect(length(rig(p.walking, at: 40).0 - before.at) < 0.02)
        }
    }

    @Test func gatheringsAreTheSameEveryTime() throws {
        let a = stream, b = stream
        let well = try well(a)
        let x = a.gather(nil, at: well, clearance: 2.3, clock: 3), y = b.gather(nil, at: well, clearance: 2.3, clock: 3)
        #expect(x.map(\.name) == y.map(\.name) && x.map(\.settled) == y.map(\.settled) && x.map(\.end) == y.map(\.end))
    }
}
