import OysterCore
import OysterGLTF

// MARK: - Accessor elements in place, through the reader's AccessorView

extension AccessorView {
    /// Largest element data checked for a sparse accessor without a bufferView: the reader's
    /// own allowance for data a file does not contain.
    static let maxUnbackedBytes = GLTFReadOptions().maxZeroFilledBytes

    /// Whether only the size of its claim keeps an accessor's data from being checked: sparse,
    /// with no bufferView, claiming more than `maxUnbackedBytes` of elements.
    static func claimIsTooLargeToCheck(_ a: Accessor) -> Bool {
        guard a.bufferView == nil, a.sparse != nil, let count = a.count, let size = a.elementSize, size > 0 else { return false }
        return count > maxUnbackedBytes / size
    }

    /// The elements of an accessor whose declaration the earlier stages found consistent;
    /// nil when there is nothing sound to read (the problem is reported where it was found).
    init?(_ a: Accessor, _ v: GLTFValidator) {
        guard a.valid, let count = a.count, let layout = a.layout else { return nil }
        var sparse: Sparse?
        if let s = a.sparse {
            guard let sc = s.count, let it = s.indicesType, let idata = v.viewData(s.indicesView), let vdata = v.viewData(s.valuesView),
                  let parsed = Sparse(indices: idata, indexOffset: s.indicesOffset, indexType: it, indexCount: sc,
                                      values: vdata, valueOffset: s.valuesOffset, layout: layout) else { return nil }
            sparse = parsed
        }
        if a.bufferView != nil {
            guard let data = v.viewData(a.bufferView), let view = v.view(a.bufferView) else { return nil }
            self.init(layout: layout, normalized: a.normalized, count: count, data: data, offset: a.byteOffset,
                      stride: view.byteStride, sparse: sparse)
        } else {
            // No data at all: nothing to check (zeros are only meaningful under sparse values).
            // Here `count` is only a claim no bytes back, so a few hundred bytes could ask for
            // billions of elements (minutes of checks, gigabytes of per-vertex arrays): like
            // the reader's zero-fill allowance, claims over the cap are not expanded.
            guard sparse != nil, !Self.claimIsTooLargeToCheck(a) else { return nil }
            self.init(layout: layout, normalized: a.normalized, count: count, data: nil, sparse: sparse)
        }
    }
}
