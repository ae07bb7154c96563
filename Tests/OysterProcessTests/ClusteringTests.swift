import OysterCore
import Testing
@testable import OysterProcess

@Suite struct ClusteringTests {
    /// A crown of `count` separate faceted clumps (little octahedra, no shared vertices between
    /// faces) scattered in a 4 m box: what edge collapse cannot merge.
    func crown(_ count: Int = 40) -> Primitive {
        var positions: [Vec3] = [], normals: [Vec3] = [], uvs: [Vec2] = []
        var state: UInt32 = 12345
        func next() -> Float { state = state &* 1664525 &+ 1013904223; return Float(state >> 8) / Float(1 << 24) }
        for _ in 0..<count {
            let c = Vec3(next() * 4, next() * 4, next() * 4)
            let r: Float = 0.3
            let axes = [Vec3(r, 0, 0), Vec3(0, r, 0), Vec3(0, 0, r)]
            for sx: Float in [-1, 1] { for sy: Float in [-1, 1] { for sz: Float in [-1, 1] {
                var tri = [c + axes[0] * sx, c + axes[1] * sy, c + axes[2] * sz]
                if sx * sy * sz < 0 { tri.swapAt(1, 2) }
                let n = normalize(cross(tri[1] - tri[0], tri[2] - tri[0]))
                positions += tri
                normals += [n, n, n]
                uvs += [Vec2(0, 0), Vec2(1, 0), Vec2(0, 1)]
            } } }
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals), "TEXCOORD_0": DataArray(vec2: uvs)],
                         indices: DataArray(indices: (0..<UInt32(positions.count)).map { $0 }))
    }

    @Test func mergesSeparateClumpsWithinTheCellSize() throws {
        let p = crown()
        let (out, result) = p.clustered(cellSize: 1)
        #expect(out.triangleCount == result.trianglesAfter)
        #expect(out.triangleCount > 0 && out.triangleCount <= p.triangleCount / 2, "\(p.triangleCount) → \(out.triangleCount)")
        // No vertex moved further than the diagonal of its cell.
        let size = p.localBounds.size
        let side: Float = max(size.x, size.y, size.z)
        let cell: Float = side / side.rounded(.up)
        let diagonal: Float = cell * Float(3).squareRoot()
        #expect(result.error * side <= diagonal + 1e-4)
        #expect(result.error > 0)
        // Every triangle joins three different points; each corner keeps its own attributes.
        let pos = try #require(out.attributes["POSITION"]).vec3Array()
        let idx = out.triangleIndices()
        for t in stride(from: 0, to: idx.count, by: 3) {
            let (a, b, c) = (pos[Int(idx[t])], pos[Int(idx[t + 1])], pos[Int(idx[t + 2])])
            #expect(a != b && b != c && a != c)
        }
        #expect(out.attributes["NORMAL"]?.count == pos.count && out.attributes["TEXCOORD_0"]?.count == pos.count)
    }

    @Test func coarserCellsKeepFewerTrianglesAndTheSameInputGivesTheSameOutput() {
        let p = crown()
        let fine = p.clustered(cellSize: 0.5).0, coarse = p.clustered(cellSize: 2).0
        #expect(coarse.triangleCount < fine.triangleCount)
        #expect(p.clustered(cellSize: 2).0 == coarse)
    }

    @Test func morphingAndEmptyPrimitivesComeBackUnchanged() {
        var p = crown(2)
        p.targets = [["POSITION": p.attributes["POSITION"]!]]
        #expect(p.clustered(cellSize: 1).0 == p)
        let empty = Primitive()
        #expect(empty.clustered(cellSize: 1).0 == empty)
        #expect(crown(2).clustered(cellSize: .nan).0 == crown(2))
    }
}
