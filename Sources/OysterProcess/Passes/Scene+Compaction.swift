import OysterCore
import OysterJSON

/// Options for `Scene.compact`: what counts as unused.
public struct CompactionOptions: Hashable, Sendable {
    /// Drop leaf nodes that carry nothing (no mesh, camera, light, skin, instancing, children,
    /// extensions or extras), are not joints and are not animated. Default false: empty nodes
    /// often carry names engines use as markers.
    public var removeEmptyNodes = false
    /// Drop vertices no index references and renumber indices in first-use order. Default true.
    public var removeUnusedVertices = true

    /// Options with the given node and vertex policies.
    public init(removeEmptyNodes: Bool = false, removeUnusedVertices: Bool = true) {
        self.removeEmptyNodes = removeEmptyNodes
        self.removeUnusedVertices = removeUnusedVertices
    }
}

/// Compaction removes every object nothing reaches and renumbers all references.
///
/// First, primitives that draw nothing (no vertices, or an empty index list) are dropped, and
/// nodes whose mesh is left without primitives stop referencing it.
/// Reached from the scenes' root nodes (every parentless node when there are no scenes): nodes,
/// their meshes, cameras, lights and skins (with the skins' joints); the meshes' materials
/// (including `KHR_materials_variants` mappings in primitive extensions); the materials'
/// textures (the five core slots plus, inside carried material extensions, every object member
/// whose key ends in `Texture` and holds an integer `index`, e.g. `clearcoatTexture`);
/// the textures' samplers and images (`source`, plus an integer `source` inside texture
/// extensions such as KHR_texture_basisu or EXT_texture_webp). Animation channels targeting
/// removed nodes are dropped, then unused samplers and empty animations.
extension Scene {
    /// Removes everything unreachable and renumbers all references.
    @discardableResult
    public mutating func compact(_ options: CompactionOptions = .init()) -> PassReport {
        let before = (nodes.count, meshes.count, materials.count, textures.count, images.count, samplers.count)
        var verticesRemoved = 0

        // Primitives that draw nothing and meshes left without primitives count as unused
        // (glTF requires at least one primitive per mesh and one element per accessor).
        var primitivesRemoved = 0
        for m in meshes.indices {
            let before = meshes[m].primitives.count
            meshes[m].primitives.removeAll { $0.drawsNothing }
            primitivesRemoved += before - meshes[m].primitives.count
        }
        for n in nodes.indices {
            if let m = nodes[n].mesh, meshes.indices.contains(m), meshes[m].primitives.isEmpty {
                nodes[n].mesh = nil
                nodes[n].weights = nil
            }
        }
        if options.removeEmptyNodes { removeEmptyLeafNodes() }

        // MARK: Nodes reached from the roots, plus joints of reached skins
        var keepNode = [Bool](repeating: false, count: nodes.count)
        var stack = effectiveRootNodes()
        while true {
            while let n = stack.popLast() {
                guard nodes.indices.contains(n), !keepNode[n] else { continue }
                keepNode[n] = true
                stack.append(contentsOf: nodes[n].children)
            }
            // Joints of skins used by kept nodes must stay even if outside the hierarchy.
            for n in nodes.indices where keepNode[n] {
                if let s = nodes[n].skin, skins.indices.contains(s) {
                    for j in skins[s].joints + [skins[s].skeleton].compactMap({ $0 }) where nodes.indices.contains(j) && !keepNode[j] {
                        stack.append(j)
                    }
                }
            }
            if stack.isEmpty { break }
        }
        let nodeMap = Self.indexMap(keepNode)

        // MARK: Objects reached from kept nodes
        var keepMesh = [Bool](repeating: false, count: meshes.count)
        var keepCamera = [Bool](repeating: false, count: cameras.count)
        var keepLight = [Bool](repeating: false, count: lights.count)
        var keepSkin = [Bool](repeating: false, count: skins.count)
        for n in nodes.indices where keepNode[n] {
            if let m = nodes[n].mesh, meshes.indices.contains(m) { keepMesh[m] = true }
            if let c = nodes[n].camera, cameras.indices.contains(c) { keepCamera[c] = true }
            if let l = nodes[n].light, lights.indices.contains(l) { keepLight[l] = true }
            if let s = nodes[n].skin, skins.indices.contains(s) { keepSkin[s] = true }
        }
        var keepMaterial = [Bool](repeating: false, count: materials.count)
        for m in meshes.indices where keepMesh[m] {
            for p in meshes[m].primitives {
                for mat in Self.materialReferences(p) where materials.indices.contains(mat) { keepMaterial[mat] = true }
            }
        }
        var keepTexture = [Bool](repeating: false, count: textures.count)
        for m in materials.indices where keepMaterial[m] {
            for t in Self.textureReferences(materials[m]) where textures.indices.contains(t) { keepTexture[t] = true }
        }
        var keepSampler = [Bool](repeating: false, count: samplers.count)
        var keepImage = [Bool](repeating: false, count: images.count)
        for t in textures.indices where keepTexture[t] {
            if let s = textures[t].sampler, samplers.indices.contains(s) { keepSampler[s] = true }
            for i in Self.imageReferences(textures[t]) where images.indices.contains(i) { keepImage[i] = true }
        }
        let meshMap = Self.indexMap(keepMesh), cameraMap = Self.indexMap(keepCamera)
        let lightMap = Self.indexMap(keepLight), skinMap = Self.indexMap(keepSkin)
        let materialMap = Self.indexMap(keepMaterial), textureMap = Self.indexMap(keepTexture)
        let samplerMap = Self.indexMap(keepSampler), imageMap = Self.indexMap(keepImage)

        // MARK: Rewrite, in dependency order
        images = Self.kept(images, keepImage)
        samplers = Self.kept(samplers, keepSampler)
        textures = Self.kept(textures, keepTexture).map { t in
            var t = t
            t.sampler = t.sampler.flatMap { samplerMap[$0] }
            t.source = t.source.flatMap { imageMap[$0] }
            t.extensions = Self.remapMember("source", in: t.extensions, depth: 1, map: imageMap)
            return t
        }
        materials = Self.kept(materials, keepMaterial).map { Self.remapTextures(in: $0, map: textureMap) }
        meshes = Self.kept(meshes, keepMesh).map { mesh in
            var mesh = mesh
            for i in mesh.primitives.indices {
                var p = mesh.primitives[i]
                p.material = p.material.flatMap { materialMap[$0] }
                p.extensions = Self.remapVariantMaterials(p.extensions, map: materialMap)
                if options.removeUnusedVertices {
                    let n = p.vertexCount
                    p = p.withUnusedVerticesRemoved()
                    verticesRemoved += n - p.vertexCount
                }
                mesh.primitives[i] = p
            }
            return mesh
        }
        cameras = Self.kept(cameras, keepCamera)
        lights = Self.kept(lights, keepLight)
        skins = Self.kept(skins, keepSkin).map { s in
            var s = s
            s.joints = s.joints.compactMap { nodeMap[$0] }
            s.skeleton = s.skeleton.flatMap { nodeMap[$0] }
            return s
        }
        nodes = Self.kept(nodes, keepNode).map { n in
            var n = n
            n.children = n.children.compactMap { nodeMap[$0] }
            n.mesh = n.mesh.flatMap { meshMap[$0] }
            n.camera = n.camera.flatMap { cameraMap[$0] }
            n.light = n.light.flatMap { lightMap[$0] }
            n.skin = n.skin.flatMap { skinMap[$0] }
            return n
        }
        for r in roots.indices { roots[r].nodes = roots[r].nodes.compactMap { nodeMap[$0] } }
        animations = animations.compactMap { Self.remapAnimation($0, nodeMap: nodeMap) }

        return PassReport(name: "compact", figures: [
            "nodesRemoved": Double(before.0 - nodes.count),
            "meshesRemoved": Double(before.1 - meshes.count),
            "materialsRemoved": Double(before.2 - materials.count),
            "texturesRemoved": Double(before.3 - textures.count),
            "imagesRemoved": Double(before.4 - images.count),
            "samplersRemoved": Double(before.5 - samplers.count),
            "verticesRemoved": Double(verticesRemoved),
            "primitivesRemoved": Double(primitivesRemoved),
        ])
    }

    /// Removes the nodes for which `remove` is true (their children go with them unless
    /// reached otherwise) and renumbers every node reference.
    public mutating func removeNodes(_ remove: Set<Int>) {
        guard !remove.isEmpty else { return }
        var keep = [Bool](repeating: true, count: nodes.count)
        for r in remove where nodes.indices.contains(r) { keep[r] = false }
        let map = Self.indexMap(keep)
        nodes = Self.kept(nodes, keep).map { n in
            var n = n
            n.children = n.children.compactMap { map[$0] }
            return n
        }
        for r in roots.indices { roots[r].nodes = roots[r].nodes.compactMap { map[$0] } }
        for s in skins.indices {
            skins[s].joints = skins[s].joints.compactMap { map[$0] }
            skins[s].skeleton = skins[s].skeleton.flatMap { map[$0] }
        }
        animations = animations.compactMap { Self.remapAnimation($0, nodeMap: map) }
    }

    // MARK: - Empty nodes

    private mutating func removeEmptyLeafNodes() {
        // Repeat: removing leaves can turn their parents into empty leaves.
        while true {
            let joints = jointNodes()
            var animated = Set<Int>()
            for a in animations { for c in a.channels { if let n = c.node { animated.insert(n) } } }
            var remove = Set<Int>()
            for (i, n) in nodes.enumerated()
            where n.children.isEmpty && n.mesh == nil && n.camera == nil && n.light == nil && n.skin == nil
                && n.instancing == nil && n.extensions.isEmpty && n.extras == nil
                && !joints.contains(i) && !animated.contains(i) {
                remove.insert(i)
            }
            guard !remove.isEmpty else { return }
            removeNodes(remove)
        }
    }

    // MARK: - Reference discovery

    static func materialReferences(_ p: Primitive) -> [Int] {
        var out = p.material.map { [$0] } ?? []
        if case .object(let v)? = p.extensions["KHR_materials_variants"], let maps = v["mappings"]?.arrayValue {
            for m in maps { if let i = m.objectValue?["material"]?.intValue { out.append(i) } }
        }
        return out
    }

    static func textureReferences(_ m: Material) -> [Int] {
        var out = TextureSlot.allCases.compactMap { m[$0]?.texture }
        collectTextureIndices(.object(m.extensions), into: &out)
        return out
    }

    /// Texture indices inside extension JSON: members named `…Texture` holding `{index: Int}`.
    private static func collectTextureIndices(_ v: JSONValue, into out: inout [Int]) {
        switch v {
        case .object(let o):
            for (key, value) in o.members {
                if key.hasSuffix("Texture") || key.hasSuffix("texture"), let i = value.objectValue?["index"]?.intValue { out.append(i) }
                collectTextureIndices(value, into: &out)
            }
        case .array(let a): for e in a { collectTextureIndices(e, into: &out) }
        default: break
        }
    }

    static func imageReferences(_ t: Texture) -> [Int] {
        var out = t.source.map { [$0] } ?? []
        for (_, ext) in t.extensions.members { if let i = ext.objectValue?["source"]?.intValue { out.append(i) } }
        return out
    }

    // MARK: - Remapping helpers

    /// `map[i]` is the new index of element `i`, nil when removed.
    static func indexMap(_ keep: [Bool]) -> [Int: Int] {
        var map = [Int: Int](minimumCapacity: keep.count)
        var next = 0
        for (i, k) in keep.enumerated() where k { map[i] = next; next += 1 }
        return map
    }

    static func kept<T>(_ items: [T], _ keep: [Bool]) -> [T] {
        items.indices.filter { keep[$0] }.map { items[$0] }
    }

    static func remapTextures(in material: Material, map: [Int: Int]) -> Material {
        remapTextures(in: material) { map[$0] }
    }

    /// Texture references rewritten by `map`; nil removes the reference.
    static func remapTextures(in material: Material, map: (Int) -> Int?) -> Material {
        var m = material
        for slot in TextureSlot.allCases {
            guard let ref = m[slot] else { continue }
            if let t = map(ref.texture) { m[slot]?.texture = t } else { m[slot] = nil }
        }
        m.extensions = remapTextureIndices(.object(m.extensions), map: map).objectValue ?? m.extensions
        return m
    }

    /// Rewrites `…Texture: {index}` members; a texture that no longer exists removes the member.
    private static func remapTextureIndices(_ v: JSONValue, map: (Int) -> Int?) -> JSONValue {
        switch v {
        case .object(let o):
            var out = JSONObject()
            for (key, value) in o.members {
                if key.hasSuffix("Texture") || key.hasSuffix("texture"), var info = value.objectValue, let i = info["index"]?.intValue {
                    guard let j = map(i) else { continue }
                    info["index"] = .int(Int64(j))
                    out.members.append((key, remapTextureIndices(.object(info), map: map)))
                } else {
                    out.members.append((key, remapTextureIndices(value, map: map)))
                }
            }
            return .object(out)
        case .array(let a): return .array(a.map { remapTextureIndices($0, map: map) })
        default: return v
        }
    }

    /// Rewrites an integer member `key` in each extension object (depth 1).
    static func remapMember(_ key: String, in ext: JSONObject, depth: Int, map: [Int: Int]) -> JSONObject {
        remapMember(key, in: ext) { map[$0] }
    }

    static func remapMember(_ key: String, in ext: JSONObject, map: (Int) -> Int?) -> JSONObject {
        var out = ext
        for (i, member) in ext.members.enumerated() {
            guard var o = member.value.objectValue, let old = o[key]?.intValue else { continue }
            o[key] = map(old).map { .int(Int64($0)) }
            out.members[i].value = .object(o)
        }
        return out
    }

    static func remapVariantMaterials(_ ext: JSONObject, map: [Int: Int]) -> JSONObject {
        remapVariantMaterials(ext) { map[$0] }
    }

    static func remapVariantMaterials(_ ext: JSONObject, map: (Int) -> Int?) -> JSONObject {
        guard var v = ext["KHR_materials_variants"]?.objectValue, let maps = v["mappings"]?.arrayValue else { return ext }
        let remapped: [JSONValue] = maps.compactMap { m in
            guard var o = m.objectValue, let i = o["material"]?.intValue else { return m }
            guard let j = map(i) else { return nil }
            o["material"] = .int(Int64(j))
            return .object(o)
        }
        v["mappings"] = .array(remapped)
        var out = ext
        out["KHR_materials_variants"] = .object(v)
        return out
    }

    static func remapAnimation(_ a: Animation, nodeMap: [Int: Int]) -> Animation? {
        var a = a
        a.channels = a.channels.compactMap { c in
            var c = c
            if let n = c.node {
                guard let m = nodeMap[n] else { return nil }
                c.node = m
            }
            return c
        }
        var used = [Bool](repeating: false, count: a.samplers.count)
        for c in a.channels where a.samplers.indices.contains(c.sampler) { used[c.sampler] = true }
        let samplerMap = indexMap(used)
        a.samplers = kept(a.samplers, used)
        a.channels = a.channels.compactMap { c in
            var c = c
            guard let s = samplerMap[c.sampler] else { return nil }
            c.sampler = s
            return c
        }
        return a.channels.isEmpty ? nil : a
    }
}
