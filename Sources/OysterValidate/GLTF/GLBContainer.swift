import OysterCore

// MARK: - GLB structure stage
// glTF 2.0 §4.4 (GLB file format): 12-byte header, then chunks of (length, type, data).

struct GLBChunks {
    var json: ArraySlice<UInt8>?
    var bin: ArraySlice<UInt8>?
}

/// Splits a GLB into its JSON and BIN chunks, reporting container problems at byte offsets.
func readGLB(_ d: [UInt8], _ ctx: IssueContext) -> GLBChunks {
    var out = GLBChunks()
    func u32(_ o: Int) -> Int { Int(d[o]) | Int(d[o + 1]) << 8 | Int(d[o + 2]) << 16 | Int(d[o + 3]) << 24 }
    func hex(_ v: Int) -> String { let s = String(v, radix: 16); return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s }
    guard d.count >= 12 else { ctx.add(.glbUnexpectedEndOfHeader, offset: d.count); return out }
    if u32(0) != 0x4654_6C67 { ctx.add(.glbInvalidMagic, offset: 0, "Invalid GLB magic value (\(u32(0)))."); return out }
    if u32(4) != 2 { ctx.add(.glbInvalidVersion, offset: 4, "Invalid GLB version value \(u32(4))."); return out }
    let length = u32(8)
    if length <= 12 {
        ctx.add(.glbLengthTooSmall, offset: 8, "Declared GLB length (\(length)) is too small.")
        if length != d.count { ctx.add(.glbLengthMismatch, offset: d.count, "Declared length (\(length)) does not match GLB length (\(d.count)).") }
        return out
    }
    var o = 12
    var index = 0
    var seenJSON = false, seenBIN = false
    while o < length && o < d.count {
        guard o + 8 <= d.count else { ctx.add(.glbUnexpectedEndOfChunkHeader, offset: d.count); return GLBChunks() }
        let start = o
        let len = u32(o)
        let type = u32(o + 4)
        o += 8
        guard o + len <= d.count else { ctx.add(.glbUnexpectedEndOfChunkData, offset: d.count); return GLBChunks() }
        if o + len > length { ctx.add(.glbChunkTooBig, offset: start, "Chunk (\(hex(type))) length (\(len)) does not fit the declared GLB length.") }
        if len % 4 != 0 { ctx.add(.glbChunkLengthUnaligned, offset: start, "Length of \(hex(type)) chunk is not a multiple of 4.") }
        let data = d[o..<(o + len)]
        switch type {
        case 0x4E4F_534A:  // JSON
            if len == 0 { ctx.add(.glbEmptyChunk, offset: start, "Chunk (\(hex(type))) cannot have zero length.") }
            if seenJSON {
                ctx.add(.glbDuplicateChunk, offset: start, "Chunk of type \(hex(type)) has already been used.")
            } else {
                seenJSON = true
                // An empty JSON chunk followed by more chunks is still handed to the JSON parser.
                if len > 0 || o < min(length, d.count) { out.json = data }
            }
        case 0x004E_4942:  // BIN
            if index == 0 { ctx.add(.glbUnexpectedFirstChunk, offset: start, "First chunk must be JSON, found \(hex(type)).") }
            if len == 0 { ctx.add(.glbEmptyBinChunk, offset: start) }
            if seenBIN {
                ctx.add(.glbDuplicateChunk, offset: start, "Chunk of type \(hex(type)) has already been used.")
            } else {
                if index > 1 { ctx.add(.glbUnexpectedBinChunk, offset: start) }
                seenBIN = true
                if index == 0 || len > 0 { out.bin = data }
            }
        default:
            if index == 0 { ctx.add(.glbUnexpectedFirstChunk, offset: start, "First chunk must be JSON, found \(hex(type)).") }
            ctx.add(.glbUnknownChunkType, offset: start, "Unknown GLB chunk type \(hex(type)).")
        }
        o += len
        index += 1
    }
    if o != length || d.count < length {
        ctx.add(.glbLengthMismatch, offset: d.count, "Declared length (\(length)) does not match GLB length (\(d.count)).")
    } else if d.count > length {
        ctx.add(.glbExtraData, offset: length, "Extra data after the end of the GLB stream.")
    }
    return out
}

