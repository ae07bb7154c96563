import OysterCore

/// Options for `Scene.quantize` (KHR_mesh_quantization).
///
/// Error bounds (per component, before any renderer filtering):
/// - positions: `extent / (2^positionBits − 1) / 2`, where extent is the mesh's largest
///   bounding-box side (one uniform grid per mesh, so the mesh keeps its proportions);
/// - normals and tangents (int8 normalized): 1/254 per component before renormalization,
///   under 0.5° of direction;
/// - texture coordinates (uint16 normalized): `range / 65535 / 2` with range the UV extent
///   of the material's primitives (1 when UVs lie in [0, 1]).
public struct QuantizeOptions: Hashable, Sendable {
    /// Bits of position precision (1…16), stored as unsigned 16-bit integers. Default 14,
    /// as gltfpack.
    public var positionBits = 14
    /// Store positions as normalized uint16 (values q/65535) instead of plain integers; the
    /// node scale grows by 65535 to match (gltfpack's `-vpn`). Default false.
    public var normalizedPositions = false
    /// NORMAL to int8 normalized. Default true.
    public var quantizeNormals = true
    /// TANGENT to int8 normalized. Default true.
    public var quantizeTangents = true
    /// TEXCOORD_n to uint16 normalized. Default true.
    public var quantizeTexCoords = true

    /// Options with the given precision and attribute choices.
    public init(positionBits: Int = 14, normalizedPositions: Bool = false, quantizeNormals: Bool = true, quantizeTangents: Bool = true,
                quantizeTexCoords: Bool = true) {
        self.positionBits = positionBits
        self.normalizedPositions = normalizedPositions
        self.quantizeNormals = quantizeNormals
        self.quantizeTangents = quantizeTangents
        self.quantizeTexCoords = quantizeTexCoords
    }
}

/// Quantization (KHR_mesh_quantization): smaller vertex data for the web.
///
/// Positions become unsigned 16-bit integers on a per-mesh uniform grid; the dequantization
/// (translate by the mesh minimum, scale by the grid step) is folded into the nodes that draw
/// the mesh, as gltfpack does: into a static leaf node's TRS or matrix, into every
/// GPU-instance transform, or — for nodes with children, cameras, lights, joints or animated
/// transforms — into a new child node that takes over the mesh. Meshes drawn by skinned nodes
/// or with animated morph weights keep float positions; position morph targets stay float,
/// divided by the grid step. Normals and tangents become int8 normalized; texture coordinates
/// uint16 normalized, with a KHR_texture_transform on the material's textures when UVs leave
/// [0, 1] (skipped for materials with textures in carried extensions, `texCoord` overrides,
/// or primitives with extensions). The writer must pad vertex strides to 4 bytes and list
/// KHR_mesh_quantization (and KHR_texture_transform) in `extensionsUsed`/`extensionsRequired`.
extension Scene {
    /// Quantizes vertex attributes and folds position dequantization into nodes.
    @discardableResult
    public mutating func quantize(_ options: QuantizeOptions = .init()) -> PassReport {
        var positions = 0, normals = 0, uvs = 0
        var notes: [String] = []
        if options.quantizeTexCoords { uvs = quantizeTexCoords() }
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                var prim = meshes[m].primitives[p]
                if options.quantizeNormals, let n = prim.attributes["NORMAL"], n.componentType == .float32 {
                    prim.attributes["NORMAL"] = Self.snorm8(n.vec3Array().map { normalize($0) })
                    normals += 1
                }
                if options.quantizeTangents, let t = prim.attributes["TANGENT"], t.componentType == .float32 {
                    prim.attributes["TANGENT"] = Self.snorm8(t.vec4Array().map { v in
                        let d = normalize(Vec3(v.x, v.y, v.z))
                        return Vec4(d.x, d.y, d.z, v.w < 0 ? -1 : 1)
                    })
                }
                meshes[m].primitives[p] = prim
            }
        }
        let bits = min(max(options.positionBits, 1), 16)
        let blocked = meshesWithoutPositionQuantization()
        for m in meshes.indices {
            if blocked.contains(m) { notes.append("mesh \(m): skinned or morph-animated, positions kept as float"); continue }
            if quantizePositions(mesh: m, bits: bits, normalized: options.normalizedPositions) { positions += 1 }
        }
        return PassReport(name: "quantize", figures: ["meshesPositionsQuantized": Double(positions), "primitivesNormalsQuantized": Double(normals),
                                                      "primitivesTexCoordsQuantized": Double(uvs)], notes: notes)
    }

    // MARK: - Positions

    private func meshesWithoutPositionQuantization() -> Set<Int> {
        var out = Set<Int>()
        var morphAnimated = Set<Int>()
        for a in animations { for c in a.channels where c.path == .weights { if let n = c.node { morphAnimated.insert(n) } } }
        for (i, n) in nodes.enumerated() {
            guard let m = n.mesh else { continue }
            if n.skin != nil || morphAnimated.contains(i) { out.insert(m) }
        }
        return out
    }

    /// Quantizes one mesh's positions and folds the dequantization into its nodes.
    private mutating func quantizePositions(mesh m: Int, bits: Int, normalized: Bool) -> Bool {
        guard meshes.indices.contains(m) else { return false }
        var box = AABB.empty
        for p in meshes[m].primitives {
            guard let pos = p.attributes["POSITION"] else { continue }
            if pos.componentType != .float32 { return false }  // already quantized
            for v in pos.vec3Array() where v.x.isFinite && v.y.isFinite && v.z.isFinite { box.add(v) }
        }
        guard !box.isEmpty else { return false }
        let levels = Float((1 << bits) - 1)
        let extent = max(box.size.x, box.size.y, box.size.z)
        let step = extent > 0 ? extent / levels : 1
        let origin = box.min
        for p in meshes[m].primitives.indices {
            guard let pos = meshes[m].primitives[p].attributes["POSITION"] else { continue }
            var q = [UInt16]()
            q.reserveCapacity(pos.count * 3)
            for v in pos.vec3Array() {
                for c in 0..<3 {
                    let x = ((v[c] - origin[c]) / step).rounded()
                    q.append(UInt16(clamping: Int(x.isFinite ? min(max(x, 0), levels) : 0)))
                }
            }
            meshes[m].primitives[p].attributes["POSITION"] = DataArray(componentType: .uint16, elementType: .vec3, normalized: normalized,
                                                                       bytes: q.withUnsafeBytes { Array($0) })
            for t in meshes[m].primitives[p].targets.indices {
                if let d = meshes[m].primitives[p].targets[t]["POSITION"] {
                    let s = normalized ? step * 65535 : step
                    meshes[m].primitives[p].targets[t]["POSITION"] = DataArray(vec3: d.vec3Array().map { $0 / s })
                }
            }
        }
        // Normalized values decode to q / 65535, so the node scale carries the 65535 back.
        foldDequantization(mesh: m, origin: origin, step: normalized ? step * 65535 : step)
        return true
    }

    /// Makes every node drawing mesh `m` apply `p = origin + step · q` before its own transform.
    private mutating func foldDequantization(mesh m: Int, origin: Vec3, step: Float) {
        var animated = nodesWithAnimatedTransform()
        let joints = jointNodes()
        let dequant = Mat4(translation: origin, rotation: .identity, scale: Vec3(repeating: step))
        for i in nodes.indices where nodes[i].mesh == m {
            if var inst = nodes[i].instancing {
                let count = inst.values.first?.count ?? 0
                let t = inst["TRANSLATION"]?.vec3Array() ?? [Vec3](repeating: .zero, count: count)
                let r = inst["ROTATION"]?.vec4Array().map { Quat($0) } ?? [Quat](repeating: .identity, count: count)
                let s = inst["SCALE"]?.vec3Array() ?? [Vec3](repeating: .one, count: count)
                guard t.count == count, r.count == count, s.count == count else { continue }
                inst["TRANSLATION"] = DataArray(vec3: (0..<count).map { t[$0] + r[$0].rotate(s[$0] * origin) })
                inst["SCALE"] = DataArray(vec3: s.map { $0 * step })
                nodes[i].instancing = inst
                continue
            }
            let n = nodes[i]
            let canFold = n.children.isEmpty && n.camera == nil && n.light == nil && !animated.contains(i) && !joints.contains(i)
            if canFold {
                switch n.transform {
                case .trs(let t, let r, let s):
                    nodes[i].transform = .trs(translation: t + r.rotate(s * origin), rotation: r, scale: s * step)
                case .matrix(let mat):
                    nodes[i].transform = .matrix(mat * dequant)
                }
            } else {
                // A child of the node, so it inherits the node's world role; a pass-made role
                // (collider, LOD level) describes the geometry and moves with it.
                var holder = Node(name: n.name, transform: .trs(translation: origin, rotation: .identity, scale: Vec3(repeating: step)), mesh: m,
                                  role: n.role?.describesWorld == false ? n.role : nil)
                holder.weights = n.weights
                nodes[i].mesh = nil
                nodes[i].weights = nil
                nodes.append(holder)
                nodes[i].children.append(nodes.count - 1)
                animated.remove(nodes.count - 1)
            }
        }
    }

    // MARK: - Normals

    static func snorm8(_ values: [Vec3]) -> DataArray {
        var b = [UInt8]()
        b.reserveCapacity(values.count * 3)
        for v in values { for c in 0..<3 { b.append(UInt8(bitPattern: snorm8(v[c]))) } }
        return DataArray(componentType: .int8, elementType: .vec3, normalized: true, bytes: b)
    }

    static func snorm8(_ values: [Vec4]) -> DataArray {
        var b = [UInt8]()
        b.reserveCapacity(values.count * 4)
        for v in values { for c in 0..<4 { b.append(UInt8(bitPattern: snorm8(v[c]))) } }
        return DataArray(componentType: .int8, elementType: .vec4, normalized: true, bytes: b)
    }

    @inline(__always)
    static func snorm8(_ x: Float) -> Int8 {
        guard x.isFinite else { return 0 }
        return Int8(clamping: Int((min(max(x, -1), 1) * 127).rounded()))
    }

    // MARK: - Texture coordinates

    /// Quantizes TEXCOORD_n per material; returns primitives changed.
    private mutating func quantizeTexCoords() -> Int {
        struct SetKey: Hashable { var material: Int; var set: String }
        // Which (material, set) may take a transform, and the union of UV bounds.
        var bounds: [SetKey: (Vec2, Vec2)] = [:]
        var blocked = Set<SetKey>()
        var locations: [(m: Int, p: Int, set: String, key: SetKey)] = []
        for m in meshes.indices {
            for p in meshes[m].primitives.indices {
                let prim = meshes[m].primitives[p]
                for name in prim.sortedAttributeNames where name.hasPrefix("TEXCOORD_") {
                    guard let uv = prim.attributes[name], uv.componentType == .float32, uv.elementType == .vec2 else { continue }
                    let key = SetKey(material: prim.material ?? -1, set: name)
                    if !prim.extensions.isEmpty { blocked.insert(key) }
                    var lo = Vec2(repeating: .infinity), hi = Vec2(repeating: -.infinity)
                    for v in uv.vec2Array() {
                        guard v.x.isFinite, v.y.isFinite else { blocked.insert(key); continue }
                        lo = pointwiseMin(lo, v); hi = pointwiseMax(hi, v)
                    }
                    if let b = bounds[key] { bounds[key] = (pointwiseMin(b.0, lo), pointwiseMax(b.1, hi)) } else { bounds[key] = (lo, hi) }
                    locations.append((m, p, name, key))
                }
            }
        }
        var decided: [SetKey: (origin: Vec2, range: Vec2)?] = [:]
        for (key, b) in bounds.sorted(by: { ($0.key.material, $0.key.set) < ($1.key.material, $1.key.set) }) {
            guard !blocked.contains(key), b.0.x <= b.1.x, b.0.y <= b.1.y else { decided[key] = .some(nil); continue }
            if b.0.x >= 0, b.0.y >= 0, b.1.x <= 1, b.1.y <= 1 { decided[key] = (Vec2(0, 0), Vec2(1, 1)); continue }
            guard key.material >= 0, canTransformTexCoords(material: key.material, set: key.set) else { decided[key] = .some(nil); continue }
            let range = Vec2(max(b.1.x - b.0.x, 1e-6), max(b.1.y - b.0.y, 1e-6))
            decided[key] = (b.0, range)
            applyTextureTransform(material: key.material, set: key.set, origin: b.0, range: range)
        }
        var changed = 0
        for loc in locations {
            guard let d = decided[loc.key], let (origin, range) = d,
                  let uv = meshes[loc.m].primitives[loc.p].attributes[loc.set] else { continue }
            var q = [UInt16]()
            q.reserveCapacity(uv.count * 2)
            for v in uv.vec2Array() {
                for c in 0..<2 {
                    let x = ((v[c] - origin[c]) / range[c] * 65535).rounded()
                    q.append(UInt16(clamping: Int(x.isFinite ? min(max(x, 0), 65535) : 0)))
                }
            }
            meshes[loc.m].primitives[loc.p].attributes[loc.set] = DataArray(componentType: .uint16, elementType: .vec2, normalized: true,
                                                                             bytes: q.withUnsafeBytes { Array($0) })
            changed += 1
        }
        return changed
    }

    private func canTransformTexCoords(material m: Int, set: String) -> Bool {
        guard materials.indices.contains(m) else { return false }
        let mat = materials[m]
        var probe = Material()
        probe.extensions = mat.extensions
        if !Self.textureReferences(probe).isEmpty { return false }
        for slot in TextureSlot.allCases {
            if let ref = mat[slot], ref.transform?.texCoord != nil { return false }
        }
        return true
    }

    /// Composes `uv = origin + range ⊙ uv_q` into every texture reference reading `set`:
    /// T(o)·R(r)·S(s)·T(origin)·S(range) = T(o + R(s ⊙ origin))·R(r)·S(s ⊙ range), with the
    /// ratified extension's rotation matrix.
    private mutating func applyTextureTransform(material m: Int, set: String, origin: Vec2, range: Vec2) {
        guard let setIndex = Int(set.dropFirst("TEXCOORD_".count)) else { return }
        for slot in TextureSlot.allCases {
            guard var ref = materials[m][slot], ref.texCoord == setIndex else { continue }
            let t = ref.transform ?? TextureTransform()
            let so = t.scale * origin
            let c = cosRadians(t.rotation), s = sinRadians(t.rotation)
            let rotated = Vec2(c * so.x + s * so.y, -s * so.x + c * so.y)
            ref.transform = TextureTransform(offset: t.offset + rotated, rotation: t.rotation, scale: t.scale * range, texCoord: t.texCoord)
            materials[m][slot] = ref
        }
    }
}
