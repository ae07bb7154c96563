import CCodecs

/// Raw DEFLATE (RFC 1951) through zlib, as a zip entry of method 8 holds it.
enum Deflate {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `bytes` compressed at zlib `level` (0–9).
    static func compress(_ bytes: [UInt8], level: Int = 6) throws(Failure) -> [UInt8] {
        var buffer = cc_buffer()
        var error = cc_error()
        defer { cc_buffer_free(&buffer) }
        let status = bytes.withUnsafeBufferPointer { cc_deflate_raw($0.baseAddress, $0.count, Int32(level), &buffer, &error) }
        guard status == CC_OK else {
            let message = withUnsafeBytes(of: &error.message) { raw -> String in
                let b = raw.bindMemory(to: UInt8.self)
                return String(decoding: UnsafeBufferPointer(rebasing: b[..<(b.firstIndex(of: 0) ?? b.count)]), as: UTF8.self)
            }
            throw Failure(description: message.isEmpty ? "deflate failed (\(status))" : message)
        }
        guard let data = buffer.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
