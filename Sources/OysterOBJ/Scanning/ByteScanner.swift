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

/// 10^e for 0 ≤ e ≤ 22 (exact in Double); a switch compiles to a constant table, where a
/// global array would cost a lazy-initialisation check per use.
@inline(__always) func exactPowerOfTen(_ e: Int) -> Double {
    switch e {
    case 0: return 1e0
    case 1: return 1e1
    case 2: return 1e2
    case 3: return 1e3
    case 4: return 1e4
    case 5: return 1e5
    case 6: return 1e6
    case 7: return 1e7
    case 8: return 1e8
    case 9: return 1e9
    case 10: return 1e10
    case 11: return 1e11
    case 12: return 1e12
    case 13: return 1e13
    case 14: return 1e14
    case 15: return 1e15
    case 16: return 1e16
    case 17: return 1e17
    case 18: return 1e18
    case 19: return 1e19
    case 20: return 1e20
    case 21: return 1e21
    default: return 1e22
    }
}

/// The leading ASCII digits of the 8 bytes at `q` (which must be readable): their value and
/// count (0–8), without a branch per digit (SWAR, as in simdjson's eight-digit parse).
@inline(__always) func leadingDigits(_ q: UnsafePointer<UInt8>) -> (value: UInt64, count: Int) {
    let x = UInt64(littleEndian: UnsafeRawPointer(q).loadUnaligned(as: UInt64.self))
    let high: UInt64 = 0x8080_8080_8080_8080
    // Per byte (7 low bits, then excluding bytes ≥ 0x80): ≥ '0' and ≥ ':' flags in bit 7.
    let atLeast0 = ((x | high) &- 0x3030_3030_3030_3030) & high
    let atLeastColon = ((x | high) &- 0x3A3A_3A3A_3A3A_3A3A) & high
    let digit = atLeast0 & ~atLeastColon & ~(x & high)
    let count = (~digit & high).trailingZeroBitCount >> 3
    guard count > 0 else { return (0, 0) }
    // Digits as 0…9 per byte, shifted so the last digit sits in the top byte.
    var v = (x &- 0x3030_3030_3030_3030) << UInt64((8 - count) * 8)
    if count < 8 { v &= ~((1 << UInt64((8 - count) * 8)) &- 1) }
    v = (v &* 10) &+ (v >> 8)
    v = (((v & 0x0000_00FF_0000_00FF) &* (100 &+ (1_000_000 << 32)))
        &+ (((v >> 16) & 0x0000_00FF_0000_00FF) &* (1 &+ (10_000 << 32)))) >> 32
    return (v, count)
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
        if end - p >= 24, let v = parseShortFloat() { return v }
        return parseFloatScalar()
    }

    /// The common case: at most 8 integer and 8 fraction digits, no exponent; nil sends the
    /// token to the general parser (without moving).
    @inline(__always) mutating func parseShortFloat() -> Float? {
        var q = p
        let negative = q[0] == asciiMinus
        if negative || q[0] == asciiPlus { q += 1 }
        let whole = leadingDigits(q)
        guard whole.count < 8 else { return nil }
        q += whole.count
        var mantissa = whole.value
        var fractionDigits = 0
        if q[0] == asciiDot {
            q += 1
            let fraction = leadingDigits(q)
            guard fraction.count < 8 else { return nil }
            q += fraction.count
            fractionDigits = fraction.count
            mantissa = mantissa &* UInt64(exactPowerOfTen(fraction.count)) &+ fraction.value
        }
        guard whole.count + fractionDigits > 0, (q[0] | 0x20) != 0x65, isDelimiter(q) else { return nil }
        p = q
        let value = Double(mantissa) / exactPowerOfTen(fractionDigits)
        return Float(negative ? -value : value)
    }

    mutating func parseFloatScalar() -> Float? {
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
            value = Double(mantissa) / exactPowerOfTen(-exponent)
        } else {
            value = Double(mantissa) * exactPowerOfTen(exponent)
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
        if end - q >= 8 {
            let lead = leadingDigits(q)
            if lead.count > 0 && lead.count < 8 {
                let after = q + lead.count
                if isDelimiter(after) {
                    p = after
                    return negative ? -Int64(lead.value) : Int64(lead.value)
                }
            }
        }
        let digitsStart = q
        var v: Int64 = 0
        // No overflow guard in the loop (it would serialise every digit on a compare);
        // more than 10 digits is too large whatever the wrapped value says.
        while q < end {
            let d = q[0] &- ascii0
            if d >= 10 { break }
            v = v &* 10 &+ Int64(d)
            q += 1
        }
        let digits = q - digitsStart
        if digits == 0 {
            return q == p && isDelimiter(q) ? ByteScanner.emptyIndex : ByteScanner.invalidIndex
        }
        guard isDelimiter(q) else { return ByteScanner.invalidIndex }
        if digits > 10 || v > Int64(Int32.max) { return ByteScanner.tooLargeIndex }
        p = q
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
