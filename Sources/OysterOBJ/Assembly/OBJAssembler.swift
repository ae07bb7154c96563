import OysterCore

/// Merges parsed slices in file order: resolves indices, applies o/g/usemtl state, welds each
/// (v, vt, vn) triple once per primitive and triangulates polygons.
///
/// Validating (`validating`), it keeps no vertex data and builds nothing: it counts elements,
/// checks each face's indices (a bad one is a diagnostic and the face is dropped) and looks for
/// degenerate faces and mixed attributes, with the same state machine as converting.
///
/// Welding keys on the position index: `head[v]` starts a short chain of the distinct
/// (primitive, vt, vn) combinations seen with that position, so lookups touch memory in about
/// the order the file lists vertices instead of hashing all over a big table.
struct OBJAssembler: @unchecked Sendable {
    let fileName: String
    /// Upper bound on how many elements of one kind a file of this size can define; indices
    /// above it are certainly out of range (so a hostile `f 2000000000` allocates nothing).
    let maxElements: Int
    /// Check instead of build (see the type's summary).
    let validating: Bool

    // MARK: Vertex data (global, in file order)
    var positions: [Float] = []
    var colors: [Float] = []
    var texcoords: [Float] = []
    var normals: [Float] = []
    var lineBase = 0
    /// Elements defined so far: v, vt, vn (validating keeps counts, not data).
    var definedV = 0, definedT = 0, definedN = 0
    /// Applied to `colors` when buffers are built (set by `finish`).
    var colorScale: Float = 1

    // MARK: State
    var object: String?
    var group: String?
    var material: String?
    var currentPrimitive = -1
    /// Set by o/g/usemtl: the next face looks its primitive up again.
    var stateChanged = true
    /// The builder faces go to, moved out of `primitives` while it is current.
    var current = PrimitiveBuilder(segment: -1, material: nil)

    // MARK: Output
    /// (object, group) pairs in order of their first face.
    var segments: [(object: String?, group: String?)] = []
    var segmentIndex: [String: Int] = [:]
    /// `usemtl` names in order of their first face.
    var materials: [String] = []
    var materialIndex: [String: Int] = [:]
    var primitives: [PrimitiveBuilder] = []
    var primitiveIndex: [SIMD2<Int>: Int] = [:]
    var libraries: [(name: String, line: Int)] = []
    var log: DiagnosticLog
    /// Validating: each `usemtl` name with the line of its first use (faces or not).
    var materialUses: [(name: String, line: Int)] = []
    var materialUseIndex: Set<String> = []
    var skipped: [String: (count: Int, line: Int)] = [:]
    var skippedOrder: [String] = []

    // MARK: Welding
    var head: [Int32] = []
    /// next, primitive, vt, vn, output index — five Int32 per node.
    var nodes: [Int32] = []

    // MARK: Deferred checks
    /// Indices above the count known while merging (forward references): the running maxima
    /// with their lines, so the first one past the final count can be named at the end.
    var forward: [[(line: Int, index: Int)]] = [[], [], []]
    /// Polygons referencing positions defined after them: triangulated once all are known.
    var deferredPolygons: [(primitive: Int, outputs: [UInt32], positions: [Int])] = []
    /// Validating: faces with forward references, checked against the final counts: line and
    /// the largest 0-based v, vt, vn index of the face (-1 for none past the count then known).
    var pendingFaces: [(line: Int, v: Int32, t: Int32, n: Int32)] = []

    /// An assembler for a file of `byteCount` bytes; `diagnosticLimit` caps each code's kept
    /// diagnostics (0 keeps all).
    init(fileName: String, byteCount: Int, validating: Bool = false, diagnosticLimit: Int = 0) {
        self.fileName = fileName
        maxElements = byteCount / 4 + 1
        self.validating = validating
        log = DiagnosticLog(limitPerCode: diagnosticLimit)
    }

    struct PrimitiveBuilder {
        var segment: Int
        var material: Int?
        var indices: [UInt32] = []
        /// v, vt, vn (0-based; -1 absent) per output vertex.
        var vertices: [Int32] = []
        var withTexcoord = 0
        var withNormal = 0
        /// Validating: face corners checked (then `withTexcoord`/`withNormal` count corners).
        var corners = 0
        var vertexCount: Int { vertices.count / 3 }
    }

    func error(_ line: Int, _ message: String) -> OBJError {
        OBJError(file: fileName, line: line, message: message)
    }

    // MARK: - Merging a slice

    mutating func merge(_ chunk: OBJChunk) throws {
        let baseV = definedV, baseT = definedT, baseN = definedN
        if !validating {
            if !chunk.colors.isEmpty && colors.isEmpty && baseV > 0 {
                colors = [Float](repeating: .nan, count: baseV * 3)
            }
            positions.append(contentsOf: chunk.positions.buffer)
            if !chunk.colors.isEmpty {
                colors.append(contentsOf: chunk.colors)
            } else if !colors.isEmpty {
                colors.append(contentsOf: repeatElement(.nan, count: chunk.positions.count))
            }
            texcoords.append(contentsOf: chunk.texcoords.buffer)
            normals.append(contentsOf: chunk.normals.buffer)
        }
        definedV += chunk.positions.count / 3
        definedT += chunk.texcoords.count / 2
        definedN += chunk.normals.count / 3
        let knownV = definedV, knownT = definedT, knownN = definedN

        var event = 0
        var corner = 0
        var baseSlot = 0
        let faceCount = chunk.faceLines.count
        let corners = chunk.corners.buffer
        for f in 0..<faceCount {
            while event < chunk.events.count && chunk.events[event].face == f {
                try apply(chunk.events[event])
                event += 1
            }
            if stateChanged { resolvePrimitive() }
            let raw = chunk.faceCounts[f]
            let n = Int(raw & ~OBJChunk.hasBaseFlag)
            let line = lineBase + Int(chunk.faceLines[f]) + 1
            var lv = knownV, lt = knownT, ln = knownN
            if raw & OBJChunk.hasBaseFlag != 0 {
                lv = baseV + Int(chunk.faceBases[baseSlot])
                lt = baseT + Int(chunk.faceBases[baseSlot + 1])
                ln = baseN + Int(chunk.faceBases[baseSlot + 2])
                baseSlot += 3
            }
            if validating {
                checkFace(corners, corner, n, line, lv, lt, ln, knownV, knownT, knownN)
            } else if n == 3 {
                let a = try weld(corners, corner, line, lv, lt, ln, knownV, knownT, knownN)
                let b = try weld(corners, corner + 3, line, lv, lt, ln, knownV, knownT, knownN)
                let c = try weld(corners, corner + 6, line, lv, lt, ln, knownV, knownT, knownN)
                if a >= 0 && b >= 0 && c >= 0 {
                    current.indices.append(UInt32(a))
                    current.indices.append(UInt32(b))
                    current.indices.append(UInt32(c))
                }
            } else {
                try polygon(corners, corner, n, line, lv, lt, ln, knownV, knownT, knownN)
            }
            corner += n * 3
        }
        while event < chunk.events.count {
            try apply(chunk.events[event])
            event += 1
        }
        if let e = chunk.error {
            throw error(lineBase + e.line + 1, e.message)
        }
        log.count(.objMalformedStatement, chunk.unlistedMalformed.syntax)
        log.count(.objIndexOutOfRange, chunk.unlistedMalformed.index)
        lineBase += chunk.lineCount
    }

    /// Welds one corner; returns its output index, or -1 when it refers past the largest
    /// possible index (reported at the end).
    @inline(__always)
    mutating func weld(_ corners: UnsafeBufferPointer<Int32>, _ i: Int, _ line: Int,
              _ lv: Int, _ lt: Int, _ ln: Int, _ knownV: Int, _ knownT: Int, _ knownN: Int) throws -> Int {
        let v = try resolve(corners[i], line, defined: lv, known: knownV, kind: 0)
        let t = corners[i + 1] == 0 ? -1 : try resolve(corners[i + 1], line, defined: lt, known: knownT, kind: 1)
        let n = corners[i + 2] == 0 ? -1 : try resolve(corners[i + 2], line, defined: ln, known: knownN, kind: 2)
        if v < 0 || (t < 0 && corners[i + 1] != 0) || (n < 0 && corners[i + 2] != 0) { return -1 }
        if v >= head.count {
            head.append(contentsOf: repeatElement(-1, count: max(v + 1, head.count * 2, 1024) - head.count))
        }
        let p = Int32(currentPrimitive), vt = Int32(t), vn = Int32(n)
        var node = Int(head[v])
        while node >= 0 {
            let k = node * 5
            if nodes[k + 1] == p && nodes[k + 2] == vt && nodes[k + 3] == vn { return Int(nodes[k + 4]) }
            node = Int(nodes[k])
        }
        let out = current.vertexCount
        let id = nodes.count / 5
        nodes.append(head[v])
        nodes.append(p)
        nodes.append(vt)
        nodes.append(vn)
        nodes.append(Int32(out))
        head[v] = Int32(id)
        current.vertices.append(Int32(v))
        current.vertices.append(vt)
        current.vertices.append(vn)
        if t >= 0 { current.withTexcoord += 1 }
        if n >= 0 { current.withNormal += 1 }
        return out
    }

    /// A 0-based index from a written one; -1 when it cannot exist in a file this size.
    @inline(__always)
    mutating func resolve(_ raw: Int32, _ line: Int, defined: Int, known: Int, kind: Int) throws -> Int {
        if raw < 0 {
            let r = defined + Int(raw)
            guard r >= 0 else {
                throw error(line, "face \(OBJAssembler.kindName[kind]) index \(raw) is out of range (\(defined) \(OBJAssembler.kindPlural[kind]) before it)")
            }
            return r
        }
        let a = Int(raw) - 1
        if a >= known {
            let list = forward[kind]
            if list.isEmpty || list[list.count - 1].index < a { forward[kind].append((line, a)) }
            if a >= maxElements { return -1 }
        }
        return a
    }

    static let kindName = ["vertex", "texture coordinate", "normal"]
    static let kindPlural = ["vertices", "texture coordinates", "normals"]

    mutating func polygon(_ corners: UnsafeBufferPointer<Int32>, _ start: Int, _ n: Int, _ line: Int,
                 _ lv: Int, _ lt: Int, _ ln: Int, _ knownV: Int, _ knownT: Int, _ knownN: Int) throws {
        var outputs = [UInt32]()
        var posIndex = [Int]()
        outputs.reserveCapacity(n)
        posIndex.reserveCapacity(n)
        var valid = true
        for k in 0..<n {
            let o = try weld(corners, start + k * 3, line, lv, lt, ln, knownV, knownT, knownN)
            if o < 0 { valid = false }
            outputs.append(UInt32(truncatingIfNeeded: o))
            let raw = corners[start + k * 3]
            posIndex.append(raw < 0 ? lv + Int(raw) : Int(raw) - 1)
        }
        guard valid else { return }
        if posIndex.allSatisfy({ $0 < lv }) {
            emitPolygon(into: &current, outputs, posIndex)
        } else {
            deferredPolygons.append((currentPrimitive, outputs, posIndex))
        }
    }

    func emitPolygon(into builder: inout PrimitiveBuilder, _ outputs: [UInt32], _ posIndex: [Int]) {
        let points = posIndex.map { i -> Vec3 in
            guard i * 3 + 2 < positions.count else { return .zero }
            return Vec3(positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2])
        }
        for k in PolygonTriangulator.triangulate(points) { builder.indices.append(outputs[k]) }
    }

    // MARK: - State statements

    mutating func apply(_ event: OBJChunk.Event) throws {
        let line = lineBase + event.line + 1
        switch event.kind {
        case .object(let name):
            object = name.isEmpty ? nil : name
            group = nil
            stateChanged = true
        case .group(let name):
            group = name.isEmpty || name == "default" ? nil : name
            stateChanged = true
        case .useMaterial(let name):
            material = name.isEmpty ? nil : name
            stateChanged = true
            if validating, !name.isEmpty, !materialUseIndex.contains(name) {
                materialUseIndex.insert(name)
                materialUses.append((name, line))
            }
        case .library(let names):
            if !names.isEmpty { libraries.append((names, line)) }
        case .skipped(let keyword):
            if let s = skipped[keyword] {
                skipped[keyword] = (s.count + 1, s.line)
            } else {
                skipped[keyword] = (1, line)
                skippedOrder.append(keyword)
            }
        case .warning(let message):
            log.append(Diagnostic(code: DiagnosticCode.objDegenerateFace.id, severity: .warning,
                                  message: message, location: .line(line)))
        case .malformed(let message, let badIndex):
            log.append(badIndex ? .objIndexOutOfRange : .objMalformedStatement, message, at: .line(line))
        }
    }

    mutating func resolvePrimitive() {
        let key = (object ?? "") + "\u{0}" + (group ?? "") + "\u{0}" + (object == nil ? "0" : "1") + (group == nil ? "0" : "1")
        let segment: Int
        if let s = segmentIndex[key] {
            segment = s
        } else {
            segment = segments.count
            segments.append((object, group))
            segmentIndex[key] = segment
        }
        var mat: Int?
        if let material {
            if let m = materialIndex[material] {
                mat = m
            } else {
                mat = materials.count
                materialIndex[material] = materials.count
                materials.append(material)
            }
        }
        let pkey = SIMD2(segment, mat ?? -1)
        stateChanged = false
        let target: Int
        if let p = primitiveIndex[pkey] {
            target = p
        } else {
            target = primitives.count
            primitiveIndex[pkey] = primitives.count
            primitives.append(PrimitiveBuilder(segment: segment, material: mat))
        }
        guard target != currentPrimitive else { return }
        park()
        swap(&current, &primitives[target])
        currentPrimitive = target
    }

    /// Moves the current builder back into `primitives`.
    mutating func park() {
        if currentPrimitive >= 0 { swap(&current, &primitives[currentPrimitive]) }
        currentPrimitive = -1
    }

    // MARK: - Finishing

    /// Checks forward references against the final counts and triangulates deferred polygons.
    mutating func finish() throws {
        let totals = [definedV, definedT, definedN]
        var first: (line: Int, index: Int, kind: Int)?
        for kind in 0..<3 {
            guard let bad = forward[kind].first(where: { $0.index >= totals[kind] }) else { continue }
            if let f = first, f.line <= bad.line { continue }
            first = (bad.line, bad.index, kind)
        }
        if let f = first {
            let what = f.kind == 0 ? "face index" : "face \(OBJAssembler.kindName[f.kind]) index"
            throw error(f.line, "\(what) \(f.index + 1) is out of range (\(totals[f.kind]) \(OBJAssembler.kindPlural[f.kind]))")
        }
        park()
        colorScale = OBJAssembler.colorScale(colors)
        for d in deferredPolygons { emitPolygon(into: &primitives[d.primitive], d.outputs, d.positions) }
        deferredPolygons = []
        head = []
        nodes = []
        reportSkipped()
    }

    /// One note per kind of statement read past, at its first line.
    mutating func reportSkipped() {
        for keyword in skippedOrder {
            guard let s = skipped[keyword] else { continue }
            let what: String
            switch keyword {
            case "l": what = "line elements (l)"
            case "p": what = "point elements (p)"
            default: what = "'\(keyword)' statements"
            }
            log.append(Diagnostic(code: DiagnosticCode.objUnsupportedStatement.id, severity: .information,
                                  message: "\(s.count) \(what) skipped (not supported)", location: .line(s.line)))
        }
    }
}
