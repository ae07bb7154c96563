import OysterCore

// MARK: - Reading accessor elements in place
// glTF 2.0 §3.6.2 (accessor data layout, matrix column padding) and §3.6.2.3 (sparse accessors).

/// Reads an accessor's elements straight from the buffer bytes, applying sparse substitution.
struct AccessorElements {
    let count: Int
    let components: Int
    let componentType: ComponentType
    let normalized: Bool
    private let base: ArraySlice<UInt8>?
    private let offset: Int
    private let stride: Int
    private let compOffsets: [Int]
    private let sparse: [Int: Int]  // element index -> sparse value slot
    private let sparseValues: ArraySlice<UInt8>?
    private let sparseValuesOffset: Int
    private let elementSize: Int

    /// Largest element data checked for a sparse accessor without a bufferView (the default
    /// `GLTFReadOptions.maxZeroFilledBytes`).
    static let maxUnbackedBytes = 64 << 20

    init?(_ a: Accessor, _ v: GLTFValidator) {
        guard a.valid, let count = a.count, let ct = a.componentType, let n = a.components, let es = a.elementSize,
              let el = a.elementLength else { return nil }
        self.count = count
        self.components = n
        self.componentType = ct
        self.normalized = a.normalized
        self.elementSize = es
        // Column layout: matrices of 1- and 2-byte components pad each column to 4 bytes.
        let rows: Int
        switch a.type {
        case "MAT2": rows = 2
        case "MAT3": rows = 3
        case "MAT4": rows = 4
        default: rows = n
        }
        let colBytes = (rows * ct.byteSize + 3) & ~3
        compOffsets = (0..<n).map { c in a.isMatrix ? (c / rows) * colBytes + (c % rows) * ct.byteSize : c * ct.byteSize }
        if a.bufferView != nil {
            guard let data = v.viewData(a.bufferView), let view = v.view(a.bufferView) else { return nil }
            let stride = view.byteStride ?? es
            guard a.byteOffset + stride * (count - 1) + el <= data.count else { return nil }
            base = data
            offset = a.byteOffset
            self.stride = stride
        } else {
            // No data at all: nothing to check (zeros are only meaningful under sparse values).
            // Here `count` is only a claim no bytes back, so a few hundred bytes could ask for
            // billions of elements (minutes of checks, gigabytes of per-vertex arrays): like
            // the reader's zero-fill allowance, claims over the cap are not expanded.
            guard a.sparse != nil, count <= Self.maxUnbackedBytes / es else { return nil }
            base = nil
            offset = 0
            stride = es
        }
        var map: [Int: Int] = [:]
        var values: ArraySlice<UInt8>?
        var valuesOffset = 0
        if let s = a.sparse {
            guard let sc = s.count, let it = s.indicesType, let idata = v.viewData(s.indicesView), let vdata = v.viewData(s.valuesView),
                s.indicesOffset + sc * it.byteSize <= idata.count, s.valuesOffset + sc * es <= vdata.count
            else { return nil }
            for k in 0..<sc {
                let p = idata.startIndex + s.indicesOffset + k * it.byteSize
                let idx: Int
                switch it {
                case .uint8: idx = Int(idata[p])
                case .uint16: idx = Int(idata[p]) | Int(idata[p + 1]) << 8
                default: idx = Int(idata[p]) | Int(idata[p + 1]) << 8 | Int(idata[p + 2]) << 16 | Int(idata[p + 3]) << 24
                }
                map[idx] = k
            }
            values = vdata
            valuesOffset = s.valuesOffset
        }
        sparse = map
        sparseValues = values
        sparseValuesOffset = valuesOffset
    }

    /// True when elements come straight from one buffer view (no sparse substitution).
    var isDense: Bool { sparse.isEmpty && base != nil }

    /// Runs `body` over the raw bytes of a dense accessor with its layout.
    func withDenseBytes<R>(_ body: (UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ compOffsets: [Int]) -> R) -> R? {
        guard isDense, let base else { return nil }
        return base.withUnsafeBytes { body($0, offset, stride, compOffsets) }
    }

    /// Calls `body` with each element's raw component values (not normalized).
    func forEach(_ body: (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 16) { comps in
            let ct = componentType
            let n = components
            let offs = compOffsets
            func run(_ raw: UnsafeRawBufferPointer?) {
                for i in 0..<count {
                    if let k = sparse[i], let sv = sparseValues {
                        sv.withUnsafeBytes { s in
                            let p = sparseValuesOffset + k * elementSize
                            for c in 0..<n { comps[c] = load(s, p + offs[c], ct) }
                        }
                    } else if let raw {
                        let p = offset + i * stride
                        for c in 0..<n { comps[c] = load(raw, p + offs[c], ct) }
                    } else {
                        for c in 0..<n { comps[c] = 0 }
                    }
                    body(i, comps)
                }
            }
            if let base { base.withUnsafeBytes { run($0) } } else { run(nil) }
        }
    }

    /// A raw component value as the normalized float the GPU sees.
    @inline(__always)
    func normalize(_ x: Double) -> Double {
        guard normalized else { return x }
        switch componentType {
        case .int8: return max(x / 127, -1)
        case .uint8: return x / 255
        case .int16: return max(x / 32767, -1)
        case .uint16: return x / 65535
        default: return x
        }
    }
}

@inline(__always)
private func load(_ raw: UnsafeRawBufferPointer, _ p: Int, _ ct: ComponentType) -> Double {
    switch ct {
    case .int8: return Double(raw.loadUnaligned(fromByteOffset: p, as: Int8.self))
    case .uint8: return Double(raw[p])
    case .int16: return Double(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: Int16.self)))
    case .uint16: return Double(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt16.self)))
    case .uint32: return Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
    case .float32: return Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self))))
    }
}
