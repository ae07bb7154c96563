import OysterCore
@testable import OysterGen
import Testing

/// Triangles between ground kinds: given whole to the heaviest, or cut where the weights cross.
struct TerrainMesherTests {
    /// A flat 2 m square of 3×3 samples, grass everywhere but sand at the centre sample.
    func sandAtTheCentre(cutting: Bool) -> Mesh {
        var positions: [Vec3] = []
        for j in 0..<3 { for i in 0..<3 { positions.append(Vec3(Float(i), 0, Float(j))) } }
        let weights: [Float] = (0..<9).flatMap { $0 == 4 ? [Float(0), 1] : [1, 0] }
        var mesher = TerrainMesher(side: 3, positions: positions, normals: Array(repeating: Vec3(0, 1, 0), count: 9),
                                   weights: weights, shade: Array(repeating: 0, count: 9))
        mesher.kinds = [.grass, .sand]
        mesher.cutsBetweenKinds = cutting
        return mesher.build(name: "Ground", biome: .temperate, season: .summer) { $0 == .grass ? 0 : 1 }
    }

    /// Each material's area in square metres, and whether every triangle faces up.
    func areas(_ mesh: Mesh) throws -> (areas: [Int: Float], facesUp: Bool) {
        var areas: [Int: Float] = [:], up = true
        for p in mesh.primitives {
            let pos = try #require(p.attributes["POSITION"])
            let idx = p.triangleIndices()
            for t in stride(from: 0, to: idx.count, by: 3) {
                let a = pos.vec3(Int(idx[t])), b = pos.vec3(Int(idx[t + 1])), c = pos.vec3(Int(idx[t + 2]))
                let n = cross(b - a, c - a)
                if n.y <= 0 { up = false }
                areas[p.material ?? -1, default: 0] += length(n) / 2
            }
        }
        return (areas, up)
    }

    @Test func aCornerOfAnotherKindIsCutWhereTheWeightsCross() throws {
        // The centre sample is sand and its neighbours grass: their weights cross halfway along
        // each edge from the centre, so the sand is the quarter of each triangle round the
        // centre (four triangles of half a square metre touch it: half a square metre).
        let (cut, up) = try areas(sandAtTheCentre(cutting: true))
        #expect(up, "every triangle faces up")
        #expect(abs(cut[1, default: 0] - 0.5) < 1e-4, "sand \(cut)")
        #expect(abs(cut[0, default: 0] - 3.5) < 1e-4, "grass \(cut)")
        // Given whole to the heaviest kind over its corners, every triangle round the centre is
        // grass (two grass corners to one sand): the sand sample leaves no sand at all.
        let (whole, _) = try areas(sandAtTheCentre(cutting: false))
        #expect(whole[1] == nil && abs(whole[0, default: 0] - 4) < 1e-4, "\(whole)")
    }

    @Test func aTriangleOfThreeKindsIsCutRoundItsCentre() throws {
        // One square cell: grass, sand / dirt, grass. Each triangle has three kinds: each corner
        // keeps the third of it nearer to it than the medians (a third of a square metre each).
        let positions = [Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 0, 1), Vec3(1, 0, 1)]
        let weights: [Float] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]
        var mesher = TerrainMesher(side: 2, positions: positions, normals: Array(repeating: Vec3(0, 1, 0), count: 4),
                                   weights: weights, shade: Array(repeating: 0, count: 4))
        mesher.kinds = [.grass, .sand, .dirt]
        mesher.cutsBetweenKinds = true
        let mesh = mesher.build(name: "Ground", biome: .temperate, season: .summer) { mesher.kinds.firstIndex(of: $0)! }
        let (cut, up) = try areas(mesh)
        #expect(up, "every triangle faces up")
        for kind in 0..<3 { #expect(abs(cut[kind, default: 0] - 1.0 / 3) < 1e-4, "\(cut)") }
    }
}
