/// A strict RFC 8259 JSON parser working on bytes.
///
/// - Integers that fit in Int64 become `.int`; every other number becomes `.double`.
/// - Strings are validated as UTF-8 and escapes are checked (lone surrogates are rejected).
/// - Object member order and repeated keys are kept (see `JSONObject`).
/// - Nesting uses an explicit stack bounded by `JSONLimits.maxDepth`, so hostile input
///   cannot overflow the call stack.
public enum JSONParser {
    /// Parses one JSON document (a UTF-8 byte array, no byte order mark).
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .init()) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer, limits: limits)
            do throws(JSONError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one JSON document from a slice (e.g. a GLB JSON chunk); offsets are relative to the slice start.
    public static func parse(_ bytes: ArraySlice<UInt8>, limits: JSONLimits = .init()) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(buffer, limits: limits)
            do throws(JSONError) { return .success(try parser.parseDocument()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses one JSON document held in a string.
    public static func parse(_ text: String, limits: JSONLimits = .init()) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }
}

// MARK: - Parser state

private enum Frame {
    case array, object
}

private enum Byte {
    static let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, slash: UInt8 = 0x2F
    static let comma: UInt8 = 0x2C, colon: UInt8 = 0x3A
    static let openBrace: UInt8 = 0x7B, closeBrace: UInt8 = 0x7D
    static let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    static let minus: UInt8 = 0x2D, plus: UInt8 = 0x2B, dot: UInt8 = 0x2E
    static let zero: UInt8 = 0x30, nine: UInt8 = 0x39
}

private struct Parser {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let limits: JSONLimits
    var i = 0

    init(_ p: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.p = p
        self.n = p.count
        self.limits = limits
    }

    // MARK: - Document

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        guard n <= limits.maxInputSize else {
            throw JSONError(.sizeExceeded, at: 0, "JSON input of \(n) bytes exceeds the limit of \(limits.maxInputSize) bytes")
        }
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            throw JSONError(.byteOrderMark, at: 0, "BOM found at the beginning of UTF-8 stream")
        }
        // Open containers, innermost last. Elements live in separate stacks so appends mutate
        // the innermost container in place (a copy per append would be quadratic).
        var kinds: [Frame] = []
        var arrays: [[JSONValue]] = []
        var objects: [[(key: String, value: JSONValue)]] = []
        var keys: [String] = []
        var value: JSONValue
        parsing: while true {
            // A value starts here.
            skipWhitespace()
            guard i < n else { throw end(kinds.isEmpty ? "expected a JSON value" : "unterminated \(kinds.last == .array ? "array" : "object")") }
            switch p[i] {
            case Byte.openBrace, Byte.openBracket:
                guard kinds.count < limits.maxDepth else {
                    throw JSONError(.depthExceeded, at: i, "nesting deeper than \(limits.maxDepth) levels")
                }
                let isObject = p[i] == Byte.openBrace
                i += 1
                skipWhitespace()
                if isObject {
                    if i < n, p[i] == Byte.closeBrace {
                        i += 1
                        value = .object(JSONObject())
                    } else {
                        keys.append(try parseKey())
                        objects.append([])
                        kinds.append(.object)
                        continue parsing
                    }
                } else {
                    if i < n, p[i] == Byte.closeBracket {
                        i += 1
                        value = .array([])
                    } else {
                        arrays.append([])
                        kinds.append(.array)
                        continue parsing
                    }
                }
            case Byte.quote: value = .string(try parseString())
            case 0x74: try literal("true"); value = .bool(true)
            case 0x66: try literal("false"); value = .bool(false)
            case 0x6E: try literal("null"); value = .null
            case Byte.minus, Byte.zero...Byte.nine: value = try parseNumber()
            default: throw unexpected("expected a JSON value")
            }
            // A value is complete: attach it to the open containers, closing them as they end.
            while let kind = kinds.last {
                skipWhitespace()
                guard i < n else { throw end("unterminated \(kind == .array ? "array" : "object")") }
                if kind == .array {
                    arrays[arrays.count - 1].append(value)
                    if p[i] == Byte.comma {
                        i += 1
                        continue parsing
                    }
                    guard p[i] == Byte.closeBracket else { throw unexpected("expected ',' or ']' in array") }
                    i += 1
                    kinds.removeLast()
                    value = .array(arrays.removeLast())
                } else {
                    objects[objects.count - 1].append((key: keys.removeLast(), value: value))
                    if p[i] == Byte.comma {
                        i += 1
                        skipWhitespace()
                        keys.append(try parseKey())
                        continue parsing
                    }
                    guard p[i] == Byte.closeBrace else { throw unexpected("expected ',' or '}' in object") }
                    i += 1
                    kinds.removeLast()
                    value = .object(JSONObject(objects.removeLast()))
                }
            }
            skipWhitespace()
            guard i == n else { throw JSONError(.trailingContent, at: i, "unexpected content after the JSON value") }
            return value
        }
    }

    // MARK: - Tokens

    @inline(__always)
    mutating func skipWhitespace() {
        while i < n {
            let b = p[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    func end(_ what: String) -> JSONError {
        JSONError(.unexpectedEnd, at: i, "unexpected end of input: \(what)")
    }

    func unexpected(_ what: String) -> JSONError {
        guard i < n else { return end(what) }
        let b = p[i]
        let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x\(String(b, radix: 16))"
        return JSONError(.unexpectedCharacter, at: i, "unexpected \(shown): \(what)")
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let start = i
        let count = word.utf8CodeUnitCount
        let w = word.utf8Start
        for k in 0..<count {
            guard i < n else { throw end("incomplete literal") }
            guard p[i] == w[k] else {
                throw JSONError(.unexpectedCharacter, at: start, "invalid literal (expected '\(word)')")
            }
            i += 1
        }
    }

    /// An object key and its colon; `i` is at the opening quote.
    mutating func parseKey() throws(JSONError) -> String {
        guard i < n else { throw end("expected an object key") }
        guard p[i] == Byte.quote else { throw unexpected("expected a string key") }
        let key = try parseString()
        skipWhitespace()
        guard i < n else { throw end("expected ':' after object key") }
        guard p[i] == Byte.colon else { throw unexpected("expected ':' after object key") }
        i += 1
        return key
    }

    // MARK: - Strings

    /// A string; `i` is at the opening quote.
    mutating func parseString() throws(JSONError) -> String {
        let open = i
        i += 1
        let start = i
        // Fast path: no escapes, so the bytes are the string.
        while i < n {
            let b = p[i]
            if b == Byte.quote {
                let length = i - start
                guard length <= limits.maxStringLength else {
                    throw JSONError(.stringTooLong, at: open, "string of \(length) bytes exceeds the limit of \(limits.maxStringLength)")
                }
                i += 1
                return String(decoding: UnsafeBufferPointer(rebasing: p[start..<(start + length)]), as: UTF8.self)
            }
            if b == Byte.backslash { break }
            if b < 0x20 { throw JSONError(.invalidString, at: i, "unescaped control character in string") }
            if b < 0x80 { i += 1 } else { i += try utf8SequenceLength() }
        }
        guard i < n else { throw end("unterminated string") }
        // Slow path: unescape into a scratch buffer.
        var out = [UInt8](UnsafeBufferPointer(rebasing: p[start..<i]))
        while i < n {
            let b = p[i]
            if b == Byte.quote {
                guard out.count <= limits.maxStringLength else {
                    throw JSONError(.stringTooLong, at: open, "string of \(out.count) bytes exceeds the limit of \(limits.maxStringLength)")
                }
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == Byte.backslash {
                try parseEscape(into: &out)
            } else if b < 0x20 {
                throw JSONError(.invalidString, at: i, "unescaped control character in string")
            } else if b < 0x80 {
                out.append(b)
                i += 1
            } else {
                let len = try utf8SequenceLength()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<(i + len)]))
                i += len
            }
            if out.count > limits.maxStringLength {
                throw JSONError(.stringTooLong, at: open, "string exceeds the limit of \(limits.maxStringLength) bytes")
            }
        }
        throw end("unterminated string")
    }

    /// One escape sequence; `i` is at the backslash.
    mutating func parseEscape(into out: inout [UInt8]) throws(JSONError) {
        let at = i
        i += 1
        guard i < n else { throw end("unterminated escape") }
        let e = p[i]
        i += 1
        switch e {
        case Byte.quote, Byte.backslash, Byte.slash: out.append(e)
        case 0x62: out.append(0x08)  // b
        case 0x66: out.append(0x0C)  // f
        case 0x6E: out.append(0x0A)  // n
        case 0x72: out.append(0x0D)  // r
        case 0x74: out.append(0x09)  // t
        case 0x75:  // u
            var scalar = try hex4(escapeAt: at)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard i + 1 < n, p[i] == Byte.backslash, p[i + 1] == 0x75 else {
                    throw JSONError(.invalidEscape, at: at, "unpaired high surrogate in \\u escape")
                }
                i += 2
                let low = try hex4(escapeAt: at)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw JSONError(.invalidEscape, at: at, "high surrogate not followed by a low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw JSONError(.invalidEscape, at: at, "unpaired low surrogate in \\u escape")
            }
            appendUTF8(scalar, to: &out)
        default:
            throw JSONError(.invalidEscape, at: at, "invalid escape sequence")
        }
    }

    mutating func hex4(escapeAt at: Int) throws(JSONError) -> UInt32 {
        guard i + 4 <= n else { throw end("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw JSONError(.invalidEscape, at: at, "invalid hex digit in \\u escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    func appendUTF8(_ s: UInt32, to out: inout [UInt8]) {
        if s < 0x80 {
            out.append(UInt8(s))
        } else if s < 0x800 {
            out.append(UInt8(0xC0 | s >> 6)); out.append(UInt8(0x80 | s & 0x3F))
        } else if s < 0x10000 {
            out.append(UInt8(0xE0 | s >> 12)); out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        } else {
            out.append(UInt8(0xF0 | s >> 18)); out.append(UInt8(0x80 | s >> 12 & 0x3F))
            out.append(UInt8(0x80 | s >> 6 & 0x3F)); out.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// Length of the well-formed UTF-8 sequence at `i` (lead byte ≥ 0x80), per Unicode Table 3-7.
    func utf8SequenceLength() throws(JSONError) -> Int {
        let b0 = p[i]
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        let length: Int
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; hi = 0x9F
        case 0xF0: length = 4; lo = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; hi = 0x8F
        default: throw JSONError(.invalidUTF8, at: i, "invalid UTF-8 lead byte 0x\(String(b0, radix: 16))")
        }
        guard i + length <= n else { throw JSONError(.invalidUTF8, at: i, "truncated UTF-8 sequence") }
        let b1 = p[i + 1]
        guard b1 >= lo && b1 <= hi else { throw JSONError(.invalidUTF8, at: i, "invalid UTF-8 sequence") }
        for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 {
            throw JSONError(.invalidUTF8, at: i, "invalid UTF-8 sequence")
        }
        return length
    }

    // MARK: - Numbers

    /// A number per RFC 8259 §6; `i` is at its first byte.
    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = i
        var negative = false
        if p[i] == Byte.minus {
            negative = true
            i += 1
        }
        guard i < n, isDigit(p[i]) else { throw JSONError(.invalidNumber, at: start, "invalid number: expected a digit") }
        // Mantissa digits accumulate while they fit; `significant` counts them.
        var mantissa: UInt64 = 0
        var digits = 0
        var overflow = false
        if p[i] == Byte.zero {
            i += 1
            if i < n, isDigit(p[i]) { throw JSONError(.invalidNumber, at: start, "invalid number: leading zero") }
        } else {
            while i < n, isDigit(p[i]) {
                accumulate(p[i], &mantissa, &digits, &overflow)
                i += 1
            }
        }
        var fractionDigits = 0
        var isInteger = true
        if i < n, p[i] == Byte.dot {
            isInteger = false
            i += 1
            guard i < n, isDigit(p[i]) else { throw JSONError(.invalidNumber, at: start, "invalid number: expected a digit after '.'") }
            while i < n, isDigit(p[i]) {
                accumulate(p[i], &mantissa, &digits, &overflow)
                if !overflow { fractionDigits += 1 }
                i += 1
            }
        }
        var exponent = 0
        if i < n, p[i] == 0x65 || p[i] == 0x45 {
            isInteger = false
            i += 1
            var expNegative = false
            if i < n, p[i] == Byte.plus || p[i] == Byte.minus {
                expNegative = p[i] == Byte.minus
                i += 1
            }
            guard i < n, isDigit(p[i]) else { throw JSONError(.invalidNumber, at: start, "invalid number: expected a digit in exponent") }
            while i < n, isDigit(p[i]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] - Byte.zero) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        if isInteger && !overflow {
            if negative {
                if mantissa <= UInt64(Int64.max) + 1 {
                    return mantissa == 0 ? .int(0) : .int(Int64(truncatingIfNeeded: 0 &- mantissa))
                }
            } else if mantissa <= UInt64(Int64.max) {
                return .int(Int64(mantissa))
            }
        }
        // Exact fast path (Clinger): mantissa and power of ten both exact in a Double.
        let e10 = exponent - fractionDigits
        if !overflow, mantissa <= 1 << 53, e10 >= -22, e10 <= 22 {
            var d = Double(mantissa)
            d = e10 < 0 ? d / powersOfTen[-e10] : d * powersOfTen[e10]
            return .double(negative ? -d : d)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self)
        guard let d = Double(text), d.isFinite || limits.infiniteNumbers else {
            throw JSONError(.invalidNumber, at: start, "number \(text.prefix(40)) is out of range")
        }
        return .double(d)
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool { b >= Byte.zero && b <= Byte.nine }

    @inline(__always)
    func accumulate(_ b: UInt8, _ mantissa: inout UInt64, _ digits: inout Int, _ overflow: inout Bool) {
        guard !overflow else { return }
        let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
        let (m2, o2) = m1.addingReportingOverflow(UInt64(b - Byte.zero))
        if o1 || o2 { overflow = true } else { mantissa = m2; digits += 1 }
    }
}

private let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
