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
        #expect(m.triangleCount > 2000 && m.triangleCount < 60000, "\(m.triangleCount)")
    }

    @Test func dungeonIsDeterministic() {
        let a = Dungeon.build(DungeonParams(rooms: 5), seed: 1), b = Dungeon.build(DungeonParams(rooms: 5), seed: 1)
        #expect(a == b)
        #expect(DungeonLayout.generate(DungeonParams(rooms: 5), seed: 1) != DungeonLayout.generate(DungeonParams(rooms: 5), seed: 2))
    }

    @Test func everyFloorCellIsCoveredAndNoWallFaceSitsOnAFloorCellCentre() {
        let p = DungeonParams(rooms: 4)
        let L = DungeonLayout.generate(p, seed: 6)
        let m = Dungeon.build(L, params: p, seed: 6)
        let floorCells = L.region.filter { $0 != -1 }.count
        #expect(m.part(named: "Floor")!.mesh.triangleCount == floorCells * 2)
        #expect(m.part(named: "Ceiling")!.mesh.triangleCount == floorCells * 2)
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
