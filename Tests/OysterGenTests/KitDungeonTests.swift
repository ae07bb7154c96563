import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit dungeon")
struct KitDungeonTests {
    @Test(arguments: [1, 3, 8, 15, 24])
    func layoutHasExactlyTheRequestedRoomsAllConnectedAndApart(rooms: Int) {
        for seed: UInt64 in [1, 2, 3] {
            let L = DungeonLayout.generate(DungeonParams(rooms: rooms), seed: seed)
            #expect(L.rooms.count == rooms)
            #expect(L.reachableRooms() == Set(0..<rooms))
            for i in 0..<L.rooms.count {
                for j in (i + 1)..<L.rooms.count {
                    let a = L.rooms[i], b = L.rooms[j]
                    let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.z + a.depth <= b.z || b.z + b.depth <= a.z
                    #expect(apart)
                }
            }
            #expect(L.connections.count >= rooms - 1)
            for d in L.doors {
                #expect(abs(d.roomCell.x - d.corridorCell.x) + abs(d.roomCell.z - d.corridorCell.z) == 1)
                #expect(L.regionAt(d.roomCell.x, d.roomCell.z) == d.room)
                #expect(L.regionAt(d.corridorCell.x, d.corridorCell.z) == -2)
            }
            if rooms > 1 { #expect(!L.doors.isEmpty) }
        }
    }

    @Test func loopsAddLinksBeyondTheSpanningTree() {
        let tree = DungeonLayout.generate(DungeonParams(rooms: 10, loops: 0), seed: 4)
        let loopy = DungeonLayout.generate(DungeonParams(rooms: 10, loops: 3), seed: 4)
        #expect(tree.connections.count == 9)
        #expect(loopy.connections.count == 12)
    }

    @Test func dungeonGeometryHasPartsDoorsChestsAndTorches() {
        let m = Dungeon.build(DungeonParams(rooms: 7), seed: 9)
        #expect(kitModelProblems(m).isEmpty)
        for name in ["Floor", "Walls", "Ceiling", "Props"] { #expect(m.part(named: name) != nil, "\(name)") }
        let doors = m.flatParts.filter { $0.part.name.hasPrefix("Door_") }
        #expect(!doors.isEmpty)
        #expect(doors.allSatisfy { if case .swing = $0.part.animation { return true } else { return false } })
        let chests = m.flatParts.filter { $0.part.name.hasPrefix("Chest_") }
        #expect(!chests.isEmpty)
        for c in chests {
            let lid = c.part.children.first { $0.name == "Lid" }
            #expect(lid != nil)
            if case .swing = lid?.animation {} else { Issue.record("lid has no swing hint") }
        }
        let flames = m.flatParts.filter { $0.part.name.hasPrefix("TorchFlame_") }
        #expect(flames.count >= 7)
        #expect(m.lightAnchors.filter { $0.kind == .torchFlame }.count == flames.count)
        #expect(m.merged().kinds.contains(.gold))
        // Stone-by-stone masonry: far more than flat quads, within a sane budget.
        #expect(m.triangleCount > 30_000 && m.triangleCount < 600_000, "\(m.triangleCount)")
    }

    @Test func dungeonIsDeterministic() {
        let a = Dungeon.build(DungeonParams(rooms: 5), seed: 1), b = Dungeon.build(DungeonParams(rooms: 5), seed: 1)
        #expect(a == b)
        #expect(DungeonLayout.generate(DungeonParams(rooms: 5), seed: 1) != DungeonLayout.generate(DungeonParams(rooms: 5), seed: 2))
    }

    @Test func everyFloorCellIsPavedAndRoofed() throws {
        let p = DungeonParams(rooms: 4)
        let L = DungeonLayout.generate(p, seed: 6)
        let m = Dungeon.build(L, params: p, seed: 6)
        let floor = try #require(m.part(named: "Floor")?.mesh), ceiling = try #require(m.part(named: "Ceiling")?.mesh)
        let ox = -Float(L.width) * p.cellSize / 2, oz = -Float(L.depth) * p.cellSize / 2
        func cellsWith(_ pts: [Vec3], _ keep: (Vec3) -> Bool) -> Set<Int> {
            Set(pts.filter(keep).map { Int((($0.z - oz) / p.cellSize).rounded(.down)) * L.width + Int((($0.x - ox) / p.cellSize).rounded(.down)) })
        }
        // Stones whose top faces sit near floor level, and a ceiling above head height.
        let paved = cellsWith(try #require(floor.groups[.ashlar]).positions.map { $0 + Vec3(0.001, 0, 0.001) }) { abs($0.y) < 0.05 }
        // Roofed: some ceiling triangle above head height spans the cell's centre (in plan).
        var roofed = Set<Int>()
        for g in ceiling.groups.values {
            var t = 0
            while t + 2 < g.indices.count {
                let a = g.positions[Int(g.indices[t])], b = g.positions[Int(g.indices[t + 1])], c = g.positions[Int(g.indices[t + 2])]
                t += 3
                guard min(a.y, b.y, c.y) > p.wallHeight - 0.5 else { continue }
                let x0 = Int(((min(a.x, b.x, c.x) - ox) / p.cellSize - 0.5).rounded(.up)), x1 = Int(((max(a.x, b.x, c.x) - ox) / p.cellSize - 0.5).rounded(.down))
                let z0 = Int(((min(a.z, b.z, c.z) - oz) / p.cellSize - 0.5).rounded(.up)), z1 = Int(((max(a.z, b.z, c.z) - oz) / p.cellSize - 0.5).rounded(.down))
                guard x0 <= x1, z0 <= z1 else { continue }
                for z in z0...z1 { for x in x0...x1 { roofed.insert(z * L.width + x) } }
            }
        }
        for z in 0..<L.depth {
            for x in 0..<L.width where L.isFloor(x, z) {
                #expect(paved.contains(z * L.width + x), "cell \(x),\(z) unpaved")
                #expect(roofed.contains(z * L.width + x), "cell \(x),\(z) open to the sky")
            }
        }
    }

    @Test func viewpointStandsInsideTheLargestRoomLookingIn() {
        let p = DungeonParams(rooms: 6)
        let L = DungeonLayout.generate(p, seed: 42)
        let v = Dungeon.viewpoint(L, params: p)
        let cx = Int(((v.eye.x + Float(L.width) * p.cellSize / 2) / p.cellSize).rounded(.down))
        let cz = Int(((v.eye.z + Float(L.depth) * p.cellSize / 2) / p.cellSize).rounded(.down))
        #expect(L.regionAt(cx, cz) >= 0, "eye is in a room")
        #expect(v.eye.y > 1 && v.eye.y < p.wallHeight)
        #expect(length(v.target - v.eye) > 2)
    }
}
