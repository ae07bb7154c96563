import Foundation
import OysterCore
import OysterImage
import OysterJSON
@testable import OysterRender
import OysterTestSupport
import Testing

/// Small scenes built in code, one feature each.
enum TestScenes {
    /// A square of side `size` centred at `centre`, facing +Z (or +Y when `floor`).
    static func square(centre: Vec3 = .zero, size: Float = 2, floor: Bool = false, uv: Bool = true) -> Primitive {
        let h = size / 2
        let corners: [Vec3] = floor
            ? [Vec3(-h, 0, h), Vec3(h, 0, h), Vec3(h, 0, -h), Vec3(-h, 0, -h)]
            : [Vec3(-h, -h, 0), Vec3(h, -h, 0), Vec3(h, h, 0), Vec3(-h, h, 0)]
        var attributes: AttributeSet = [
            "POSITION": DataArray(vec3: corners.map { $0 + centre }),
            "NORMAL": DataArray(vec3: Array(repeating: floor ? Vec3(0, 1, 0) : Vec3(0, 0, 1), count: 4)),
        ]
        if uv { attributes["TEXCOORD_0"] = DataArray(vec2: [Vec2(0, 1), Vec2(1, 1), Vec2(1, 0), Vec2(0, 0)]) }
        return Primitive(attributes: attributes, indices: DataArray(indices: [0, 1, 2, 0, 2, 3]))
    }

    /// A scene of the given primitives (one mesh and node each), seen from +Z at 3 m (or
    /// from `eye`), with a sun shining from `sun` when given (noon strength, unitless).
    static func scene(_ prims: [(Primitive, Material)], sun: Vec3? = Vec3(0, 0, 1), sky: Vec3 = Vec3(0.5, 0.7, 1)) -> Scene {
        var scene = Scene()
        for (p, m) in prims {
            var p = p
            p.material = scene.materials.count
            scene.materials.append(m)
            scene.meshes.append(Mesh(primitives: [p]))
            scene.nodes.append(Node(name: "N\(scene.nodes.count)", mesh: scene.meshes.count - 1))
        }
        if let sun {
            scene.lights = [Light(name: "Sun", kind: .directional, intensity: 5)]
            var node = Node(name: "Sun", transform: .trs(translation: .zero, rotation: rotation(from: Vec3(0, 0, 1), to: normalize(sun)), scale: .one))
            node.light = 0
            scene.nodes.append(node)
        }
        scene.asset.extras = ["lightUnits": "unitless", "environment": ["skyColor": [.double(Double(sky.x)), .double(Double(sky.y)), .double(Double(sky.z))]]]
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        scene.defaultRoot = 0
        return scene
    }

    /// The rotation turning unit vector `a` onto `b`.
    static func rotation(from a: Vec3, to b: Vec3) -> Quat {
        let c = cross(a, b)
        let d = dot(a, b)
        if d < -0.9999 { return Quat(x: 0, y: 1, z: 0, w: 0) }
        let q = Vec4(c.x, c.y, c.z, 1 + d)
        let l = (q * q).sum().squareRoot()
        return Quat(x: q.x / l, y: q.y / l, z: q.z / l, w: q.w / l)
    }

    static func material(_ color: Vec4, metallic: Float = 0, roughness: Float = 1) -> Material {
        var m = Material()
        m.baseColorFactor = color
        m.metallicFactor = metallic
        m.roughnessFactor = roughness
        return m
    }

    /// A PNG texture of `w`×`h` RGBA pixels given row by row.
    static func texture(_ scene: inout Scene, _ w: Int, _ h: Int, _ rgba: [UInt8], sampler: Sampler = Sampler(magFilter: Sampler.nearest, minFilter: Sampler.nearest)) throws -> Int {
        let png = try ImageCodec.encodePNG(PixelImage(width: w, height: h, channels: 4, samples8: rgba))
        scene.images.append(Image(name: "t\(scene.images.count)", mimeType: "image/png", data: png))
        scene.samplers.append(sampler)
        scene.textures.append(Texture(source: scene.images.count - 1, sampler: scene.samplers.count - 1))
        return scene.textures.count - 1
    }

    static func options(_ w: Int = 64, _ h: Int = 64, eye: Vec3 = Vec3(0, 0, 3), at: Vec3 = .zero) -> RenderOptions {
        var o = RenderOptions(width: w, height: h)
        o.eye = eye
        o.target = at
        o.samples = 1
        return o
    }
}

func rgb(_ image: PixelImage, _ x: Int, _ y: Int) -> SIMD3<Int> {
    let i = (y * image.width + x) * 4
    return SIMD3(Int(image.samples8[i]), Int(image.samples8[i + 1]), Int(image.samples8[i + 2]))
}

@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL: apt-get install libegl-dev libgl-dev libgl1-mesa-dri libegl-mesa0"))
struct ShadingTests {
    @Test func aSmoothMetalMirrorsTheSkyWhereARoughDielectricShowsItsOwnColour() throws {
        let renderer = try Renderer()
        let white = Vec4(0.9, 0.9, 0.9, 1)
        let matte = try renderer.render(TestScenes.scene([(TestScenes.square(), TestScenes.material(white))]), options: TestScenes.options())
        // The sun is off to the side, so the mirror shows sky and not the sun's highlight.
        let metal = try renderer.render(TestScenes.scene([(TestScenes.square(), TestScenes.material(white, metallic: 1, roughness: 0.1))], sun: Vec3(1, 1, 0)),
                                        options: TestScenes.options())
        let m = rgb(matte, 32, 32), s = rgb(metal, 32, 32)
        // Matte white under a noon sun is near white and grey-neutral.
        #expect(m.x > 180 && abs(m.x - m.z) < 30, "matte \(m)")
        // A mirror facing the camera shows what is behind the camera: sky, blue over red.
        #expect(s.z > s.x + 15, "metal \(s)")
        #expect(s != m)
    }

    @Test func aNormalMapTurnsTheSurfaceTowardsOrAwayFromTheSun() throws {
        // The sun comes from +X at a grazing angle; a normal map tilting normals to +X
        // brightens the square, one tilting them to −X darkens it.
        func render(tiltX: Float) throws -> SIMD3<Int> {
            var scene = TestScenes.scene([(TestScenes.square(), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1)))], sun: Vec3(1, 0, 0.3))
            let n = normalize(Vec3(tiltX, 0, 1)) * 0.5 + Vec3(repeating: 0.5)
            let texel = [UInt8(n.x * 255), UInt8(n.y * 255), UInt8(n.z * 255), 255]
            let t = try TestScenes.texture(&scene, 2, 2, Array([texel, texel, texel, texel].joined()))
            scene.materials[0].normalTexture = TextureRef(texture: t)
            return rgb(try Renderer().render(scene, options: TestScenes.options()), 32, 32)
        }
        let towards = try render(tiltX: 0.8), flat = try render(tiltX: 0), away = try render(tiltX: -0.8)
        #expect(towards.x > flat.x + 20 && flat.x > away.x + 10, "towards \(towards) flat \(flat) away \(away)")
    }

    @Test func textureTransformOffsetsAndTexCoordPicksTheSet() throws {
        // Left half red, right half green; offset by half a texture the halves swap.
        var scene = TestScenes.scene([(TestScenes.square(size: 4), TestScenes.material(.one))])
        let t = try TestScenes.texture(&scene, 2, 1, [255, 0, 0, 255, 0, 255, 0, 255])
        scene.materials[0].baseColorTexture = TextureRef(texture: t)
        let renderer = try Renderer()
        let plain = try renderer.render(scene, options: TestScenes.options())
        scene.materials[0].baseColorTexture?.transform = TextureTransform(offset: Vec2(0.5, 0))
        let shifted = try renderer.render(scene, options: TestScenes.options())
        let pl = rgb(plain, 16, 32), pr = rgb(plain, 48, 32), sl = rgb(shifted, 16, 32), sr = rgb(shifted, 48, 32)
        #expect(pl.x > pl.y && pr.y > pr.x, "plain \(pl) \(pr)")
        #expect(sl.y > sl.x && sr.x > sr.y, "shifted \(sl) \(sr)")
    }

    @Test func theSunCastsAShadowOfABoxOntoTheFloorAndNotWithShadowsOff() throws {
        // A floor, a small square hovering 1 m above it, the sun straight overhead; the camera
        // looks down at a slant.
        let hover = TestScenes.square(centre: Vec3(0, 1, 0), size: 1, floor: true)
        let scene = TestScenes.scene([
            (TestScenes.square(size: 8, floor: true), TestScenes.material(Vec4(0.8, 0.8, 0.8, 1))),
            (hover, TestScenes.material(Vec4(0.8, 0.2, 0.2, 1))),
        ], sun: Vec3(0, 1, 0))
        var options = TestScenes.options(96, 64, eye: Vec3(0, 5, 5), at: .zero)
        let renderer = try Renderer()
        let with = try renderer.render(scene, options: options)
        options.shadows = false
        let without = try renderer.render(scene, options: options)
        func project(_ p: Vec3) -> (Int, Int) {
            let camera = try! FrameCamera.resolve(scene, world: scene.worldMatrices(), bounds: scene.worldBounds(), options: options, aspect: 96.0 / 64.0)
            let ndc = camera.viewProjection.projectPoint(p)
            return (Int((ndc.x * 0.5 + 0.5) * 96), Int((0.5 - ndc.y * 0.5) * 64))
        }
        // The floor just in front of the hovering square (z 0.4) is in its shadow but not
        // hidden by it from this camera.
        let (sx, sy) = project(Vec3(0, 0, 0.45)), (lx, ly) = project(Vec3(2.5, 0, 0.45))
        let shadowed = rgb(with, sx, sy), lit = rgb(with, lx, ly), unshadowed = rgb(without, sx, sy)
        #expect(shadowed.x + 40 < lit.x, "shadowed \(shadowed) lit \(lit)")
        #expect(abs(unshadowed.x - rgb(without, lx, ly).x) < 12, "without shadows \(unshadowed)")
    }

    @Test func blendedSurfacesComposeFarthestFirstWhateverTheNodeOrder() throws {
        // Two half-transparent squares, red nearer the camera, green behind, listed near
        // first: sorted, the red one is composed last and dominates.
        func scene(nearFirst: Bool) -> Scene {
            var red = TestScenes.material(Vec4(1, 0, 0, 0.6)); red.alphaMode = .blend
            var green = TestScenes.material(Vec4(0, 1, 0, 0.6)); green.alphaMode = .blend
            let near = (TestScenes.square(centre: Vec3(0, 0, 0.5)), red), far = (TestScenes.square(centre: Vec3(0, 0, -0.5)), green)
            return TestScenes.scene(nearFirst ? [near, far] : [far, near])
        }
        let renderer = try Renderer()
        let a = rgb(try renderer.render(scene(nearFirst: true), options: TestScenes.options()), 32, 32)
        let b = rgb(try renderer.render(scene(nearFirst: false), options: TestScenes.options()), 32, 32)
        #expect(a == b, "\(a) vs \(b)")
        #expect(a.x > a.y, "red in front: \(a)")
    }

    @Test func exposureAndToneMappingChangeTheLookButNotTheFrame() throws {
        let scene = TestScenes.scene([(TestScenes.square(), TestScenes.material(Vec4(0.12, 0.12, 0.12, 1)))])
        let renderer = try Renderer()
        var options = TestScenes.options()
        let base = rgb(try renderer.render(scene, options: options), 32, 32)
        options.exposure = 1
        let brighter = rgb(try renderer.render(scene, options: options), 32, 32)
        options.exposure = 0
        options.toneMapping = .aces
        let aces = rgb(try renderer.render(scene, options: options), 32, 32)
        #expect(brighter.x > base.x + 20, "base \(base), +1 EV \(brighter)")
        #expect(aces != base)
    }

    @Test func fogFadesFarSurfacesTowardsTheHorizon() throws {
        var scene = TestScenes.scene([(TestScenes.square(centre: Vec3(0, 0, -60), size: 80), TestScenes.material(Vec4(0.8, 0.1, 0.1, 1)))])
        let clear = rgb(try Renderer().render(scene, options: TestScenes.options()), 32, 32)
        scene.asset.environment?.fogDensity = 0.05
        let foggy = rgb(try Renderer().render(scene, options: TestScenes.options()), 32, 32)
        #expect(clear.x > clear.z + 80, "clear \(clear)")
        #expect(foggy.z > foggy.x, "fogged red turns sky blue: \(foggy)")
    }

    @Test func aFarCheckerReadsAsItsMeanInLinearLight() throws {
        // A 128² texture of one-texel black and white squares on a square seen small (about
        // 16 pixels across: eight texels a pixel) samples its staged mip chain: the same grey
        // as a square of the checker's mean (linear 0.5, sRGB code 188). Without the chain the
        // texture would be incomplete (black), without linear light it would be code 128.
        func square(_ texels: (Int, Int) -> [UInt8]) throws -> PixelImage {
            var rgba: [UInt8] = []
            for y in 0..<128 { for x in 0..<128 { rgba += texels(x, y) } }
            var scene = TestScenes.scene([(TestScenes.square(), TestScenes.material(.one))], sun: nil)
            scene.materials[0].unlit = true
            scene.materials[0].baseColorTexture = TextureRef(texture: try TestScenes.texture(&scene, 128, 128, rgba, sampler: Sampler()))
            var options = TestScenes.options(64, 64, eye: Vec3(0, 0, 10))
            options.fxaa = false
            return try Renderer().render(scene, options: options)
        }
        let checker = try square { x, y in (x + y) % 2 == 0 ? [255, 255, 255, 255] : [0, 0, 0, 255] }
        let mean = try square { _, _ in [188, 188, 188, 255] }
        let (a, b) = (rgb(checker, 32, 32), rgb(mean, 32, 32))
        #expect(abs(a.x - b.x) <= 3 && abs(a.y - b.y) <= 3 && abs(a.z - b.z) <= 3, "checker \(a), mean \(b)")
        #expect(b.x > 100, "the grey square is seen: \(b)")
    }

    @Test func repeatedMeshesDrawAsOneInstancedBatchAndWhatIsBehindTheCameraIsCulled() throws {
        let renderer = try Renderer()
        var scene = TestScenes.scene([(TestScenes.square(), TestScenes.material(.one))])
        for x in [-1.5, 1.5, 0] as [Float] {
            let z: Float = x == 0 ? 10 : 0   // the last is behind the camera
            scene.nodes.append(Node(name: "Copy\(x)", transform: .trs(translation: Vec3(x, 0, z), rotation: .identity, scale: .one), mesh: 0))
            scene.roots[0].nodes.append(scene.nodes.count - 1)
        }
        let prepared = renderer.prepare(scene)
        let camera = try FrameCamera.resolve(scene, world: prepared.restWorld, bounds: prepared.restBounds, options: TestScenes.options(), aspect: 1)
        let list = DrawList.collect(prepared, world: prepared.restWorld, frustum: Frustum(camera.viewProjection), eye: camera.eye, scale: nil)
        #expect(list.opaque.count == 1)
        #expect(list.opaque.first?.instanceCount == 3, "the original and two copies; the one behind is culled")
    }

    @Test(.enabled(if: softwareOpenGLOnly, "this machine has a GPU: nothing to refuse"))
    func askingForAGPUOnASoftwareRasterizerIsAClearError() throws {
        #expect {
            _ = try Renderer(device: .gpu)
        } throws: { error in
            guard case RenderError.noGPU? = error as? RenderError else { return false }
            return "\(error)".contains("--device cpu")
        }
    }
}

/// Whether the OpenGL found here is a software rasterizer (llvmpipe).
let softwareOpenGLOnly: Bool = (try? Renderer()).map { GLContext.isSoftware($0.deviceName) } ?? false
