import OysterCore

/// The binary buffer being planned: each piece records where it goes and how its elements
/// are spaced, and `write(into:)` fills the final buffer once, with bulk copies. Planning
/// first lets GLB output be assembled in a single allocation.
struct BinaryLayout {
    struct Piece {
        let offset: Int
        let source: [UInt8]
        /// Packed bytes per element in `source` (0: copy `source` whole).
        let elementSize: Int
        /// Bytes between elements in the output.
        let stride: Int
        /// Matrix columns that need 4-byte padding (1 otherwise).
        let columns: Int
        let packedColumnSize: Int
        let paddedColumnSize: Int
    }

    private(set) var pieces: [Piece] = []
    private(set) var length = 0

    /// Appends bytes as they are, 4-byte aligned; returns their offset.
    mutating func append(_ bytes: [UInt8]) -> Int {
        let offset = (length + 3) & ~3
        pieces.append(Piece(offset: offset, source: bytes, elementSize: 0, stride: 0, columns: 1, packedColumnSize: 0, paddedColumnSize: 0))
        length = offset + bytes.count
        return offset
    }

    /// Appends the elements of `data` `stride` bytes apart (with glTF's matrix column padding),
    /// 4-byte aligned; returns the offset and the byte length used.
    mutating func append(_ data: DataArray, stride: Int) -> (offset: Int, length: Int) {
        let layout = ElementLayout(data.componentType, data.elementType)
        if stride == layout.packedSize && !layout.isPadded {
            let offset = append(data.bytes)
            return (offset, data.bytes.count)
        }
        let offset = (length + 3) & ~3
        let count = data.count
        // Whole strides, so loaders that view stride × count bytes stay inside the buffer.
        let byteLength = stride * count
        pieces.append(Piece(offset: offset, source: data.bytes, elementSize: layout.packedSize, stride: stride,
                            columns: layout.columns, packedColumnSize: layout.packedColumnSize, paddedColumnSize: layout.paddedColumnSize))
        length = offset + byteLength
        return (offset, byteLength)
    }

    /// Length rounded up to 4, as buffers and GLB chunks want.
    var paddedLength: Int { (length + 3) & ~3 }

    /// Writes every piece into `base` (which holds `paddedLength` bytes); gaps become zeros.
    func write(into base: UnsafeMutableRawPointer) {
        base.initializeMemory(as: UInt8.self, repeating: 0, count: paddedLength)
        for piece in pieces {
            piece.source.withUnsafeBytes { src in
                guard let s = src.baseAddress, !src.isEmpty else { return }
                let d = base + piece.offset
                if piece.elementSize == 0 {
                    d.copyMemory(from: s, byteCount: src.count)
                    return
                }
                let count = src.count / piece.elementSize
                if piece.columns == 1 {
                    for e in 0..<count {
                        (d + e * piece.stride).copyMemory(from: s + e * piece.elementSize, byteCount: piece.elementSize)
                    }
                } else {
                    for e in 0..<count {
                        for c in 0..<piece.columns {
                            (d + e * piece.stride + c * piece.paddedColumnSize)
                                .copyMemory(from: s + e * piece.elementSize + c * piece.packedColumnSize, byteCount: piece.packedColumnSize)
                        }
                    }
                }
            }
        }
    }

    /// The whole buffer as an array.
    func bytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: paddedLength) { buffer, count in
            if let base = buffer.baseAddress { write(into: UnsafeMutableRawPointer(base)) }
            count = paddedLength
        }
    }
}
