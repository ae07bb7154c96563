import OysterCore

// MARK: - Validation: face checks instead of welding

extension OBJAssembler {
    /// Validating: checks one face's indices, drops it with a diagnostic when one cannot exist,
    /// warns when it has fewer than three distinct positions, and counts its corners with and
    /// without vt/vn for the mixed-attribute warning. Indices past the count known so far are
    /// forward references: legal when the vertex comes later, so they are decided in
    /// `finishValidation`.
    mutating func checkFace(_ corners: UnsafeBufferPointer<Int32>, _ start: Int, _ n: Int, _ line: Int,
                            _ lv: Int, _ lt: Int, _ ln: Int, _ knownV: Int, _ knownT: Int, _ knownN: Int) {
        var pending: (v: Int32, t: Int32, n: Int32) = (-1, -1, -1)
        var withT = 0, withN = 0
        // The first two distinct positions; a third distinct one makes the face a real polygon.
        var p0 = -1, p1 = -1
        var distinct = 0
        for k in 0..<n {
            let i = start + k * 3
            let rawV = corners[i], rawT = corners[i + 1], rawN = corners[i + 2]
            guard let v = checkIndex(rawV, line, defined: lv, known: knownV, kind: 0, pending: &pending.v) else { return }
            if rawT != 0 {
                guard checkIndex(rawT, line, defined: lt, known: knownT, kind: 1, pending: &pending.t) != nil else { return }
                withT += 1
            }
            if rawN != 0 {
                guard checkIndex(rawN, line, defined: ln, known: knownN, kind: 2, pending: &pending.n) != nil else { return }
                withN += 1
            }
            if distinct < 3 && v != p0 && v != p1 {
                if distinct == 0 { p0 = v } else if distinct == 1 { p1 = v }
                distinct += 1
            }
        }
        if pending.v >= 0 || pending.t >= 0 || pending.n >= 0 {
            pendingFaces.append((line, pending.v, pending.t, pending.n))
        }
        if distinct < 3 {
            log.append(.objDegenerateFace, "face has \(distinct) distinct vertices (a face needs at least 3)", at: .line(line))
        }
        current.corners += n
        current.withTexcoord += withT
        current.withNormal += withN
    }

    /// A 0-based index, or nil (with a diagnostic) when it is relative and points before the
    /// first element. Forward references raise `pending` to their index.
    @inline(__always)
    private mutating func checkIndex(_ raw: Int32, _ line: Int, defined: Int, known: Int, kind: Int, pending: inout Int32) -> Int? {
        if raw < 0 {
            let r = defined + Int(raw)
            guard r >= 0 else {
                log.append(.objIndexOutOfRange,
                           "face \(OBJAssembler.kindName[kind]) index \(raw) is out of range (\(defined) \(OBJAssembler.kindPlural[kind]) before it)",
                           at: .line(line))
                return nil
            }
            return r
        }
        let a = Int(raw) - 1
        if a >= known && Int32(a) > pending { pending = Int32(a) }
        return a
    }

    /// Validating: decides forward references against the final counts, then notes skipped
    /// statements and primitives whose corners mix present and absent vt/vn. The file's own
    /// diagnostics end up in line order (forward references are only known at the end).
    mutating func finishValidation() {
        park()
        let totals = [definedV, definedT, definedN]
        for face in pendingFaces {
            let maxima = [Int(face.v), Int(face.t), Int(face.n)]
            guard let kind = (0..<3).first(where: { maxima[$0] >= totals[$0] }) else { continue }
            let what = kind == 0 ? "face index" : "face \(OBJAssembler.kindName[kind]) index"
            log.append(.objIndexOutOfRange,
                       "\(what) \(maxima[kind] + 1) is out of range (\(totals[kind]) \(OBJAssembler.kindPlural[kind]))",
                       at: .line(face.line))
        }
        pendingFaces = []
        reportSkipped()
        log.stableSort { ($0.location.lineNumber ?? .max) < ($1.location.lineNumber ?? .max) }
        for b in primitives where b.corners > 0 {
            let mixed = (b.withNormal > 0 && b.withNormal < b.corners) || (b.withTexcoord > 0 && b.withTexcoord < b.corners)
            guard mixed else { continue }
            let seg = segments[b.segment]
            let label = seg.group ?? seg.object ?? OBJPaths.stem(fileName)
            log.append(.objPartialAttribute,
                       "'\(label)': some face corners lack normals or texture coordinates that others have; filled with defaults")
        }
    }
}
