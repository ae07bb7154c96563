import OysterTestSupport
import OysterCore
import OysterImage
@testable import OysterAtlas

/// A generated scene for atlasing tests: one mesh, one quad per material, each material with
/// its own noise textures. Nothing is committed; everything comes from a seed.
struct AtlasTestScene {
    struct Spec {
        var size: (Int, Int)
        /// UV rectangle of the quad (u0, v0, u1, v1).
        var uv: (Float, Float, Float, Float) = (0, 0, 1, 1)
        var transform: TextureTransform?
        var normalScale = 1
        var wrap = Sampler.repeatWrap
    }

    static func make(_ specs: [Spec], seed: UInt64 = 1) throws -> Scene {
        var scene = Scene()
        var rng = TestRandom(seed: seed)
        var mesh = Mesh(name: "quads")
        scene.samplers = [Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear)]
        for (i, spec) in specs.enumerated() {
            func noiseImage(_ w: Int, _ h: Int) throws -> Int {
                var b = AtlasBitmap(width: w, height: h)
                for k in b.pixels.indices { b.pixels[k] = k % 4 == 3 ? 255 : UInt8(truncatingIfNeeded: rng.next()) }
                scene.images.append(Image(name: "img\(scene.images.count)", mimeType: "image/png", data: try ImageCodec.encodePNG(b.pixelImage)))
                return scene.images.count - 1
            }
            var sampler = 0
            if spec.wrap != Sampler.repeatWrap {
                scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear, wrapS: spec.wrap, wrapT: spec.wrap))
                sampler = scene.samplers.count - 1
            }
            let base = try noiseImage(spec.size.0, spec.size.1)
            let normal = try noiseImage(spec.size.0 / spec.normalScale, spec.size.1 / spec.normalScale)
            scene.textures.append(Texture(source: base, sampler: sampler))
            scene.textures.append(Texture(source: normal, sampler: sampler))
            var m = Material(name: "m\(i)")
            m.roughnessFactor = 0.8
            m.baseColorTexture = TextureRef(texture: scene.textures.count - 2, transform: spec.transform)
            m.normalTexture = TextureRef(texture: scene.textures.count - 1, transform: spec.transform)
            scene.materials.append(m)
            let x = Float(i) * 2
            let (u0, v0, u1, v1) = spec.uv
            mesh.primitives.append(Primitive(
                attributes: [
                    "POSITION": DataArray(vec3: [Vec3(x, 0, 0), Vec3(x + 1, 0, 0), Vec3(x + 1, 1, 0), Vec3(x, 1, 0)]),
                    "NORMAL": DataArray(vec3: Array(repeating: Vec3(0, 0, 1), count: 4)),
                    "TEXCOORD_0": DataArray(vec2: [Vec2(u0, v1), Vec2(u1, v1), Vec2(u1, v0), Vec2(u0, v0)]),
                ],
                indices: DataArray(indices: [0, 1, 2, 0, 2, 3]), material: i))
        }
        scene.meshes = [mesh]
        scene.nodes = [Node(name: "quads", mesh: 0)]
        scene.roots = [SceneRoot(nodes: [0])]
        scene.defaultRoot = 0
        return scene
    }
}

/// Nearest-texel lookup of a material slot at `uv`, through the texture's sampler wrap modes and
/// the reference's KHR_texture_transform; nil when something is missing or `uv` is too close to
/// a texel border to compare robustly.
func sampleSlot(_ scene: Scene, material: Int, slot: TextureSlot, uv: Vec2, cache: inout [Int: AtlasBitmap]) -> UInt32? {
    guard let ref = scene.materials[material][slot] else { return nil }
    let tex = scene.textures[ref.texture]
    guard let src = tex.source else { return nil }
    if cache[src] == nil { cache[src] = try? AtlasBitmap.decode(scene.images[src].data ?? []) }
    guard let b = cache[src] else { return nil }
    var (u, v) = (uv.x, uv.y)
    if let t = ref.transform { (u, v) = t.apply(u, v) }
    let sampler = tex.sampler.map { scene.samplers[$0] } ?? Sampler()
    let fx = u * Float(b.width), fy = v * Float(b.height)
    let margin: Float = 0.02
    guard abs(fx - fx.rounded()) > margin, abs(fy - fy.rounded()) > margin else { return nil }
    let x = Sampler.wrapTexel(Int(fx.rounded(.down)), count: b.width, mode: sampler.wrapS)
    let y = Sampler.wrapTexel(Int(fy.rounded(.down)), count: b.height, mode: sampler.wrapT)
    return b.pixel(x, y)
}
