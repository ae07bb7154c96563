import OysterCore
import Testing
@testable import OysterGen

/// The samples the land beyond a region is built on, and the land built on them.
struct HorizonRingsTests {
    /// The default world's 256 m region, and a streamed view's 3 × 3 tiles of 64 m.
    static let regions = [Region(i0: -128, j0: -128, i1: 128, j1: 128, spacing: 1),
                          Region(i0: -48, j0: 0, i1: 144, j1: 96, spacing: 2)]

    @Test(arguments: regions)
    func ringZeroIsTheRegionsBorderAndTheLastReachesTheDistance(_ r: Region) {
        let rings = HorizonRings(region: r, distance: 2000, spacing: 16)
        #expect(rings.offsets.first == 0 && rings.offsets.last == 2000)
        #expect(rings.points.count == rings.columns * rings.rows)
        for j in 0..<rings.rows {
            let d = rings.offsets[j]
            let ring = rings.points[(j * rings.columns)..<((j + 1) * rings.columns)]
            // Every sample on its rectangle's edge, the loop closed.
            for p in ring {
                let onX = abs(p.x - (r.minX - d)) < 1e-2 || abs(p.x - (r.maxX + d)) < 1e-2
                let onZ = abs(p.y - (r.minZ - d)) < 1e-2 || abs(p.y - (r.maxZ + d)) < 1e-2
                #expect(onX || onZ, "ring \(j) sample \(p) off its rectangle")
            }
            #expect(ring.first == ring.last)
        }
        // The border sampled at most 16 m apart.
        let border = rings.points[0..<rings.columns]
        for (a, b) in zip(border, border.dropFirst()) { #expect(length(b - a) <= 16.01) }
    }

    /// No slivers: every cell about as long outwards as along its ring, and ever larger
    /// outwards, so far land costs few triangles.
    @Test(arguments: regions)
    func cellsAreAboutSquareAndGrowOutwards(_ r: Region) {
        let rings = HorizonRings(region: r, distance: 2000, spacing: 16)
        let c = rings.columns
        var worst: Float = 1
        for j in 0..<(rings.rows - 1) {
            let across = rings.offsets[j + 1] - rings.offsets[j]
            if j > 0 { #expect(across >= rings.offsets[j] - rings.offsets[j - 1] - 1e-3 || j == rings.rows - 2) }
            for i in 0..<(c - 1) {
                let along = length(rings.points[j * c + i + 1] - rings.points[j * c + i])
                worst = max(worst, along / across, across / along)
            }
        }
        #expect(worst < 2.5, "a cell \(worst) times longer one way than the other")
        // A lattice of rows and columns over the same ground took about 19 k triangles.
        #expect((rings.rows - 1) * (c - 1) * 2 < 9000)
    }

    /// The land's triangles all face up: the rings go round the way `TerrainMesher` winds a
    /// grid (a reversed loop would show the land's underside, culled, and sky through it).
    @Test func theLandFacesUp() throws {
        var r = smallRecipe("", seed: 3)
        r.size = 128
        var o = WorldGenerator.Options()
        o.bakeTextures = false
        let scene = WorldGenerator.generate(r, options: o)
        let node = try #require(scene.nodes.first { $0.name == "Horizon" })
        var triangles = 0
        for p in scene.meshes[try #require(node.mesh)].primitives {
            let pos = try #require(p.attributes["POSITION"])
            let idx = p.triangleIndices()
            for t in stride(from: 0, to: idx.count, by: 3) {
                let a = pos.vec3(Int(idx[t])), b = pos.vec3(Int(idx[t + 1])), c = pos.vec3(Int(idx[t + 2]))
                #expect(cross(b - a, c - a).y > 0, "triangle \(t / 3) faces down")
                triangles += 1
            }
        }
        #expect(triangles > 1000)
    }
}
