import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// The ground (terrain role, `PreparedScene.groundMeshes`) casts sun shadows from the faces
/// turned from the sun only, everything else from both faces; and it is drawn after what
/// stands on it.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct GroundShadowTests {
    /// A heightfield 20 m square: flat, with a 3 m ridge along z at x = 0 (slopes 1:1), its
    /// faces up (counter-clockwise seen from above), single-sided.
    static func ridge() -> Primitive {
        let n = 41
        var positions: [Vec3] = [], normals: [Vec3] = []
        func height(_ x: Float) -> Float { max(0, 3 - abs(x)) }
        for j in 0..<n {
            for i in 0..<n {
                let x = -10 + 20 * Float(i) / Float(n - 1), z = -10 + 20 * Float(j) / Float(n - 1)
                positions.append(Vec3(x, height(x), z))
                let slope = (height(x + 0.25) - height(x - 0.25)) / 0.5
                normals.append(normalize(Vec3(-slope, 1, 0)))
            }
        }
        var indices: [UInt32] = []
        for j in 0..<(n - 1) {
            for i in 0..<(n - 1) {
                let a = UInt32(j * n + i), b = a + 1, c = a + UInt32(n), d = c + 1
                indices += [a, c, b, b, c, d]
            }
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals)],
                         indices: DataArray(indices: indices))
    }

    /// The ridge under a low sun from +x (its shadow falls over the flat ground west of it),
    /// its node the terrain or not.
    static func scene(role: NodeRole?) -> Scene {
        var scene = TestScenes.scene([(ridge(), TestScenes.material(Vec4(0.6, 0.6, 0.6, 1)))], sun: Vec3(1, 0.35, 0))
        scene.nodes[0].role = role
        return scene
    }

    static var options: RenderOptions {
        var o = TestScenes.options(160, 96, eye: Vec3(0, 14, 12), at: Vec3(0, 0, 0))
        o.fxaa = false
        return o
    }

    /// Where a point lands in a 160×96 frame seen as `options` say.
    static func screen(_ p: Vec3, options: RenderOptions) throws -> (Int, Int) {
        let camera = try FrameCamera.resolve(Scene(), world: [], bounds: AABB(min: Vec3(-10, 0, -10), max: Vec3(10, 3, 10)),
                                             options: options, aspect: 160 / 96)
        let ndc = camera.viewProjection.projectPoint(p)
        return (Int((ndc.x * 0.5 + 0.5) * 160), Int((0.5 - ndc.y * 0.5) * 96))
    }

    @Test func theGroundCastsTheSameShadowFromItsFacesTurnedAway() throws {
        let renderer = try Renderer()
        var options = Self.options
        options.profile = true
        let ground = try renderer.render(Self.scene(role: .terrain), options: options)
        let groundFragments = renderer.statistics.stageFragments[.shadows, default: 0]
        let plain = try renderer.render(Self.scene(role: nil), options: options)
        let plainFragments = renderer.statistics.stageFragments[.shadows, default: 0]
        // The same picture.
        var sum = 0, worst = 0
        for (a, b) in zip(ground.samples8, plain.samples8) {
            sum += abs(Int(a) - Int(b))
            worst = max(worst, abs(Int(a) - Int(b)))
        }
        let mean = Double(sum) / Double(ground.samples8.count)
        #expect(mean < 0.5 && worst <= 32, "mean \(mean), max \(worst)")
        // The ridge's shadow on the flat ground west of it (x = -5): darker than unshadowed.
        options.shadows = false
        let unshadowed = try renderer.render(Self.scene(role: .terrain), options: options)
        let (x, y) = try Self.screen(Vec3(-5, 0, 2), options: options)
        #expect(rgb(ground, x, y).x + 30 < rgb(unshadowed, x, y).x, "shadowed \(rgb(ground, x, y)), unshadowed \(rgb(unshadowed, x, y))")
        // Only the slope turned from the sun reached the shadow maps (where the device counts).
        if renderer.countsFragments {
            #expect(groundFragments * 3 < plainFragments, "ground \(groundFragments), both faces \(plainFragments)")
        }
    }

    @Test func anOpenRoofThatIsNotGroundStillShadesWhatIsUnderIt() throws {
        // A single-sided square 2 m up facing the sky (its sunlit face up), over a floor.
        let scene = TestScenes.scene([
            (TestScenes.square(size: 20, floor: true), TestScenes.material(Vec4(0.6, 0.6, 0.6, 1))),
            (TestScenes.square(centre: Vec3(0, 2, 0), size: 3, floor: true), TestScenes.material(Vec4(0.8, 0.2, 0.2, 1))),
        ], sun: Vec3(0.2, 1, 0.1))
        let options = TestScenes.options(160, 96, eye: Vec3(0, 3, 12), at: Vec3(0, 0, 0))
        let image = try Renderer().render(scene, options: options)
        // Its shadow: the roof's centre carried down the sun's direction to the floor.
        let sun = normalize(Vec3(0.2, 1, 0.1))
        let (ux, uy) = try Self.screen(Vec3(0, 2, 0) - sun * (2 / sun.y), options: options)
        let (ox, oy) = try Self.screen(Vec3(-5, 0, 2), options: options)
        #expect(rgb(image, ux, uy).x + 30 < rgb(image, ox, oy).x, "under the roof \(rgb(image, ux, uy)), in the open \(rgb(image, ox, oy))")
    }

    @Test func theGroundIsDrawnAfterWhatStandsOnIt() throws {
        // The ridge's box holds the eye's nearest point to anything; a square stands on it
        // farther off. Front to back by nearest point, the ground came first.
        var scene = Self.scene(role: .terrain)
        scene.materials.append(TestScenes.material(Vec4(0.8, 0.2, 0.2, 1)))
        var post = TestScenes.square(centre: Vec3(-6, 1, -6), size: 2)
        post.material = scene.materials.count - 1
        scene.meshes.append(Mesh(primitives: [post]))
        scene.nodes.append(Node(name: "Post", mesh: scene.meshes.count - 1))
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        let options = Self.options
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: prepared.bounds, options: options, aspect: 160 / 96)
        let list = DrawList.collect(prepared, world: prepared.restWorld, frustum: Frustum(camera.viewProjection), eye: camera.eye, scale: nil)
        #expect(list.opaque.map(\.mesh) == [1, 0], "\(list.opaque.map { ($0.mesh, $0.nearest) })")
        #expect(list.opaque[0].nearest > list.opaque[1].nearest, "the ground's box is the nearer")
        #expect(list.standing.map(\.mesh) == [1] && list.ground.map(\.mesh) == [0])
    }
}
