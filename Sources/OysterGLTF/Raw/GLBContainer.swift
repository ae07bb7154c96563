import OysterCore

/// The GLB binary container: a 12-byte header and 8-byte-headed chunks.
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

    /// One chunk's place in the file.
    public struct Chunk: Hashable, Sendable {
        public var type: UInt32
        /// Offset of the chunk's data (after its 8-byte header).
        public var dataOffset: Int
        public var length: Int
    }

    /// The header and chunk table of a GLB file.
    public struct Layout: Hashable, Sendable {
        public var version: UInt32
        public var declaredLength: Int
        public var chunks: [Chunk]
        public var json: Chunk
        public var bin: Chunk?
    }

    /// Checks the header and chunk table against the real file size (§4.4.2–4.4.3).
    /// Structural problems throw; oddities that readers can skip become diagnostics.
    public static func parseLayout(_ bytes: [UInt8], diagnostics: inout [Diagnostic]) throws -> Layout {
        guard bytes.count >= headerSize else {
            throw GLTFError("GLB: file is \(bytes.count) bytes, shorter than the 12-byte header", code: "GLB_UNEXPECTED_END_OF_HEADER", offset: 0)
        }
        guard readUInt32(bytes, 0) == magic else { throw GLTFError("GLB: bad magic", code: "GLB_INVALID_MAGIC", offset: 0) }
        let version = readUInt32(bytes, 4)
        guard version == 2 else {
            throw GLTFError("GLB: unsupported container version \(version) (expected 2)", code: "GLB_INVALID_VERSION", offset: 4)
        }
        let declared = Int(readUInt32(bytes, 8))
        guard declared <= bytes.count else {
            throw GLTFError("GLB: header declares \(declared) bytes but the file has \(bytes.count) (truncated?)", code: "GLB_LENGTH_TOO_SMALL", offset: 8)
        }
        if declared < bytes.count {
            diagnostics.append(Diagnostic(code: "GLB_LENGTH_MISMATCH", severity: .warning,
                message: "GLB header declares \(declared) bytes; \(bytes.count - declared) trailing bytes ignored", location: .offset(8)))
        }
        if declared % 4 != 0 {
            diagnostics.append(Diagnostic(code: "GLB_LENGTH_UNALIGNED", severity: .warning,
                message: "GLB length \(declared) is not a multiple of 4", location: .offset(8)))
        }
        var chunks: [Chunk] = []
        var offset = headerSize
        while offset < declared {
            guard declared - offset >= chunkHeaderSize else {
                throw GLTFError("GLB: chunk header at byte \(offset) is cut off", code: "GLB_CHUNK_TOO_BIG", offset: offset)
            }
            let length = Int(readUInt32(bytes, offset))
            let type = readUInt32(bytes, offset + 4)
            let dataOffset = offset + chunkHeaderSize
            guard length <= declared - dataOffset else {
                throw GLTFError("GLB: chunk at byte \(offset) declares \(length) bytes but only \(declared - dataOffset) remain", code: "GLB_CHUNK_TOO_BIG", offset: offset)
            }
            if length % 4 != 0 {
                diagnostics.append(Diagnostic(code: "GLB_CHUNK_LENGTH_UNALIGNED", severity: .warning,
                    message: "GLB chunk length \(length) is not a multiple of 4", location: .offset(offset)))
            }
            chunks.append(Chunk(type: type, dataOffset: dataOffset, length: length))
            offset = dataOffset + length
        }
        guard let first = chunks.first else {
            throw GLTFError("GLB: no JSON chunk", code: "GLB_MISSING_JSON_CHUNK", offset: headerSize)
        }
        guard first.type == jsonChunkType else {
            throw GLTFError("GLB: the first chunk is not JSON", code: "GLB_UNEXPECTED_FIRST_CHUNK", offset: headerSize)
        }
        var bin: Chunk?
        for (k, chunk) in chunks.enumerated().dropFirst() {
            switch chunk.type {
            case binChunkType where k == 1:
                bin = chunk
            case binChunkType, jsonChunkType:
                diagnostics.append(Diagnostic(code: "GLB_DUPLICATE_CHUNK", severity: .warning,
                    message: "GLB: extra \(chunk.type == binChunkType ? "BIN" : "JSON") chunk ignored", location: .offset(chunk.dataOffset - chunkHeaderSize)))
            default:
                diagnostics.append(Diagnostic(code: "GLB_UNKNOWN_CHUNK_TYPE", severity: .warning,
                    message: "GLB: unknown chunk type 0x\(String(chunk.type, radix: 16)) ignored", location: .offset(chunk.dataOffset - chunkHeaderSize)))
            }
        }
        return Layout(version: version, declaredLength: declared, chunks: chunks, json: first, bin: bin)
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
