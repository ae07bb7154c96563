/// Parses one line-aligned slice of an OBJ file into an `OBJChunk`.
///
/// Reference: Wavefront OBJ (Appendix B1 of the Advanced Visualizer manual),
/// http://paulbourke.net/dataformats/obj/ — plus the de-facto extensions every exporter uses
/// (`v x y z r g b` colours, `usemtl` without `mtllib`).
///
/// Converting, the first malformed statement stops the slice (`chunk.error`): the file is
/// refused. Validating, it becomes a `.malformed` event and parsing goes on at the next line;
/// a broken `v`/`vt`/`vn` still counts as one element (so later indices mean what the author
/// meant and one typo does not put every following face out of range), a broken face is dropped.
struct OBJChunkParser {
    var s: ByteScanner
    var chunk: OBJChunk
    let validating: Bool
    /// Validating: malformed statements of each kind kept as events in this slice (0: all).
    /// The log keeps no more of a code than this, so later ones are only counted, and a file
    /// with a broken line on every line holds no message per line in memory.
    let eventLimit: Int
    var malformedEvents = (syntax: 0, index: 0)
    /// The recorded failure was a bad face index (index 0, or too large), not bad syntax.
    var failedOnIndex = false
    /// Position floats before the current `v` (a `v` that fails after its x y z is stored).
    var positionsBefore = 0

    /// A parser filling `recycled` (a merged slice's buffers) or fresh buffers.
    init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, recycled: OBJChunk? = nil, validating: Bool = false,
         eventLimit: Int = 0) {
        s = ByteScanner(start: start, end: end)
        chunk = recycled ?? OBJChunk()
        chunk.reset(forBytes: end - start)
        self.validating = validating
        self.eventLimit = eventLimit
    }

    /// Parses the whole slice; converting, stops at the first malformed statement (recorded in
    /// `error`); validating, records each as an event and goes on.
    mutating func parse() -> OBJChunk {
        while true {
            s.skipSpaces()
            if s.atEnd { break }
            let c = s.p[0]
            if c == asciiLF {
                s.p += 1
                s.line += 1
                continue
            }
            if c == asciiHash {
                s.skipLine()
                continue
            }
            let ok: Bool
            var element: UInt8 = 0
            let c1: UInt8 = s.p + 1 < s.end ? s.p[1] : asciiLF
            let sep1 = c1 == asciiSpace || c1 == asciiTab
            if c == 0x76 /* v */ && sep1 {
                s.p += 1
                element = c
                positionsBefore = chunk.positions.count
                ok = parseVertex()
            } else if c == 0x66 /* f */ && sep1 {
                s.p += 1
                ok = parseFace()
            } else if c == 0x76 && (c1 == 0x74 /* t */ || c1 == 0x6E /* n */) && s.p + 2 < s.end
                && (s.p[2] == asciiSpace || s.p[2] == asciiTab) {
                s.p += 2
                element = c1
                ok = c1 == 0x74 ? parseTexcoord() : parseNormal()
            } else {
                ok = parseStatement()
            }
            if !ok {
                guard validating else { break }
                recover(element: element)
                continue
            }
            // The statement must end here (a trailing comment is fine).
            s.skipSpaces()
            if !s.atLineEnd {
                fail("unexpected '\(tokenText())'")
                guard validating else { break }
                // The statement itself was read; only the junk after it is reported.
                recover(element: 0)
                continue
            }
            s.skipLine()
        }
        chunk.lineCount = s.line
        return chunk
    }

    // MARK: - Vertex data

    /// Three numbers separated by spaces (a `v` position or a `vn` normal).
    @inline(__always) mutating func threeNumbers() -> (Float, Float, Float)? {
        s.skipSpaces()
        guard let x = number() else { return nil }
        s.skipSpaces()
        guard let y = number() else { return nil }
        s.skipSpaces()
        guard let z = number() else { return nil }
        return (x, y, z)
    }

    mutating func parseVertex() -> Bool {
        guard let (x, y, z) = threeNumbers() else { return false }
        chunk.positions.append(x)
        chunk.positions.append(y)
        chunk.positions.append(z)
        s.skipSpaces()
        if s.atNumberStart {
            // w, or r g b, or w r g b.
            var extra: [Float] = []
            while s.atNumberStart && extra.count < 4 {
                guard let e = number() else { return false }
                extra.append(e)
                s.skipSpaces()
            }
            if extra.count >= 3 { appendColor(Array(extra.suffix(3))) } else if !chunk.colors.isEmpty { appendColor(OBJChunk.noColor) }
        } else if !chunk.colors.isEmpty {
            appendColor(OBJChunk.noColor)
        }
        return true
    }

    mutating func appendColor(_ rgb: [Float]) {
        if chunk.colors.isEmpty {
            chunk.colors = [Float](repeating: .nan, count: chunk.positions.count - 3)
        }
        chunk.colors.append(contentsOf: rgb)
    }

    mutating func parseTexcoord() -> Bool {
        s.skipSpaces()
        guard let u = number() else { return false }
        var v: Float = 0
        s.skipSpaces()
        if s.atNumberStart {
            guard let value = number() else { return false }
            v = value
            s.skipSpaces()
            if s.atNumberStart { guard number() != nil else { return false } }  // w
        }
        chunk.texcoords.append(u)
        chunk.texcoords.append(v)
        return true
    }

    mutating func parseNormal() -> Bool {
        guard let (x, y, z) = threeNumbers() else { return false }
        chunk.normals.append(x)
        chunk.normals.append(y)
        chunk.normals.append(z)
        return true
    }

    // MARK: - Faces

    mutating func parseFace() -> Bool {
        let line = s.line
        var n: UInt32 = 0
        var relative = false
        while true {
            s.skipSpaces()
            if s.atLineEnd { break }
            guard let v = index(required: true) else { return dropFace(n) }
            var vt: Int32 = 0, vn: Int32 = 0
            if s.p < s.end && s.p[0] == asciiSlash {
                s.p += 1
                guard let t = index(required: false) else { return dropFace(n) }
                vt = t
                if s.p < s.end && s.p[0] == asciiSlash {
                    s.p += 1
                    guard let nn = index(required: false) else { return dropFace(n) }
                    vn = nn
                }
            }
            if v < 0 || vt < 0 || vn < 0 { relative = true }
            chunk.corners.append(v)
            chunk.corners.append(vt)
            chunk.corners.append(vn)
            n += 1
        }
        if n < 3 {
            chunk.corners.removeLast(Int(n) * 3)
            chunk.events.append(.init(face: chunk.faceLines.count, line: line,
                                      kind: .warning("face with \(n) vertices skipped (a face needs at least 3)")))
            return true
        }
        if relative || n > 3 {
            chunk.faceCounts.append(n | OBJChunk.hasBaseFlag)
            chunk.faceBases.append(UInt32(chunk.positions.count / 3))
            chunk.faceBases.append(UInt32(chunk.texcoords.count / 2))
            chunk.faceBases.append(UInt32(chunk.normals.count / 3))
        } else {
            chunk.faceCounts.append(n)
        }
        chunk.faceLines.append(UInt32(truncatingIfNeeded: line))
        return true
    }

    /// Removes the corners a face that turned out malformed had appended; false.
    mutating func dropFace(_ corners: UInt32) -> Bool {
        chunk.corners.removeLast(Int(corners) * 3)
        return false
    }

    /// One index of a corner; 0 when an optional one is empty; nil (error recorded) when bad.
    @inline(__always) mutating func index(required: Bool) -> Int32? {
        let v = s.parseIndex()
        if v > 0 || (v < 0 && v > ByteScanner.tooLargeIndex) { return Int32(truncatingIfNeeded: v) }
        return badIndex(v, required: required)
    }

    mutating func badIndex(_ v: Int64, required: Bool) -> Int32? {
        switch v {
        case 0: fail("face index 0 is invalid (OBJ indices start at 1)", index: true)
        case ByteScanner.emptyIndex:
            if !required { return 0 }
            fail("face corner without a vertex index")
        case ByteScanner.tooLargeIndex: fail("face index '\(tokenText())' is too large", index: true)
        default: fail("unparseable face index '\(tokenText())'")
        }
        return nil
    }

    // MARK: - Statements

    mutating func parseStatement() -> Bool {
        let line = s.line
        let keywordStart = s.p
        while s.p < s.end {
            let c = s.p[0]
            if c == asciiSpace || c == asciiTab || c == asciiCR || c == asciiLF || c == asciiHash { break }
            s.p += 1
        }
        let keyword = String(decoding: UnsafeBufferPointer(start: keywordStart, count: s.p - keywordStart), as: UTF8.self)
        let rest = s.restOfLine()
        let face = chunk.faceLines.count
        switch keyword {
        case "o": chunk.events.append(.init(face: face, line: line, kind: .object(rest)))
        case "g": chunk.events.append(.init(face: face, line: line, kind: .group(rest)))
        case "usemtl": chunk.events.append(.init(face: face, line: line, kind: .useMaterial(rest)))
        case "mtllib": chunk.events.append(.init(face: face, line: line, kind: .library(rest)))
        case "s", "vp", "shadow_obj", "trace_obj", "maplib", "usemap", "lod", "bevel", "c_interp", "d_interp":
            break  // smoothing groups and rendering hints do not change glTF geometry
        default: chunk.events.append(.init(face: face, line: line, kind: .skipped(keyword)))
        }
        return true
    }

    // MARK: - Errors

    @inline(__always) mutating func number() -> Float? {
        if let v = s.parseFloat() { return v }
        if s.atLineEnd {
            fail("missing number")
        } else {
            fail("unparseable number '\(tokenText())'")
        }
        return nil
    }

    mutating func fail(_ message: String, index: Bool = false) {
        if chunk.error == nil {
            chunk.error = (s.line, message)
            failedOnIndex = index
        }
    }

    /// Validating: turns the recorded failure into an event and moves to the next line. A
    /// `v`/`vt`/`vn` that was not stored gets a zero placeholder, so it still counts.
    mutating func recover(element: UInt8) {
        if let e = chunk.error {
            let kept = failedOnIndex ? malformedEvents.index : malformedEvents.syntax
            if eventLimit > 0 && kept >= eventLimit {
                if failedOnIndex { chunk.unlistedMalformed.index += 1 } else { chunk.unlistedMalformed.syntax += 1 }
            } else {
                if failedOnIndex { malformedEvents.index += 1 } else { malformedEvents.syntax += 1 }
                chunk.events.append(.init(face: chunk.faceLines.count, line: e.line,
                                          kind: .malformed(e.message, badIndex: failedOnIndex)))
            }
        }
        chunk.error = nil
        failedOnIndex = false
        switch element {
        case 0x76 /* v */ where chunk.positions.count == positionsBefore:
            for _ in 0..<3 { chunk.positions.append(0) }
        case 0x74 /* vt */:
            for _ in 0..<2 { chunk.texcoords.append(0) }
        case 0x6E /* vn */:
            for _ in 0..<3 { chunk.normals.append(0) }
        default:
            break
        }
        s.skipLine()
    }

    /// The token at the cursor (for messages), at most 40 bytes.
    func tokenText() -> String {
        var q = s.p
        while q < s.end && q - s.p < 40 {
            let c = q[0]
            if c == asciiSpace || c == asciiTab || c == asciiCR || c == asciiLF { break }
            q += 1
        }
        return String(decoding: UnsafeBufferPointer(start: s.p, count: q - s.p), as: UTF8.self)
    }
}
