#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit mesh builder")
struct KitMeshBuilderTests {
    @Test func boxHasTwelveOutwardFacingTriangles() {
        var b = MeshBuilder()
        b.box(.stoneWall, min: Vec3(-1, 0, -1), max: Vec3(1, 2, 1))
        #expect(b.triangleCount == 12)
        #expect(kitGeometryProblems(b).isEmpty)
        let g = b.groups[.stoneWall]!
        // Every face normal points away from the centre, and winding agrees with the normal.
        for t in stride(from: 0, to: g.indices.count, by: 3) {
            let a = g.positions[Int(g.indices[t])], c1 = g.positions[Int(g.indices[t + 1])], c2 = g.positions[Int(g.indices[t + 2])]
            let n = normalize(cross(c1 - a, c2 - a))
            let centre = (a + c1 + c2) / 3 - Vec3(0, 1, 0)
            #expect(dot(n, centre) > 0)
            #expect(dot(n, g.normals[Int(g.indices[t])]) > 0.99)
        }
    }

    @Test func uvsAreInMetres() {
        var b = MeshBuilder()
        b.box(.brick, min: Vec3(0, 0, 0), max: Vec3(4, 3, 1))
        let uvs = b.groups[.brick]!.uvs
        let us = uvs.map(\.x), vs = uvs.map(\.y)
        #expect(us.max()! - us.min()! >= 4 - 1e-4)
        #expect(vs.max()! - vs.min()! >= 3 - 1e-4)
    }

    @Test func makeMeshGivesOnePrimitivePerKindSortedByKind() {
        var b = MeshBuilder()
        b.box(.roofTiles, min: .zero, max: Vec3(1, 1, 1))
        b.cylinder(.bark, from: .zero, to: Vec3(0, 2, 0), radiusBottom: 0.3, radiusTop: 0.2, segments: 8)
        b.icosphere(.rock, center: Vec3(3, 0, 0), radius: 1, subdivisions: 2)
        let mesh = b.makeMesh(name: "m") { SurfaceKind.allCases.firstIndex(of: $0)! }
        #expect(mesh.primitives.count == 3)
        #expect(mesh.primitives.map(\.material) == mesh.primitives.map(\.material).sorted { ($0 ?? 0) < ($1 ?? 0) })
        for p in mesh.primitives {
            #expect(p.attributes["POSITION"] != nil && p.attributes["NORMAL"] != nil && p.attributes["TEXCOORD_0"] != nil)
            #expect(p.indices!.uints().allSatisfy { Int($0) < p.vertexCount })
        }
        #expect(mesh.primitives.reduce(0) { $0 + $1.triangleCount } == b.triangleCount)
    }

    @Test func vertexColorsAppearOnlyWhenSet() {
        var b = MeshBuilder()
        b.box(.woodPlanks, min: .zero, max: Vec3(1, 1, 1))
        b.color = Vec4(1, 0, 0, 1)
        b.box(.woodPlanks, min: Vec3(2, 0, 0), max: Vec3(3, 1, 1))
        b.box(.metal, min: Vec3(2, 0, 0), max: Vec3(3, 1, 1))
        b.color = nil
        b.box(.stoneWall, min: .zero, max: Vec3(1, 1, 1))
        let mesh = b.makeMesh(name: "c") { _ in 0 }
        let withColor = mesh.primitives.filter { $0.attributes["COLOR_0"] != nil }.count
        #expect(withColor == 2)
        #expect(kitGeometryProblems(b).isEmpty)
    }

    @Test func tubeAndLatheAndExtrudeProduceValidGeometry() {
        var b = MeshBuilder()
        b.tube(.bark, path: [Vec3(0, 0, 0), Vec3(0, 1, 0.2), Vec3(0.3, 2, 0.5), Vec3(0.5, 2.5, 1)], radii: [0.3, 0.2, 0.1, 0], segments: 7, capStart: true)
        b.lathe(.metal, profile: [Vec2(0, 0), Vec2(0.5, 0.1), Vec2(0.6, 1), Vec2(0, 1.2)], segments: 10)
        b.extrude(.plaster, polygon: [Vec2(0, 0), Vec2(2, 0), Vec2(2, 1), Vec2(1, 1), Vec2(1, 2), Vec2(0, 2)], from: 0, to: 3)
        b.sphere(.gold, center: Vec3(5, 0, 0), radius: 1, rings: 6, segments: 8, normals: .flat)
        #expect(kitGeometryProblems(b).isEmpty)
        // L-shaped prism: 6 side quads + 4 triangles per cap.
        #expect(b.groups[.plaster]!.indices.count / 3 == 12 + 8)
    }

    @Test func appendAppliesTransformToPositionsAndNormals() {
        var part = MeshBuilder()
        part.box(.door, min: Vec3(0, 0, 0), max: Vec3(1, 2, 0.1))
        var b = MeshBuilder()
        b.append(part, transform: .place(Vec3(10, 0, 0), yaw: .pi / 2))
        let box = b.bounds
        #expect(abs(box.min.x - 10) < 1e-4 && abs(box.max.x - 10.1) < 1e-4)
        #expect(kitGeometryProblems(b).isEmpty)
        var mirrored = MeshBuilder()
        mirrored.append(part, transform: .trs(.zero, .identity, Vec3(-1, 1, 1)))
        // Mirroring flips winding so faces stay outward: normal agrees with winding.
        let g = mirrored.groups[.door]!
        let a = g.positions[Int(g.indices[0])], c1 = g.positions[Int(g.indices[1])], c2 = g.positions[Int(g.indices[2])]
        #expect(dot(normalize(cross(c1 - a, c2 - a)), g.normals[Int(g.indices[0])]) > 0.99)
    }

    @Test func kitRandomIsDeterministicAndSeedSensitive() {
        var a = KitRandom(seed: 42), b = KitRandom(seed: 42), c = KitRandom(seed: 43)
        let sa = (0..<8).map { _ in a.next() }, sb = (0..<8).map { _ in b.next() }, sc = (0..<8).map { _ in c.next() }
        #expect(sa == sb)
        #expect(sa != sc)
        var r = KitRandom(seed: 1)
        for _ in 0..<1000 { let f = r.float(in: 2...3); #expect(f >= 2 && f <= 3) }
    }

    @Test func deterministicTrigMatchesLibmClosely() {
        for i in -100...100 {
            let x = Float(i) * 0.173
            #expect(abs(ksin(x) - Float(sin(Double(x)))) < 1e-6)
            #expect(abs(kcos(x) - Float(cos(Double(x)))) < 1e-6)
            #expect(abs(katan2(ksin(x), kcos(x)) - Float(atan2(sin(Double(x)), cos(Double(x))))) < 1e-5)
        }
        #expect(abs(kpow(2, 0.5) - 1.41421356) < 1e-5)
        #expect(abs(kpow(3, 2.5) - 15.588457) < 1e-3)
    }
}
