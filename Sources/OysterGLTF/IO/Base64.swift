/// Standard base64 (RFC 4648 §4) with padding, as data URIs use: the reader decodes leniently,
/// the validator strictly (as the reference's Dart decoder does).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodeTable: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "-"))] = 62  // base64url, seen in the wild
        t[Int(UInt8(ascii: "_"))] = 63
        return t
    }()

    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let outCount = (bytes.count + 2) / 3 * 4
        return [UInt8](unsafeUninitializedCapacity: outCount) { out, count in
            bytes.withUnsafeBufferPointer { src in
                alphabet.withUnsafeBufferPointer { a in
                    var i = 0, o = 0
                    let n = src.count
                    while i + 3 <= n {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2])
                        out[o] = a[Int(v >> 18)]
                        out[o + 1] = a[Int(v >> 12 & 63)]
                        out[o + 2] = a[Int(v >> 6 & 63)]
                        out[o + 3] = a[Int(v & 63)]
                        i += 3
                        o += 4
                    }
                    if n - i == 1 {
                        let v = UInt32(src[i]) << 16
                        out[o] = a[Int(v >> 18)]; out[o + 1] = a[Int(v >> 12 & 63)]; out[o + 2] = 0x3D; out[o + 3] = 0x3D
                        o += 4
                    } else if n - i == 2 {
                        let v = UInt32(src[i]) << 16 | UInt32(src[i + 1]) << 8
                        out[o] = a[Int(v >> 18)]; out[o + 1] = a[Int(v >> 12 & 63)]; out[o + 2] = a[Int(v >> 6 & 63)]; out[o + 3] = 0x3D
                        o += 4
                    }
                    count = o
                }
            }
        }
    }

    /// Decodes base64 text; nil when it is not base64. Lenient (the reader's default):
    /// whitespace is skipped, `-`/`_` (base64url) are accepted, padding is optional. Strict (the
    /// validator's): only the standard alphabet, and padding only as the last 1–2 of a length
    /// that is a multiple of 4.
    public static func decode<C: Collection>(_ text: C, strict: Bool = false) -> [UInt8]? where C.Element == UInt8 {
        if let result = text.withContiguousStorageIfAvailable({ decode(buffer: $0, strict: strict) }) { return result }
        return Array(text).withUnsafeBufferPointer { decode(buffer: $0, strict: strict) }
    }

    static func decode(buffer text: UnsafeBufferPointer<UInt8>, strict: Bool = false) -> [UInt8]? {
        if strict {
            var padding = 0
            for c in text {
                if c == 0x3D { padding += 1; continue }
                // After padding nothing else; outside padding only the standard alphabet.
                if padding > 0 || c == 0x2D || c == 0x5F || decodeTable[Int(c)] == 0xFF { return nil }
            }
            if padding > 2 || (padding > 0 && text.count % 4 != 0) { return nil }
        }
        var failed = false
        let result = decodeTable.withUnsafeBufferPointer { table in
            [UInt8](unsafeUninitializedCapacity: text.count / 4 * 3 + 3) { out, count in
                var acc: UInt32 = 0, bits: UInt32 = 0, o = 0
                var sawPadding = false
                for c in text {
                    let d = table[Int(c)]
                    if d == 0xFF {
                        if c == 0x3D { sawPadding = true; continue }
                        if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
                        failed = true
                        break
                    }
                    if sawPadding { failed = true; break }
                    acc = acc << 6 | UInt32(d)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out[o] = UInt8(truncatingIfNeeded: acc >> bits)
                        o += 1
                    }
                }
                // A single leftover sextet cannot encode a byte (the strict reading drops it, as
                // the reference validator does).
                if bits >= 6 && !strict { failed = true }
                count = o
            }
        }
        return failed ? nil : result
    }
}
