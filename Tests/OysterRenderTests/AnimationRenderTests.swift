import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// Skinned and morphing meshes drawn at a moment of their animation.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct AnimationRenderTests {
    /// Keyframes 0 → 1 s of `path` on `node` with `values` at each (flattened).
    static func animation(node: Int, path: AnimationPath, values: [Float], elementType: ElementType) -> Animation {
        let sampler = AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar), output: DataArray(floats: values, elementType: elementType))
        return Animation(name: "Move", channels: [AnimationChannel(sampler: 0, node: node, path: path)], samplers: [sampler])
    }

    /// The horizontal centre of the red pixels in the middle row.
    func redCentre(_ image: PixelImage) -> Float? {
        let y = image.height / 2
        let xs = (0..<image.width).filter { x in let c = rgb(image, x, y); return c.x > 100 && c.x > c.y + 60 }
        return xs.isEmpty ? nil : Float(xs.reduce(0, +)) / Float(xs.count)
    }

    func redSquare() -> Material { TestScenes.material(Vec4(1, 0, 0, 1)) }

    /// A red 1 m square skinned whole to one joint (node `joint`, at the origin).
    func skinnedSquare() -> (scene: Scene, joint: Int) {
        var square = TestScenes.square(size: 1)
        square.attributes["JOINTS_0"] = DataArray(componentType: .uint8, elementType: .vec4, bytes: [UInt8](repeating: 0, count: 16))
        square.attributes["WEIGHTS_0"] = DataArray(vec4: Array(repeating: Vec4(1, 0, 0, 0), count: 4))
        var scene = TestScenes.scene([(square, redSquare())])
        let joint = scene.nodes.count
        scene.nodes.append(Node(name: "Bone"))
        scene.roots[0].nodes.append(joint)
        scene.skins = [Skin(name: "Rig", joints: [joint])]
        scene.nodes[0].skin = 0
        return (scene, joint)
    }

    @Test func aSkinnedSquareFollowsItsJointOnTheGPU() throws {
        let (square, joint) = skinnedSquare()
        var scene = square
        scene.animations = [Self.animation(node: joint, path: .translation, values: [0, 0, 0, 1, 0, 0], elementType: .vec3)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        var options = TestScenes.options(96, 48)
        options.animations = [0]
        let rest = try #require(redCentre(try renderer.render(prepared, options: options)))
        options.time = 1
        let moved = try #require(redCentre(try renderer.render(prepared, options: options)))
        // 1 m to the right at 3 m with a 0.8 rad field of view: about 20 px at 48 px high.
        #expect(abs(rest - 48) < 2, "rest centre \(rest)")
        #expect(moved > rest + 15, "rest \(rest), moved \(moved)")
    }

    /// A skinned body is culled by its posed joints: drawn while its joint is in view, left
    /// out of the frame's list once the animation carries it behind the camera.
    @Test func aSkinnedBodyIsCulledWhereItsJointsAre() throws {
        let (square, joint) = skinnedSquare()
        var scene = square
        // 20 m towards and past the camera (3 m off along +Z) over a second.
        scene.animations = [Self.animation(node: joint, path: .translation, values: [0, 0, 0, 0, 0, 20], elementType: .vec3)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: prepared.restBounds, options: TestScenes.options(), aspect: 1)
        func drawn(at t: Float) -> Int {
            let world = scene.pose(at: t, animations: [0]).worldMatrices
            return DrawList.collect(prepared, world: world, frustum: Frustum(camera.viewProjection), eye: camera.eye, scale: nil).opaque.count
        }
        #expect(drawn(at: 0) == 1)
        #expect(drawn(at: 1) == 0, "a body 17 m behind the camera is still drawn")
    }

    /// A ball of 1,536 triangles skinned whole to one joint, whose node stands `distance` m
    /// down -Z from the origin scaled by `scale`; the bind pose is placed 5 m up (an inverse
    /// bind matrix that moves it back down), so a level chosen in mesh space without the
    /// joint's placement would err.
    func skinnedBall(distance: Float, scale: Float = 1) -> Scene {
        var ball = ImpostorTests.ball(r: 1, rings: 32, segments: 24)
        let rest = try! #require(ball.attributes["POSITION"])
        let vertices = rest.count
        ball.attributes["POSITION"] = DataArray(vec3: (0..<vertices).map { rest.vec3($0) + Vec3(0, 5, 0) })
        ball.attributes["JOINTS_0"] = DataArray(componentType: .uint8, elementType: .vec4, bytes: [UInt8](repeating: 0, count: 4 * vertices))
        ball.attributes["WEIGHTS_0"] = DataArray(vec4: Array(repeating: Vec4(1, 0, 0, 0), count: vertices))
        // A floor out to 400 m, so the camera's far plane reaches the ball.
        var scene = TestScenes.scene([(ball, redSquare()), (TestScenes.square(size: 800, floor: true), TestScenes.material(Vec4(0.3, 0.3, 0.3, 1)))])
        let joint = scene.nodes.count
        scene.nodes.append(Node(name: "Bone", transform: .trs(translation: Vec3(0, 0, -distance), rotation: .identity, scale: Vec3(repeating: scale))))
        scene.roots[0].nodes.append(joint)
        let down = Mat4(translation: Vec3(0, -5, 0), rotation: .identity, scale: .one)
        scene.skins = [Skin(name: "Rig", joints: [joint], inverseBindMatrices: DataArray(floats: down.m, elementType: .mat4))]
        scene.nodes[0].skin = 0
        return scene
    }

    /// The level of detail the skinned ball's batch takes, seen from 3 m up +Z at 640x360.
    func skinnedLevel(_ scene: Scene) throws -> (level: Int, levels: Int, skinned: Bool) {
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene, levelsOfDetail: true)
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: prepared.restBounds, options: TestScenes.options(640, 360), aspect: 16 / 9)
        let list = DrawList.collect(prepared, world: prepared.restWorld, frustum: Frustum(camera.viewProjection), eye: camera.eye,
                                    scale: .perspective(pixelsPerRadian: 360 / (2 * Float(0.4228))))   // tan 0.4
        let batch = try #require(list.opaque.first { $0.skin != nil })
        return (batch.level, prepared.resources.parts(batch.mesh, batch.primitive)[batch.part].levels.count, batch.skin != nil)
    }

    /// A skinned body far away takes a coarser level of its mesh, chosen where its joint
    /// places it and grown by the joint's scale; near, it is drawn whole.
    @Test func aFarSkinnedBodyTakesACoarserLevelAtItsPosedPlace() throws {
        let near = try skinnedLevel(skinnedBall(distance: 2))
        #expect(near.levels > 2 && near.level == 0 && near.skinned, "\(near)")
        let far = try skinnedLevel(skinnedBall(distance: 150))
        #expect(far.level > 1 && far.skinned, "\(far)")
        let grown = try skinnedLevel(skinnedBall(distance: 150, scale: 8))
        #expect(grown.level < far.level, "eight times larger at the same distance: \(grown) against \(far)")
    }

    /// A coarse level keeps its vertices' joints: the body still follows its joint.
    @Test func aSkinnedBodyAtACoarseLevelFollowsItsJoint() throws {
        var scene = skinnedBall(distance: 100, scale: 6)
        let joint = scene.nodes.count - 1
        scene.animations = [Self.animation(node: joint, path: .translation, values: [0, 0, -100, 12, 0, -100], elementType: .vec3)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene, levelsOfDetail: true)
        var options = TestScenes.options(256, 128, eye: Vec3(0, 6, 3), at: Vec3(0, 6, -100))
        options.shadows = false
        options.animations = [0]
        let rest = try #require(redCentre(try renderer.render(prepared, options: options)))
        #expect(renderer.statistics.triangles < 1536 / 2, "drawn whole: \(renderer.statistics.triangles) triangles")
        options.time = 1
        let moved = try #require(redCentre(try renderer.render(prepared, options: options)))
        // 12 m at 103 m with a 0.8 rad field of view over 128 px: about 18 px.
        #expect(abs(rest - 128) < 2, "rest centre \(rest)")
        #expect(moved > rest + 14 && moved < rest + 22, "rest \(rest), moved \(moved)")
    }

    /// A scene whose rest box is out of view skips its still meshes at once, but not one an
    /// animation carries into view.
    @Test func aSceneOutOfViewStillDrawsWhatAnAnimationBringsIntoView() throws {
        // Both squares rest 10 m behind the camera (at +Z 3, looking down -Z); the second
        // is animated to 5 m in front of it.
        var scene = TestScenes.scene([(TestScenes.square(centre: Vec3(0, 0, 13)), redSquare()),
                                      (TestScenes.square(centre: Vec3(0, 0, 13)), redSquare())], sun: nil)
        scene.animations = [Self.animation(node: 1, path: .translation, values: [0, 0, 0, 0, 0, -15], elementType: .vec3)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        let options = TestScenes.options()
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: AABB(min: Vec3(-1, -1, -20), max: Vec3(1, 1, 14)),
                                             options: options, aspect: 1)
        let frustum = Frustum(camera.viewProjection)
        #expect(!frustum.intersects(prepared.restBounds), "the rest box \(prepared.restBounds) is in view")
        func drawn(at t: Float) -> [Int] {
            let world = scene.pose(at: t, animations: [0]).worldMatrices
            return DrawList.collect(prepared, world: world, frustum: frustum, eye: camera.eye, scale: nil).opaque.map(\.mesh)
        }
        #expect(drawn(at: 0) == [])
        #expect(drawn(at: 1) == [1], "the animated square in front of the camera")
    }

    @Test func aMorphTargetMovesTheSquareByItsWeight() throws {
        var square = TestScenes.square(size: 1)
        square.targets = [["POSITION": DataArray(vec3: Array(repeating: Vec3(-1, 0, 0), count: 4))]]
        var scene = TestScenes.scene([(square, redSquare())])
        scene.meshes[0].weights = [0]
        scene.animations = [Self.animation(node: 0, path: .weights, values: [0, 1], elementType: .scalar)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        var options = TestScenes.options(96, 48)
        let rest = try #require(redCentre(try renderer.render(prepared, options: options)))
        options.time = 0.5
        let half = try #require(redCentre(try renderer.render(prepared, options: options)))
        #expect(abs(rest - 48) < 2, "rest centre \(rest)")
        #expect(half < rest - 6 && half > rest - 16, "half weight moves half a metre left: rest \(rest), half \(half)")
    }

    @Test func everyAnimationPlaysAndLoopsWhenNoneIsChosen() throws {
        var scene = TestScenes.scene([(TestScenes.square(size: 1), redSquare())])
        scene.animations = [Self.animation(node: 0, path: .translation, values: [0, 0, 0, 1, 0, 0], elementType: .vec3)]
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        var options = TestScenes.options(96, 48)
        options.time = 0.5
        let a = try #require(redCentre(try renderer.render(prepared, options: options)))
        options.time = 1.5   // looped: the same moment as 0.5
        let b = try #require(redCentre(try renderer.render(prepared, options: options)))
        #expect(a > 50 && a == b, "t 0.5: \(a), t 1.5: \(b)")
    }

    @Test func aDayCycleMovingTheSunPlaysOnlyWhenAskedFor() throws {
        // A floor and a square lit by a sun that an animation swings from overhead to low.
        var scene = TestScenes.scene([
            (TestScenes.square(size: 8, floor: true), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1))),
            (TestScenes.square(centre: Vec3(0, 1, 0), size: 1, floor: true), redSquare()),
        ], sun: Vec3(0, 1, 0))
        let sun = try #require(scene.nodes.firstIndex { $0.light != nil })
        let low = TestScenes.rotation(from: Vec3(0, 0, 1), to: normalize(Vec3(1, 0.3, 0)))
        let high = TestScenes.rotation(from: Vec3(0, 0, 1), to: Vec3(0, 1, 0))
        let sampler = AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar),
                                       output: DataArray(floats: [high.x, high.y, high.z, high.w, low.x, low.y, low.z, low.w], elementType: .vec4))
        scene.animations = [Animation(name: "DayCycle", channels: [AnimationChannel(sampler: 0, node: sun, path: .rotation)], samplers: [sampler])]
        #expect(PreparedScene.animationsKeepingTheSun(scene).isEmpty)
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        var options = TestScenes.options(96, 64, eye: Vec3(0, 6, 5), at: .zero)
        let noon = try renderer.render(prepared, options: options)
        options.time = 0.9
        #expect(try renderer.render(prepared, options: options).samples8 == noon.samples8, "the hour holds by default")
        options.animations = [0]
        #expect(try renderer.render(prepared, options: options).samples8 != noon.samples8, "named, the day cycle plays")
    }

    @Test func cachedShadowsOfStillCastersGiveTheSamePixelsAsFreshOnes() throws {
        // A floor, a still square and a moving square above it, the sun overhead: the first
        // frame caches the still casters' depth, the second reuses it and redraws only the
        // moving square, the third restores from the cache only where the moving square drew.
        let scene: Scene = {
            var s = TestScenes.scene([
                (TestScenes.square(size: 8, floor: true), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1))),
                (TestScenes.square(centre: Vec3(-1.5, 1, 0), size: 1, floor: true), TestScenes.material(Vec4(0.2, 0.2, 0.8, 1))),
                (TestScenes.square(centre: Vec3(1, 1, 0), size: 1, floor: true), redSquare()),
            ], sun: Vec3(0.1, 1, 0.1))
            s.animations = [Self.animation(node: 2, path: .translation, values: [0, 0, 0, 0, 0, 1.5], elementType: .vec3)]
            return s
        }()
        var options = TestScenes.options(96, 64, eye: Vec3(0, 6, 5), at: .zero)
        let renderer = try Renderer()
        let prepared = renderer.prepare(scene)
        _ = try renderer.render(prepared, options: options)
        options.time = 0.5
        let cached = try renderer.render(prepared, options: options)
        let fresh = try Renderer().render(scene, options: options)
        #expect(cached.samples8 == fresh.samples8)
        options.time = 0
        let restored = try renderer.render(prepared, options: options)
        #expect(restored.samples8 != cached.samples8, "the moving square and its shadow moved")
        // (A second renderer made on this thread between frames: each draws in its own context.)
        #expect(restored.samples8 == (try Renderer().render(scene, options: options)).samples8)

        // A camera moving every frame: once a cache goes unused, the cascades are drawn straight
        // into their maps, with the same pixels.
        let moving = try Renderer()
        let movingScene = moving.prepare(scene)
        var last: PixelImage?
        for step in 0..<4 {
            options.eye = Vec3(Float(step) * 3, 6, 5)
            last = try moving.render(movingScene, options: options)
        }
        #expect(last?.samples8 == (try Renderer().render(scene, options: options)).samples8)
    }
}
