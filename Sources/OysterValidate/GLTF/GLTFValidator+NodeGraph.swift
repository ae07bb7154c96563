import OysterCore

// MARK: - Node graph stage: loops, skin roots, scenes, empty nodes

extension GLTFValidator {
    /// The topmost ancestor of a node, or nil when its parent chain loops.
    private func root(of n: Int) -> Int? {
        var cur = n
        var steps = 0
        while let p = doc.nodes[cur]?.parent {
            cur = p
            steps += 1
            if steps > doc.nodes.count { return nil }
        }
        return cur
    }

    private func isAncestorOrSelf(_ a: Int, of n: Int) -> Bool {
        var cur: Int? = n
        var steps = 0
        while let c = cur, steps <= doc.nodes.count {
            if c == a { return true }
            cur = doc.nodes[c]?.parent
            steps += 1
        }
        return false
    }

    func checkNodeGraph() {
        for i in doc.nodes.indices {
            guard let n = doc.nodes[i] else { continue }
            // A node is in a loop when it can reach itself through children.
            var seen = Set<Int>()
            var stack = n.children.compactMap { $0 }
            while let c = stack.popLast() {
                if c == i { ctx.add(.nodeLoop, n.p); break }
                guard c < doc.nodes.count, seen.insert(c).inserted, let child = doc.nodes[c] else { continue }
                stack.append(contentsOf: child.children.compactMap { $0 })
            }
            func exists<T>(_ i: Int?, _ arr: [T?]) -> Bool { i.map { $0 < arr.count && arr[$0] != nil } ?? false }
            let hasChildren = !n.children.isEmpty
            if !hasChildren && !exists(n.mesh, doc.meshes) && !exists(n.camera, doc.cameras) && !n.hasExtensions && !n.hasExtras && !n.isJoint {
                ctx.add(.nodeEmpty, n.p)
            }
        }
        for s in doc.skins {
            guard let s else { continue }
            let joints = s.joints.compactMap { $0 }.filter { $0 < doc.nodes.count && doc.nodes[$0] != nil }
            if joints.count != s.joints.count || joints.isEmpty {
                if !s.joints.isEmpty { ctx.add(.skinNoCommonRoot, ptr(s.p, "joints")) }
                continue
            }
            let roots = Set(joints.map { root(of: $0) ?? -1 })
            if roots.count != 1 || roots.contains(-1) {
                ctx.add(.skinNoCommonRoot, ptr(s.p, "joints"))
            } else if let sk = s.skeleton, sk < doc.nodes.count, doc.nodes[sk] != nil {
                if !joints.allSatisfy({ isAncestorOrSelf(sk, of: $0) }) { ctx.add(.skinSkeletonInvalid, ptr(s.p, "skeleton")) }
            }
        }
        // Skinned nodes must be in a scene that also holds their joints.
        for sc in doc.scenes {
            guard let sc else { continue }
            var inScene = Set<Int>()
            var stack = sc.nodes.compactMap { $0 }.filter { $0 < doc.nodes.count }
            while let n = stack.popLast() {
                guard inScene.insert(n).inserted, let node = doc.nodes[n] else { continue }
                stack.append(contentsOf: node.children.compactMap { $0 }.filter { $0 < doc.nodes.count })
            }
            for n in inScene.sorted() {
                guard let node = doc.nodes[n], node.mesh != nil, let si = node.skin, si < doc.skins.count, let skin = doc.skins[si] else { continue }
                if skin.joints.contains(where: { j in j.map { !inScene.contains($0) } ?? false }) {
                    ctx.add(.nodeSkinNoScene, node.p)
                }
            }
        }
    }

    // MARK: - Unused objects stage

    func reportUnused() {
        func report<T>(_ name: String, _ items: [T?], _ used: [Bool]) {
            for (i, item) in items.enumerated() where item != nil && !used[i] { ctx.add(.unusedObject, ptr(ptr("", name), i)) }
        }
        report("accessors", doc.accessors, doc.usedAccessors)
        report("buffers", doc.buffers, doc.usedBuffers)
        report("bufferViews", doc.bufferViews, doc.usedBufferViews)
        report("cameras", doc.cameras, doc.usedCameras)
        report("images", doc.images, doc.usedImages)
        report("materials", doc.materials, doc.usedMaterials)
        report("meshes", doc.meshes, doc.usedMeshes)
        report("nodes", doc.nodes, doc.usedNodes)
        report("samplers", doc.samplers, doc.usedSamplers)
        report("skins", doc.skins, doc.usedSkins)
        report("textures", doc.textures, doc.usedTextures)
        for (i, l) in doc.lights.enumerated() where l != nil && !doc.usedLights[i] {
            ctx.add(.unusedObject, "/extensions/KHR_lights_punctual/lights/\(i)")
        }
        for i in 0..<doc.variantsCount where !doc.usedVariants[i] {
            ctx.add(.unusedObject, "/extensions/KHR_materials_variants/variants/\(i)")
        }
    }

    // MARK: - Statistics for the report

    func makeInfo() -> AssetInfo {
        var info = AssetInfo()
        info.version = doc.version
        info.minVersion = doc.minVersion
        info.generator = doc.generator
        info.extensionsUsed = doc.extensionsUsed
        info.resources = doc.resources
        info.animationCount = doc.animations.count
        info.materialCount = doc.materials.count
        info.hasMorphTargets = doc.meshes.contains { $0?.primitives.contains { ($0.targets?.count ?? 0) > 0 } ?? false }
        info.hasSkins = !doc.skins.isEmpty
        info.hasTextures = !doc.textures.isEmpty
        info.hasDefaultScene = doc.scene != nil
        for n in doc.nodes {
            guard let mi = n?.mesh, mi < doc.meshes.count, let m = doc.meshes[mi] else { continue }
            for pr in m.primitives {
                info.drawCallCount += 1
                let pos = pr.attributes.first { $0.name == "POSITION" }?.accessor.flatMap(accessor)?.count ?? 0
                info.totalVertexCount += pos
                let n = pr.indices.flatMap(accessor)?.count ?? pos
                switch pr.mode {
                case 4: info.totalTriangleCount += n / 3
                case 5, 6: info.totalTriangleCount += max(0, n - 2)
                default: break
                }
                info.maxAttributes = max(info.maxAttributes, pr.attributes.count)
                info.maxUVs = max(info.maxUVs, pr.attributes.filter { $0.name.hasPrefix("TEXCOORD_") }.count)
                info.maxInfluences = max(info.maxInfluences, pr.attributes.filter { $0.name.hasPrefix("JOINTS_") }.count * 4)
            }
        }
        return info
    }
}
