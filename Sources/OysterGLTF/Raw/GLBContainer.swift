import OysterCore

/// The GLB binary container: a 12-byte header and 8-byte-headed chunks. One parser serves
/// the reader and the validator (cgltf's parse stage); encoding is here too.
///
/// Spec: https://registry.khronos.org/glTF/specs/2.0/glTF-2.0.html#glb-file-format-specification (§4.4)
public enum GLB {
    public static let magic: UInt32 = 0x4654_6C67  // "glTF"
    public static let jsonChunkType: UInt32 = 0x4E4F_534A  // "JSON"
    public static let binChunkType: UInt32 = 0x004E_4942  // "BIN\0"
    public static let headerSize = 12
    public static let chunkHeaderSize = 8

    /// True when `bytes` start with the GLB magic.
    public static func isGLB(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4 && readUInt32(bytes, 0) == magic
    }

    /// What a GLB holds: its JSON and BIN chunks (slices of the file's bytes, so their indices
    /// are file offsets) and every container problem found, with the Khronos validator's codes.
    public struct Container: Sendable {
        /// The header's version (2 for a readable file).
        public var version: UInt32 = 0
        /// The header's total length.
        public var declaredLength = 0
        /// The JSON chunk; nil when the container is too broken to have one.
        public var json: ArraySlice<UInt8>?
        /// The BIN chunk, when the container has one.
        public var bin: ArraySlice<UInt8>?
        /// Container problems at byte offsets, in file order.
        public var diagnostics: [Diagnostic] = []

        mutating func add(_ code: DiagnosticCode, offset: Int, _ message: String? = nil) {
            diagnostics.append(code.diagnostic(message, at: .offset(offset)))
        }
    }

    /// Splits a GLB into its chunks and reports what is wrong with the container (§4.4), the
    /// way the Khronos validator's glb_reader.dart does: never throws; a file too broken to
    /// hold a JSON chunk has `json == nil`. The reader and the validator both start here.
    public static func read(_ d: [UInt8]) -> Container {
        var out = Container()
        func u32(_ o: Int) -> Int { Int(readUInt32(d, o)) }
        func hex(_ v: Int) -> String { let s = String(v, radix: 16); return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s }
        guard d.count >= headerSize else { out.add(.glbUnexpectedEndOfHeader, offset: d.count); return out }
        if u32(0) != Int(magic) { out.add(.glbInvalidMagic, offset: 0, "Invalid GLB magic value (\(u32(0)))."); return out }
        out.version = UInt32(u32(4))
        if u32(4) != 2 { out.add(.glbInvalidVersion, offset: 4, "Invalid GLB version value \(u32(4))."); return out }
        let length = u32(8)
        out.declaredLength = length
        if length <= headerSize {
            out.add(.glbLengthTooSmall, offset: 8, "Declared GLB length (\(length)) is too small.")
            if length != d.count { out.add(.glbLengthMismatch, offset: d.count, "Declared length (\(length)) does not match GLB length (\(d.count)).") }
            return out
        }
        var o = headerSize
        var index = 0
        var seenJSON = false, seenBIN = false
        while o < length && o < d.count {
            guard o + chunkHeaderSize <= d.count else {
                out.add(.glbUnexpectedEndOfChunkHeader, offset: d.count)
                out.json = nil
                out.bin = nil
                return out
            }
            let start = o
            let len = u32(o)
            let type = u32(o + 4)
            o += chunkHeaderSize
            guard len <= d.count - o else {
                out.add(.glbUnexpectedEndOfChunkData, offset: d.count)
                out.json = nil
                out.bin = nil
                return out
            }
            if o + len > length { out.add(.glbChunkTooBig, offset: start, "Chunk (\(hex(type))) length (\(len)) does not fit the declared GLB length.") }
            if len % 4 != 0 { out.add(.glbChunkLengthUnaligned, offset: start, "Length of \(hex(type)) chunk is not a multiple of 4.") }
            let data = d[o..<(o + len)]
            switch UInt32(type) {
            case jsonChunkType:
                if len == 0 { out.add(.glbEmptyChunk, offset: start, "Chunk (\(hex(type))) cannot have zero length.") }
                if seenJSON {
                    out.add(.glbDuplicateChunk, offset: start, "Chunk of type \(hex(type)) has already been used.")
                } else {
                    seenJSON = true
                    // An empty JSON chunk followed by more chunks is still handed to the JSON parser.
                    if len > 0 || o < min(length, d.count) { out.json = data }
                }
            case binChunkType:
                if index == 0 { out.add(.glbUnexpectedFirstChunk, offset: start, "First chunk must be JSON, found \(hex(type)).") }
                if len == 0 { out.add(.glbEmptyBinChunk, offset: start) }
                if seenBIN {
                    out.add(.glbDuplicateChunk, offset: start, "Chunk of type \(hex(type)) has already been used.")
                } else {
                    if index > 1 { out.add(.glbUnexpectedBinChunk, offset: start) }
                    seenBIN = true
                    if index == 0 || len > 0 { out.bin = data }
                }
            default:
                if index == 0 { out.add(.glbUnexpectedFirstChunk, offset: start, "First chunk must be JSON, found \(hex(type)).") }
                out.add(.glbUnknownChunkType, offset: start, "Unknown GLB chunk type \(hex(type)).")
            }
            o += len
            index += 1
        }
        if o != length || d.count < length {
            out.add(.glbLengthMismatch, offset: d.count, "Declared length (\(length)) does not match GLB length (\(d.count)).")
        } else if d.count > length {
            out.add(.glbExtraData, offset: length, "Extra data after the end of the GLB stream.")
        }
        return out
    }

    // MARK: - Encoding

    /// A GLB file from a JSON document and an optional BIN chunk; both are padded to 4 bytes
    /// (JSON with spaces, BIN with zeros), as §4.4.3 requires.
    public static func encode(json: [UInt8], bin: [UInt8]?) -> [UInt8] {
        let jsonPadded = (json.count + 3) & ~3
        let binPadded = bin.map { ($0.count + 3) & ~3 }
        let total = headerSize + chunkHeaderSize + jsonPadded + (binPadded.map { chunkHeaderSize + $0 } ?? 0)
        var out = [UInt8]()
        out.reserveCapacity(total)
        appendUInt32(&out, magic)
        appendUInt32(&out, 2)
        appendUInt32(&out, UInt32(total))
        appendUInt32(&out, UInt32(jsonPadded))
        appendUInt32(&out, jsonChunkType)
        out.append(contentsOf: json)
        out.append(contentsOf: repeatElement(0x20, count: jsonPadded - json.count))
        if let bin, let binPadded {
            appendUInt32(&out, UInt32(binPadded))
            appendUInt32(&out, binChunkType)
            out.append(contentsOf: bin)
            out.append(contentsOf: repeatElement(0, count: binPadded - bin.count))
        }
        return out
    }

    // MARK: - Little-endian helpers

    static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    static func appendUInt32(_ out: inout [UInt8], _ v: UInt32) {
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 24))
    }
}
