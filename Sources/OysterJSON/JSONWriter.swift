/// Serializes `JSONValue`s deterministically: members in stored order, numbers in their
/// shortest round-trip form, and the same bytes for the same value on every run.
///
/// - Integers (`.int`) are written without a decimal point; doubles always carry one or an
///   exponent (`1.0`, `1e-07`), so reading the output back gives the same `JSONValue`.
/// - NaN and infinities have no JSON form; they are written as `null`.
/// - Strings escape `"`, `\` and control characters; other characters are written as UTF-8.
/// - `pretty` indents by two spaces and keeps arrays of scalars on one line.
public enum JSONWriter {
    /// The UTF-8 bytes of `value`.
    public static func write(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        append(value, to: &out, pretty: pretty, indent: 0)
        if pretty { out.append(0x0A) }
        return out
    }

    /// The JSON text of `value`.
    public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
        String(decoding: write(value, pretty: pretty), as: UTF8.self)
    }

    /// `s` as a JSON string literal with its quotes, for writers that stream JSON text.
    public static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Values

    private static func append(_ value: JSONValue, to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch value {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): appendInteger(i, to: &out)
        case .double(let d): appendDouble(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            let multiline = pretty && elements.contains { $0.isContainer }
            for (k, element) in elements.enumerated() {
                if k > 0 { out.append(0x2C); if pretty && !multiline { out.append(0x20) } }
                if multiline { newline(&out, indent + 1) }
                append(element, to: &out, pretty: pretty, indent: indent + 1)
            }
            if multiline { newline(&out, indent) }
            out.append(0x5D)
        case .object(let object):
            guard !object.isEmpty else { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            for (k, member) in object.members.enumerated() {
                if k > 0 { out.append(0x2C) }
                if pretty { newline(&out, indent + 1) }
                appendString(member.key, to: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                append(member.value, to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(&out, indent) }
            out.append(0x7D)
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    // MARK: - Scalars

    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value == 0 { out.append(0x30); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var magnitude = value.magnitude
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while magnitude > 0 {
                buf[count] = UInt8(magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            }
            if value < 0 { out.append(0x2D) }
            for k in stride(from: count - 1, through: 0, by: -1) { out.append(buf[k]) }
        }
    }

    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]); return }
        // Swift's description is the shortest text that round-trips, always with '.' or 'e'.
        out.append(contentsOf: value.description.utf8)
    }

    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            // Copy runs of bytes that need no escaping in bulk (data URIs are megabytes long).
            var runStart = 0
            for (k, b) in bytes.enumerated() where b == 0x22 || b == 0x5C || b < 0x20 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k]))
                runStart = k + 1
                switch b {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(b >> 4), hexDigit(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(0x22)
    }

    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
}

extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
