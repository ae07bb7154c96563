/// Deterministic, allocation-free number and name formatting for OBJ/MTL text.
enum TextFormatting {
    /// Appends `v` in plain decimal with up to six fractional digits (trailing zeros dropped);
    /// very large or very small magnitudes use Swift's shortest round-trip form (`1e-07`).
    @inline(__always) static func appendFloat(_ v: Float, to out: inout [UInt8]) {
        guard v.isFinite else {
            out.append(0x30)
            return
        }
        let magnitude = abs(Double(v))
        if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e9) {
            out.append(contentsOf: "\(v)".utf8)
            return
        }
        let scaled = UInt64((magnitude * 1_000_000).rounded())
        if scaled == 0 {
            out.append(0x30)
            return
        }
        if v < 0 { out.append(0x2D) }
        appendInt(Int(scaled / 1_000_000), to: &out)
        var frac = Int(scaled % 1_000_000)
        guard frac != 0 else { return }
        out.append(0x2E)
        var digits = 6
        while frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { b in
            var f = frac
            for i in stride(from: digits - 1, through: 0, by: -1) {
                b[i] = UInt8(0x30 + f % 10)
                f /= 10
            }
            for i in 0..<digits { out.append(b[i]) }
        }
    }

    @inline(__always) static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 {
            out.append(0x2D)
            appendInt(-v, to: &out)
            return
        }
        if v < 10 {
            out.append(UInt8(0x30 + v))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { b in
            var n = v, i = 20
            while n > 0 {
                i -= 1
                b[i] = UInt8(0x30 + n % 10)
                n /= 10
            }
            while i < 20 {
                out.append(b[i])
                i += 1
            }
        }
    }

    static func append(_ s: String, to out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    /// An OBJ/MTL name: one token (whitespace, `#` and control characters become `_`);
    /// non-ASCII letters are kept as UTF-8.
    static func objName(_ s: String?, fallback: String) -> String {
        let raw = (s ?? "").unicodeScalars.map { c -> Character in
            c.value <= 0x20 || c == "#" || c == "\\" || c.value == 0x7F ? "_" : Character(c)
        }
        let name = String(raw)
        return name.isEmpty ? fallback : name
    }

    /// A portable file name: ASCII letters, digits, `.`, `_`, `-` only.
    static func fileName(_ s: String) -> String {
        let mapped = s.unicodeScalars.map { c -> Character in
            (c.value < 128 && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-")) ? Character(c) : "_"
        }
        var name = String(mapped)
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "texture" : name
    }
}
