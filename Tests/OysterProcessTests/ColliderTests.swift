#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore
import Testing
@testable import OysterProcess

@Suite struct ColliderTests {
    /// Deterministic pseudo-random points (xorshift) in a squashed ball.
    func cloud(_ n: Int, seed: UInt64 = 0x9E3779B97F4A7C15) -> [Vec3] {
        var s = seed
        func next() -> Float {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17
            return Float(s >> 40) / Float(1 << 24) * 2 - 1
        }
        var out: [Vec3] = []
        while out.count < n {
            let p = Vec3(next(), next(), next())
            if length(p) <= 1 { out.append(p * Vec3(2, 1, 0.5)) }
        }
        return out
    }

    func expectConvexAndClosed(_ hull: ConvexHull, sourceLocation: SourceLocation = #_sourceLocation) {
        // Closed: every directed edge has its reverse exactly once.
        var edges: [UInt64: Int] = [:]
        for t in stride(from: 0, to: hull.indices.count, by: 3) {
            for k in 0..<3 {
                let a = UInt64(hull.indices[t + k]), b = UInt64(hull.indices[t + (k + 1) % 3])
                edges[a << 32 | b, default: 0] += 1
            }
        }
        for (e, count) in edges {
            #expect(count == 1, sourceLocation: sourceLocation)
            #expect(edges[(e & 0xFFFF_FFFF) << 32 | e >> 32] == 1, sourceLocation: sourceLocation)
        }
        // Convex with outward normals: every hull vertex is behind every face plane.
        for t in stride(from: 0, to: hull.indices.count, by: 3) {
            let a = hull.vertices[Int(hull.indices[t])], b = hull.vertices[Int(hull.indices[t + 1])], c = hull.vertices[Int(hull.indices[t + 2])]
            let n = normalize(cross(b - a, c - a))
            for v in hull.vertices { #expect(dot(n, v - a) <= 1e-4, sourceLocation: sourceLocation) }
        }
    }

    @Test func hullContainsAllPointsAndIsConvex() throws {
        let pts = cloud(2000)
        let hull = try #require(ConvexHull(points: pts))
        #expect(hull.outsideDistance <= 1e-5)
        for p in pts { #expect(hull.signedDistance(p) <= 1e-5) }
        expectConvexAndClosed(hull)
    }

    @Test func cubeWithCoplanarAndDuplicatePointsGivesEightCorners() throws {
        var pts: [Vec3] = []
        for x in 0...4 { for y in 0...4 { for z in 0...4 { pts.append(Vec3(Float(x), Float(y), Float(z)) / 4) } } }
        pts += pts
        let hull = try #require(ConvexHull(points: pts))
        #expect(hull.vertices.count == 8)
        #expect(hull.outsideDistance <= 1e-5)
        expectConvexAndClosed(hull)
    }

    @Test func vertexBudgetIsRespected() throws {
        let pts = cloud(3000)
        let hull = try #require(ConvexHull(points: pts, maxVertices: 32))
        #expect(hull.vertices.count <= 32)
        expectConvexAndClosed(hull)
        // An inner approximation that still reaches most of the cloud.
        #expect(hull.outsideDistance < 0.5)
    }

    @Test func flatInputGivesAThinBox() throws {
        let pts = (0..<50).map { i in Vec3(Float(i % 7), 0, Float(i / 7)) }
        let hull = try #require(ConvexHull(points: pts))
        #expect(hull.vertices.count == 8)
        for p in pts { #expect(hull.signedDistance(p) <= 1e-5) }
        #expect(ConvexHull(points: []) == nil)
        #expect(ConvexHull(points: [Vec3(1, 1, 1)]) != nil)
    }

    @Test func orientedBoxIsTighterForRotatedContent() {
        let q = Quat(angle: 0.6, axis: Vec3(0, 0, 1))
        let pts = cloud(500).map { q.rotate($0 * Vec3(1, 0.1, 0.1)) }
        let aligned = OrientedBox(aligned: pts), oriented = OrientedBox(points: pts)
        func vol(_ b: OrientedBox) -> Float { b.halfExtents.x * b.halfExtents.y * b.halfExtents.z }
        #expect(vol(oriented) < vol(aligned) * 0.5)
        // Contains every point.
        for p in pts {
            let d = p - oriented.center
            #expect(abs(dot(d, oriented.axes.0)) <= oriented.halfExtents.x + 1e-4)
            #expect(abs(dot(d, oriented.axes.1)) <= oriented.halfExtents.y + 1e-4)
            #expect(abs(dot(d, oriented.axes.2)) <= oriented.halfExtents.z + 1e-4)
        }
    }

    @Test func collidersBecomeChildNodesSharingMeshes() throws {
        var s = sceneWith([spherePrimitive(rings: 8, segments: 12)])
        s.nodes.append(Node(name: "twin", mesh: 0))
        s.roots[0].nodes.append(1)
        let records = s.addColliders(ColliderOptions(shape: .convexHull, hullMaxVertices: 40))
        #expect(records.count == 2)
        #expect(records[0].colliderMesh == records[1].colliderMesh)
        #expect(s.nodes[0].children == [records[0].colliderNode])
        let col = s.meshes[records[0].colliderMesh].primitives[0]
        #expect(col.material == nil)
        #expect(col.vertexCount <= 40)
        #expect(col.attributes.keys.sorted() == ["POSITION"])
    }

    @Test func boxRecordsCarryParametricBoxes() throws {
        var s = sceneWith([gridPrimitive(2, size: 4) { x, _ in x * 0.5 }])
        let r = try #require(s.addColliders(ColliderOptions(shape: .box)).first)
        let box = try #require(r.box)
        #expect(close(box.center, Vec3(2, 1, 2)))
        #expect(close(box.halfExtents, Vec3(2, 1, 2)))
    }

    @Test func colliderNodesMergeIntoOneWorldSpaceNode() throws {
        var s = sceneWith([gridPrimitive(1), gridPrimitive(1)], transforms: [.identity, .trs(translation: Vec3(10, 0, 0), rotation: .identity, scale: .one)])
        let records = s.addColliders(ColliderOptions(shape: .box))
        let merged = s.mergeColliderNodes(records, name: "Static-colonly")
        let node = try #require(merged)
        #expect(s.roots[0].nodes.contains(node))
        #expect(records.allSatisfy { s.nodes[$0.colliderNode].mesh == nil })
        let prim = s.meshes[try #require(s.nodes[node].mesh)].primitives[0]
        #expect(prim.triangleCount == 24)
        let xs = prim.attributes["POSITION"]!.vec3Array().map(\.x)
        #expect(xs.min() == 0 && xs.max() == 11)
    }

    @Test func trimeshColliderIsSimplified() throws {
        let terrain = Mesh(name: "Terrain", primitives: [gridPrimitive(30, size: 10) { x, z in sinf(x) * 0.2 + cosf(z * 0.5) * 0.3 }])
        let col = try #require(terrain.collider(ColliderOptions(shape: .trimesh, trimeshRatio: 0.25, trimeshMaxError: 1)))
        #expect(col.primitives[0].triangleCount <= 1800 / 4 + 90)
        #expect(col.name == "Terrain_collider")
    }
}

@Suite struct ConvexHullStressTests {
    func closed(_ hull: ConvexHull) -> Bool {
        var edges: [UInt64: Int] = [:]
        for t in stride(from: 0, to: hull.indices.count, by: 3) {
            for k in 0..<3 {
                let a = UInt64(hull.indices[t + k]), b = UInt64(hull.indices[t + (k + 1) % 3])
                edges[a << 32 | b, default: 0] += 1
            }
        }
        return edges.allSatisfy { e, c in c == 1 && edges[(e & 0xFFFF_FFFF) << 32 | e >> 32] == 1 }
    }

    @Test func nearlyFlatTerrainGivesAClosedThinHull() throws {
        var pts: [Vec3] = []
        for i in 0..<60 { for j in 0..<60 { pts.append(Vec3(Float(i) * 1.7 + 100, 0.002 * sinf(Float(i * j)), Float(j) * 1.7 - 50)) } }
        let hull = try #require(ConvexHull(points: pts))
        #expect(closed(hull))
        #expect(hull.outsideDistance <= 1e-3)
    }

    @Test func jitteredDuplicatesOfACube() throws {
        var pts: [Vec3] = []
        var seed: UInt32 = 1
        for k in 0..<400 {
            seed = seed &* 1_664_525 &+ 1_013_904_223
            let jitter = (Float(seed >> 8) / Float(1 << 24) - 0.5) * 1e-6
            let c = k % 8
            pts.append(Vec3(Float(c & 1), Float((c >> 1) & 1), Float((c >> 2) & 1)) * 10 + Vec3(repeating: jitter))
        }
        let hull = try #require(ConvexHull(points: pts))
        #expect(closed(hull))
        #expect(hull.outsideDistance <= 1e-4)
        #expect(hull.vertices.count <= 16)
    }

    @Test func sphereMeshWithSeamDuplicates() throws {
        let pts = spherePrimitive(rings: 30, segments: 40).attributes["POSITION"]!.vec3Array()
        let hull = try #require(ConvexHull(points: pts))
        #expect(closed(hull))
        #expect(hull.outsideDistance <= 1e-5)
        let capped = try #require(ConvexHull(points: pts, maxVertices: 100))
        #expect(closed(capped) && capped.vertices.count <= 100)
    }
}
