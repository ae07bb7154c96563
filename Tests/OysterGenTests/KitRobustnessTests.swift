import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit robustness")
struct KitRobustnessTests {
    static let wild: [Float] = [.nan, .infinity, -.infinity, -5, 0, 1e9]

    @Test func absurdParametersGiveValidGeometryInsteadOfHangsOrCrashes() {
        for v in Self.wild {
            var models: [KitModel] = [
                Vegetation.tree(TreeParams(species: .broadleaf, height: v, detail: Int(clamping: Int64(v.isFinite ? v : 0))), seed: 1),
                Vegetation.tree(TreeParams(species: .conifer, height: v), seed: 1),
                Vegetation.bush(size: v, seed: 1), Vegetation.grassClump(size: v, seed: 1), Vegetation.flowers(size: v, seed: 1),
                Vegetation.cactus(height: v, seed: 1),
                Rocks.rock(RockParams(shape: .spire, size: v, detail: 9), seed: 1),
                Buildings.house(HouseParams(width: v, depth: v, floors: 99), seed: 1),
                Buildings.tower(TowerParams(radius: v, height: v), seed: 1),
                Buildings.castleWall(CastleWallParams(length: v, height: v, thickness: v, gate: true), seed: 1),
                Buildings.pier(PierParams(length: v, width: v, deckHeight: v, postDepth: v), seed: 1),
                Buildings.lighthouse(height: v, seed: 1), Buildings.cabin(width: v, depth: v, seed: 1),
                Buildings.ruins(width: v, depth: v, seed: 1), Buildings.windmill(height: v, seed: 1),
                Buildings.fence(path: [Vec3(0, 0, 0), Vec3(v, 0, v), Vec3(3, 0, 0)], height: v, postSpacing: v, seed: 1),
                Props.barrel(height: v, seed: 1), Props.crate(size: v, seed: 1), Props.bench(length: v, seed: 1),
                Props.lamppost(height: v, seed: 1), Props.flag(poleHeight: v, seed: 1), Props.treasurePile(radius: v, seed: 1),
            ]
            var road = KitModel(name: "Road")
            road.add("Road", Buildings.road(polyline: [Vec2(0, 0), Vec2(v, 1), Vec2(5, 5)], width: v, segmentLength: v, lift: v) { _, _ in v })
            models.append(road)
            models.append(Dungeon.build(DungeonParams(rooms: 3, cellSize: v, wallHeight: v, roomSize: 2...40, loops: 1000, clutter: v), seed: 1))
            for m in models {
                #expect(kitModelProblems(m).isEmpty, "\(m.name) with \(v)")
                #expect(m.triangleCount < 200_000, "\(m.name) with \(v): \(m.triangleCount)")
            }
        }
    }
}
