import OysterCore
import OysterImage

/// Decoded pixels that images of several scenes share, such as the baked textures every tile
/// of a streamed world refers to. A renderer uploads them once per colour space and sampler,
/// however many prepared scenes use them, and frees the texture with the last of those scenes.
public final class SharedPixels: Sendable {
    /// The pixels as 8-bit RGBA.
    public let image: PixelImage

    public init(_ image: PixelImage) {
        self.image = image.channels == 4 && image.bitDepth == 8 ? image : image.rgba8()
    }
}

extension PixelImage {
    /// The mip chain a texture is sampled from: 2×2 box averages, level by level down to 1×1,
    /// in linear light for sRGB colour (what glGenerateMipmap computes).
    func textureMipmaps(colorSpace: ColorSpace) -> [PixelImage] {
        mipmapChain(filter: .box, colorSpace: colorSpace)
    }
}

/// A scene with the CPU side of `Renderer.prepare` done: levels of detail simplified, images
/// decoded, drawables and rest-pose bounds found. Made on any thread (a streaming world stages
/// tiles on worker threads), then uploaded with `Renderer.prepare(_:)` on the renderer's.
public struct StagedScene: Sendable {
    public let scene: Scene
    /// Per mesh, per primitive: parts and their levels of detail.
    let pieces: [[[GPUResources.Piece]]]
    /// Per image a material uses: its pixels (nil when they cannot be decoded).
    let pixels: [Int: StagedPixels]
    let drawables: [PreparedScene.Drawable]
    let restWorld: [Mat4]
    /// Posing the scene at any time, worked out once here, off the render thread.
    let poser: ScenePoser
    let restBounds: AABB
    let isEnclosed: Bool
    /// Meshes only ground draws (`PreparedScene.groundMeshes`).
    let groundMeshes: Set<Int>
    /// Meshes to draw far away as impostors (with levels of detail only), and their shapes.
    let impostors: [Int: Impostor.Shape]

    enum StagedPixels: Sendable {
        /// An image of this scene's, decoded, with its mip chains (nil when it cannot be).
        case own(MipChains?)
        case shared(SharedPixels)
    }

    /// An image's mip chains (level 0 to 1×1) in each colour space the scene samples it in:
    /// filtered here, on the staging threads, rather than by the driver on the GL thread
    /// (llvmpipe's glGenerateMipmap took 2.5 ms a 512² texture there, after compiling its blit
    /// shaders: a third of a second of the default world's first still).
    struct MipChains: Sendable {
        var levels: [ColorSpace: [PixelImage]]
    }

    /// Stages `scene`. `levelsOfDetail` also builds simplified levels of repeated and detailed
    /// meshes and picks the meshes drawn far away as impostors (worth its time for video, not
    /// for one still), taking those `levels` already
    /// holds. `sharedImages` gives pixels for images by index (typically those a scene refers
    /// to by URI without bytes); they are not decoded, and their textures are shared with
    /// every other scene given the same object.
    public init(_ scene: Scene, levelsOfDetail: Bool = false, levels: LevelCache? = nil, sharedImages: [Int: SharedPixels] = [:]) {
        self.scene = scene
        pieces = levelsOfDetail ? GPUResources.levels(scene, cache: levels)
            : scene.meshes.map { $0.primitives.map { [GPUResources.Piece(bounds: $0.localBounds, chain: [($0, 0)])] } }
        poser = ScenePoser(scene)
        restWorld = poser.restWorldMatrices
        restBounds = scene.worldBounds(worldMatrices: restWorld)
        drawables = PreparedScene.drawables(scene)
        impostors = levelsOfDetail ? Impostor.candidates(scene, drawables: drawables) : [:]
        let effectiveRoles = scene.effectiveRoles()
        let roles = Set(effectiveRoles.compactMap { $0 })
        isEnclosed = roles.contains(.interior) && roles.isDisjoint(with: [.terrain, .water, .ice])
        var ground = Set<Int>(), elsewhere = Set<Int>()
        for (node, role) in zip(scene.nodes, effectiveRoles) {
            guard let m = node.mesh else { continue }
            if role == .terrain { ground.insert(m) } else { elsewhere.insert(m) }
        }
        groundMeshes = ground.subtracting(elsewhere)

        // Every image a material's textures use and the colour spaces its slots sample it in,
        // decoded and mipmapped in parallel unless shared.
        var spaces: [Int: Set<ColorSpace>] = [:]
        for m in scene.materials {
            for slot in TextureSlot.allCases {
                guard let ref = m[slot], scene.textures.indices.contains(ref.texture),
                      let s = scene.textures[ref.texture].source, scene.images.indices.contains(s) else { continue }
                spaces[s, default: []].insert(ColorSpace(slot: slot))
            }
        }
        let own = spaces.keys.filter { sharedImages[$0] == nil }.sorted()
        let images = scene.images, sampledIn = spaces
        let decoded = Parallel.map(own) { s -> MipChains? in
            guard let image = try? images[s].decodePixels(reduceTo8Bit: true).rgba8() else { return nil }
            var levels: [ColorSpace: [PixelImage]] = [:]
            for space in sampledIn[s, default: []] { levels[space] = image.textureMipmaps(colorSpace: space) }
            return MipChains(levels: levels)
        }
        var pixels: [Int: StagedPixels] = [:]
        for (s, p) in zip(own, decoded) { pixels[s] = .own(p) }
        for s in spaces.keys { if let shared = sharedImages[s] { pixels[s] = .shared(shared) } }
        self.pixels = pixels
    }
}
