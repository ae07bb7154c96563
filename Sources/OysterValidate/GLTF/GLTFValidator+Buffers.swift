import OysterCore

// MARK: - Buffers stage: URIs, data URIs, the GLB BIN chunk, byte lengths

extension GLTFValidator {
    func loadBuffers() {
        for i in doc.buffers.indices {
            guard var b = doc.buffers[i] else { continue }
            let uriP = ptr(b.p, "uri")
            var res = ResourceInfo(pointer: b.p, mimeType: "application/gltf-buffer")
            var data: [UInt8]?
            var isDataURI = false
            if let uri = b.uri {
                if doc.isGLB { ctx.add(.uriGlb, uriP) }
                switch classifyURI(uri) {
                case .invalid(let why):
                    ctx.add(.invalidUri, uriP, "Invalid URI '\(uri)': \(why)")
                case .absolute:
                    ctx.add(.nonRelativeUri, uriP, "Non-relative URI found: '\(uri)'.")
                    res.storage = "external"
                    res.uri = uri
                case .data(let media, let bytes):
                    isDataURI = true
                    res.storage = "data-uri"
                    if doc.isGLB { ctx.add(.dataUriGlb, uriP) }
                    if media.lowercased() != "application/octet-stream" && media.lowercased() != "application/gltf-buffer" {
                        ctx.add(.bufferDataUriMimeTypeInvalid, uriP, "Buffer data URI MIME type '\(media)' is not application/octet-stream or application/gltf-buffer.")
                    }
                    data = bytes
                case .relative:
                    res.storage = "external"
                    res.uri = uri
                    do { data = try loader.read(uri) } catch { ctx.add(.ioError, uriP, error.description) }
                }
            } else if i == 0 && doc.isGLB {
                res.storage = "glb"
                if let bin = glbBin {
                    b.data = bin
                    if let l = b.byteLength {
                        if bin.count < l {
                            ctx.add(.bufferByteLengthMismatch, b.p, "Actual data byte length (\(bin.count)) is less than the declared buffer byte length (\(l)).")
                            b.data = nil
                        } else if bin.count - l > 3 {
                            ctx.add(.bufferGlbChunkTooBig, b.p, "GLB BIN chunk holds \(bin.count - l) extra byte(s).")
                        }
                    }
                } else {
                    ctx.add(.bufferMissingGlbData, b.p)
                }
            }
            if let data {
                if let l = b.byteLength {
                    if data.count < l || (isDataURI && data.count != l) {
                        ctx.add(.bufferByteLengthMismatch, b.p, "Actual data byte length (\(data.count)) differs from the declared buffer byte length (\(l)).")
                    }
                    if data.count >= l { b.data = data[0..<l] }
                }
            }
            res.byteLength = b.data?.count ?? b.byteLength
            doc.resources.append(res)
            doc.buffers[i] = b
        }
    }
}
