import OysterCore
import OysterJSON
import OysterProcess

/// Builds the output `Scene`: named group nodes, shared meshes, one material per surface kind
/// (created on first use, textured at the end with only the kinds actually used), lights,
/// cameras and animations.
struct SceneAssembler {
    var scene = Scene()
    private(set) var materialOf: [SurfaceKind: Int] = [:]
    /// Surface kinds in order of first use.
    private(set) var kinds: [SurfaceKind] = []
    var rootChildren: [Int] = []
    var groups: [WorldGroup: Int] = [:]
    var animationChannels: [(name: String, channel: AnimationChannel, sampler: AnimationSampler)] = []
    /// Lamps made to burn whatever the hour (`WorldGenerator.Options.lamps`): lit windows glow
    /// by day too, for a renderer that puts them out (`EmissionSchedule.whileLampsLit`).
    var lampsWhateverTheHour = false
    /// `extras` of named animations (a character clip's root speed).
    var animationExtras: [String: JSONValue] = [:]
    /// Where the textures of the kinds used are baked, each from its first use on (nil: they
    /// are baked at the end, or not at all).
    var bakery: MaterialBakery?

    /// The material index for `kind`, creating an untextured material on first use.
    mutating func material(_ kind: SurfaceKind) -> Int {
        if let m = materialOf[kind] { return m }
        var m = Material(name: kind.rawValue)
        m.metallicFactor = 1
        m.roughnessFactor = 1
        materialOf[kind] = scene.materials.count
        kinds.append(kind)
        bakery?.start(kind)
        scene.materials.append(m)
        return scene.materials.count - 1
    }

    mutating func addMesh(_ mesh: Mesh) -> Int {
        scene.meshes.append(mesh)
        return scene.meshes.count - 1
    }

    /// Adds a mesh built from a MeshBuilder, materials resolved per kind.
    mutating func addMesh(_ builder: MeshBuilder, name: String) -> Int? {
        guard !builder.isEmpty else { return nil }
        var local: [SurfaceKind: Int] = [:]
        for k in builder.kinds { local[k] = material(k) }
        return addMesh(builder.makeMesh(name: name) { local[$0] ?? 0 })
    }

    /// Adds `node` under `parent` (nil = scene root) and returns its index.
    @discardableResult
    mutating func add(_ node: Node, under parent: Int?) -> Int {
        let i = scene.nodes.count
        scene.nodes.append(node)
        if let parent { scene.nodes[parent].children.append(i) } else { rootChildren.append(i) }
        return i
    }

    /// The node of `group` (inside its parent group, with its role), created on first use.
    mutating func group(_ group: WorldGroup) -> Int {
        if let g = groups[group] { return g }
        let parent = group.parent.map { self.group($0) }
        let g = add(Node(name: group.rawValue, role: group.role), under: parent)
        groups[group] = g
        return g
    }

    // MARK: - Animations

    /// Queues a channel for the named animation (channels of one name become one animation).
    mutating func animate(_ animation: String, node: Int, path: AnimationPath, times: [Float], values: [Float],
                          interpolation: Interpolation = .linear) {
        let width = path == .rotation ? ElementType.vec4 : .vec3
        let sampler = AnimationSampler(input: DataArray(floats: times, elementType: .scalar),
                                       output: DataArray(floats: values, elementType: width), interpolation: interpolation)
        animationChannels.append((animation, AnimationChannel(sampler: 0, node: node, path: path), sampler))
    }

    mutating func finishAnimations() {
        var order: [String] = []
        var byName: [String: Animation] = [:]
        for (name, channel, sampler) in animationChannels {
            if byName[name] == nil {
                order.append(name)
                byName[name] = Animation(name: name)
                byName[name]!.extras = animationExtras[name]
            }
            var c = channel
            c.sampler = byName[name]!.samplers.count
            byName[name]!.samplers.append(sampler)
            byName[name]!.channels.append(c)
        }
        scene.animations = order.map { byName[$0]! }
    }

    // MARK: - Materials

    /// Attaches baked textures to the materials of the kinds used, and sets per-kind factors.
    mutating func finishMaterials(_ baked: [BakedMaterial], recipe: Recipe) {
        let sampler = scene.samplers.count
        if !baked.isEmpty { scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear)) }
        for b in baked {
            guard let m = materialOf[b.kind] else { continue }
            func texture(_ pixels: PixelImage, _ slot: String) -> Int {
                let name = "\(b.kind.rawValue)_\(slot)"
                scene.images.append(Image(name: name, pixels: pixels, encoding: MaterialBaker.encoding, uri: "textures/\(name).png"))
                scene.textures.append(Texture(name: name, source: scene.images.count - 1, sampler: sampler))
                return scene.textures.count - 1
            }
            var mat = scene.materials[m]
            mat.baseColorTexture = TextureRef(texture: texture(b.baseColor, "baseColor"))
            mat.normalTexture = TextureRef(texture: texture(b.normal, "normal"))
            let orm = texture(b.orm, "orm")
            mat.metallicRoughnessTexture = TextureRef(texture: orm)
            mat.occlusionTexture = TextureRef(texture: orm)
            SceneAssembler.tune(&mat, b.kind, recipe: recipe, lamps: lampsWhateverTheHour)
            scene.materials[m] = mat
        }
        for (kind, m) in materialOf where !baked.contains(where: { $0.kind == kind }) {
            // Untextured fallback (chunks referencing shared textures set their own).
            scene.materials[m].baseColorFactor = Vec4(Palette.albedo(kind, recipe.biome, recipe.season), 1)
            scene.materials[m].metallicFactor = Palette.metallic(kind)
            scene.materials[m].roughnessFactor = Palette.roughness(kind)
        }
    }

    /// Per-kind material settings beyond the textures: transparency, emission, two-sidedness.
    /// `lamps`: windows glow whatever the recipe's hour (their emission marked as the lamps').
    static func tune(_ mat: inout Material, _ kind: SurfaceKind, recipe: Recipe, lamps: Bool) {
        switch kind {
        case .water:
            mat.alphaMode = .blend
            mat.baseColorFactor = Vec4(1, 1, 1, 0.82)
            mat.doubleSided = true
        case .glass:
            mat.baseColorFactor = Vec4(1, 1, 1, 1)
            if recipe.lampsLit || lamps {
                mat.emissiveTexture = mat.baseColorTexture
                mat.emissiveFactor = Vec3(1.0, 0.72, 0.38)
                mat.emissiveStrength = 3
                mat.emissionShines = .whileLampsLit
            }
        case .fire:
            mat.emissiveTexture = mat.baseColorTexture
            mat.emissiveFactor = Vec3(1, 1, 1)
            mat.emissiveStrength = 6
        case .lava:
            // Molten rock glows by day and night (KHR_materials_emissive_strength over 1).
            mat.emissiveTexture = mat.baseColorTexture
            mat.emissiveFactor = Vec3(1, 1, 1)
            mat.emissiveStrength = 4
        case .leaves, .needles, .palmLeaves, .bushLeaves, .grassBlades, .flowers, .blossom, .cloth, .fabric, .hair, .crop:
            mat.doubleSided = true
        default: break
        }
    }

    // MARK: - Output

    mutating func finish(recipe: Recipe, extras: JSONValue) -> Scene {
        finishAnimations()
        scene.roots = [SceneRoot(name: "World", nodes: rootChildren)]
        scene.defaultRoot = 0
        scene.asset.generator = "Oyster oyster-generate \(OysterGen.version)"
        scene.asset.extras = extras
        // Normal maps need tangents; computing them here (MikkTSpace-style) makes every client
        // shade the same instead of each generating its own.
        scene.generateTangents()
        return scene
    }
}

/// Module facts.
public enum OysterGen {
    public static let version = "0.1.0"
}
