import OysterCore
import OysterJSON

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
            throw GLTFError("\(owner): bufferView \(index) does not exist", code: .unresolvedReference)
        }
        let f = try JSONFields(bufferViews[index], label: "bufferView \(index)", pointer: "/bufferViews/\(index)")
        let bufferIndex = try f.requiredIndex("buffer")
        guard buffers.indices.contains(bufferIndex) else {
            throw GLTFError("bufferView \(index): buffer \(bufferIndex) does not exist", code: .unresolvedReference, pointer: f.pointer + "/buffer")
        }
        let data: ArraySlice<UInt8>
        switch buffers[bufferIndex] {
        case .success(let bytes): data = bytes
        case .failure(let error): throw GLTFError("bufferView \(index): \(error.message)", codeID: error.code, pointer: error.pointer)
        }
        let offset = try f.index("byteOffset") ?? 0
        let length = try f.requiredIndex("byteLength")
        guard offset <= data.count, length <= data.count - offset else {
            throw GLTFError("bufferView \(index): byteOffset \(offset) + byteLength \(length) exceeds buffer \(bufferIndex)'s \(data.count) bytes",
                code: .bufferViewTooLong, pointer: f.pointer)
        }
        var stride: Int?
        if let s = try f.index("byteStride") {
            guard s >= 4, s <= 252, s % 4 == 0 else {
                throw GLTFError("bufferView \(index): byteStride \(s) is not a multiple of 4 in 4...252", code: .valueNotInRange, pointer: f.pointer + "/byteStride")
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
            throw GLTFError("\(owner): accessor \(index) does not exist", code: .unresolvedReference)
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
            throw GLTFError("\(f.label): componentType \(code) is not valid", code: .valueNotInList, pointer: f.pointer + "/componentType")
        }
        guard let typeName = try f.string("type") else { throw f.fail("type", "is missing", code: .undefinedProperty) }
        guard let elementType = ElementType(rawValue: typeName) else {
            throw GLTFError("\(f.label): type '\(typeName)' is not valid", code: .valueNotInList, pointer: f.pointer + "/type")
        }
        let count = try f.requiredIndex("count")
        guard count >= 1 else { throw f.fail("count", "must be at least 1", code: .valueNotInRange) }
        var normalized = try f.bool("normalized") ?? false
        if normalized && (componentType == .float32 || componentType == .uint32) {
            normalized = false  // invalid in glTF; the values are read as they are
        }
        let layout = ElementLayout(componentType, elementType)
        var data: ArraySlice<UInt8>?
        var start = 0
        var stride: Int?
        if let viewIndex = try f.index("bufferView") {
            let view = try bufferView(viewIndex, for: f.label)
            let byteOffset = try f.index("byteOffset") ?? 0
            if let s = view.stride, s < layout.paddedSize {
                throw GLTFError("\(f.label): bufferView \(viewIndex) byteStride \(s) is smaller than the \(layout.paddedSize)-byte element",
                    code: .accessorSmallBytestride, pointer: f.pointer)
            }
            // The view's own window: the accessor may not reach past it into the buffer.
            data = view.data[(view.data.startIndex + view.start)..<(view.data.startIndex + view.start + view.length)]
            start = byteOffset
            stride = view.stride
        } else {
            let (total, overflow) = count.multipliedReportingOverflow(by: layout.packedSize)
            guard !overflow, total <= zeroFilledAllowance else {
                throw GLTFError("\(f.label): \(count) zero-filled elements exceed the size limit for data the file does not contain",
                    code: .accessorTooLong, pointer: f.pointer + "/count")
            }
        }
        let sparse = try f.objectField("sparse").map { try readSparse($0, count: count, layout: layout) }
        // The claim is compared with the real bytes before anything is allocated.
        guard let elements = AccessorView(layout: layout, normalized: normalized, count: count, data: data, offset: start,
                                          stride: stride, sparse: sparse) else {
            throw GLTFError("\(f.label): \(count) elements from byteOffset \(start) need more than their bufferView's \(data?.count ?? 0) bytes",
                code: .accessorTooLong, pointer: f.pointer)
        }
        let bytes = elements.packedBytes()
        return DataArray(componentType: componentType, elementType: elementType, normalized: normalized, bytes: bytes)
    }

    /// Reads and checks sparse substitutes (§3.6.2.3): indices in range and strictly increasing.
    func readSparse(_ sparse: JSONFields, count: Int, layout: ElementLayout) throws -> AccessorView.Sparse {
        let sparseCount = try sparse.requiredIndex("count")
        guard sparseCount >= 1, sparseCount <= count else {
            throw GLTFError("\(sparse.label): count \(sparseCount) must be in 1...\(count)", code: .valueNotInRange, pointer: sparse.pointer + "/count")
        }
        guard let indices = try sparse.objectField("indices") else { throw sparse.fail("indices", "is missing", code: .undefinedProperty) }
        guard let values = try sparse.objectField("values") else { throw sparse.fail("values", "is missing", code: .undefinedProperty) }
        let indexCode = try indices.requiredInt("componentType")
        guard let indexType = ComponentType(rawValue: indexCode), [.uint8, .uint16, .uint32].contains(indexType) else {
            throw GLTFError("\(indices.label): componentType \(indexCode) is not an unsigned integer type", code: .valueNotInList, pointer: indices.pointer)
        }
        let indexView = try bufferView(try indices.requiredIndex("bufferView"), for: indices.label)
        let valueView = try bufferView(try values.requiredIndex("bufferView"), for: values.label)
        func window(_ v: ViewSlice) -> ArraySlice<UInt8> { v.data[(v.data.startIndex + v.start)..<(v.data.startIndex + v.start + v.length)] }
        guard let result = AccessorView.Sparse(indices: window(indexView), indexOffset: try indices.index("byteOffset") ?? 0, indexType: indexType,
                                               indexCount: sparseCount, values: window(valueView),
                                               valueOffset: try values.index("byteOffset") ?? 0, layout: layout) else {
            throw GLTFError("\(sparse.label): \(sparseCount) indices or values do not fit in their bufferViews", code: .accessorTooLong, pointer: sparse.pointer)
        }
        var previous = -1
        for target in result.indices {
            guard target < count else {
                throw GLTFError("\(indices.label): index \(target) is out of range for \(count) elements", code: .accessorSparseIndexOob, pointer: indices.pointer)
            }
            guard target > previous else {
                throw GLTFError("\(indices.label): indices are not strictly increasing", code: .accessorSparseIndicesNonIncreasing, pointer: indices.pointer)
            }
            previous = target
        }
        return result
    }
}
