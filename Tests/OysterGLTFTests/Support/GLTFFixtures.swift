import OysterCore
import OysterJSON
@testable import OysterGLTF

/// Scenes built in code that exercise every feature the glTF reader and writer model.
enum GLTFFixtures {
    static func bytes<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }

    // MARK: - Textured box

    /// A unit cube (24 vertices, normals, UVs, uint16 indices) with a checker PNG texture.
    static func texturedBox() -> Scene {
        var scene = Scene()
        var positions: [Vec3] = [], normals: [Vec3] = [], uvs: [Vec2] = []
        var indices: [UInt32] = []
        let faces: [(Vec3, Vec3, Vec3)] = [
            (Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, -1)), (Vec3(-1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)),
            (Vec3(0, 1, 0), Vec3(0, 0, -1), Vec3(1, 0, 0)), (Vec3(0, -1, 0), Vec3(0, 0, 1), Vec3(1, 0, 0)),
            (Vec3(0, 0, 1), Vec3(0, 1, 0), Vec3(1, 0, 0)), (Vec3(0, 0, -1), Vec3(0, 1, 0), Vec3(-1, 0, 0)),
        ]
        for (n, up, right) in faces {
            let base = UInt32(positions.count)
            for (u, v) in [(Float(0), Float(0)), (1, 0), (1, 1), (0, 1)] {
                positions.append((n + right * (u * 2 - 1) + up * (v * 2 - 1)) * 0.5)
                normals.append(n)
                uvs.append(Vec2(u, 1 - v))
            }
            indices += [base, base + 1, base + 2, base, base + 2, base + 3]
        }
        let primitive = Primitive(
            attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals), "TEXCOORD_0": DataArray(vec2: uvs)],
            indices: DataArray(indices: indices), material: 0)
        scene.meshes = [Mesh(name: "box", primitives: [primitive])]
        scene.images = [Image(name: "checker", mimeType: "image/png", data: TestPNG.checker())]
        scene.samplers = [Sampler(magFilter: Sampler.nearest, minFilter: Sampler.nearest)]
        scene.textures = [Texture(source: 0, sampler: 0)]
        var material = Material(name: "checker")
        material.baseColorTexture = TextureRef(texture: 0)
        material.metallicFactor = 0
        scene.materials = [material]
        scene.nodes = [Node(name: "box", mesh: 0)]
        scene.roots = [SceneRoot(nodes: [0])]
        scene.defaultRoot = 0
        return scene
    }

    // MARK: - Everything

    /// A scene using every modelled feature: hierarchy with TRS and matrix nodes, all three
    /// interpolations, skinning, morph targets with default weights and names, cameras,
    /// lights, quantized attributes, GPU instancing, texture transforms, extras and an
    /// unknown extension carried verbatim.
    static func rich() -> Scene {
        var scene = texturedBox()
        scene.asset.copyright = "CC0"
        scene.asset.extras = ["provenance": ["seed": 42, "prompt": "a test"]]
        scene.extras = ["note": "root extras", "list": [1, 2.5, "x"]]
        scene.extensions = ["EXT_oyster_root": ["flag": true]]
        scene.extensionsUsed = ["EXT_oyster_root", "EXT_oyster_test"]

        // Materials and textures.
        scene.images.append(Image(name: "normal map", mimeType: "image/png", data: TestPNG.make(width: 2, height: 2) { _, _ in (128, 128, 255, 255) }))
        scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear, wrapS: Sampler.clampToEdge, wrapT: Sampler.mirroredRepeat))
        scene.textures.append(Texture(name: "normals", source: 1, sampler: 1))
        var m = Material(name: "everything")
        m.baseColorFactor = Vec4(0.8, 0.1, 0.2, 0.9)
        m.baseColorTexture = TextureRef(texture: 0, transform: TextureTransform(offset: Vec2(0.5, 0), rotation: 0.3, scale: Vec2(2, 2), texCoord: 1))
        m.metallicFactor = 0.3
        m.roughnessFactor = 0.6
        m.metallicRoughnessTexture = TextureRef(texture: 0, texCoord: 1)
        m.normalTexture = TextureRef(texture: 1, scale: 0.5)
        m.occlusionTexture = TextureRef(texture: 0, scale: 0.8)
        m.emissiveTexture = TextureRef(texture: 0)
        m.emissiveFactor = Vec3(1, 0.5, 0)
        m.emissiveStrength = 2
        m.alphaMode = .mask
        m.alphaCutoff = 0.3
        m.doubleSided = true
        m.extensions = ["EXT_oyster_test": ["answer": 42, "nested": ["extensions": ["EXT_oyster_test": [:]]]]]
        m.extras = ["tag": "hero"]
        m.baseColorTexture?.extras = ["slot": "base"]
        scene.materials.append(m)
        var unlit = Material(name: "unlit")
        unlit.unlit = true
        unlit.alphaMode = .blend
        scene.materials.append(unlit)

        // Morphing mesh (mesh 1): two targets, default weights, target names in extras.
        let tri = [Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)]
        var morph = Primitive(attributes: [
            "POSITION": DataArray(vec3: tri), "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 0, 1), count: 3)),
            "TANGENT": DataArray(vec4: Array(repeating: Vec4(1, 0, 0, 1), count: 3)),
            "TEXCOORD_0": DataArray(vec2: [Vec2(0, 0), Vec2(1, 0), Vec2(0, 1)]), "TEXCOORD_1": DataArray(vec2: [Vec2(0, 0), Vec2(1, 0), Vec2(0, 1)]),
        ], material: 1)
        morph.targets = [
            ["POSITION": DataArray(vec3: [Vec3(0, 0, 1), .zero, .zero]), "NORMAL": DataArray(vec3: [Vec3(0.1, 0, 0), .zero, .zero])],
            ["POSITION": DataArray(vec3: [.zero, Vec3(0, 0, -1), .zero])],
        ]
        var morphMesh = Mesh(name: "morph", primitives: [morph])
        morphMesh.weights = [0.25, 0.5]
        morphMesh.extras = ["targetNames": ["up", "down"]]
        scene.meshes.append(morphMesh)

        // Skinned mesh (mesh 2): uint8 joints, float weights, uint32 indices.
        var skinned = Primitive(attributes: [
            "POSITION": DataArray(vec3: [Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 2, 0), Vec3(1, 2, 0)]),
            "JOINTS_0": DataArray(componentType: .uint8, elementType: .vec4, bytes: [0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]),
            "WEIGHTS_0": DataArray(vec4: [Vec4(1, 0, 0, 0), Vec4(0.5, 0.5, 0, 0), Vec4(1, 0, 0, 0), Vec4(1, 0, 0, 0)]),
        ])
        skinned.indices = DataArray(componentType: .uint32, elementType: .scalar, bytes: bytes([UInt32(0), 1, 2, 2, 1, 3]))
        scene.meshes.append(Mesh(name: "skinned", primitives: [skinned]))

        // Quantized mesh (mesh 3): int16 normalized positions (6-byte elements, padded to 8),
        // uint16 normalized UVs, int8 normalized normals; drawn as points.
        var quantized = Primitive(mode: .points, attributes: [
            "POSITION": DataArray(componentType: .int16, elementType: .vec3, normalized: true, bytes: bytes([Int16(0), 0, 0, 32767, -32767, 100])),
            "NORMAL": DataArray(componentType: .int8, elementType: .vec3, normalized: true, bytes: [0, 127, 0, 0, 0, 129]),
            "TEXCOORD_0": DataArray(componentType: .uint16, elementType: .vec2, normalized: true, bytes: bytes([UInt16(0), 65535, 65535, 0])),
            "_CUSTOM": DataArray(componentType: .uint8, elementType: .scalar, bytes: [7, 9]),
        ])
        quantized.extras = ["quantized": true]
        scene.meshes.append(Mesh(name: "quantized", primitives: [quantized]))

        // Cameras and lights.
        scene.cameras = [
            Camera(name: "persp", projection: .perspective(yfov: 0.8, aspectRatio: 1.5, znear: 0.1, zfar: 100)),
            Camera(name: "infinite", projection: .perspective(yfov: 1.2, aspectRatio: nil, znear: 0.01, zfar: nil)),
            Camera(name: "ortho", projection: .orthographic(xmag: 2, ymag: 1.5, znear: 0.1, zfar: 50)),
        ]
        var sun = Light(name: "sun", kind: .directional, color: Vec3(1, 0.9, 0.8), intensity: 3)
        sun.extras = ["sky": true]
        scene.lights = [
            sun,
            Light(name: "bulb", kind: .point, intensity: 20, range: 10),
            Light(name: "spot", kind: .spot(innerConeAngle: 0.2, outerConeAngle: 0.6), color: Vec3(0, 1, 0), intensity: 50),
        ]

        // Nodes: 0 box (root), children below.
        let q = Quat(angle: 0.5, axis: Vec3(0, 1, 0))
        scene.nodes[0].transform = .trs(translation: Vec3(1, 2, 3), rotation: q, scale: Vec3(2, 2, 2))
        scene.nodes[0].children = [1, 2, 3, 4, 5, 6, 8, 9]
        var matrixNode = Node(name: "matrix", transform: .matrix(Mat4(translation: Vec3(0, 1, 0), rotation: .identity, scale: Vec3(1, 3, 1))), mesh: 1)
        matrixNode.weights = [1, 0]
        scene.nodes.append(matrixNode)  // 1
        var camNode = Node(name: "camera")
        camNode.camera = 0
        scene.nodes.append(camNode)  // 2
        var ortho = Node(name: "ortho")
        ortho.camera = 2
        ortho.extras = ["role": "map"]
        scene.nodes.append(ortho)  // 3
        for (k, name) in ["sun", "bulb", "spot"].enumerated() {
            var n = Node(name: name, transform: .trs(translation: Vec3(Float(k), 5, 0), rotation: .identity, scale: .one))
            n.light = k
            scene.nodes.append(n)  // 4, 5, 6
        }
        var skinNode = Node(name: "skinned", mesh: 2)
        skinNode.skin = 0
        scene.nodes.append(skinNode)  // 7
        scene.nodes.append(Node(name: "joint0", children: [10]))  // 8
        var instanced = Node(name: "instanced", mesh: 3)
        instanced.instancing = [
            "TRANSLATION": DataArray(vec3: [Vec3(0, 0, 0), Vec3(5, 0, 0), Vec3(10, 0, 0)]),
            "SCALE": DataArray(vec3: [.one, .one, Vec3(2, 2, 2)]),
        ]
        instanced.extensions = ["EXT_oyster_test": ["instanceTag": "forest"]]
        scene.nodes.append(instanced)  // 9
        scene.nodes.append(Node(name: "joint1", transform: .trs(translation: Vec3(0, 1, 0), rotation: .identity, scale: .one)))  // 10
        var ibm: [Float] = []
        for j in 0..<2 { ibm += Mat4(translation: Vec3(0, -Float(j), 0), rotation: .identity, scale: .one).m }
        scene.skins = [Skin(name: "rig", joints: [8, 10], skeleton: 8, inverseBindMatrices: DataArray(floats: ibm, elementType: .mat4))]

        // Animations: LINEAR translation, STEP rotation, CUBICSPLINE scale, LINEAR weights.
        let times = DataArray(floats: [0, 0.5, 1], elementType: .scalar)
        let translation = DataArray(vec3: [.zero, Vec3(0, 1, 0), .zero])
        let rotation = DataArray(vec4: [Vec4(0, 0, 0, 1), Vec4(0, 0.7071068, 0, 0.7071068), Vec4(0, 0, 0, 1)])
        var cubic: [Vec3] = []
        for k in 0..<3 { cubic += [.zero, Vec3(repeating: 1 + Float(k)), .zero] }
        let weights = DataArray(floats: [0, 1, 1, 0, 0, 0.5], elementType: .scalar)
        var anim = Animation(name: "everything")
        anim.samplers = [
            AnimationSampler(input: times, output: translation, interpolation: .linear),
            AnimationSampler(input: times, output: rotation, interpolation: .step),
            AnimationSampler(input: times, output: DataArray(vec3: cubic), interpolation: .cubicSpline),
            AnimationSampler(input: times, output: weights, interpolation: .linear),
        ]
        anim.channels = [
            AnimationChannel(sampler: 0, node: 10, path: .translation),
            AnimationChannel(sampler: 1, node: 8, path: .rotation),
            AnimationChannel(sampler: 2, node: 0, path: .scale),
            AnimationChannel(sampler: 3, node: 1, path: .weights),
        ]
        anim.extras = ["loop": true]
        scene.animations = [anim, Animation(name: "second", channels: [AnimationChannel(sampler: 0, node: 5, path: .translation)],
                                            samplers: [AnimationSampler(input: DataArray(floats: [0, 2], elementType: .scalar), output: DataArray(vec3: [.zero, .one]))])]
        // The skinned node is a root: its transform is ignored, so glTF wants it outside the hierarchy.
        scene.roots = [SceneRoot(name: "main", nodes: [0, 7]), SceneRoot(name: "empty")]
        scene.roots[0].extras = ["level": 1]
        return scene
    }

    // MARK: - Normalisation for comparisons

    /// What a scene looks like after a write→read: the writer's generator, image URIs that
    /// depend on the container, and uint8 indices widened.
    static func normalized(_ scene: Scene, generator: String = GLTFWriteOptions().generator) -> Scene {
        var s = scene
        s.asset.generator = generator
        for i in s.images.indices { s.images[i].uri = nil }
        s.extensionsUsed = s.extensionsUsed.sorted()
        return s
    }
}
