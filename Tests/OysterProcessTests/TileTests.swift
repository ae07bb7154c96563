import Foundation
import OysterCore
import OysterProcess
import Testing

struct TileTests {
    /// The triangles of a primitive as sorted position triplets (order-free comparison).
    func triangles(_ p: Primitive) -> [[Float]] {
        let pos = p.attributes["POSITION"]!
        let idx = p.triangleIndices()
        return stride(from: 0, to: idx.count, by: 3).map { t in
            (0..<3).map { pos.vec3(Int(idx[t + $0])) }.flatMap { [$0.x, $0.y, $0.z] }
        }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func aBigGridIsCutIntoTilesThatTogetherAreTheGrid() {
        let grid = gridPrimitive(64, size: 100, height: { x, z in sin(x * 0.1) * cos(z * 0.1) * 5 })   // 8,192 triangles
        let tiles = grid.tiled(triangles: 1000)
        #expect(tiles.count == 9, "3 × 3 for about 1,000 each")
        #expect(tiles.allSatisfy { $0.triangleCount <= 1000 * 2 && $0.triangleCount > 0 })
        #expect(tiles.map(\.triangleCount).reduce(0, +) == grid.triangleCount)
        #expect(triangles(Primitive(attributes: ["POSITION": DataArray(vec3: tiles.flatMap { t in t.triangleIndices().map { t.attributes["POSITION"]!.vec3(Int($0)) } })],
                                    indices: nil)) == triangles(grid))
        // Each tile keeps only the vertices it uses, with every attribute.
        for t in tiles {
            #expect(t.vertexCount < grid.vertexCount / 4)
            #expect(t.attributes.keys.sorted() == grid.attributes.keys.sorted())
        }
    }

    @Test func smallOrUnsuitablePrimitivesComeBackWhole() {
        let small = gridPrimitive(4)
        #expect(small.tiled(triangles: 1000) == [small])
        var morphing = gridPrimitive(64)
        morphing.targets = [["POSITION": DataArray(vec3: Array(repeating: .zero, count: morphing.vertexCount))]]
        #expect(morphing.tiled(triangles: 100) == [morphing])
        var bad = gridPrimitive(64)
        bad.indices = DataArray(indices: [0, 1, 999_999] + Array(repeating: 0, count: 3000))
        #expect(bad.tiled(triangles: 100) == [bad], "indices past the vertices: left for the validator")
    }
}
