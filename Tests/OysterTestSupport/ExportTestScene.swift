import Foundation
import OysterCore
import OysterImage

/// A small scene the export tests run on: two textured materials an atlas can merge, a UV
/// sphere (enough triangles for a LOD chain) drawn by three nodes, a terrain grid, a lake, a
/// photometric sun and torch, and a looping animation.
public enum ExportTestScene {
    /// The scene; its nodes carry no roles, as a file from another tool would not.
    public static func make() throws -> Scene {
        var scene = Scene()
        for (k, color) in [(0, [200, 40, 40]), (1, [40, 40, 200])] {
            var pixels: [UInt8] = []
            for y in 0..<32 { for x in 0..<32 { pixels += color.map { UInt8(clamping: $0 + (x ^ y) % 32) } + [255] } }
            let png = try ImageCodec.encodePNG(PixelImage(width: 32, height: 32, channels: 4, samples8: pixels))
            scene.images.append(Image(name: "tex\(k)", mimeType: "image/png", data: png))
            scene.textures.append(Texture(source: k))
            var m = Material(name: "mat\(k)")
            m.baseColorTexture = TextureRef(texture: k)
            scene.materials.append(m)
        }
        scene.meshes.append(Mesh(name: "Ball", primitives: [sphere(material: 0)]))
        scene.meshes.append(Mesh(name: "Ground", primitives: [grid(material: 1, y: 0)]))
        scene.meshes.append(Mesh(name: "Lake", primitives: [grid(material: 1, y: 0.1)]))
        var roots: [Int] = []
        for i in 0..<3 {
            scene.nodes.append(Node(name: "Rock", transform: .trs(translation: Vec3(Float(i) * 3, 1, 0), rotation: .identity, scale: .one), mesh: 0))
            roots.append(scene.nodes.count - 1)
        }
        scene.nodes.append(Node(name: "Terrain", mesh: 1))
        scene.nodes.append(Node(name: "Lake", mesh: 2))
        // A sun in photometric units (as oyster-generate writes): engines that read the numbers
        // as they are get them divided by 683.
        scene.lights = [Light(name: "Sun", kind: .directional, intensity: 3415), Light(name: "Torch", kind: .point, intensity: 13660, range: 10)]
        scene.nodes.append(Node(name: "Sun", transform: .trs(translation: Vec3(0, 50, 0), rotation: .identity, scale: .one)))
        scene.nodes[5].light = 0
        scene.nodes.append(Node(name: "Torch", transform: .trs(translation: Vec3(2, 2, 0), rotation: .identity, scale: .one)))
        scene.nodes[6].light = 1
        scene.asset.extras = ["lightUnits": "photometric"]
        roots += [3, 4, 5, 6]
        scene.roots = [SceneRoot(name: "Scene", nodes: roots)]
        scene.defaultRoot = 0
        // Rock bobs up and comes back: its last key equals its first, so it loops.
        let times = DataArray(floats: [0, 1, 2], elementType: .scalar)
        let moves = DataArray(vec3: [Vec3(0, 1, 0), Vec3(0, 2, 0), Vec3(0, 1, 0)])
        scene.animations.append(Animation(name: "Bob", channels: [AnimationChannel(sampler: 0, node: 0, path: .translation)],
                                          samplers: [AnimationSampler(input: times, output: moves)]))
        return scene
    }

    /// A UV sphere of radius 1 (24 × 16 segments, 720 triangles).
    public static func sphere(material: Int) -> Primitive {
        var positions: [Vec3] = [], normals: [Vec3] = [], uvs: [Vec2] = [], indices: [UInt32] = []
        let columns = 24, rows = 16
        for r in 0...rows {
            let v = Float(r) / Float(rows), phi = v * Float.pi
            for c in 0...columns {
                let u = Float(c) / Float(columns), theta = u * 2 * Float.pi
                let p = Vec3(sin(phi) * cos(theta), cos(phi), sin(phi) * sin(theta))
                positions.append(p)
                normals.append(p)
                uvs.append(Vec2(u, v))
            }
        }
        for r in 0..<rows {
            for c in 0..<columns {
                let a = UInt32(r * (columns + 1) + c), b = a + UInt32(columns + 1)
                if r > 0 { indices += [a, a + 1, b] }
                if r < rows - 1 { indices += [a + 1, b + 1, b] }
            }
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals),
                                      "TEXCOORD_0": DataArray(vec2: uvs)], indices: DataArray(indices: indices), material: material)
    }

    /// A 16 × 16 grid of 1 m squares at height `y`, bumped so it is not flat.
    public static func grid(material: Int, y: Float) -> Primitive {
        var positions: [Vec3] = [], normals: [Vec3] = [], uvs: [Vec2] = [], indices: [UInt32] = []
        let n = 16
        for z in 0...n {
            for x in 0...n {
                positions.append(Vec3(Float(x) - 8, y + 0.2 * sin(Float(x)) * cos(Float(z)), Float(z) - 8))
                normals.append(Vec3(0, 1, 0))
                uvs.append(Vec2(Float(x) / Float(n), Float(z) / Float(n)))
            }
        }
        for z in 0..<n {
            for x in 0..<n {
                let a = UInt32(z * (n + 1) + x), b = a + UInt32(n + 1)
                indices += [a, b, a + 1, a + 1, b, b + 1]
            }
        }
        return Primitive(attributes: ["POSITION": DataArray(vec3: positions), "NORMAL": DataArray(vec3: normals),
                                      "TEXCOORD_0": DataArray(vec2: uvs)], indices: DataArray(indices: indices), material: material)
    }
}
