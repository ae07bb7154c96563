import OysterCore

// MARK: - Accessor elements where they lie
// glTF 2.0 §3.6.2 (accessor data layout, matrix column padding) and §3.6.2.3 (sparse accessors).

/// The byte layout of one accessor element as glTF stores it: matrices with 1- or 2-byte
/// components pad each column to 4 bytes (spec §3.6.2.4, "Data Alignment").
public struct ElementLayout: Hashable, Sendable {
    public let componentType: ComponentType
    public let elementType: ElementType
    /// Columns and rows (1 column for scalars and vectors).
    public let columns: Int
    public let rows: Int
    /// Bytes of one column in the buffer (padded) and in a `DataArray` (packed).
    public let paddedColumnSize: Int
    public let packedColumnSize: Int

    public init(_ componentType: ComponentType, _ elementType: ElementType) {
        self.componentType = componentType
        self.elementType = elementType
        switch elementType {
        case .mat2: (columns, rows) = (2, 2)
        case .mat3: (columns, rows) = (3, 3)
        case .mat4: (columns, rows) = (4, 4)
        default: (columns, rows) = (1, elementType.componentCount)
        }
        packedColumnSize = rows * componentType.byteSize
        paddedColumnSize = columns > 1 ? (packedColumnSize + 3) & ~3 : packedColumnSize
    }

    /// Bytes of one element packed (a `DataArray`'s stride).
    public var packedSize: Int { columns * packedColumnSize }
    /// Bytes of one element in a buffer, padding included (the default byte stride).
    public var paddedSize: Int { columns * paddedColumnSize }
    /// Bytes the last element of a run needs: the padding after its last column is not
    /// required (the reference validator's `elementLength`: a MAT3 of bytes needs 11, not 12).
    public var lastElementSize: Int { (columns - 1) * paddedColumnSize + packedColumnSize }
    public var isPadded: Bool { paddedSize != packedSize }

    /// Byte offset of each component within an element, column padding included.
    public var componentOffsets: [Int] {
        (0..<(columns * rows)).map { c in (c / rows) * paddedColumnSize + (c % rows) * componentType.byteSize }
    }
}

/// An accessor's elements where they lie: `count` elements `stride` bytes apart in a buffer
/// slice, with sparse substitutes. The one accessor reader: the scene resolver packs a view
/// into a `DataArray`, the validator scans it in place. Callers check a document's claims and
/// report them their own way (the resolver throws, the validator reports); a view only exists
/// for claims that fit the bytes.
public struct AccessorView: Sendable {
    public let layout: ElementLayout
    public let normalized: Bool
    public let count: Int
    /// The bytes elements are read from; nil when the accessor has no bufferView (zeros).
    public let data: ArraySlice<UInt8>?
    /// Where element 0 starts, relative to `data.startIndex`.
    public let offset: Int
    public let stride: Int
    public let sparse: Sparse?

    /// Sparse substitutes (§3.6.2.3): element `indices[k]` takes the value at slot `k`.
    public struct Sparse: Sendable {
        public let indices: [Int]
        /// The values, tightly packed as glTF stores them (`paddedSize` apart from `offset`).
        public let values: ArraySlice<UInt8>
        public let offset: Int

        /// Checks that `indexCount` indices of `indexType` and as many values of `layout` fit
        /// their slices, and reads the indices; nil when they do not fit.
        public init?(indices: ArraySlice<UInt8>, indexOffset: Int, indexType: ComponentType, indexCount: Int,
                     values: ArraySlice<UInt8>, valueOffset: Int, layout: ElementLayout) {
            guard indexCount >= 0, indexOffset >= 0, valueOffset >= 0,
                  indexOffset <= indices.count, indexCount <= (indices.count - indexOffset) / indexType.byteSize,
                  valueOffset <= values.count, indexCount <= (values.count - valueOffset) / max(1, layout.paddedSize) else { return nil }
            let start = indices.startIndex + indexOffset
            self.indices = (0..<indexCount).map { k in
                let p = start + k * indexType.byteSize
                switch indexType {
                case .uint8, .int8: return Int(indices[p])
                case .uint16, .int16: return Int(indices[p]) | Int(indices[p + 1]) << 8
                default: return Int(indices[p]) | Int(indices[p + 1]) << 8 | Int(indices[p + 2]) << 16 | Int(indices[p + 3]) << 24
                }
            }
            self.values = values
            self.offset = valueOffset
        }
    }

    /// A view of `count` elements from `offset` in `data`, `stride` apart (the padded element
    /// size when nil); nil when they do not fit `data`. Without `data` the elements are zeros.
    public init?(layout: ElementLayout, normalized: Bool, count: Int, data: ArraySlice<UInt8>?, offset: Int = 0,
                 stride: Int? = nil, sparse: Sparse? = nil) {
        let stride = stride ?? layout.paddedSize
        guard count >= 0, offset >= 0, stride >= 0 else { return nil }
        if let data, count > 0 {
            // Bounded first so the product cannot overflow.
            guard offset <= data.count, count <= data.count,
                  stride == 0 || count - 1 <= (data.count - offset) / stride,
                  offset + stride * (count - 1) + layout.lastElementSize <= data.count else { return nil }
        }
        self.layout = layout
        self.normalized = normalized
        self.count = count
        self.data = data
        self.offset = offset
        self.stride = stride
        self.sparse = sparse
    }

    public var componentType: ComponentType { layout.componentType }
    public var elementType: ElementType { layout.elementType }
    public var components: Int { layout.elementType.componentCount }
    /// Elements come straight from one buffer view (no sparse substitution).
    public var isDense: Bool { sparse == nil && data != nil }

    // MARK: - Packing (the reader)

    /// The elements packed as a `DataArray` holds them, sparse substitutes applied (indices
    /// outside `0..<count` are skipped: callers that must refuse them check first).
    public func packedBytes() -> [UInt8] {
        let packed = layout.packedSize
        var bytes: [UInt8]
        if let data {
            bytes = Self.gather(data, from: offset, stride: stride, count: count, layout: layout)
        } else {
            bytes = [UInt8](repeating: 0, count: count * packed)
        }
        if let sparse, !sparse.indices.isEmpty {
            let values = Self.gather(sparse.values, from: sparse.offset, stride: layout.paddedSize, count: sparse.indices.count, layout: layout)
            for (k, target) in sparse.indices.enumerated() where target >= 0 && target < count {
                bytes.replaceSubrange((target * packed)..<((target + 1) * packed), with: values[(k * packed)..<((k + 1) * packed)])
            }
        }
        return bytes
    }

    /// Copies `count` elements starting at `start`, `stride` bytes apart, into packed form:
    /// one memcpy when the source is already packed, else one per element (or column).
    static func gather(_ src: ArraySlice<UInt8>, from start: Int, stride: Int, count: Int, layout: ElementLayout) -> [UInt8] {
        let packed = layout.packedSize
        if count == 0 { return [] }
        if stride == packed && !layout.isPadded {
            let base = src.startIndex + start
            return Array(src[base..<(base + count * packed)])
        }
        return [UInt8](unsafeUninitializedCapacity: count * packed) { out, initialized in
            src.withUnsafeBytes { raw in
                guard let base = raw.baseAddress, let dst = out.baseAddress else { return }
                var s = base + start
                var d = UnsafeMutableRawPointer(dst)
                if layout.isPadded {
                    for _ in 0..<count {
                        for c in 0..<layout.columns {
                            (d + c * layout.packedColumnSize).copyMemory(from: s + c * layout.paddedColumnSize, byteCount: layout.packedColumnSize)
                        }
                        s += stride
                        d += packed
                    }
                } else {
                    for _ in 0..<count {
                        d.copyMemory(from: s, byteCount: packed)
                        s += stride
                        d += packed
                    }
                }
            }
            initialized = count * packed
        }
    }

    // MARK: - Scanning in place (the validator)

    /// Runs `body` over the raw bytes of a dense view: the bytes, where element 0 starts, the
    /// stride and each component's offset in an element. Nil for a sparse or zero view.
    public func withDenseBytes<R>(_ body: (UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ componentOffsets: [Int]) -> R) -> R? {
        guard isDense, let data else { return nil }
        let offsets = layout.componentOffsets
        return data.withUnsafeBytes { body($0, offset, stride, offsets) }
    }

    /// Calls `body` with each element's raw component values (not normalized), sparse
    /// substitutes applied (a later substitute of the same element wins).
    public func forEachElement(_ body: (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
        var slotOf: [Int: Int] = [:]
        if let sparse { for (k, i) in sparse.indices.enumerated() { slotOf[i] = k } }
        let offsets = layout.componentOffsets
        let n = components
        let ct = componentType
        let elementSize = layout.paddedSize
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 16) { comps in
            func run(_ raw: UnsafeRawBufferPointer?) {
                for i in 0..<count {
                    if let k = slotOf[i], let sparse {
                        sparse.values.withUnsafeBytes { s in
                            let p = sparse.offset + k * elementSize
                            for c in 0..<n { comps[c] = Self.load(s, p + offsets[c], ct) }
                        }
                    } else if let raw {
                        let p = offset + i * stride
                        for c in 0..<n { comps[c] = Self.load(raw, p + offsets[c], ct) }
                    } else {
                        for c in 0..<n { comps[c] = 0 }
                    }
                    body(i, comps)
                }
            }
            if let data { data.withUnsafeBytes { run($0) } } else { run(nil) }
        }
    }

    /// A raw component value as the normalized float the GPU sees.
    @inline(__always)
    public func normalize(_ x: Double) -> Double {
        guard normalized else { return x }
        switch componentType {
        case .int8: return max(x / 127, -1)
        case .uint8: return x / 255
        case .int16: return max(x / 32767, -1)
        case .uint16: return x / 65535
        default: return x
        }
    }

    @inline(__always)
    static func load(_ raw: UnsafeRawBufferPointer, _ p: Int, _ ct: ComponentType) -> Double {
        switch ct {
        case .int8: return Double(raw.loadUnaligned(fromByteOffset: p, as: Int8.self))
        case .uint8: return Double(raw[p])
        case .int16: return Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: Int16.self)))
        case .uint16: return Double(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt16.self)))
        case .uint32: return Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
        case .float32: return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self))))
        }
    }
}
