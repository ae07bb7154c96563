import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit buildings")
struct KitBuildingsTests {
    static func all(seed: UInt64) -> [KitModel] {
        var out: [KitModel] = []
        for style in WallStyle.allCases {
            for roof in RoofStyle.allCases {
                out.append(Buildings.house(HouseParams(floors: style == .brick ? 2 : 1, roof: roof, wallStyle: style), seed: seed))
            }
        }
        out += [
            Buildings.tower(TowerParams(), seed: seed), Buildings.tower(TowerParams(round: false, pointedRoof: true), seed: seed),
            Buildings.castleWall(CastleWallParams(), seed: seed), Buildings.castleWall(CastleWallParams(gate: true), seed: seed),
            Buildings.pier(PierParams(), seed: seed), Buildings.lighthouse(seed: seed), Buildings.cabin(seed: seed),
            Buildings.ruins(seed: seed), Buildings.windmill(seed: seed), Buildings.well(seed: seed),
            Buildings.fence(path: [Vec3(0, 0, 0), Vec3(5, 0.5, 0), Vec3(8, 0.2, 3)], seed: seed),
            Buildings.bridge(stone: true, seed: seed), Buildings.bridge(stone: false, seed: seed),
        ]
        return out
    }

    @Test func everyBuildingIsValidAndWithinBudget() {
        for m in Self.all(seed: 3) {
            #expect(kitModelProblems(m).isEmpty, "\(m.name)")
            #expect(m.triangleCount > 100 && m.triangleCount < 8000, "\(m.name): \(m.triangleCount)")
        }
    }

    @Test func houseHasDoorWindowsRoofAndGlowAnchors() {
        for seed: UInt64 in 1...6 {
            let m = Buildings.house(HouseParams.random(seed: seed), seed: seed)
            let door = try! #require(m.part(named: "Door"))
            guard case .swing = door.animation else { Issue.record("door has no swing hint"); continue }
            let windows = m.flatParts.filter { $0.part.name.hasPrefix("Window_") }
            #expect(windows.count >= 2)
            #expect(m.lightAnchors.filter { $0.kind == .windowGlow }.count == windows.count)
            #expect(m.part(named: "Roof")?.mesh.isEmpty == false)
            #expect(windows.allSatisfy { $0.part.mesh.kinds.contains(.glass) })
        }
    }

    @Test func doorOpeningIsReallyCutThroughTheFrontWall() {
        // Cast a ray through the door's centre: no wall triangle may block it.
        let m = Buildings.house(HouseParams(), seed: 1)
        let door = try! #require(m.flatParts.first { $0.part.name == "Door" })
        let hinge = door.transform.transformPoint(.zero)
        let doorCentre = door.transform.transformPoint(Vec3(0.5, 1.0, 0))
        let walls = try! #require(m.part(named: "Walls")).mesh
        let origin = Vec3(doorCentre.x, doorCentre.y, hinge.z + 2), dir = Vec3(0, 0, -1)
        var blocked = false
        for kind in walls.kinds where kind == .plaster || kind == .stoneWall {
            let g = walls.groups[kind]!
            for t in stride(from: 0, to: g.indices.count, by: 3) {
                let a = g.positions[Int(g.indices[t])], b = g.positions[Int(g.indices[t + 1])], c = g.positions[Int(g.indices[t + 2])]
                if let d = rayTriangle(origin, dir, a, b, c), d < 2.5 { blocked = true }
            }
        }
        #expect(!blocked)
    }

    @Test func lighthouseWindmillAndGateCarryTheirAnimationHints() {
        let lh = Buildings.lighthouse(seed: 1)
        #expect(lh.lightAnchors.contains { $0.kind == .beacon })
        if case .rotate = lh.part(named: "Lens")?.animation {} else { Issue.record("lens does not rotate") }
        let beacon = lh.lightAnchors.first { $0.kind == .beacon }!
        #expect(beacon.position.y > lh.footprint.max.y * 0.7)
        if case .rotate = Buildings.windmill(seed: 1).part(named: "Blades")?.animation {} else { Issue.record("blades do not rotate") }
        let gate = Buildings.castleWall(CastleWallParams(gate: true), seed: 1)
        #expect(gate.part(named: "GateLeft") != nil && gate.part(named: "GateRight") != nil)
        #expect(gate.lightAnchors.count == 2)
        #expect(Buildings.tower(TowerParams(), seed: 1).lightAnchors.allSatisfy { $0.kind == .torchFlame })
    }

    @Test func buildingsAreDeterministic() {
        let a = Self.all(seed: 11), b = Self.all(seed: 11), c = Self.all(seed: 12)
        #expect(a == b)
        #expect(Buildings.house(HouseParams.random(seed: 11), seed: 11) != Buildings.house(HouseParams.random(seed: 12), seed: 12))
        #expect(a.map(\.triangleCount) != c.map(\.triangleCount) || a != c)
    }

    @Test func roadDrapesOverTheGround() {
        let height: (Float, Float) -> Float = { x, z in 0.5 * ksin(x * 0.3) + 0.1 * z }
        let b = Buildings.road(polyline: [Vec2(0, 0), Vec2(10, 0), Vec2(15, 8)], width: 3, segmentLength: 1, lift: 0.05, height: height)
        #expect(kitGeometryProblems(b).isEmpty)
        let g = try! #require(b.groups[.cobblestone])
        for p in g.positions { #expect(abs(p.y - (height(p.x, p.z) + 0.05)) < 1e-4) }
        #expect(g.normals.allSatisfy { $0.y > 0 })
        let vs = g.uvs.map(\.y)
        #expect((vs.max() ?? 0) > 18 && (vs.max() ?? 0) < 20)  // metres along ≈ 10 + √89
    }
    @Test func castleHasFourTowersFourWallsAGateAndAKeep() {
        let c = Buildings.castle(CastleParams(), seed: 2)
        #expect(kitModelProblems(c).isEmpty)
        let top = c.parts.map(\.name)
        #expect(top.filter { $0.hasPrefix("Tower_") }.count == 4)
        #expect(top.filter { $0.hasPrefix("Wall_") }.count == 4)
        #expect(top.contains("Keep"))
        #expect(c.flatParts.contains { $0.path == "Wall_Front/GateLeft" })
        #expect(c.lightAnchors.count >= 10)
        let box = c.footprint
        #expect(box.size.x > 30 && box.size.x < 42 && box.size.z > 30 && box.size.z < 42, "\(box.size)")
        #expect(c == Buildings.castle(CastleParams(), seed: 2))
    }
    @Test func bridgesSpanTheirLengthAndLandAtGroundLevel() {
        for stone in [true, false] {
            let m = Buildings.bridge(length: 16, width: 3, stone: stone, seed: 1)
            let box = m.footprint
            #expect(box.size.z >= 15.9 && box.size.z < 17, "\(box.size)")
            #expect(box.max.y > 0.5 && box.min.y < 0)
        }
    }
}

/// Möller–Trumbore ray/triangle distance (two-sided), nil on a miss.
func rayTriangle(_ o: Vec3, _ d: Vec3, _ a: Vec3, _ b: Vec3, _ c: Vec3) -> Float? {
    let e1 = b - a, e2 = c - a
    let p = cross(d, e2)
    let det = dot(e1, p)
    guard abs(det) > 1e-8 else { return nil }
    let inv = 1 / det
    let s = o - a
    let u = dot(s, p) * inv
    guard u >= 0, u <= 1 else { return nil }
    let q = cross(s, e1)
    let v = dot(d, q) * inv
    guard v >= 0, u + v <= 1 else { return nil }
    let t = dot(e2, q) * inv
    return t > 0 ? t : nil
}
