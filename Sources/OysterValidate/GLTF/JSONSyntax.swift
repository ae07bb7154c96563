import OysterJSON

// MARK: - JSON syntax stage

/// A JSON syntax error with the byte offset where parsing stopped.
struct JSONSyntaxError: Error {
    var message: String
    var offset: Int
}

/// Parses RFC 8259 JSON into `JSONValue`, keeping integers and doubles apart.
///
/// Kept inside the validator so syntax errors carry the wording and offsets the report needs;
/// nesting is capped so hostile input cannot exhaust the stack.
struct JSONSyntax {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private static let maxDepth = 512

    static func parse(_ data: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            throw JSONSyntaxError(message: "BOM found at the beginning of UTF-8 stream.", offset: 0)
        }
        var p = JSONSyntax(bytes: data)
        p.skipSpace()
        let v = try p.value()
        p.skipSpace()
        if p.i != data.count { throw p.fail("Unexpected character") }
        return v
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func fail(_ what: String) -> JSONSyntaxError {
        JSONSyntaxError(message: "\(what) (at offset \(i))", offset: i)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw fail("Unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("Unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("Unexpected end of input") }
        let w = word.utf8Start
        for k in 0..<n where bytes[i + k] != w[k] { i += k; throw fail("Unexpected character") }
        i += n
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        if depth > Self.maxDepth { throw fail("Nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members)) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw fail("Unexpected end of input") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw fail("Unexpected character") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("Unexpected character") }
            i += 1
            skipSpace()
            let v = try value()
            members.append((key, v))
            skipSpace()
            guard i < bytes.count else { throw fail("Unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(JSONObject(members)) }
            throw fail("Unexpected character")
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        if depth > Self.maxDepth { throw fail("Nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw fail("Unexpected end of input") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw fail("Unexpected character")
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        let start = i
        var simple = true
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                if simple {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return s
                }
                break
            }
            if c == UInt8(ascii: "\\") { simple = false; i += 2; continue }
            if c < 0x20 { throw fail("Control character in string") }
            i += 1
        }
        guard i < bytes.count else { throw fail("Unexpected end of input") }
        // Slow path: decode escapes.
        var out: [UInt8] = []
        var k = start
        while k < i {
            let c = bytes[k]
            if c != UInt8(ascii: "\\") { out.append(c); k += 1; continue }
            k += 1
            guard k < i else { break }
            let e = bytes[k]
            k += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var u = hex4(at: k) else { i = k; throw fail("Invalid escape") }
                k += 4
                if (0xD800..<0xDC00).contains(u), k + 6 <= i, bytes[k] == UInt8(ascii: "\\"), bytes[k + 1] == UInt8(ascii: "u"),
                    let lo = hex4(at: k + 2), (0xDC00..<0xE000).contains(lo)
                {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                    k += 6
                }
                let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                i = k - 1
                throw fail("Invalid escape")
            }
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }

    private func hex4(at k: Int) -> UInt32? {
        guard k + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for j in 0..<4 {
            let c = bytes[k + j]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        var isInt = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("Unexpected character") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 } }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInt = false
            i += 1
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("Unexpected character") }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInt = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw fail("Unexpected character") }
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if isInt, let v = Int64(text) { return .int(v) }
        return .double(Double(text) ?? .nan)
    }
}
