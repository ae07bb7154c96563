// MARK: - Byte-level number parsing
//
// The OBJ hot path: numbers are read straight from the file bytes, without a String per line
// or strtod per token. Decimal mantissas of up to 19 digits with exponents |e| ≤ 22 convert
// exactly through Double (both operands are exact, the division/multiplication is correctly
// rounded); anything longer takes the slow, exact path through the standard library.

@usableFromInline let asciiSpace: UInt8 = 0x20, asciiTab: UInt8 = 0x09, asciiCR: UInt8 = 0x0D
@usableFromInline let asciiLF: UInt8 = 0x0A, asciiHash: UInt8 = 0x23, asciiSlash: UInt8 = 0x2F
@usableFromInline let asciiBackslash: UInt8 = 0x5C, asciiMinus: UInt8 = 0x2D, asciiPlus: UInt8 = 0x2B
@usableFromInline let asciiDot: UInt8 = 0x2E, ascii0: UInt8 = 0x30

/// Exact powers of ten representable in Double.
@usableFromInline let exactPowersOfTen: [Double] = (0...22).map { e in
    var d = 1.0
    for _ in 0..<e { d *= 10 }
    return d
}

/// A cursor over a byte range with OBJ's lexical rules: spaces, tabs and CR separate tokens,
/// `\` before a line feed joins lines, `#` starts a comment.
struct ByteScanner {
    var p: UnsafePointer<UInt8>
    let end: UnsafePointer<UInt8>
    /// Line feeds crossed so far (0-based line of `p` within the scanned range).
    var line: Int = 0

    init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) {
        self.p = start
        self.end = end
    }

    @inline(__always) var atEnd: Bool { p >= end }

    /// True when `q` points at a backslash that continues the line (`\` LF or `\` CR LF).
    @inline(__always) func isContinuation(_ q: UnsafePointer<UInt8>) -> Bool {
        guard q[0] == asciiBackslash else { return false }
        if q + 1 < end && q[1] == asciiLF { return true }
        return q + 2 < end && q[1] == asciiCR && q[2] == asciiLF
    }

    /// Skips spaces, tabs, CR and line continuations (counting the joined lines).
    @inline(__always) mutating func skipSpaces() {
        while p < end {
            let c = p[0]
            if c == asciiSpace || c == asciiTab || c == asciiCR {
                p += 1
            } else if c == asciiBackslash && isContinuation(p) {
                p += p[1] == asciiLF ? 2 : 3
                line += 1
            } else {
                return
            }
        }
    }

    /// True at a line feed, a comment or the end (after `skipSpaces`).
    @inline(__always) var atLineEnd: Bool { p >= end || p[0] == asciiLF || p[0] == asciiHash }

    /// Moves past the end of the current line (honouring continuations), counting it.
    mutating func skipLine() {
        while p < end {
            let c = p[0]
            if c == asciiLF {
                p += 1
                line += 1
                return
            }
            if c == asciiBackslash && isContinuation(p) {
                p += p[1] == asciiLF ? 2 : 3
                line += 1
                continue
            }
            p += 1
        }
    }

    /// True when the byte ends a number token.
    @inline(__always) func isDelimiter(_ q: UnsafePointer<UInt8>) -> Bool {
        guard q < end else { return true }
        let c = q[0]
        return c == asciiSpace || c == asciiTab || c == asciiCR || c == asciiLF || c == asciiHash
            || c == asciiSlash || (c == asciiBackslash && isContinuation(q))
    }

    /// True when a number could start here.
    @inline(__always) var atNumberStart: Bool {
        guard p < end else { return false }
        let c = p[0]
        return (c &- ascii0) < 10 || c == asciiMinus || c == asciiPlus || c == asciiDot
    }

    /// Parses a decimal float (`-1.5`, `.5`, `2e-3`); nil when the token is not a number.
    @inline(__always) mutating func parseFloat() -> Float? {
        let start = p
        var q = p
        var negative = false
        if q < end && (q[0] == asciiMinus || q[0] == asciiPlus) {
            negative = q[0] == asciiMinus
            q += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var tooLong = false
        while q < end {
            let d = q[0] &- ascii0
            if d >= 10 { break }
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                tooLong = true
            }
            q += 1
        }
        if q < end && q[0] == asciiDot {
            q += 1
            while q < end {
                let d = q[0] &- ascii0
                if d >= 10 { break }
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else {
                    tooLong = true
                }
                q += 1
            }
        }
        guard sawDigit else { return nil }
        if q < end && (q[0] | 0x20) == 0x65 {  // e or E
            q += 1
            var expNegative = false
            if q < end && (q[0] == asciiMinus || q[0] == asciiPlus) {
                expNegative = q[0] == asciiMinus
                q += 1
            }
            var e = 0
            var expDigits = false
            while q < end {
                let d = q[0] &- ascii0
                if d >= 10 { break }
                expDigits = true
                if e < 100_000 { e = e * 10 + Int(d) }
                q += 1
            }
            guard expDigits else { return nil }
            exponent += expNegative ? -e : e
        }
        guard isDelimiter(q) else { return nil }
        p = q
        var value: Double
        if tooLong || exponent < -22 || exponent > 22 {
            value = ByteScanner.slowParse(start, q)
        } else if exponent < 0 {
            value = Double(mantissa) / exactPowersOfTen[-exponent]
        } else {
            value = Double(mantissa) * exactPowersOfTen[exponent]
        }
        if negative { value = -value }
        let f = Float(value)
        return f.isFinite || !value.isFinite ? f : (value > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude)
    }

    /// Exact conversion of an unusual token (long mantissa, large exponent).
    static func slowParse(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: a, count: b - a), as: UTF8.self)
        let v = Double(text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text) ?? 0
        return v
    }

    /// Sentinels of `parseIndex` (real indices fit in Int32, so these cannot collide).
    static let emptyIndex = Int64.min, invalidIndex = Int64.min + 1, tooLargeIndex = Int64.min + 2

    /// Parses an optional signed integer index ending at a delimiter: the value, or
    /// `emptyIndex` (no digits), `invalidIndex` or `tooLargeIndex`.
    @inline(__always) mutating func parseIndex() -> Int64 {
        var q = p
        var negative = false
        if q < end {
            let c = q[0]
            if c == asciiMinus || c == asciiPlus {
                negative = c == asciiMinus
                q += 1
            }
        }
        let digitsStart = q
        var v: Int64 = 0
        while q < end {
            let d = q[0] &- ascii0
            if d >= 10 { break }
            if v < 1 << 40 { v = v &* 10 &+ Int64(d) }
            q += 1
        }
        if q == digitsStart {
            return q == p && isDelimiter(q) ? ByteScanner.emptyIndex : ByteScanner.invalidIndex
        }
        guard isDelimiter(q) else { return ByteScanner.invalidIndex }
        p = q
        if v > Int64(Int32.max) { return ByteScanner.tooLargeIndex }
        return negative ? -v : v
    }

    /// The rest of the line as text: trimmed, with a trailing `# comment` removed (a `#` counts
    /// as a comment only at the start or after whitespace, so names like `mat#1` survive),
    /// continuations joined with a space. Leaves `p` at the line feed.
    mutating func restOfLine() -> String {
        var bytes: [UInt8] = []
        while p < end {
            let c = p[0]
            if c == asciiLF { break }
            if c == asciiBackslash && isContinuation(p) {
                p += p[1] == asciiLF ? 2 : 3
                line += 1
                bytes.append(asciiSpace)
                continue
            }
            if c == asciiHash && (bytes.isEmpty || bytes.last == asciiSpace || bytes.last == asciiTab) {
                while p < end && p[0] != asciiLF { p += 1 }
                break
            }
            bytes.append(c == asciiTab ? asciiSpace : c)
            p += 1
        }
        while let last = bytes.last, last == asciiSpace || last == asciiCR { bytes.removeLast() }
        var start = 0
        while start < bytes.count && bytes[start] == asciiSpace { start += 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
