import Foundation
import OysterCore
import OysterImage
import OysterRender
import OysterTestSupport
import Testing

/// Small scenes, one feature each, against images judged correct by eye and committed under
/// `Fixtures/golden/`. `scripts/update-goldens.sh` re-renders them (after a deliberate change
/// to the look: look at every image before committing it).
enum GoldenScenes {
    /// A unit box with a checker texture, turned to show three faces.
    static func texturedBox() throws -> Scene {
        var scene = TestScenes.scene([], sun: Vec3(0.5, 0.8, 0.6))
        var checker: [UInt8] = []
        for y in 0..<8 { for x in 0..<8 { checker += (x + y) % 2 == 0 ? [230, 200, 60, 255] : [40, 90, 160, 255] } }
        // The default sampler: trilinear, repeat.
        let t = try TestScenes.texture(&scene, 8, 8, checker, sampler: Sampler())
        var m = TestScenes.material(.one, roughness: 0.6)
        m.baseColorTexture = TextureRef(texture: t)
        scene.materials = [m]
        scene.meshes = [Mesh(name: "Box", primitives: [box(material: 0)])]
        let box = Node(name: "Box", transform: .trs(translation: .zero, rotation: Quat(angle: -0.16, axis: Vec3(0, 1, 0)), scale: .one), mesh: 0)
        scene.nodes.insert(box, at: 0)
        scene.nodes[1].children = []
        scene.roots = [SceneRoot(nodes: [0, 1])]
        return scene
    }

    /// A box of side 1 with per-face normals and UVs.
    static func box(material: Int) -> Primitive {
        var positions: [Vec3] = [], normals: [Vec3] = [], uvs: [Vec2] = [], indices: [UInt32] = []
        let faces: [(Vec3, Vec3, Vec3)] = [
            (Vec3(0, 0, 1), Vec3(1, 0, 0), Vec3(0, 1, 0)), (Vec3(0, 0, -1), Vec3(-1, 0, 0), Vec3(0, 1, 0)),
            (Vec3(1, 0, 0), Vec3(0, 0, -1), Vec3(0, 1, 0)), (Vec3(-1, 0, 0), Vec3(0, 0, 1), Vec3(0, 1, 0)),
            (Vec3(0, 1, 0), Vec3(1, 0, 0), Vec3(0, 0, -1)), (Vec3(0, -1, 0), Vec3(1, 0, 0), Vec3(0, 0, 1)),
        ]
        for (n, u, v) in faces {
            let base = UInt32(positions.count)
            for (a, b) in [(-1, -1), (1, -1), (1, 1), (-1, 1)] as [(Float, Float)] {
                positions.append(n * 0.5 + u * (a * 0.5) + v * (b * 0.5))
                normals.append(n)
                uvs.append(Vec2((a + 1) / 2, (1 - b) / 2))
            }
            indices += [base, base + 1, base + 2, base, base + 2, base + 3]
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals), "TEXCOORD_0": DataArray(vec2: uvs)],
                         indices: DataArray(indices: indices), material: material)
    }

    /// Three squares over a striped backdrop: opaque, masked at 0.5 and blended, all with
    /// the same left-to-right alpha ramp.
    static func alphaModes() throws -> Scene {
        var scene = TestScenes.scene([], sun: Vec3(0.3, 0.5, 1))
        var ramp: [UInt8] = []
        for _ in 0..<2 { for x in 0..<8 { ramp += [220, 60, 40, UInt8(x * 255 / 7)] } }
        let t = try TestScenes.texture(&scene, 8, 2, ramp, sampler: Sampler(magFilter: Sampler.linear, minFilter: Sampler.linear, wrapS: Sampler.clampToEdge, wrapT: Sampler.clampToEdge))
        var prims: [Primitive] = []
        for (i, mode) in [AlphaMode.opaque, .mask, .blend].enumerated() {
            var m = TestScenes.material(.one)
            m.alphaMode = mode
            m.baseColorTexture = TextureRef(texture: t)
            scene.materials.append(m)
            var p = TestScenes.square(centre: Vec3(Float(i - 1) * 1.1, 0, 0), size: 1)
            p.material = i
            prims.append(p)
        }
        var stripes = TestScenes.material(Vec4(0.9, 0.9, 0.9, 1))
        stripes.baseColorTexture = TextureRef(texture: try TestScenes.texture(&scene, 2, 1, [240, 240, 240, 255, 30, 30, 30, 255],
                                                                                 sampler: Sampler(magFilter: Sampler.nearest, minFilter: Sampler.nearest)))
        stripes.baseColorTexture?.transform = TextureTransform(scale: Vec2(6, 1))
        scene.materials.append(stripes)
        var back = TestScenes.square(centre: Vec3(0, 0, -0.5), size: 4)
        back.material = 3
        prims.append(back)
        scene.meshes = prims.map { Mesh(primitives: [$0]) }
        let meshNodes = prims.indices.map { Node(name: "Q\($0)", mesh: $0) }
        scene.nodes = meshNodes + scene.nodes
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        return scene
    }

    /// A strip of 8 segments bent by a two-joint skin, and beside it a square morphing into
    /// a diamond, both 1 s animations (looping when rendered: t = 1 is t = 0 again).
    static func skinAndMorph() -> Scene {
        var positions: [Vec3] = [], joints: [UInt8] = [], weights: [Vec4] = [], indices: [UInt32] = []
        for i in 0...8 {
            let y = Float(i) * 0.25
            positions += [Vec3(-0.15, y, 0), Vec3(0.15, y, 0)]
            let w = min(max((y - 0.6) / 0.8, 0), 1)   // the upper joint takes over along the middle
            for _ in 0..<2 {
                joints += [0, 1, 0, 0]
                weights.append(Vec4(1 - w, w, 0, 0))
            }
            if i < 8 { let b = UInt32(i * 2); indices += [b, b + 1, b + 3, b, b + 3, b + 2] }
        }
        let strip = Primitive(attributes: [
            "POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 0, 1), count: positions.count)),
            "JOINTS_0": DataArray(componentType: .uint8, elementType: .vec4, bytes: joints), "WEIGHTS_0": DataArray(vec4: weights),
        ], indices: DataArray(indices: indices), material: 0)
        var morph = TestScenes.square(centre: .zero, size: 1, uv: false)
        morph.material = 1
        morph.targets = [["POSITION": DataArray(vec3: [Vec3(0, -0.3, 0), Vec3(0.3, 0, 0), Vec3(0, 0.3, 0), Vec3(-0.3, 0, 0)])]]
        var scene = TestScenes.scene([], sun: Vec3(0.2, 0.6, 1))
        scene.materials = [TestScenes.material(Vec4(0.2, 0.6, 0.9, 1)), TestScenes.material(Vec4(0.9, 0.5, 0.1, 1))]
        var stripMaterial = scene.materials[0]
        stripMaterial.doubleSided = true
        scene.materials[0] = stripMaterial
        scene.meshes = [Mesh(name: "Strip", primitives: [strip]), Mesh(name: "Morph", primitives: [morph])]
        scene.meshes[1].weights = [0]
        let sun = scene.nodes
        var stripNode = Node(name: "Strip", transform: .trs(translation: Vec3(-0.8, -1, 0), rotation: .identity, scale: .one), mesh: 0)
        stripNode.skin = 0
        let root = Node(name: "Root", transform: .trs(translation: Vec3(-0.8, -1, 0), rotation: .identity, scale: .one), children: [2])
        let upper = Node(name: "Upper", transform: .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one))
        let morphNode = Node(name: "Morph", transform: .trs(translation: Vec3(0.8, 0, 0), rotation: .identity, scale: .one), mesh: 1)
        scene.nodes = [stripNode, root, upper, morphNode] + sun
        // Inverse bind matrices: each joint's rest world position, undone (in the strip's space).
        let ibm: [Float] = Mat4.identity.m + Mat4(translation: Vec3(0, -1, 0), rotation: .identity, scale: .one).m
        scene.skins = [Skin(name: "Bend", joints: [1, 2], inverseBindMatrices: DataArray(floats: ibm, elementType: .mat4))]
        let bend = Quat(angle: -0.9, axis: Vec3(0, 0, 1))
        scene.animations = [
            Animation(name: "Bend", channels: [AnimationChannel(sampler: 0, node: 2, path: .rotation)], samplers: [
                AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar),
                                 output: DataArray(vec4: [Vec4(0, 0, 0, 1), bend.vector])),
            ]),
            Animation(name: "Morph", channels: [AnimationChannel(sampler: 0, node: 3, path: .weights)], samplers: [
                AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar), output: DataArray(floats: [0, 1], elementType: .scalar)),
            ]),
        ]
        scene.roots = [SceneRoot(nodes: [0, 1, 3, 4])]
        return scene
    }

    /// A grey floor at night lit only by a spot light shining down at a slant.
    static func spotLight() -> Scene {
        var scene = TestScenes.scene([(TestScenes.square(size: 6, floor: true), TestScenes.material(Vec4(0.7, 0.7, 0.7, 1)))], sun: nil, sky: Vec3(0.01, 0.01, 0.02))
        scene.lights = [Light(name: "Spot", kind: .spot(innerConeAngle: 0.25, outerConeAngle: 0.45), color: Vec3(1, 0.8, 0.5), intensity: 40, range: 10)]
        var spot = Node(name: "Spot", transform: .trs(translation: Vec3(-0.5, 2.5, 0.5), rotation: Quat(angle: -1.2, axis: Vec3(1, 0, 0)), scale: .one))
        spot.light = 0
        scene.nodes.append(spot)
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        return scene
    }
}

@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct GoldenImageTests {
    static let update = ProcessInfo.processInfo.environment["OYSTER_UPDATE_GOLDENS"] != nil

    /// Renders `scene` and compares it with `Fixtures/golden/NAME.png`: the mean difference per
    /// channel under 1.5 and no more than 0.5 % of pixels off by more than 40 (llvmpipe
    /// versions may differ by a rounding here and there).
    func check(_ name: String, _ scene: Scene, options: RenderOptions) throws {
        let image = try Renderer().render(scene, options: options)
        let path = RepoPaths.fixture("golden/\(name).png")
        if Self.update {
            try AtomicFile.write(try ImageCodec.encodePNG(image), to: path)
            return
        }
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is missing: run scripts/update-goldens.sh and look at the image")
        let expected = try ImageCodec.decode(try FileIO.read(path)).rgba8()
        try #require(expected.width == image.width && expected.height == image.height)
        var total = 0, far = 0
        for p in 0..<(image.width * image.height) {
            var worst = 0
            for c in 0..<3 {
                let d = abs(Int(image.samples8[p * 4 + c]) - Int(expected.samples8[p * 4 + c]))
                total += d
                worst = max(worst, d)
            }
            if worst > 40 { far += 1 }
        }
        let mean = Double(total) / Double(image.width * image.height * 3)
        #expect(mean < 1.5, "\(name): mean difference \(mean)")
        #expect(Double(far) / Double(image.width * image.height) < 0.005, "\(name): \(far) pixels differ by more than 40")
    }

    /// The default smoothing (FXAA), or 4× multisampling without it.
    func options(eye: Vec3, at: Vec3 = .zero, time: Float = 0, multisampled: Bool = false) -> RenderOptions {
        var o = TestScenes.options(160, 120, eye: eye, at: at)
        o.samples = multisampled ? 4 : 1
        o.fxaa = !multisampled
        o.time = time
        return o
    }

    @Test func texturedBox() throws {
        try check("textured-box", try GoldenScenes.texturedBox(), options: options(eye: Vec3(1.6, 1.3, 2.2)))
    }

    @Test func alphaModes() throws {
        try check("alpha-modes", try GoldenScenes.alphaModes(), options: options(eye: Vec3(0, 0, 2.6), multisampled: true))
    }

    @Test func skinAndMorphThreeQuartersThrough() throws {
        try check("skin-and-morph", GoldenScenes.skinAndMorph(), options: options(eye: Vec3(0, 0, 4), time: 0.75, multisampled: true))
    }

    @Test func spotLight() throws {
        try check("spot-light", GoldenScenes.spotLight(), options: options(eye: Vec3(0, 4, 4)))
    }
}
