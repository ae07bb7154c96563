import OysterCore
import OysterJSON

/// The byte layout of one accessor element as glTF stores it: matrices with 1- or 2-byte
/// components pad each column to 4 bytes (spec §3.6.2.4, "Data Alignment").
struct ElementLayout {
    let componentType: ComponentType
    let elementType: ElementType
    /// Columns and rows (1 column for scalars and vectors).
    let columns: Int
    let rows: Int
    /// Bytes of one column in the buffer (padded) and in a `DataArray` (packed).
    let paddedColumnSize: Int
    let packedColumnSize: Int

    init(_ componentType: ComponentType, _ elementType: ElementType) {
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

    var packedSize: Int { columns * packedColumnSize }
    var paddedSize: Int { columns * paddedColumnSize }
    var isPadded: Bool { paddedSize != packedSize }
}

/// A checked window into a loaded buffer.
struct ViewSlice {
    let data: ArraySlice<UInt8>
    /// Offset of the view from `data.startIndex`.
    let start: Int
    let length: Int
    let stride: Int?
}

extension SceneResolver {
    // MARK: - Buffer views

    func bufferView(_ index: Int, for owner: String) throws -> ViewSlice {
        guard bufferViews.indices.contains(index) else {
            throw GLTFError("\(owner): bufferView \(index) does not exist", code: "UNRESOLVED_REFERENCE")
        }
        let f = try JSONFields(bufferViews[index], label: "bufferView \(index)", pointer: "/bufferViews/\(index)")
        let bufferIndex = try f.requiredIndex("buffer")
        guard buffers.indices.contains(bufferIndex) else {
            throw GLTFError("bufferView \(index): buffer \(bufferIndex) does not exist", code: "UNRESOLVED_REFERENCE", pointer: f.pointer + "/buffer")
        }
        let data: ArraySlice<UInt8>
        switch buffers[bufferIndex] {
        case .success(let bytes): data = bytes
        case .failure(let error): throw GLTFError("bufferView \(index): \(error.message)", code: error.code, pointer: error.pointer)
        }
        let offset = try f.index("byteOffset") ?? 0
        let length = try f.requiredIndex("byteLength")
        guard offset <= data.count, length <= data.count - offset else {
            throw GLTFError("bufferView \(index): byteOffset \(offset) + byteLength \(length) exceeds buffer \(bufferIndex)'s \(data.count) bytes",
                code: "BUFFER_VIEW_TOO_LONG", pointer: f.pointer)
        }
        var stride: Int?
        if let s = try f.index("byteStride") {
            guard s >= 4, s <= 252, s % 4 == 0 else {
                throw GLTFError("bufferView \(index): byteStride \(s) is not a multiple of 4 in 4...252", code: "VALUE_NOT_IN_RANGE", pointer: f.pointer + "/byteStride")
            }
            stride = s
        }
        return ViewSlice(data: data, start: offset, length: length, stride: stride)
    }

    // MARK: - Accessors

    /// The densified data of accessor `index`, cached so shared accessors share bytes.
    mutating func accessor(_ index: Int, for owner: String) throws -> DataArray {
        if let cached = accessorCache[index] { return cached }
        guard accessors.indices.contains(index) else {
            throw GLTFError("\(owner): accessor \(index) does not exist", code: "UNRESOLVED_REFERENCE")
        }
        let f = try JSONFields(accessors[index], label: "accessor \(index)", pointer: "/accessors/\(index)")
        let array = try readAccessor(f, zeroFilledAllowance: zeroFilledLimit - zeroFilledBytes)
        if f["bufferView"] == nil { zeroFilledBytes += array.bytes.count }
        accessorCache[index] = array
        return array
    }

    /// Reads one accessor. `zeroFilledAllowance` bounds an accessor without a bufferView: its
    /// size is only a claim, so it may not exceed what the file's real data makes plausible.
    func readAccessor(_ f: JSONFields, zeroFilledAllowance: Int) throws -> DataArray {
        let code = try f.requiredInt("componentType")
        guard let componentType = ComponentType(rawValue: code) else {
            throw GLTFError("\(f.label): componentType \(code) is not valid", code: "VALUE_NOT_IN_LIST", pointer: f.pointer + "/componentType")
        }
        guard let typeName = try f.string("type") else { throw f.fail("type", "is missing", code: "UNDEFINED_PROPERTY") }
        guard let elementType = ElementType(rawValue: typeName) else {
            throw GLTFError("\(f.label): type '\(typeName)' is not valid", code: "VALUE_NOT_IN_LIST", pointer: f.pointer + "/type")
        }
        let count = try f.requiredIndex("count")
        guard count >= 1 else { throw f.fail("count", "must be at least 1", code: "VALUE_NOT_IN_RANGE") }
        var normalized = try f.bool("normalized") ?? false
        if normalized && (componentType == .float32 || componentType == .uint32) {
            normalized = false  // invalid in glTF; the values are read as they are
        }
        let layout = ElementLayout(componentType, elementType)
        var bytes: [UInt8]
        if let viewIndex = try f.index("bufferView") {
            let view = try bufferView(viewIndex, for: f.label)
            let byteOffset = try f.index("byteOffset") ?? 0
            let stride = view.stride ?? layout.paddedSize
            if let s = view.stride, s < layout.paddedSize {
                throw GLTFError("\(f.label): bufferView \(viewIndex) byteStride \(s) is smaller than the \(layout.paddedSize)-byte element",
                    code: "ACCESSOR_SMALL_BYTESTRIDE", pointer: f.pointer)
            }
            // Compare the claim with the real view before any allocation; count and offset are
            // bounded first so the product below cannot overflow.
            guard count <= view.length, byteOffset <= view.length,
                  byteOffset + stride * (count - 1) + layout.paddedSize <= view.length else {
                throw GLTFError("\(f.label): \(count) elements from byteOffset \(byteOffset) need more than bufferView \(viewIndex)'s \(view.length) bytes",
                    code: "ACCESSOR_TOO_LONG", pointer: f.pointer)
            }
            bytes = Self.gather(view.data, from: view.start + byteOffset, stride: stride, count: count, layout: layout)
        } else {
            let (total, overflow) = count.multipliedReportingOverflow(by: layout.packedSize)
            guard !overflow, total <= zeroFilledAllowance else {
                throw GLTFError("\(f.label): \(count) zero-filled elements exceed the size limit for data the file does not contain",
                    code: "ACCESSOR_TOO_LONG", pointer: f.pointer + "/count")
            }
            bytes = [UInt8](repeating: 0, count: total)
        }
        if let sparse = try f.objectField("sparse") {
            try applySparse(sparse, to: &bytes, count: count, layout: layout)
        }
        return DataArray(componentType: componentType, elementType: elementType, normalized: normalized, bytes: bytes)
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

    /// Substitutes sparse elements (§3.6.2.3): indices and values are tightly packed.
    func applySparse(_ sparse: JSONFields, to bytes: inout [UInt8], count: Int, layout: ElementLayout) throws {
        let sparseCount = try sparse.requiredIndex("count")
        guard sparseCount >= 1, sparseCount <= count else {
            throw GLTFError("\(sparse.label): count \(sparseCount) must be in 1...\(count)", code: "VALUE_NOT_IN_RANGE", pointer: sparse.pointer + "/count")
        }
        guard let indices = try sparse.objectField("indices") else { throw sparse.fail("indices", "is missing", code: "UNDEFINED_PROPERTY") }
        guard let values = try sparse.objectField("values") else { throw sparse.fail("values", "is missing", code: "UNDEFINED_PROPERTY") }
        let indexCode = try indices.requiredInt("componentType")
        guard let indexType = ComponentType(rawValue: indexCode), [.uint8, .uint16, .uint32].contains(indexType) else {
            throw GLTFError("\(indices.label): componentType \(indexCode) is not an unsigned integer type", code: "VALUE_NOT_IN_LIST", pointer: indices.pointer)
        }
        let indexView = try bufferView(try indices.requiredIndex("bufferView"), for: indices.label)
        let indexOffset = try indices.index("byteOffset") ?? 0
        guard indexOffset <= indexView.length, sparseCount * indexType.byteSize <= indexView.length - indexOffset else {
            throw GLTFError("\(indices.label): \(sparseCount) indices do not fit in their bufferView", code: "ACCESSOR_TOO_LONG", pointer: indices.pointer)
        }
        let valueView = try bufferView(try values.requiredIndex("bufferView"), for: values.label)
        let valueOffset = try values.index("byteOffset") ?? 0
        guard valueOffset <= valueView.length, sparseCount * layout.paddedSize <= valueView.length - valueOffset else {
            throw GLTFError("\(values.label): \(sparseCount) values do not fit in their bufferView", code: "ACCESSOR_TOO_LONG", pointer: values.pointer)
        }
        let packed = layout.packedSize
        let newValues = Self.gather(valueView.data, from: valueView.start + valueOffset, stride: layout.paddedSize, count: sparseCount, layout: layout)
        let start = indexView.data.startIndex + indexView.start + indexOffset
        let src = indexView.data
        var previous = -1
        for k in 0..<sparseCount {
            let p = start + k * indexType.byteSize
            let target: Int
            switch indexType {
            case .uint8: target = Int(src[p])
            case .uint16: target = Int(src[p]) | Int(src[p + 1]) << 8
            default: target = Int(src[p]) | Int(src[p + 1]) << 8 | Int(src[p + 2]) << 16 | Int(src[p + 3]) << 24
            }
            guard target < count else {
                throw GLTFError("\(indices.label): index \(target) is out of range for \(count) elements", code: "ACCESSOR_SPARSE_INDEX_OOB", pointer: indices.pointer)
            }
            guard target > previous else {
                throw GLTFError("\(indices.label): indices are not strictly increasing", code: "ACCESSOR_SPARSE_INDICES_NON_INCREASING", pointer: indices.pointer)
            }
            previous = target
            bytes.replaceSubrange((target * packed)..<((target + 1) * packed), with: newValues[(k * packed)..<((k + 1) * packed)])
        }
    }
}
