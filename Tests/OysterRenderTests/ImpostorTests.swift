#if canImport(Glibc)
import Glibc
#endif
import OysterCore
import OysterImage
@testable import OysterRender
import Testing

/// Far repeated meshes drawn as baked quads (`Impostor`).
struct ImpostorTests {
    /// A ball of `rings` × `segments` quads, radius `r`, resting on the ground (y 0).
    static func ball(r: Float = 2, rings: Int = 8, segments: Int = 12) -> Primitive {
        var positions: [Vec3] = [], normals: [Vec3] = [], indices: [UInt32] = []
        for i in 0...rings {
            let phi = Float.pi * Float(i) / Float(rings)
            for j in 0...segments {
                let theta = 2 * Float.pi * Float(j) / Float(segments)
                let n = Vec3(sinf(phi) * cosf(theta), cosf(phi), sinf(phi) * sinf(theta))
                positions.append(n * r + Vec3(0, r, 0))
                normals.append(n)
            }
        }
        let row = UInt32(segments + 1)
        for i in 0..<UInt32(rings) {
            for j in 0..<UInt32(segments) {
                let a = i * row + j, b = a + row
                indices += [a, a + 1, b, a + 1, b + 1, b]
            }
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals)],
                         indices: DataArray(indices: indices))
    }

    /// A floor with `count` copies of one green ball (one mesh, a node each) in a row along -Z.
    static func grove(count: Int, animated: Bool = false, material: Material = TestScenes.material(Vec4(0.2, 0.6, 0.2, 1))) -> Scene {
        var scene = TestScenes.scene([(TestScenes.square(size: 400, floor: true), TestScenes.material(Vec4(0.6, 0.5, 0.4, 1)))],
                                     sun: Vec3(0.3, 1, 0.5))
        var p = ball()
        p.material = scene.materials.count
        scene.materials.append(material)
        scene.meshes.append(Mesh(primitives: [p]))
        for i in 0..<count {
            scene.nodes.append(Node(name: "Ball\(i)", transform: .trs(translation: Vec3(Float(i % 2) * 6 - 3, 0, -Float(i) * 8), rotation: Quat(x: 0, y: 0, z: 0, w: 1), scale: .one),
                                    mesh: scene.meshes.count - 1))
        }
        if animated {
            let sampler = AnimationSampler(input: DataArray(floats: [0, 1], elementType: .scalar),
                                           output: DataArray(floats: [0, 0, 0, 0, 1, 0], elementType: .vec3))
            scene.animations = [Animation(name: "Bob", channels: [AnimationChannel(sampler: 0, node: scene.nodes.count - 1, path: .translation)], samplers: [sampler])]
        }
        scene.roots = [SceneRoot(nodes: Array(scene.nodes.indices))]
        return scene
    }

    @Test func repeatedStillOpaqueMeshesAreCandidatesAndOthersAreNot() {
        let four = Self.grove(count: 4)
        #expect(Impostor.candidates(four, drawables: PreparedScene.drawables(four)).keys.sorted() == [1])
        let three = Self.grove(count: 3)
        #expect(Impostor.candidates(three, drawables: PreparedScene.drawables(three)).isEmpty, "fewer than four placements")
        let moving = Self.grove(count: 6, animated: true)
        #expect(Impostor.candidates(moving, drawables: PreparedScene.drawables(moving)).isEmpty, "one of its nodes is animated")
        var glass = TestScenes.material(Vec4(0.2, 0.6, 0.2, 0.5))
        glass.alphaMode = .blend
        let blended = Self.grove(count: 6, material: glass)
        #expect(Impostor.candidates(blended, drawables: PreparedScene.drawables(blended)).isEmpty, "blended")
        var lamp = TestScenes.material(Vec4(0.2, 0.6, 0.2, 1))
        lamp.emissiveFactor = Vec3(1, 1, 0.5)
        let glowing = Self.grove(count: 6, material: lamp)
        #expect(Impostor.candidates(glowing, drawables: PreparedScene.drawables(glowing)).isEmpty, "emissive")
        // The shape is the ball's bounding sphere.
        let shape = Impostor.candidates(four, drawables: PreparedScene.drawables(four))[1]
        #expect(shape.map { abs($0.centre.y - 2) < 1e-3 && abs($0.radius - 2 * Float(3).squareRoot()) < 0.05 } == true)
    }

    /// Pixels that are neither sky nor floor: greener than they are red.
    func ballPixels(_ image: PixelImage) -> (count: Int, mean: Vec3) {
        var n = 0
        var sum = Vec3.zero
        for y in 0..<image.height {
            for x in 0..<image.width {
                let i = (y * image.width + x) * 4
                let c = Vec3(Float(image.samples8[i]), Float(image.samples8[i + 1]), Float(image.samples8[i + 2]))
                if c.y > c.x + 25 && c.y > c.z + 10 { n += 1; sum += c }
            }
        }
        return (n, n > 0 ? sum / Float(n) : .zero)
    }

    @Test(.enabled(if: openGLAvailable, "needs headless OpenGL"))
    func farBallsBecomeImpostorsThatLookLikeTheBalls() throws {
        let scene = Self.grove(count: 24)
        var options = TestScenes.options(320, 180, eye: Vec3(0, 6, 60), at: Vec3(0, 2, -40))
        options.fxaa = false
        let renderer = try Renderer()
        let meshes = try renderer.render(renderer.prepare(scene, levelsOfDetail: false), options: options)
        #expect(renderer.statistics.impostors == 0)
        let withImpostors = try renderer.render(renderer.prepare(scene, levelsOfDetail: true), options: options)
        #expect(renderer.statistics.impostors > 10, "most of the row is far: \(renderer.statistics.impostors)")
        let (a, b) = (ballPixels(meshes), ballPixels(withImpostors))
        // The same balls: coverage within a fifth, colour within a few levels.
        #expect(a.count > 200)
        #expect(abs(Float(b.count - a.count)) <= Float(a.count) / 5, "ball pixels: meshes \(a.count), impostors \(b.count)")
        #expect(length(a.mean - b.mean) < 20, "mean colour: meshes \(a.mean), impostors \(b.mean)")
        // The same inputs give the same pixels.
        #expect(try renderer.render(renderer.prepare(scene, levelsOfDetail: true), options: options).samples8 == withImpostors.samples8)
    }

    @Test(.enabled(if: openGLAvailable, "needs headless OpenGL"))
    func scenesPlacingTheSameMeshShareOneImpostorUntilTheLastIsDropped() throws {
        let renderer = try Renderer()
        var first: PreparedScene? = renderer.prepare(Self.grove(count: 6), levelsOfDetail: true)
        #expect(renderer.impostorCount == 1)
        // The same ball under another material name and another mesh index: the same impostor.
        var other = Self.grove(count: 6)
        other.materials[1].name = "Leaves of another tile"
        other.meshes.insert(Mesh(name: "Unplaced", primitives: []), at: 0)
        for n in other.nodes.indices { other.nodes[n].mesh = other.nodes[n].mesh.map { $0 + 1 } }
        var second: PreparedScene? = renderer.prepare(other, levelsOfDetail: true)
        #expect(renderer.impostorCount == 1)
        #expect(first?.impostors[1] === second?.impostors[2])
        // A different colour is a different impostor.
        var third: PreparedScene? = renderer.prepare(Self.grove(count: 6, material: TestScenes.material(Vec4(0.8, 0.1, 0.1, 1))), levelsOfDetail: true)
        #expect(renderer.impostorCount == 2)
        first = nil
        #expect(renderer.impostorCount == 2)
        second = nil
        third = nil
        #expect(renderer.impostorCount == 0)
    }

    @Test(.enabled(if: openGLAvailable, "needs headless OpenGL"))
    func nearBallsStayMeshes() throws {
        let scene = Self.grove(count: 6)
        let renderer = try Renderer()
        _ = try renderer.render(renderer.prepare(scene, levelsOfDetail: true), options: TestScenes.options(320, 180, eye: Vec3(0, 3, 12), at: Vec3(0, 2, 0)))
        #expect(renderer.statistics.impostors < 6, "the nearest balls fill a good part of the frame")
        #expect(renderer.statistics.triangles > 192)
    }
}
