import OysterCore
import Testing
@testable import OysterGen

/// Dungeons built like a modular stone kit: enough real shape, relief on every wall, arched
/// doorways, props on the floor, and a budget that holds for big layouts.
@Suite("Dungeon detail")
struct DungeonDetailTests {
    /// A prompt's recipe at default detail, with tiny textures so the test stays quick.
    func world(_ prompt: String, seed: UInt64 = 7) -> Scene {
        var r = PromptInterpreter.interpret(prompt, seed: seed).recipe
        r.textureResolution = 16
        return WorldGenerator.generate(r)
    }

    @Test(arguments: ["an underground crypt with eight rooms, candles and gold", "a dark dungeon with three rooms and torches"])
    func promptedInteriorsMeetTheSceneAcceptanceRule(_ prompt: String) {
        let s = world(prompt).statistics
        #expect(s.triangles >= 50_000, "\(s.triangles) triangles")
        #expect(s.materials >= 5)
        #expect(s.textures >= 3)
        #expect(s.lights >= 1 && s.cameras >= 1 && s.animations >= 1)
    }

    @Test func cryptWordsSelectTheCryptStyleAndDungeonWordsDoNot() {
        let crypt = PromptInterpreter.interpret("an underground crypt with eight rooms, candles and gold").recipe
        #expect(crypt.has(.crypt))
        #expect(crypt.feature(.dungeon)?.count == 8)
        #expect(InteriorWorld.params(crypt, rooms: 8).style == .crypt)
        let dungeon = PromptInterpreter.interpret("a dark dungeon with three rooms and torches").recipe
        #expect(!dungeon.has(.crypt))
        #expect(InteriorWorld.params(dungeon, rooms: 3).style == .dungeon)
    }

    @Test func wallsAreStoneBlocksWithReliefNotFlatQuads() throws {
        let p = DungeonParams(rooms: 3)
        let L = DungeonLayout.generate(p, seed: 1)
        let walls = try #require(Dungeon.build(L, params: p, seed: 1).part(named: "Walls")?.mesh)
        let stones = try #require(walls.groups[.ashlar])
        // The north wall of the first room: its face plane is z = room edge + inset.
        let r = L.rooms[0]
        let ox = -Float(L.width) * p.cellSize / 2, oz = -Float(L.depth) * p.cellSize / 2
        let plane = oz + Float(r.z) * p.cellSize + DungeonGrid.inset
        let x0 = ox + Float(r.x) * p.cellSize + 0.5, x1 = ox + Float(r.x + r.width) * p.cellSize - 0.5
        let onWall = stones.positions.filter { $0.x > x0 && $0.x < x1 && $0.y > 0.5 && $0.y < p.wallHeight - 0.4 && abs($0.z - plane) < 0.12 }
        #expect(onWall.count > 50)
        let offsets = onWall.map { $0.z - plane }
        let spread = (offsets.max() ?? 0) - (offsets.min() ?? 0)
        #expect(spread > 0.01, "wall vertices deviate from the plane by up to \(spread) m")
        // Stones of one wall stand proud by different amounts (random inset per stone).
        let fronts = Set(offsets.filter { $0 > 0.01 }.map { Int(($0 * 1000).rounded()) })
        #expect(fronts.count > 5)
    }

    @Test(arguments: [DungeonStyle.dungeon, .crypt])
    func everyDoorHasAnArchAboveAClearOpening(_ style: DungeonStyle) throws {
        let p = DungeonParams(rooms: 5, style: style)
        let L = DungeonLayout.generate(p, seed: 11)
        let m = Dungeon.build(L, params: p, seed: 11)
        let walls = try #require(m.part(named: "Walls")?.mesh)
        let stones = try #require(walls.groups[.ashlar]).positions
        let ox = -Float(L.width) * p.cellSize / 2, oz = -Float(L.depth) * p.cellSize / 2
        #expect(!L.doors.isEmpty)
        for d in L.doors {
            let rc = Vec3(ox + (Float(d.roomCell.x) + 0.5) * p.cellSize, 0, oz + (Float(d.roomCell.z) + 0.5) * p.cellSize)
            let cc = Vec3(ox + (Float(d.corridorCell.x) + 0.5) * p.cellSize, 0, oz + (Float(d.corridorCell.z) + 0.5) * p.cellSize)
            let mid = (rc + cc) * 0.5, out = normalize(cc - rc), across = cross(Vec3(0, 1, 0), out)
            func local(_ v: Vec3) -> (a: Float, o: Float, y: Float) { (dot(v - mid, across), dot(v - mid, out), v.y) }
            let inWall = stones.map(local).filter { abs($0.o) < DungeonGrid.inset + 0.12 }
            // Voussoirs: stones over the opening's middle, between 1.9 m and the wall top.
            let arch = inWall.filter { abs($0.a) < 0.3 && $0.y > 1.9 && $0.y < p.wallHeight }
            #expect(arch.count >= 8, "door at \(d.roomCell): \(arch.count) arch vertices")
            // The opening itself is clear below the springing (the sill is under 4 cm).
            let blocking = inWall.filter { abs($0.a) < 0.5 && $0.y > 0.05 && $0.y < 1.8 }
            #expect(blocking.isEmpty, "door at \(d.roomCell) blocked by \(blocking.count) vertices")
        }
        let doors = m.flatParts.filter { $0.part.name.hasPrefix("Door_") }
        #expect(doors.count == L.doors.count)
        #expect(doors.allSatisfy { if case .swing = $0.part.animation { return true } else { return false } })
    }

    @Test func roomsAreVaultedAndCorridorsBeamed() throws {
        let p = DungeonParams(rooms: 3)
        let m = Dungeon.build(p, seed: 2)
        let ceiling = try #require(m.part(named: "Ceiling")?.mesh)
        // A vault rises above the wall top; corridors carry timber beams.
        #expect(ceiling.bounds.max.y > p.wallHeight + 1)
        #expect(ceiling.kinds.contains(.timber))
        let floor = try #require(m.part(named: "Floor")?.mesh)
        let tops = Set(try #require(floor.groups[.ashlar]).positions.filter { $0.y > -0.01 }.map { Int(($0.y * 1000).rounded()) })
        #expect(tops.count > 10, "flagstones and cobbles sit at varying heights")
    }

    @Test(arguments: [1, 2, 3])
    func vaultEndsAreClosedByLunettes(seed: UInt64) throws {
        let p = DungeonParams(rooms: 4)
        let L = DungeonLayout.generate(p, seed: seed)
        let ceiling = try #require(Dungeon.build(L, params: p, seed: seed).part(named: "Ceiling")?.mesh)
        let g = DungeonGrid(L, params: p)
        var tris: [(Vec3, Vec3, Vec3)] = []
        for grp in ceiling.groups.values {
            var t = 0
            while t + 2 < grp.indices.count {
                tris.append((grp.positions[Int(grp.indices[t])], grp.positions[Int(grp.indices[t + 1])], grp.positions[Int(grp.indices[t + 2])]))
                t += 3
            }
        }
        for r in L.rooms {
            let lo = g.corner(r.x, r.z), hi = g.corner(r.x + r.width, r.z + r.depth), i = DungeonGrid.inset
            let v = Vault(x0: lo.x + i, x1: hi.x - i, z0: lo.z + i, z1: hi.z - i, spring: g.H, riseRatio: 0.3)
            let span = v.alongX ? v.z1 - v.z0 : v.x1 - v.x0
            let rise = (v.height(atSpan: v.spanMid) ?? g.H) - g.H
            for end in [v.axisRange.0, v.axisRange.1] {
                // Area of ceiling triangles lying in the end wall's plane, above the wall top.
                var area: Float = 0
                for (a, b, c) in tris {
                    let k = v.alongX ? [a.x, b.x, c.x] : [a.z, b.z, c.z]
                    guard k.allSatisfy({ abs($0 - end) < 0.002 }), min(a.y, b.y, c.y) > g.H - 0.05 else { continue }
                    area += length(cross(b - a, c - a)) / 2
                }
                #expect(area > span * rise * 0.6, "room \(r.x),\(r.z) end \(end): lunette area \(area) of about \(span * rise * 2 / 3)")
            }
        }
    }

    @Test func propsStandOnTheFloor() throws {
        let scene = world("an underground crypt with four rooms, candles and gold", seed: 3)
        let world = scene.worldMatrices()
        let group = try #require(scene.nodes.firstIndex { $0.name == "Props" && $0.mesh == nil })
        #expect(scene.nodes[group].children.contains { scene.nodes[$0].name?.hasPrefix("Sarcophagus_") == true })
        func lowest(_ n: Int) -> Float {
            var y = Float.greatestFiniteMagnitude
            if let mi = scene.nodes[n].mesh {
                for prim in scene.meshes[mi].primitives {
                    guard let pos = prim.attributes["POSITION"] else { continue }
                    for i in 0..<pos.count { y = min(y, world[n].transformPoint(pos.vec3(i)).y) }
                }
            }
            for c in scene.nodes[n].children { y = min(y, lowest(c)) }
            return y
        }
        for c in scene.nodes[group].children {
            let y = lowest(c)
            #expect(y > -0.1 && y < 0.06, "\(scene.nodes[c].name ?? "?") lowest point \(y)")
        }
    }

    @Test func cryptsHaveNichesCandlesAndPointedDoorways() {
        let crypt = Dungeon.build(DungeonParams(rooms: 4, style: .crypt), seed: 5)
        let plain = Dungeon.build(DungeonParams(rooms: 4, style: .dungeon), seed: 5)
        #expect(crypt.lightAnchors.contains { $0.kind == .candle })
        #expect(crypt.merged().kinds.contains(.bone))
        #expect(crypt.triangleCount != plain.triangleCount)
        #expect(kitModelProblems(crypt).isEmpty)
    }

    @Test func dungeonsAreDeterministic() {
        let p = DungeonParams(rooms: 4, style: .crypt)
        #expect(Dungeon.build(p, seed: 8) == Dungeon.build(p, seed: 8))
        #expect(Dungeon.build(p, seed: 8) != Dungeon.build(p, seed: 9))
    }

    @Test func detailSpreadsABudgetSoSmallDungeonsAreFinerAndBigOnesCapped() {
        let small = Dungeon.build(DungeonParams(rooms: 2), seed: 4)
        let big = Dungeon.build(DungeonParams(rooms: 64, loops: 16), seed: 4)
        #expect(small.triangleCount >= 40_000, "\(small.triangleCount)")
        #expect(big.triangleCount < 1_300_000, "\(big.triangleCount)")
        let sg = DungeonGrid(DungeonLayout.generate(DungeonParams(rooms: 2), seed: 4), params: DungeonParams(rooms: 2))
        let bg = DungeonGrid(DungeonLayout.generate(DungeonParams(rooms: 64, loops: 16), seed: 4), params: DungeonParams(rooms: 64, loops: 16))
        #expect(sg.detail.courses > bg.detail.courses)
        let high = Dungeon.build(DungeonParams(rooms: 2, detail: 1.6), seed: 4)
        #expect(high.triangleCount > small.triangleCount)
    }
}
