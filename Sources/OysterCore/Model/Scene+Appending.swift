/// Putting one scene into another: how a region of tiles (and things placed on them) becomes
/// one scene to export.
extension Scene {
    /// Why a scene cannot be appended.
    public enum AppendError: Error, Equatable, CustomStringConvertible {
        /// A material or texture extension may hold texture or image indices this does not
        /// renumber; such a scene is refused rather than appended with wrong references.
        case extensionIndices(String)

        public var description: String {
            switch self {
            case .extensionIndices(let what): return "cannot append a scene whose \(what) has extensions (their indices would not be renumbered)"
            }
        }
    }

    /// Appends `other`'s default root (or its first) under a new root-level node named `name`,
    /// with everything it uses: meshes, materials, textures, samplers, images, cameras, lights,
    /// skins and animations, their indices renumbered. Samplers and textures equal to ones
    /// already here, and images that only name a file (`uri`, no content) already named here,
    /// are shared rather than copied, so tiles that use the same texture files keep one copy.
    /// `other`'s directional lights are left out when `keepSun` is false (one sun for a
    /// region). This scene's asset, extras and default root stay; a scene with no root gets one.
    public mutating func append(_ other: Scene, name: String, keepSun: Bool = true) throws(AppendError) {
        if other.materials.contains(where: { !$0.extensions.isEmpty }) { throw .extensionIndices("material") }
        if other.textures.contains(where: { !$0.extensions.isEmpty }) { throw .extensionIndices("texture") }

        // MARK: Images, samplers, textures: shared where equal
        var imageMap: [Int] = []
        var named: [String: Int] = [:]
        for (i, image) in images.enumerated() where !image.hasContent {
            if let uri = image.uri { named[uri] = named[uri] ?? i }
        }
        for image in other.images {
            if !image.hasContent, let uri = image.uri, let i = named[uri], images[i].name == image.name {
                imageMap.append(i)
                continue
            }
            images.append(image)
            if !image.hasContent, let uri = image.uri { named[uri] = images.count - 1 }
            imageMap.append(images.count - 1)
        }
        var samplerMap: [Int] = []
        for s in other.samplers {
            if let i = samplers.firstIndex(of: s) { samplerMap.append(i) } else { samplers.append(s); samplerMap.append(samplers.count - 1) }
        }
        var textureMap: [Int] = []
        for var t in other.textures {
            t.source = t.source.map { imageMap[$0] }
            t.sampler = t.sampler.map { samplerMap[$0] }
            if let i = textures.firstIndex(of: t) { textureMap.append(i) } else { textures.append(t); textureMap.append(textures.count - 1) }
        }

        // MARK: Materials and meshes
        let materialBase = materials.count
        for var m in other.materials {
            for slot in TextureSlot.allCases {
                if var ref = m[slot] {
                    ref.texture = textureMap[ref.texture]
                    m[slot] = ref
                }
            }
            materials.append(m)
        }
        let meshBase = meshes.count
        for var mesh in other.meshes {
            for p in mesh.primitives.indices { mesh.primitives[p].material = mesh.primitives[p].material.map { $0 + materialBase } }
            meshes.append(mesh)
        }

        // MARK: Nodes and what they point at
        let nodeBase = nodes.count, cameraBase = cameras.count, lightBase = lights.count, skinBase = skins.count
        cameras += other.cameras
        lights += other.lights
        for var node in other.nodes {
            node.children = node.children.map { $0 + nodeBase }
            node.mesh = node.mesh.map { $0 + meshBase }
            node.skin = node.skin.map { $0 + skinBase }
            node.camera = node.camera.map { $0 + cameraBase }
            if let l = node.light, other.lights.indices.contains(l) {
                node.light = !keepSun && other.lights[l].kind == .directional ? nil : l + lightBase
            }
            nodes.append(node)
        }
        for var skin in other.skins {
            skin.joints = skin.joints.map { $0 + nodeBase }
            skin.skeleton = skin.skeleton.map { $0 + nodeBase }
            skins.append(skin)
        }
        for var animation in other.animations {
            for c in animation.channels.indices { animation.channels[c].node = animation.channels[c].node.map { $0 + nodeBase } }
            animations.append(animation)
        }
        for e in other.extensionsUsed where !extensionsUsed.contains(e) { extensionsUsed.append(e) }
        for e in other.extensionsRequired where !extensionsRequired.contains(e) { extensionsRequired.append(e) }

        // MARK: Under one group node
        let root = other.defaultRoot ?? (other.roots.isEmpty ? nil : 0)
        let top = root.map { other.roots[$0].nodes.map { $0 + nodeBase } } ?? []
        nodes.append(Node(name: name, children: top))
        if roots.isEmpty {
            roots = [SceneRoot(nodes: [])]
            defaultRoot = 0
        }
        roots[defaultRoot ?? 0].nodes.append(nodes.count - 1)
    }
}
