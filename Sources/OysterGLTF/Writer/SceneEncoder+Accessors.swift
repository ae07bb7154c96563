import OysterCore
import OysterJSON

/// What identifies possibly-identical accessor data cheaply (full bytes are compared after).
struct AccessorKey: Hashable {
    let componentType: ComponentType
    let elementType: ElementType
    let normalized: Bool
    let byteCount: Int
    let use: AccessorUse
    let withBounds: Bool
    let sample: UInt64
}

/// glTF buffer view targets (§3.6.1.2).
enum BufferViewTarget {
    static let arrayBuffer: Int64 = 34962
    static let elementArrayBuffer: Int64 = 34963
}

extension SceneEncoder {
    /// Writes `data` as an accessor (sharing an identical earlier one) and returns its index.
    /// `bounds` adds min/max, which glTF requires for POSITION and animation inputs.
    /// `zeroAsUndefined`: all-zero data is written without a bufferView (glTF §3.6.2.1: such an
    /// accessor is zeros). Used where zeros are meaningless data that validators flag (normals,
    /// tangents, weights, keyframe times, inverse bind matrices) — typically a source accessor
    /// that had no bufferView either.
    mutating func accessor(_ data: DataArray, use: AccessorUse, bounds: Bool = false, zeroAsUndefined: Bool = false) -> Int {
        var data = data
        // Unsigned byte indices are valid glTF but badly supported; widen them.
        if use == .index && data.componentType == .uint8 {
            data = DataArray(componentType: .uint16, elementType: .scalar, bytes: data.bytes.flatMap { [$0, 0] })
        }
        let key = AccessorKey(componentType: data.componentType, elementType: data.elementType, normalized: data.normalized,
                              byteCount: data.bytes.count, use: use, withBounds: bounds, sample: Self.fingerprint(data.bytes))
        if let candidates = written[key], let match = candidates.first(where: { $0.data.bytes == data.bytes }) {
            return match.index
        }
        if zeroAsUndefined && Self.isAllZero(data.bytes) && data.count > 0 {
            var a = JSONObject()
            a["componentType"] = .int(Int64(data.componentType.rawValue))
            if data.normalized { a["normalized"] = true }
            a["count"] = .int(Int64(data.count))
            a["type"] = .string(data.elementType.rawValue)
            if bounds, let (lo, hi) = Self.bounds(of: data) {
                a["max"] = .array(hi)
                a["min"] = .array(lo)
            }
            accessors.append(.object(a))
            written[key, default: []].append((data, accessors.count - 1))
            return accessors.count - 1
        }
        let elementLayout = ElementLayout(data.componentType, data.elementType)
        let stride = use == .vertex ? (elementLayout.paddedSize + 3) & ~3 : elementLayout.paddedSize
        let (offset, byteLength) = layout.append(data, stride: stride)
        var view = JSONObject()
        view["buffer"] = 0
        if offset > 0 { view["byteOffset"] = .int(Int64(offset)) }
        view["byteLength"] = .int(Int64(max(byteLength, 0)))
        switch use {
        case .vertex:
            view["byteStride"] = .int(Int64(stride))
            view["target"] = .int(BufferViewTarget.arrayBuffer)
        case .index:
            view["target"] = .int(BufferViewTarget.elementArrayBuffer)
        case .other:
            break
        }
        bufferViews.append(.object(view))

        var a = JSONObject()
        a["bufferView"] = .int(Int64(bufferViews.count - 1))
        a["componentType"] = .int(Int64(data.componentType.rawValue))
        if data.normalized { a["normalized"] = true }
        a["count"] = .int(Int64(data.count))
        a["type"] = .string(data.elementType.rawValue)
        if bounds, let (lo, hi) = Self.bounds(of: data) {
            a["max"] = .array(hi)
            a["min"] = .array(lo)
        }
        accessors.append(.object(a))
        let index = accessors.count - 1
        written[key, default: []].append((data, index))
        return index
    }

    static func isAllZero(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            while i + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) != 0 { return false }
                i += 8
            }
            while i < raw.count {
                if raw[i] != 0 { return false }
                i += 1
            }
            return true
        }
    }

    /// A buffer view holding raw bytes (images in GLB).
    mutating func rawBufferView(_ bytes: [UInt8]) -> Int {
        let offset = layout.append(bytes)
        var view = JSONObject()
        view["buffer"] = 0
        if offset > 0 { view["byteOffset"] = .int(Int64(offset)) }
        view["byteLength"] = .int(Int64(bytes.count))
        bufferViews.append(.object(view))
        return bufferViews.count - 1
    }

    /// Hash of up to 64 evenly spread 8-byte samples: cheap on big arrays, and a match is
    /// always confirmed by comparing all bytes.
    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            let n = raw.count
            guard n > 0 else { return h }
            let samples = min(64, max(1, n / 8))
            let step = max(1, n / samples)
            var i = 0
            while i < n {
                let word = n - i >= 8 ? raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) : UInt64(raw[i])
                h = (h ^ word) &* 0x100_0000_01b3
                i += step
            }
            return h
        }
    }

    /// Per-component min/max in stored form: exact doubles for floats (so validators comparing
    /// with the data find no mismatch), integers otherwise.
    static func bounds(of data: DataArray) -> ([JSONValue], [JSONValue])? {
        let n = data.componentsPerElement
        guard data.count > 0 else { return nil }
        if data.componentType == .float32 {
            var lo = [Float](repeating: .infinity, count: n), hi = [Float](repeating: -.infinity, count: n)
            data.bytes.withUnsafeBytes { raw in
                let count = data.count
                for e in 0..<count {
                    for c in 0..<n {
                        let v = raw.loadUnaligned(fromByteOffset: (e * n + c) * 4, as: Float.self)
                        if v < lo[c] { lo[c] = v }
                        if v > hi[c] { hi[c] = v }
                    }
                }
            }
            // NaN-only components have no bounds; 0 keeps the JSON valid.
            let fix = { (v: Float) -> JSONValue in v.isFinite ? .double(Double(v)) : .double(0) }
            return (lo.map(fix), hi.map(fix))
        }
        guard let (lo, hi) = data.bounds() else { return nil }
        return (lo.map { .int(Int64($0)) }, hi.map { .int(Int64($0)) })
    }
}
