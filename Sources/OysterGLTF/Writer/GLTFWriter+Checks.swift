import OysterCore

extension GLTFWriter {
    /// Checks that `scene` can be written as valid glTF: every index refers to an existing
    /// object, the node graph is a forest, primitives have data and matching attribute
    /// counts. `write(_:to:)` runs it first; a failure names the object, as reading does.
    public static func check(_ scene: Scene) throws {
        func ref(_ index: Int?, _ count: Int, _ kind: String, _ owner: @autoclosure () -> String) throws {
            guard let index else { return }
            guard index >= 0 && index < count else {
                throw GLTFError("\(owner()): \(kind) \(index) does not exist", code: .unresolvedReference)
            }
        }
        let n = scene.nodes.count
        for (i, r) in scene.roots.enumerated() { for node in r.nodes { try ref(node, n, "node", "scene \(i)") } }
        try ref(scene.defaultRoot, scene.roots.count, "scene", "default scene")
        var parent = [Int](repeating: -1, count: n)
        for (i, node) in scene.nodes.enumerated() {
            let owner = "node \(i)"
            try ref(node.mesh, scene.meshes.count, "mesh", owner)
            try ref(node.skin, scene.skins.count, "skin", owner)
            try ref(node.camera, scene.cameras.count, "camera", owner)
            try ref(node.light, scene.lights.count, "light", owner)
            for c in node.children {
                try ref(c, n, "node", owner)
                guard parent[c] == -1, c != i else {
                    throw GLTFError("node \(c): has more than one parent or is its own child", code: .nodeParentOverride)
                }
                parent[c] = i
            }
        }
        for start in 0..<n {
            var p = parent[start], steps = 0
            while p != -1 {
                guard p != start, steps <= n else { throw GLTFError("node \(start): the node hierarchy has a loop", code: .nodeLoop) }
                p = parent[p]
                steps += 1
            }
        }
        for (i, mesh) in scene.meshes.enumerated() {
            guard !mesh.primitives.isEmpty else { throw GLTFError("mesh \(i): has no primitives", code: .emptyEntity) }
            for (k, p) in mesh.primitives.enumerated() {
                let owner = "mesh \(i) primitive \(k)"
                try ref(p.material, scene.materials.count, "material", owner)
                guard !p.attributes.isEmpty else { throw GLTFError("\(owner): has no attributes", code: .emptyEntity) }
                let counts = Set(p.attributes.values.map(\.count))
                guard counts.count == 1, let count = counts.first, count > 0 else {
                    throw GLTFError("\(owner): attributes are empty or differ in length", code: .meshPrimitiveUnequalAccessorCount)
                }
                if let indices = p.indices {
                    guard indices.count > 0, indices.elementType == .scalar, [.uint8, .uint16, .uint32].contains(indices.componentType) else {
                        throw GLTFError("\(owner): indices must be a non-empty unsigned integer scalar array", code: .meshPrimitiveIndicesAccessorInvalidFormat)
                    }
                }
                for (t, target) in p.targets.enumerated() where target.values.contains(where: { $0.count != count }) {
                    throw GLTFError("\(owner) target \(t): attribute counts differ from the primitive's \(count)", code: .meshPrimitiveUnequalAccessorCount)
                }
            }
        }
        for (i, m) in scene.materials.enumerated() {
            for slot in TextureSlot.allCases { try ref(m[slot]?.texture, scene.textures.count, "texture", "material \(i) \(slot.rawValue)Texture") }
        }
        for (i, t) in scene.textures.enumerated() {
            try ref(t.source, scene.images.count, "image", "texture \(i)")
            try ref(t.sampler, scene.samplers.count, "sampler", "texture \(i)")
        }
        for (i, s) in scene.skins.enumerated() {
            guard !s.joints.isEmpty else { throw GLTFError("skin \(i): has no joints", code: .emptyEntity) }
            for j in s.joints { try ref(j, n, "node", "skin \(i)") }
            try ref(s.skeleton, n, "node", "skin \(i)")
        }
        for (i, a) in scene.animations.enumerated() {
            guard !a.channels.isEmpty, !a.samplers.isEmpty else {
                throw GLTFError("animation \(i): needs at least one channel and one sampler", code: .emptyEntity)
            }
            for (k, s) in a.samplers.enumerated() where s.input.count == 0 || s.output.count == 0 {
                throw GLTFError("animation \(i) sampler \(k): has no keyframes", code: .emptyEntity)
            }
            for (k, c) in a.channels.enumerated() {
                try ref(c.sampler, a.samplers.count, "sampler", "animation \(i) channel \(k)")
                try ref(c.node, n, "node", "animation \(i) channel \(k)")
            }
        }
    }
}
