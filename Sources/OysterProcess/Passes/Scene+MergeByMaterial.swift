import OysterCore
import OysterJSON

/// Options for `Scene.mergeByMaterial`.
///
/// Primitives merge only when they are compatible: same material, same primitive kind
/// (the triangle modes merge as triangle lists), identical attribute names with identical
/// layouts (component type, element type, normalization), identical morph-target layouts, and
/// no primitive extensions; extras must be equal. With `fillMissingColorsAndTexCoords`, a
/// primitive lacking a COLOR_n another one has gets opaque white (what glTF renders when the
/// attribute is absent, so nothing changes on screen), and one lacking a TEXCOORD_n gets zeros,
/// as long as every primitive that has the attribute stores it with the same layout. Any other
/// missing attribute (NORMAL, TANGENT, joints, …) is not invented: such primitives stay
/// separate draw calls.
public struct MergeOptions: Hashable, Sendable {
    /// Also merge the meshes of static nodes whose world matrix is identity (run `flatten`
    /// first) into one mesh per scene. Default true.
    public var acrossNodes = true
    /// The most vertices one merged primitive may have; 65 535 keeps 16-bit indices possible.
    /// Default `UInt32.max` (32-bit indices).
    public var maxVertices = Int(UInt32.max)
    /// Fill absent COLOR_n (white) and TEXCOORD_n (zeros) so more primitives merge. Default true.
    public var fillMissingColorsAndTexCoords = true
    /// Nodes whose meshes must not be merged across nodes (e.g. the collider nodes from
    /// `addColliders`, which would otherwise join the render mesh). Default empty.
    public var excludedNodes: Set<Int> = []

    /// Options with the given merge scope, vertex limit, filling and exclusions.
    public init(acrossNodes: Bool = true, maxVertices: Int = Int(UInt32.max), fillMissingColorsAndTexCoords: Bool = true,
                excludedNodes: Set<Int> = []) {
        self.acrossNodes = acrossNodes
        self.maxVertices = maxVertices
        self.fillMissingColorsAndTexCoords = fillMissingColorsAndTexCoords
        self.excludedNodes = excludedNodes
    }
}

extension Scene {
    /// Merges compatible primitives that share a material, within meshes and (optionally)
    /// across static nodes, cutting draw calls.
    @discardableResult
    public mutating func mergeByMaterial(_ options: MergeOptions = .init()) -> PassReport {
        let before = statistics.drawCalls
        var nodesMerged = 0
        if options.acrossNodes { nodesMerged = mergeStaticNodes(excluding: options.excludedNodes) }
        for m in meshes.indices {
            var prims = meshes[m].primitives
            if options.fillMissingColorsAndTexCoords { prims = Self.fillingMissingAttributes(prims) }
            meshes[m].primitives = Self.mergedPrimitives(prims, maxVertices: max(3, options.maxVertices))
        }
        return PassReport(name: "merge", figures: ["drawCallsBefore": Double(before), "drawCallsAfter": Double(statistics.drawCalls),
                                                   "nodesMerged": Double(nodesMerged)])
    }

    // MARK: - Across nodes

    /// Moves the primitives of static, identity-world mesh nodes onto the first such node of
    /// each scene group; returns how many nodes gave up their mesh.
    private mutating func mergeStaticNodes(excluding excluded: Set<Int>) -> Int {
        let world = worldMatrices()
        let moving = movingNodes()
        let parents = parentIndices()
        // Nodes of different roles stay apart, so a merged node still says what it is.
        let roles = effectiveRoles()
        var groups: [GroupKey: [Int]] = [:]
        var groupOrder: [GroupKey] = []
        for (i, n) in nodes.enumerated() {
            guard !excluded.contains(i), let m = n.mesh, meshes.indices.contains(m), world[i] == .identity, !moving[i], n.skin == nil,
                  n.instancing == nil, n.weights == nil, n.extensions.isEmpty, meshes[m].weights == nil,
                  meshes[m].primitives.allSatisfy({ $0.targets.isEmpty }) else { continue }
            let anchor = topAncestor(i, parents: parents)
            let key = GroupKey(roots: roots.indices.filter { roots[$0].nodes.contains(anchor) }, role: roles[i])
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(i)
        }
        var merged = 0
        for key in groupOrder {
            guard let members = groups[key], members.count > 1, let first = members.first, let firstMesh = nodes[first].mesh else { continue }
            var mesh = Mesh(name: meshes[firstMesh].name)
            for i in members { if let m = nodes[i].mesh { mesh.primitives += meshes[m].primitives } }
            meshes.append(mesh)
            nodes[first].mesh = meshes.count - 1
            nodes[first].role = key.role
            for i in members.dropFirst() { nodes[i].mesh = nil; merged += 1 }
        }
        return merged
    }

    /// Static nodes merge when they are in the same scenes and have the same role.
    private struct GroupKey: Hashable {
        var roots: [Int]
        var role: NodeRole?
    }

    // MARK: - Within a mesh

    static func mergedPrimitives(_ prims: [Primitive], maxVertices: Int) -> [Primitive] {
        var groups: [MergeKey: [Int]] = [:]
        var order: [MergeKey] = []
        var out: [Primitive?] = prims.map { $0 }
        for (i, p) in prims.enumerated() {
            guard let key = MergeKey(p) else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            var batches: [[Int]] = [[]]
            var count = 0
            for i in members {
                let n = prims[i].vertexCount
                if count + n > maxVertices && !(batches.last?.isEmpty ?? true) { batches.append([]); count = 0 }
                batches[batches.count - 1].append(i)
                count += n
            }
            for batch in batches where batch.count > 1 {
                out[batch[0]] = concatenate(batch.map { prims[$0] })
                for i in batch.dropFirst() { out[i] = nil }
            }
        }
        return out.compactMap { $0 }
    }

    /// `prims` with absent COLOR_n / TEXCOORD_n filled wherever that makes them mergeable.
    static func fillingMissingAttributes(_ prims: [Primitive]) -> [Primitive] {
        func fillable(_ name: String) -> Bool { name.hasPrefix("COLOR_") || name.hasPrefix("TEXCOORD_") }
        var out = prims
        var groups: [MergeKey: [Int]] = [:]
        var order: [MergeKey] = []
        for (i, p) in prims.enumerated() {
            guard let key = MergeKey(p, ignoring: fillable) else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            // One layout per fillable name, or the name cannot be filled.
            var layout: [String: DataArray] = [:]
            var conflicting = Set<String>()
            for i in members {
                for (name, data) in prims[i].attributes where fillable(name) {
                    if let l = layout[name], !l.hasSameLayout(as: data) { conflicting.insert(name) } else if layout[name] == nil { layout[name] = data }
                }
            }
            guard conflicting.isEmpty else { continue }
            for i in members {
                let n = prims[i].vertexCount
                for name in layout.keys.sorted() where prims[i].attributes[name] == nil {
                    guard let l = layout[name] else { continue }
                    out[i].attributes[name] = Self.filled(like: l, count: n, white: name.hasPrefix("COLOR_"))
                }
            }
        }
        return out
    }

    /// `count` elements laid out like `template`: all ones (normalized maximum) or all zeros.
    static func filled(like template: DataArray, count: Int, white: Bool) -> DataArray {
        let components = count * template.componentsPerElement
        var bytes: [UInt8]
        guard white else {
            return DataArray(componentType: template.componentType, elementType: template.elementType, normalized: template.normalized,
                             bytes: [UInt8](repeating: 0, count: components * template.componentType.byteSize))
        }
        switch template.componentType {
        case .float32: bytes = [Float](repeating: 1, count: components).withUnsafeBytes { Array($0) }
        case .uint8: bytes = [UInt8](repeating: 255, count: components)
        case .uint16: bytes = [UInt16](repeating: 65535, count: components).withUnsafeBytes { Array($0) }
        case .int8: bytes = [UInt8](repeating: 127, count: components)
        case .int16: bytes = [Int16](repeating: 32767, count: components).withUnsafeBytes { Array($0) }
        case .uint32: bytes = [UInt32](repeating: 1, count: components).withUnsafeBytes { Array($0) }
        }
        return DataArray(componentType: template.componentType, elementType: template.elementType, normalized: template.normalized, bytes: bytes)
    }

    /// One triangle (or point/line) list holding all of `prims` (compatible by `MergeKey`).
    static func concatenate(_ prims: [Primitive]) -> Primitive {
        var result = prims[0]
        var indices: [UInt32] = []
        var base: UInt32 = 0
        let triangles = prims[0].isTriangles
        for (k, p) in prims.enumerated() {
            let idx = triangles ? p.triangleIndices() : (p.indices?.uints() ?? (0..<UInt32(p.vertexCount)).map { $0 })
            indices += idx.map { $0 &+ base }
            base &+= UInt32(p.vertexCount)
            guard k > 0 else { continue }
            for name in p.attributes.keys { if let d = p.attributes[name] { result.attributes[name]?.append(contentsOf: d) } }
            for t in p.targets.indices {
                for name in p.targets[t].keys { if let d = p.targets[t][name] { result.targets[t][name]?.append(contentsOf: d) } }
            }
        }
        if triangles { result.mode = .triangles }
        // Lists of the non-strip kinds keep their mode; strips/loops were excluded by MergeKey.
        result.indices = DataArray(indices: indices)
        return result
    }
}

/// What must be equal for two primitives to merge.
struct MergeKey: Hashable {
    var material: Int?
    var kind: Int
    var layout: [String]
    var extras: JSONValue?

    init?(_ p: Primitive, ignoring skip: (String) -> Bool = { _ in false }) {
        guard p.extensions.isEmpty else { return nil }
        switch p.mode {
        case .triangles, .triangleStrip, .triangleFan: kind = 0
        case .points: kind = 1
        case .lines: kind = 2
        case .lineStrip, .lineLoop: return nil
        }
        material = p.material
        extras = p.extras
        func describe(_ set: AttributeSet, _ prefix: String) -> [String] {
            set.keys.sorted().filter { prefix.isEmpty ? !skip($0) : true }.compactMap { k in
                set[k].map { "\(prefix)\(k):\($0.componentType.rawValue):\($0.elementType.rawValue):\($0.normalized)" }
            }
        }
        layout = describe(p.attributes, "")
        for (i, t) in p.targets.enumerated() { layout += describe(t, "t\(i).") }
        // Every stream must have one element per vertex, or concatenation would misalign.
        let n = p.vertexCount
        guard p.attributes.values.allSatisfy({ $0.count == n }), p.targets.allSatisfy({ $0.values.allSatisfy { $0.count == n } }) else { return nil }
        // Out-of-range indices would point into a neighbour's vertices once concatenated.
        if let idx = p.indices, idx.uints().contains(where: { Int($0) >= n }) { return nil }
    }
}
