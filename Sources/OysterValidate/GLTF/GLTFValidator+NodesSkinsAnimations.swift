import OysterCore

// MARK: - Reference stage: nodes, skins, scenes, animations, extension objects

extension GLTFValidator {
    private func meshTargetCount(_ m: Mesh) -> Int? { m.primitives.first.map { $0.targets?.count ?? 0 } }
    private func meshHasJoints(_ m: Mesh) -> Bool { m.primitives.contains { $0.attributes.contains { $0.name.hasPrefix("JOINTS_") } } }

    func linkNodes() {
        var meshUsers: [Int: [Int]] = [:]
        var skinnedNodes: [Int] = []
        for i in doc.nodes.indices {
            guard let n = doc.nodes[i] else { continue }
            _ = ref(n.camera, \.cameras, \.usedCameras, ptr(n.p, "camera"))
            let mesh = ref(n.mesh, \.meshes, \.usedMeshes, ptr(n.p, "mesh"))
            let skin = ref(n.skin, \.skins, \.usedSkins, ptr(n.p, "skin"))
            for (k, c) in n.children.enumerated() {
                guard let c else { continue }
                let p = ptr(ptr(n.p, "children"), k)
                guard ref(c, \.nodes, \.usedNodes, p) != nil else { continue }
                if doc.nodes[c]?.parent != nil {
                    ctx.add(.nodeParentOverride, p, "Value overrides the parent of node \(c).")
                } else {
                    doc.nodes[c]?.parent = i
                }
            }
            if let mesh, let mi = n.mesh {
                meshUsers[mi, default: []].append(i)
                if let w = n.weights, w.count != (meshTargetCount(mesh) ?? 0) {
                    ctx.add(.nodeWeightsInvalid, ptr(n.p, "weights"), "Node has \(w.count) weights for \(meshTargetCount(mesh) ?? 0) morph targets.")
                }
                if n.skin != nil {
                    if !meshHasJoints(mesh) { ctx.add(.nodeSkinWithNonSkinnedMesh, n.p) }
                    if n.hasTransform { ctx.add(.nodeSkinnedMeshLocalTransforms, n.p) }
                    if skin != nil { skinnedNodes.append(i) }
                    if let skin {
                        // Joint indices in this mesh's JOINTS accessors are bounded by the skin.
                        for pr in mesh.primitives {
                            for (name, a) in pr.attributes where name.hasPrefix("JOINTS_") {
                                if let a { let old = doc.accessorUses[a]?.limit ?? Int.max; doc.accessorUses[a]?.limit = min(old, skin.joints.count) }
                            }
                        }
                    }
                } else if meshHasJoints(mesh) {
                    ctx.add(.nodeSkinnedMeshWithoutSkin, n.p)
                }
            }
            if let attributes = n.instanceAttributes { checkInstancing(n, attributes) }
            // The dependency holds for the extension object, with or without a valid index.
            if n.hasLightsExtension {
                let ep = ptr(ptr(n.p, "extensions"), "KHR_lights_punctual")
                if !hasRootExtension("KHR_lights_punctual") {
                    ctx.add(.unsatisfiedDependency, ep, "Dependency failed. '/extensions/KHR_lights_punctual' must be defined.")
                } else if let li = n.light {
                    _ = ref(li, \.lights, \.usedLights, ptr(ep, "light"))
                }
            }
        }
        // A skinned mesh ignores its ancestors' transforms: say so when one has any (reference: gltf.dart).
        for i in skinnedNodes {
            guard let n = doc.nodes[i], n.parent != nil else { continue }
            var cur = n.parent, steps = 0
            while let p = cur, let parent = doc.nodes[p], steps <= doc.nodes.count {
                if parent.hasTransform { ctx.add(.nodeSkinnedMeshParentTransforms, n.p); break }
                cur = parent.parent
                steps += 1
            }
            ctx.add(.nodeSkinnedMeshNonRoot, n.p)
        }
        for (mi, users) in meshUsers.sorted(by: { $0.key < $1.key }) {
            guard let m = doc.meshes[mi], m.weights != nil else { continue }
            if users.allSatisfy({ doc.nodes[$0]?.weights != nil }) { ctx.add(.unusedMeshWeights, ptr(m.p, "weights")) }
        }
    }

    func hasRootExtension(_ name: String) -> Bool { doc.rootExtensions.contains(name) }

    func linkSkins() {
        for i in doc.skins.indices {
            guard let s = doc.skins[i] else { continue }
            let ip = ptr(s.p, "inverseBindMatrices")
            if let ai = s.inverseBindMatrices, let a = ref(ai, \.accessors, \.usedAccessors, ip) {
                if a.type != "MAT4" || a.componentType != .float32 || a.normalized {
                    ctx.add(.skinIbmInvalidFormat, ip, "Invalid IBM accessor format \(a.format).")
                } else {
                    use(ai, .inverseBindMatrices, ip)
                    if view(a.bufferView)?.byteStride != nil { ctx.add(.skinIbmAccessorWithBytestride, ip) }
                    if let c = a.count, c < s.joints.count {
                        ctx.add(.invalidIbmAccessorCount, ip, "IBM accessor must have at least \(s.joints.count) elements, not \(c).")
                    }
                }
            }
            if let sk = s.skeleton, sk >= doc.nodes.count || doc.nodes[sk] == nil {
                ctx.add(.unresolvedReference, ptr(s.p, "skeleton"), "Unresolved reference: \(sk).")
            }
            for (k, j) in s.joints.enumerated() {
                guard let j else { continue }
                if ref(j, \.nodes, \.usedNodes, ptr(ptr(s.p, "joints"), k)) != nil { doc.nodes[j]?.isJoint = true }
            }
        }
    }

    func linkScenes() {
        for i in doc.scenes.indices {
            guard let s = doc.scenes[i] else { continue }
            for (k, n) in s.nodes.enumerated() {
                guard let n else { continue }
                let p = ptr(ptr(s.p, "nodes"), k)
                if ref(n, \.nodes, \.usedNodes, p) != nil, doc.nodes[n]?.parent != nil {
                    ctx.add(.sceneNonRootNode, p, "Node \(n) is not a root node.")
                }
            }
        }
        if let s = doc.scene, s >= doc.scenes.count || doc.scenes[s] == nil {
            ctx.add(.unresolvedReference, "/scene", "Unresolved reference: \(s).")
        }
    }

    func linkAnimations() {
        for ai in doc.animations.indices {
            guard let an = doc.animations[ai] else { continue }
            var usedSamplers = Array(repeating: false, count: an.samplers.count)
            var inputCounts: [Int: Int] = [:]
            for (si, s) in an.samplers.enumerated() {
                guard let s else { continue }
                let ip = ptr(s.p, "input"), op = ptr(s.p, "output")
                if let ii = s.input, let a = ref(ii, \.accessors, \.usedAccessors, ip) {
                    if a.type != "SCALAR" || a.componentType != .float32 || a.normalized {
                        ctx.add(.animationSamplerInputAccessorInvalidFormat, ip, "Invalid animation input accessor format \(a.format); must be {SCALAR, FLOAT}.")
                    } else {
                        if a.min == nil || a.max == nil { ctx.add(.animationSamplerInputAccessorWithoutBounds, ip) }
                        use(ii, .animationInput, ip)
                        inputCounts[si] = a.count
                        let need = s.interpolation == "CUBICSPLINE" ? 2 : 1
                        if let c = a.count, c < need {
                            ctx.add(.animationSamplerInputAccessorTooFewElements, ip, "\(s.interpolation) interpolation needs at least \(need) keyframes, found \(c).")
                        }
                    }
                    if view(a.bufferView)?.byteStride != nil { ctx.add(.animationSamplerAccessorWithBytestride, ip) }
                }
                if let oi = s.output, let a = ref(oi, \.accessors, \.usedAccessors, op) {
                    if view(a.bufferView)?.byteStride != nil { ctx.add(.animationSamplerAccessorWithBytestride, op) }
                }
            }
            var targets: [(node: Int, path: String, index: Int)] = []
            // The reference validator leaves a channel's path segment pushed when the channel has
            // no sampler index, so later pointers of the same animation nest under it; match that.
            var channelBase = ptr(an.p, "channels")
            for (ci, c) in an.channels.enumerated() {
                guard let c else { continue }
                let cp = ptr(channelBase, ci)
                if c.sampler == nil { channelBase = cp }
                let sp = ptr(cp, "sampler")
                let tp = ptr(cp, "target")
                var sampler: AnimationSampler?
                if let si = c.sampler {
                    if si < an.samplers.count, let s = an.samplers[si] {
                        usedSamplers[si] = true
                        sampler = s
                    } else {
                        ctx.add(.unresolvedReference, sp, "Unresolved reference: \(si).")
                    }
                }
                var node: Node?
                if let ni = c.node { node = ref(ni, \.nodes, \.usedNodes, ptr(tp, "node")) }
                guard let path = c.path, path != "pointer" else { continue }
                if let node {
                    if path != "weights", node.matrix != nil {
                        ctx.add(.animationChannelTargetNodeMatrix, tp)
                    }
                    if path == "weights" {
                        let mesh = node.mesh.flatMap { $0 < doc.meshes.count ? doc.meshes[$0] : nil }
                        if mesh?.primitives.first?.targets == nil { ctx.add(.animationChannelTargetNodeWeightsNoMorphs, tp) }
                    } else if node.skin != nil {
                        ctx.add(.animationChannelTargetNodeSkin, ptr(tp, "path"))
                    }
                    if let ni = c.node, sampler != nil {
                        for t in targets where t.node == ni && t.path == path {
                            ctx.add(.animationDuplicateTargets, ptr(ptr(ptr(an.p, "channels"), t.index), "target"), "Animation channel has the same target as channel \(ci).")
                        }
                        targets.append((ni, path, ci))
                    }
                }
                guard let s = sampler, let oi = s.output, let out = accessor(oi) else { continue }
                let validOut: Bool
                switch path {
                case "translation", "scale": validOut = out.type == "VEC3" && out.componentType == .float32 && !out.normalized
                case "rotation": validOut = out.type == "VEC4" && (out.componentType == .float32 ? !out.normalized : out.normalized && out.componentType != .uint32)
                default: validOut = out.type == "SCALAR" && (out.componentType == .float32 ? !out.normalized : out.normalized && out.componentType != .uint32)
                }
                if !validOut {
                    ctx.add(.animationSamplerOutputAccessorInvalidFormat, sp, "Invalid animation output accessor format \(out.format) for path '\(path)'.")
                    continue
                }
                use(oi, .animationOutput(path: path), path == "rotation" ? sp : ptr(s.p, "output"))
                if s.interpolation == "CUBICSPLINE" { doc.accessors[oi]?.cubicOutput = true }
                if let si = c.sampler, let ic = inputCounts[si], let oc = out.count {
                    var expected = ic * (s.interpolation == "CUBICSPLINE" ? 3 : 1)
                    if path == "weights" {
                        let mesh = node?.mesh.flatMap { $0 < doc.meshes.count ? doc.meshes[$0] : nil }
                        expected *= mesh?.primitives.first?.targets?.count ?? 0
                    }
                    if expected != 0, oc != expected {
                        ctx.add(.animationSamplerOutputAccessorInvalidCount, sp, "Animation output accessor count \(oc) differs from the expected \(expected).")
                    }
                }
            }
            let samplersBase = channelBase == ptr(an.p, "channels") ? an.p : String(channelBase[..<(channelBase.lastIndex(of: "/") ?? channelBase.endIndex)])
            for (si, u) in usedSamplers.enumerated() where !u && an.samplers[si] != nil {
                ctx.add(.unusedObject, ptr(ptr(samplersBase, "samplers"), si))
            }
        }
    }

    func linkExtensions() {}

    // MARK: EXT_mesh_gpu_instancing

    /// The extension's rules (extensions/2.0/Vendor/EXT_mesh_gpu_instancing): only on a node
    /// with a mesh; TRANSLATION and SCALE FLOAT VEC3, ROTATION VEC4 FLOAT or normalized
    /// BYTE/SHORT, custom attributes prefixed "_"; every accessor with the same count; and,
    /// having no fallback, the extension should be required. The reference validator does not
    /// know the extension, so these codes are Oyster's own.
    func checkInstancing(_ n: Node, _ attributes: [(name: String, accessor: Int?, p: String)]) {
        let ep = ptr(ptr(n.p, "extensions"), "EXT_mesh_gpu_instancing")
        if n.mesh == nil { ctx.add(.extMeshGpuInstancingWithoutMesh, ep) }
        var count: Int?
        for (name, index, p) in attributes {
            let allowed: [(type: String, comp: ComponentType, normalized: Bool)]?
            switch name {
            case "TRANSLATION", "SCALE": allowed = [("VEC3", .float32, false)]
            case "ROTATION": allowed = [("VEC4", .float32, false), ("VEC4", .int8, true), ("VEC4", .int16, true)]
            default:
                guard name.hasPrefix("_") else {
                    ctx.add(.extMeshGpuInstancingInvalidAttribute, p, "Invalid instance attribute '\(name)': use TRANSLATION, ROTATION, SCALE or a name starting with '_'.")
                    continue
                }
                allowed = nil
            }
            guard let index, let a = ref(index, \.accessors, \.usedAccessors, p) else { continue }
            use(index, .other, p)
            if let allowed, let c = a.componentType, let t = a.type,
               !allowed.contains(where: { $0.type == t && $0.comp == c && $0.normalized == a.normalized }) {
                ctx.add(.extMeshGpuInstancingInvalidFormat, p, "Invalid accessor format \(a.format) for instance attribute '\(name)'.")
            }
            if let c = a.count {
                if let count, count != c {
                    ctx.add(.extMeshGpuInstancingUnequalCount, p, "Accessor count \(c) differs from \(count).")
                } else if count == nil {
                    count = c
                }
            }
        }
        if !doc.extensionsRequired.contains("EXT_mesh_gpu_instancing") { ctx.add(.extMeshGpuInstancingNotRequired, ep) }
    }
}
