import OysterCore

// MARK: - Reference stage: resolve indices, mark objects used, check compatibility

extension GLTFValidator {
    /// Resolves an index into a collection, marking the target used; reports unresolved references.
    func ref<T>(_ index: Int?, _ items: KeyPath<Document, [T?]>, _ used: WritableKeyPath<Document, [Bool]>, _ p: String) -> T? {
        guard let index else { return nil }
        let arr = doc[keyPath: items]
        guard index < arr.count, let v = arr[index] else {
            ctx.add(.unresolvedReference, p, "Unresolved reference: \(index).")
            return nil
        }
        doc[keyPath: used][index] = true
        return v
    }

    func linkBufferViews() {
        for i in doc.bufferViews.indices {
            guard let v = doc.bufferViews[i] else { continue }
            guard let b = ref(v.buffer, \.buffers, \.usedBuffers, ptr(v.p, "buffer")), let bl = b.byteLength, let l = v.byteLength else { continue }
            if v.byteOffset >= bl {
                ctx.add(.bufferViewTooLong, ptr(v.p, "byteOffset"), "Buffer view does not fit buffer \(v.buffer ?? 0) of byteLength \(bl).")
            } else if v.byteOffset + l > bl {
                ctx.add(.bufferViewTooLong, ptr(v.p, "byteLength"), "Buffer view does not fit buffer \(v.buffer ?? 0) of byteLength \(bl).")
            }
        }
    }

    /// The bytes of a buffer view when the view and its buffer are sound.
    func viewData(_ index: Int?) -> ArraySlice<UInt8>? {
        guard let index, index < doc.bufferViews.count, let v = doc.bufferViews[index], let l = v.byteLength,
            let bi = v.buffer, bi < doc.buffers.count, let b = doc.buffers[bi], let data = b.data,
            v.byteOffset + l <= data.count
        else { return nil }
        let s = data.startIndex + v.byteOffset
        return data[s..<(s + l)]
    }

    func view(_ index: Int?) -> BufferView? {
        guard let index, index < doc.bufferViews.count else { return nil }
        return doc.bufferViews[index]
    }

    func accessor(_ index: Int?) -> Accessor? {
        guard let index, index < doc.accessors.count else { return nil }
        return doc.accessors[index]
    }

    func linkAccessors() {
        for i in doc.accessors.indices {
            guard var a = doc.accessors[i] else { continue }
            if let v = ref(a.bufferView, \.bufferViews, \.usedBufferViews, ptr(a.p, "bufferView")) {
                if let es = a.elementSize, let el = a.elementLength, let count = a.count, let c = a.componentType {
                    if let s = v.byteStride, s < el {
                        ctx.add(.accessorSmallBytestride, a.p, "byteStride \(s) is less than the element size \(el).")
                        a.valid = false
                    }
                    // The last element needs only its unpadded length (a MAT3 of bytes: 11, not 12).
                    let stride = v.byteStride ?? es
                    let length = stride * (count - 1) + el
                    if let l = v.byteLength, a.byteOffset > l || a.byteOffset + length > l {
                        ctx.add(.accessorTooLong, a.byteOffset > l ? ptr(a.p, "byteOffset") : a.p, "Accessor (offset \(a.byteOffset), length \(length)) does not fit buffer view \(a.bufferView ?? 0) of length \(l).")
                        a.valid = false
                    }
                    if (v.byteOffset + a.byteOffset) % c.byteSize != 0 {
                        ctx.add(.accessorTotalOffsetAlignment, a.p, "Total offset \(v.byteOffset + a.byteOffset) is not a multiple of \(c.byteSize).")
                        a.valid = false
                    }
                }
            } else if a.bufferView != nil {
                a.valid = false
            }
            if let s = a.sparse {
                let ip = ptr(ptr(ptr(a.p, "sparse"), "indices"), "bufferView")
                let vp = ptr(ptr(ptr(a.p, "sparse"), "values"), "bufferView")
                if let v = ref(s.indicesView, \.bufferViews, \.usedBufferViews, ip), v.byteStride != nil || v.target != nil {
                    ctx.add(.bufferViewInvalidByteStride, ip)
                }
                if let v = ref(s.valuesView, \.bufferViews, \.usedBufferViews, vp), v.byteStride != nil || v.target != nil {
                    ctx.add(.bufferViewInvalidByteStride, vp)
                }
            }
            doc.accessors[i] = a
        }
    }

    func linkImagesTextures() {
        for i in doc.images.indices {
            guard let im = doc.images[i] else { continue }
            if let v = ref(im.bufferView, \.bufferViews, \.usedBufferViews, ptr(im.p, "bufferView")), v.byteStride != nil {
                ctx.add(.imageBufferViewWithBytestride, ptr(im.p, "bufferView"))
            }
        }
        for i in doc.textures.indices {
            guard let t = doc.textures[i] else { continue }
            _ = ref(t.sampler, \.samplers, \.usedSamplers, ptr(t.p, "sampler"))
            _ = ref(t.source, \.images, \.usedImages, ptr(t.p, "source"))
            _ = ref(t.webpSource, \.images, \.usedImages, ptr(ptr(ptr(t.p, "extensions"), "EXT_texture_webp"), "source"))
        }
    }

    func linkMaterials() {
        for i in doc.materials.indices {
            guard let m = doc.materials[i] else { continue }
            for t in m.textures { _ = ref(t.index, \.textures, \.usedTextures, ptr(t.p, "index")) }
        }
    }

    /// Records the first use of an accessor (data checks follow it) and sets its view's target.
    func use(_ index: Int, _ u: AccessorUse, _ p: String, limit: Int? = nil, target: Int? = nil) {
        if doc.accessorUses[index] == nil { doc.accessorUses[index] = (u, p, limit) }
        guard let target, let a = accessor(index), let vi = a.bufferView, vi < doc.bufferViews.count, var v = doc.bufferViews[vi] else { return }
        if let t = v.target, t != target {
            ctx.add(.bufferViewTargetOverride, p, "Buffer view target \(t) overridden by use as \(target).")
        } else if let u = v.usage, u != target {
            ctx.add(.bufferViewTargetOverride, p, "Buffer view used as \(u) and \(target).")
        } else if v.target == nil && v.usage == nil {
            ctx.add(.bufferViewTargetMissing, p)
        }
        if v.usage == nil { v.usage = target }
        doc.bufferViews[vi] = v
    }
}
