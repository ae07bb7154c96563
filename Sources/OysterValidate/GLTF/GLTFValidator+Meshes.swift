import OysterCore

// MARK: - Reference stage: meshes, primitives, morph targets

private enum Semantic {
    case position, normal, tangent, texcoord(Int), color(Int), joints(Int), weights(Int), custom

    init?(_ name: String) {
        func set(_ prefix: String) -> Int? {
            guard name.hasPrefix(prefix) else { return nil }
            let rest = name.dropFirst(prefix.count)
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), rest == "0" || !rest.hasPrefix("0") else { return nil }
            return Int(rest)
        }
        switch name {
        case "POSITION": self = .position
        case "NORMAL": self = .normal
        case "TANGENT": self = .tangent
        default:
            if let n = set("TEXCOORD_") { self = .texcoord(n) }
            else if let n = set("COLOR_") { self = .color(n) }
            else if let n = set("JOINTS_") { self = .joints(n) }
            else if let n = set("WEIGHTS_") { self = .weights(n) }
            else if name.hasPrefix("_") { self = .custom }
            else { return nil }
        }
    }
}

private typealias Format = (type: String, comp: ComponentType, normalized: Bool)

private func fmt(_ t: String, _ c: ComponentType, _ n: Bool = false) -> Format { (t, c, n) }

extension GLTFValidator {
    private var quantized: Bool { doc.extensionsUsed.contains("KHR_mesh_quantization") }

    private func allowedFormats(_ s: Semantic, morph: Bool) -> [Format]? {
        let q = quantized
        switch s {
        case .position:
            var f = [fmt("VEC3", .float32)]
            if q { f += [.int8, .uint8, .int16, .uint16].flatMap { [fmt("VEC3", $0), fmt("VEC3", $0, true)] } }
            if morph && q { f = [fmt("VEC3", .float32)] + [.int8, .int16].flatMap { [fmt("VEC3", $0), fmt("VEC3", $0, true)] } }
            return f
        case .normal:
            var f = [fmt("VEC3", .float32)]
            if q { f += [.int8, .int16].map { fmt("VEC3", $0, true) } + (morph ? [.int8, .int16].map { fmt("VEC3", $0) } : []) }
            return f
        case .tangent:
            let t = morph ? "VEC3" : "VEC4"
            var f = [fmt(t, .float32)]
            if q { f += [.int8, .int16].map { fmt(t, $0, true) } + (morph ? [.int8, .int16].map { fmt(t, $0) } : []) }
            return f
        case .texcoord:
            var f = [fmt("VEC2", .float32), fmt("VEC2", .uint8, true), fmt("VEC2", .uint16, true)]
            if q { f += [fmt("VEC2", .int8), fmt("VEC2", .int8, true), fmt("VEC2", .int16), fmt("VEC2", .int16, true), fmt("VEC2", .uint8), fmt("VEC2", .uint16)] }
            return f
        case .color:
            return ["VEC3", "VEC4"].flatMap { [fmt($0, .float32), fmt($0, .uint8, true), fmt($0, .uint16, true)] }
        case .joints:
            return [fmt("VEC4", .uint8), fmt("VEC4", .uint16)]
        case .weights:
            return [fmt("VEC4", .float32), fmt("VEC4", .uint8, true), fmt("VEC4", .uint16, true)]
        case .custom:
            return nil
        }
    }

    private func use(for s: Semantic, morph: Bool) -> AccessorUse {
        switch s {
        case .position: return morph ? .morphPosition : .position
        case .normal: return morph ? .morphNormal : .normal
        case .tangent: return morph ? .morphTangent : .tangent
        case .texcoord: return .texcoord
        case .color: return .color
        case .joints: return .joints
        case .weights: return .weights
        case .custom: return .other
        }
    }

    func linkMeshes() {
        for mi in doc.meshes.indices {
            guard let mesh = doc.meshes[mi] else { continue }
            var firstTargets: Int?
            for (k, pr) in mesh.primitives.enumerated() {
                linkPrimitive(pr)
                let count = pr.targets?.count ?? 0
                if k == 0 {
                    firstTargets = count
                } else if let f = firstTargets, f != count {
                    ctx.add(.meshPrimitivesUnequalTargetsCount, pr.targets == nil ? pr.p : ptr(pr.p, "targets"))
                }
            }
            if let w = mesh.weights, let f = firstTargets, w.count != f {
                ctx.add(.meshInvalidWeightsCount, ptr(mesh.p, "weights"), "The mesh has \(w.count) weights for \(f) morph targets.")
            }
        }
    }

    private func linkPrimitive(_ pr: Primitive) {
        let ap = ptr(pr.p, "attributes")
        var texcoords: [Int] = [], colors: [Int] = [], joints: [Int] = [], weights: [Int] = []
        var hasPosition = false, hasNormal = false, hasTangent = false
        var vertexCount: Int?
        var baseCounts: [String: Int] = [:]
        var sharedViews: [Int: Int] = [:]
        for (name, index) in pr.attributes {
            let p = ptr(ap, name)
            guard let s = Semantic(name) else {
                ctx.add(.meshPrimitiveInvalidAttribute, p, "Invalid attribute name '\(name)'.")
                _ = ref(index, \.accessors, \.usedAccessors, p)
                continue
            }
            switch s {
            case .position: hasPosition = true
            case .normal: hasNormal = true
            case .tangent: hasTangent = true
            case .texcoord(let n): texcoords.append(n)
            case .color(let n): colors.append(n)
            case .joints(let n): joints.append(n)
            case .weights(let n): weights.append(n)
            case .custom: break
            }
            guard let index, let a = ref(index, \.accessors, \.usedAccessors, p) else { continue }
            checkVertexAccessor(a, index, s, morph: false, p, &sharedViews)
            if case .position = s, a.min == nil || a.max == nil { ctx.add(.meshPrimitivePositionAccessorWithoutBounds, p) }
            if let c = a.count {
                baseCounts[name] = c
                if let vc = vertexCount, vc != c {
                    ctx.add(.meshPrimitiveUnequalAccessorCount, p, "Accessor count \(c) differs from \(vc).")
                } else if vertexCount == nil {
                    vertexCount = c
                }
            }
        }
        for (label, sets) in [("TEXCOORD", texcoords), ("COLOR", colors), ("JOINTS", joints), ("WEIGHTS", weights)] where !sets.isEmpty {
            if sets.sorted() != Array(0..<sets.count) {
                ctx.add(.meshPrimitiveIndexedSemanticContinuity, ap, "Sets of \(label) must start at 0 and be continuous (\(sets.count) provided).")
            }
        }
        if joints.count != weights.count {
            ctx.add(.meshPrimitiveJointsWeightsMismatch, ap, "\(joints.count) JOINTS sets but \(weights.count) WEIGHTS sets.")
        }
        if !pr.attributes.isEmpty && !hasPosition { ctx.add(.meshPrimitiveNoPosition, ap) }
        if hasTangent && !hasNormal { ctx.add(.meshPrimitiveTangentWithoutNormal, ptr(ap, "TANGENT")) }

        // Indices.
        var drawCount = vertexCount
        if let ii = pr.indices {
            let p = ptr(pr.p, "indices")
            if let a = ref(ii, \.accessors, \.usedAccessors, p) {
                use(ii, .indices, p, target: 34963)
                let okType = a.componentType == .uint8 || a.componentType == .uint16 || a.componentType == .uint32
                if a.type != "SCALAR" || !okType || a.normalized {
                    ctx.add(.meshPrimitiveIndicesAccessorInvalidFormat, p, "Invalid indices accessor format \(a.format).")
                } else if view(a.bufferView)?.byteStride != nil {
                    ctx.add(.meshPrimitiveIndicesAccessorWithBytestride, p)
                }
                drawCount = a.count
                if pr.mode == 4 { doc.triangleIndices.insert(ii) }
                if let vc = vertexCount { doc.accessorUses[ii]?.limit = vc }
            }
        }
        if let n = drawCount {
            let ok: Bool
            switch pr.mode {
            case 0: ok = n >= 1
            case 1: ok = n >= 2 && n % 2 == 0
            case 2, 3: ok = n >= 2
            case 4: ok = n >= 3 && n % 3 == 0
            default: ok = n >= 3
            }
            if !ok { ctx.add(.meshPrimitiveIncompatibleMode, pr.p, "\(n) vertices or indices do not fit mode \(pr.mode).") }
        }

        // Material and texture coordinates: every set no texture of a resolved material uses is
        // reported, also when the primitive has no material (reference: mesh.dart).
        // A discontinuous set counts as none (the reference's checkContinuity returns 0).
        let texcoordCount = texcoords.sorted() == Array(0..<texcoords.count) ? texcoords.count : 0
        var unused = Set(0..<texcoordCount)
        if let mi = pr.material {
            let p = ptr(pr.p, "material")
            if let m = ref(mi, \.materials, \.usedMaterials, p) {
                for t in m.textures where t.index != nil {
                    if t.texCoord >= texcoordCount {
                        ctx.add(.meshPrimitiveTooFewTexcoords, p, "Texture binding '\(t.p)' needs 'TEXCOORD_\(t.texCoord)'.")
                    } else {
                        unused.remove(t.texCoord)
                    }
                    unused.remove(t.baseTexCoord)
                }
                if m.needsTangentSpace && !hasTangent {
                    ctx.add(.khrMaterialsAnisotropyNoTangentSpace, p)
                } else if m.hasNormalTexture && !(hasTangent && hasNormal) {
                    ctx.add(.meshPrimitiveGeneratedTangentSpace, p)
                }
            }
        }
        if hasTangent {
            let m = pr.material.flatMap { $0 < doc.materials.count ? doc.materials[$0] : nil }
            if !(m.map { $0.hasNormalTexture || $0.needsTangentSpace } ?? false) { ctx.add(.unusedMeshTangent, ptr(ap, "TANGENT")) }
        }

        // Morph targets.
        for (ti, target) in (pr.targets ?? []).enumerated() {
            let tp = ptr(ptr(pr.p, "targets"), ti)
            var targetViews: [Int: Int] = [:]
            for (name, index) in target {
                let p = ptr(tp, name)
                let semantic = Semantic(name)
                let validName: Bool
                switch semantic {
                case .position?, .normal?, .tangent?, .texcoord?, .color?: validName = true
                default: validName = false
                }
                if !validName { ctx.add(.meshPrimitiveInvalidAttribute, p, "Invalid morph target attribute '\(name)'.") }
                let a = index.flatMap { ref($0, \.accessors, \.usedAccessors, p) }
                if !pr.attributes.contains(where: { $0.name == name }) {
                    ctx.add(.meshPrimitiveMorphTargetNoBaseAccessor, p)
                } else if let a, let bc = baseCounts[name], let c = a.count, bc != c {
                    ctx.add(.meshPrimitiveMorphTargetInvalidAttributeCount, p)
                }
                guard validName, let s = semantic, let index, let a else { continue }
                checkVertexAccessor(a, index, s, morph: true, p, &targetViews)
                if case .position = s, a.min == nil || a.max == nil { ctx.add(.meshPrimitivePositionAccessorWithoutBounds, p) }
            }
        }

        // KHR_materials_variants mappings.
        var seenVariants = Set<Int>()
        for m in pr.variantMappings where !doc.rootExtensions.contains("KHR_materials_variants") {
            ctx.add(.unsatisfiedDependency, m.p, "Dependency failed. '/extensions/KHR_materials_variants' must be defined.")
        }
        for m in pr.variantMappings where doc.rootExtensions.contains("KHR_materials_variants") {
            for (k, v) in m.variants.enumerated() {
                guard let v else { continue }
                let p = ptr(ptr(m.p, "variants"), k)
                if v >= doc.variantsCount {
                    ctx.add(.unresolvedReference, p, "Unresolved reference: \(v).")
                } else {
                    doc.usedVariants[v] = true
                    if !seenVariants.insert(v).inserted { ctx.add(.khrMaterialsVariantsNonUniqueVariant, p) }
                }
            }
            // A variant's material uses texture coordinates as the primitive's own would.
            let mp = ptr(m.p, "material")
            if let material = ref(m.material, \.materials, \.usedMaterials, mp) {
                for t in material.textures where t.index != nil {
                    if t.texCoord >= texcoordCount {
                        ctx.add(.meshPrimitiveTooFewTexcoords, mp, "Texture binding '\(t.p)' needs 'TEXCOORD_\(t.texCoord)'.")
                    } else {
                        unused.remove(t.texCoord)
                    }
                    unused.remove(t.baseTexCoord)
                }
            }
        }
        for n in unused.sorted() { ctx.add(.unusedObject, ptr(ap, "TEXCOORD_\(n)")) }
    }

    private func checkVertexAccessor(_ a: Accessor, _ index: Int, _ s: Semantic, morph: Bool, _ p: String, _ sharedViews: inout [Int: Int]) {
        if let allowed = allowedFormats(s, morph: morph), let c = a.componentType, let t = a.type {
            if !allowed.contains(where: { $0.type == t && $0.comp == c && $0.normalized == a.normalized }) {
                ctx.add(.meshPrimitiveAttributesAccessorInvalidFormat, p, "Invalid accessor format \(a.format) for this attribute.")
                return
            }
        } else if case .custom = s, a.componentType == .uint32 {
            ctx.add(.meshPrimitiveAttributesAccessorUnsignedInt, p)
        }
        use(index, use(for: s, morph: morph), p, target: 34962)
        if let vi = a.bufferView, let v = view(vi) {
            if (v.byteOffset + a.byteOffset) % 4 != 0 {
                ctx.add(.meshPrimitiveAccessorUnaligned, p)
            } else if v.byteStride == nil {
                if let other = sharedViews[vi], other != index {
                    ctx.add(.meshPrimitiveAccessorWithoutBytestride, p)
                }
                sharedViews[vi] = index
            }
        }
    }
}
