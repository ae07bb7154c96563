import Foundation
import OysterCore
import OysterImage
@testable import OysterRender
import OysterTestSupport
import Testing

/// Several prepared scenes drawn in one frame (the tiles of a streamed world): one light and
/// sky, culling and shadows across scenes, textures shared between them.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct MultiSceneTests {
    /// Sun low in the −X sky, so shadows fall towards +X.
    static let sun = Vec3(-1, 1, 0.2)

    /// Tile A: ground x ∈ [−4, 0] with a 4 m pillar near its +X edge. Tile B: ground x ∈ [0, 4].
    static func tileA(pillar: Bool = true) -> Scene {
        var scene = TestScenes.scene([(TestScenes.square(centre: Vec3(-2, 0, 0), size: 4, floor: true), TestScenes.material(Vec4(0.7, 0.7, 0.7, 1)))], sun: sun)
        if pillar {
            scene.materials.append(TestScenes.material(Vec4(0.8, 0.3, 0.2, 1)))
            scene.meshes.append(Mesh(name: "Pillar", primitives: [GoldenScenes.box(material: 1)]))
            scene.nodes.append(Node(name: "Pillar", transform: .trs(translation: Vec3(-1, 2, 0), rotation: .identity, scale: Vec3(0.5, 4, 0.5)), mesh: 1))
            scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        }
        return scene
    }

    static func tileB() -> Scene {
        TestScenes.scene([(TestScenes.square(centre: Vec3(2, 0, 0), size: 4, floor: true), TestScenes.material(Vec4(0.3, 0.6, 0.3, 1)))], sun: sun)
    }

    /// `a` and `b` as one scene (b's meshes, materials and nodes after a's; b's sun dropped).
    static func merged(_ a: Scene, _ b: Scene) -> Scene {
        var s = a
        let (meshes, materials) = (s.meshes.count, s.materials.count)
        s.materials += b.materials
        for var mesh in b.meshes {
            for i in mesh.primitives.indices { mesh.primitives[i].material = mesh.primitives[i].material.map { $0 + materials } }
            s.meshes.append(mesh)
        }
        for var node in b.nodes where node.light == nil {
            node.mesh = node.mesh.map { $0 + meshes }
            s.nodes.append(node)
        }
        s.roots = [SceneRoot(nodes: Array(s.nodes.indices))]
        return s
    }

    static let options: RenderOptions = {
        var o = RenderOptions(width: 96, height: 64)
        o.eye = Vec3(0.5, 5, 6)
        o.target = Vec3(0.5, 0, 0)
        return o
    }()

    /// The pixel where world point `p` lands with `options`' camera.
    static func pixel(_ p: Vec3, _ o: RenderOptions = options) -> (Int, Int) {
        let vp = Mat4.perspective(yfov: o.fieldOfView, aspectRatio: Float(o.width) / Float(o.height), znear: 0.1, zfar: 100) * Mat4.lookAt(eye: o.eye!, target: o.target!)
        let m = vp.m
        let c = Vec4(m[0] * p.x + m[4] * p.y + m[8] * p.z + m[12], m[1] * p.x + m[5] * p.y + m[9] * p.z + m[13], 0,
                     m[3] * p.x + m[7] * p.y + m[11] * p.z + m[15])
        return (Int((c.x / c.w + 1) / 2 * Float(o.width)), Int((1 - c.y / c.w) / 2 * Float(o.height)))
    }

    @Test func scenesDrawnTogetherLookLikeOneSceneHoldingBoth() throws {
        let renderer = try Renderer()
        let together = try renderer.render([renderer.prepare(Self.tileA()), renderer.prepare(Self.tileB())], options: Self.options)
        let single = try renderer.render(Self.merged(Self.tileA(), Self.tileB()), options: Self.options)
        #expect(together.samples8 == single.samples8)
        // Both grounds are there: grey on the left, green on the right.
        let left = rgb(together, Self.pixel(Vec3(-3, 0, 1)).0, Self.pixel(Vec3(-3, 0, 1)).1)
        let right = rgb(together, Self.pixel(Vec3(3, 0, 1)).0, Self.pixel(Vec3(3, 0, 1)).1)
        #expect(abs(left.x - left.y) < 20 && right.y > right.x + 30, "left \(left), right \(right)")
    }

    @Test func aPillarInOneSceneShadowsTheGroundOfTheNext() throws {
        let renderer = try Renderer()
        let b = renderer.prepare(Self.tileB())
        let withPillar = try renderer.render([renderer.prepare(Self.tileA()), b], options: Self.options)
        let without = try renderer.render([renderer.prepare(Self.tileA(pillar: false)), b], options: Self.options)
        // On B's ground, where the sun (45° up, a little to +Z) sees the pillar 2.5 m up: shade.
        let (x, y) = Self.pixel(Vec3(1.5, 0, -0.5))
        let shaded = rgb(withPillar, x, y), lit = rgb(without, x, y)
        #expect(shaded.y + 40 < lit.y, "shaded \(shaded), lit \(lit)")
        // Away from the shadow's strip, the same light with or without the pillar.
        let (fx, fy) = Self.pixel(Vec3(3, 0, -1.5))
        #expect(rgb(withPillar, fx, fy) == rgb(without, fx, fy))
    }

    @Test func theFirstSceneGivesTheSunAndAnEmptyListDrawsTheSky() throws {
        let renderer = try Renderer()
        var b = Self.tileB()
        b.lights[0].intensity = 0.5
        let bright = try renderer.render([renderer.prepare(Self.tileA(pillar: false)), renderer.prepare(b)], options: Self.options)
        let dim = try renderer.render([renderer.prepare(b), renderer.prepare(Self.tileA(pillar: false))], options: Self.options)
        let (x, y) = Self.pixel(Vec3(3, 0, 1))
        #expect(rgb(bright, x, y).y > rgb(dim, x, y).y + 40)
        let sky = try renderer.render([], options: Self.options)
        #expect(sky.width == 96 && sky.height == 64)
    }

    @Test func sharedPixelsAreUploadedOnceAndFreedWithTheLastSceneUsingThem() throws {
        var checker: [UInt8] = []
        for y in 0..<8 { for x in 0..<8 { checker += (x + y) % 2 == 0 ? [230, 200, 60, 255] : [40, 90, 160, 255] } }
        let pixels = PixelImage(width: 8, height: 8, channels: 4, samples8: checker)
        // A scene naming its texture by URI only, as a streamed tile does, and the same scene
        // with the texture embedded.
        func scene(embedded: Bool) throws -> Scene {
            var s = Self.tileB()
            let t = try TestScenes.texture(&s, 8, 8, checker)
            if !embedded { s.images[0] = Image(name: "checker", mimeType: "image/png", data: nil, uri: "materials/checker.png") }
            s.materials[0].baseColorTexture = TextureRef(texture: t)
            return s
        }
        let renderer = try Renderer()
        let shared = SharedPixels(pixels)
        var one: PreparedScene? = renderer.prepare(StagedScene(try scene(embedded: false), sharedImages: [0: shared]))
        var two: PreparedScene? = renderer.prepare(StagedScene(try scene(embedded: false), sharedImages: [0: shared]))
        #expect(renderer.sharedTextureCount == 1)
        let streamed = try renderer.render([one!], options: Self.options)
        let embedded = try renderer.render(try scene(embedded: true), options: Self.options)
        #expect(streamed.samples8 == embedded.samples8)
        // Dropping one scene leaves the texture to the other, which still draws with it.
        one = nil
        #expect(renderer.sharedTextureCount == 1)
        #expect(try renderer.render([two!], options: Self.options).samples8 == streamed.samples8)
        two = nil
        #expect(renderer.sharedTextureCount == 0)
    }
}

/// Levels of detail of ground that meets other tiles.
struct TileBorderTests {
    /// A 64 m tile of bumpy ground on a 1 m grid (8,192 triangles), as a streamed world's.
    static func groundTile(role: NodeRole?) -> Scene {
        var positions: [Vec3] = [], indices: [UInt32] = []
        let n = 64
        for j in 0...n {
            for i in 0...n {
                let (x, z) = (Float(i), Float(j))
                positions.append(Vec3(x, 2 * sinf(x * 0.37) * cosf(z * 0.29) + 0.5 * sinf(x * 1.3 + z * 0.7), z))
            }
        }
        for j in 0..<n {
            for i in 0..<n {
                let a = UInt32(j * (n + 1) + i)
                indices += [a, a + UInt32(n + 1), a + 1, a + 1, a + UInt32(n + 1), a + UInt32(n + 2)]
            }
        }
        var scene = Scene()
        scene.meshes = [Mesh(name: "Ground", primitives: [Primitive(attributes: ["POSITION": DataArray(vec3: positions)], indices: DataArray(indices: indices))])]
        scene.nodes = [Node(name: "Ground", mesh: 0, role: role)]
        scene.roots = [SceneRoot(nodes: [0])]
        return scene
    }

    /// The positions on the tile's edge (x or z at 0 or 64) that triangles use.
    static func edge(_ p: Primitive) -> Set<SIMD3<Float>> {
        let positions = p.attributes["POSITION"]!
        var out = Set<SIMD3<Float>>()
        for i in p.triangleIndices() {
            let v = positions.vec3(Int(i))
            if v.x == 0 || v.x == 64 || v.z == 0 || v.z == 64 { out.insert(v) }
        }
        return out
    }

    /// The positions on a primitive's open boundary (edges only one triangle uses).
    static func boundary(_ p: Primitive) -> Set<SIMD3<Float>> {
        let positions = p.attributes["POSITION"]!
        let idx = p.triangleIndices().map { positions.vec3(Int($0)) }
        var uses: [[SIMD3<Float>]: Int] = [:]
        for t in stride(from: 0, to: idx.count, by: 3) {
            for (a, b) in [(idx[t], idx[t + 1]), (idx[t + 1], idx[t + 2]), (idx[t + 2], idx[t])] {
                uses[[a, b].sorted { $0.x != $1.x ? $0.x < $1.x : $0.z < $1.z }, default: 0] += 1
            }
        }
        return Set(uses.filter { $0.value == 1 }.keys.flatMap { $0 })
    }

    @Test func terrainKeepsItsBorderAtEveryLevelSoNeighbouringTilesMeet() throws {
        let staged = StagedScene(Self.groundTile(role: .terrain), levelsOfDetail: true)
        let parts = staged.pieces[0][0]
        #expect(parts.count == 4, "a 64 m tile is cut in four pieces, each with its own levels")
        var outer = Set<SIMD3<Float>>()
        for part in parts {
            let chain = part.chain
            #expect(chain.count > 1, "the ground has coarser levels")
            // Each piece keeps its whole boundary: the tile's edge, where the next tile meets
            // it, and the seams where the pieces meet one another at any mix of levels.
            let border = Self.boundary(chain[0].0)
            outer.formUnion(Self.edge(chain[0].0))
            for (level, _) in chain.dropFirst() {
                #expect(Self.boundary(level).symmetricDifference(border).isEmpty, "a coarser level moved the piece's boundary")
                #expect(level.triangleCount < chain[0].0.triangleCount)
            }
        }
        #expect(outer.count == 256)
    }

    /// A piece's level is chosen by how far the eye is from the nearest point of its box, not
    /// of the ball round it: from straight above a tile, each piece's box is as far as the
    /// eye's height over it, while the ball round a 32 m piece reaches some 23 m nearer.
    @Test(.enabled(if: openGLAvailable, "needs headless OpenGL"))
    func groundSeenFromAboveTakesTheLevelItsNearestPointAllows() throws {
        let renderer = try Renderer()
        let prepared = renderer.prepare(Self.groundTile(role: .terrain), levelsOfDetail: true)
        let parts = prepared.resources.parts(0, 0)
        #expect(parts.count == 4)
        let pixelsPerRadian: Float = 300
        // High enough that every piece's first coarser level errs by under 2 pixels at the
        // nearest point of its box, with a tenth to spare.
        let need = parts.map { $0.errors[1] * pixelsPerRadian / 2 }.max()!
        let top = parts.map { $0.bounds.max.y }.max()!
        let eye = Vec3(32, top + need * 1.1, 32)
        let view = Mat4.lookAt(eye: eye, target: Vec3(32, 0, 32.01), up: Vec3(0, 0, -1))
        let frustum = Frustum(Mat4.perspective(yfov: 1.5, aspectRatio: 1, znear: 0.1, zfar: 1000) * view)
        let list = DrawList.collect(prepared, world: prepared.restWorld, frustum: frustum, eye: eye, scale: .perspective(pixelsPerRadian: pixelsPerRadian))
        #expect(list.opaque.count == 4)
        #expect(list.opaque.allSatisfy { $0.level >= 1 }, "levels \(list.opaque.map { $0.level })")
        // At the edge of its ball, the same eye would have held the pieces at full detail.
        let box = parts[0].bounds
        #expect(length(box.center - eye) - length(box.size) / 2 < need)
    }
}

/// Levels of detail shared by scenes placing the same meshes.
struct LevelCacheTests {
    /// A bumpy 16 × 16 sheet (512 triangles) with material `material`, placed by one node.
    static func sheet(material: Int) -> Scene {
        var scene = TileBorderTests.groundTile(role: nil)
        let p = scene.meshes[0].primitives[0]
        var small: [UInt32] = []
        let idx = p.triangleIndices()
        // The first 16 rows of the tile's triangles.
        small = Array(idx.prefix(16 * 64 * 6))
        scene.meshes[0].primitives[0] = Primitive(attributes: p.attributes, indices: DataArray(indices: small), material: material)
        scene.materials = Array(repeating: Material(), count: material + 1)
        return scene
    }

    @Test func aMeshStagedBeforeIsNotSimplifiedAgainAndStagesTheSame() {
        let cache = LevelCache()
        let first = StagedScene(Self.sheet(material: 0), levelsOfDetail: true, levels: cache)
        #expect(cache.misses == 1 && cache.hits == 0)
        // The same geometry under another material index (as another tile numbers its materials).
        let second = StagedScene(Self.sheet(material: 3), levelsOfDetail: true, levels: cache)
        #expect(cache.misses == 1 && cache.hits == 1)
        let alone = StagedScene(Self.sheet(material: 3), levelsOfDetail: true)
        func levels(_ s: StagedScene) -> [[Primitive]] { s.pieces[0][0].map { $0.chain.map { var p = $0.0; p.material = nil; return p } } }
        #expect(levels(second) == levels(alone) && levels(first) == levels(alone))
        #expect(levels(alone)[0].count > 1, "the sheet has coarser levels")
        #expect(second.pieces[0][0].map { $0.chain.map(\.1) } == alone.pieces[0][0].map { $0.chain.map(\.1) })
        // What is drawn keeps the scene's own material.
        #expect(second.scene.meshes[0].primitives[0].material == 3)
    }

    /// Ground is each tile's own: its levels are built but not kept (a long walk would hold
    /// every tile it visited).
    @Test func groundIsNotKept() {
        let cache = LevelCache()
        let staged = StagedScene(TileBorderTests.groundTile(role: .terrain), levelsOfDetail: true, levels: cache)
        #expect(cache.misses == 0 && cache.hits == 0)
        #expect(staged.pieces[0][0].contains { $0.chain.count > 1 }, "the ground still has coarser levels")
    }
}
