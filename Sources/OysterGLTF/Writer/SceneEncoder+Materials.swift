import OysterCore
import OysterJSON

extension SceneEncoder {
    // MARK: - Materials

    mutating func encodeMaterial(_ m: Material) -> JSONValue {
        var o = JSONObject()
        if let n = m.name { o["name"] = .string(n) }
        var pbr = JSONObject()
        if m.baseColorFactor != .one { pbr["baseColorFactor"] = .floats([m.baseColorFactor.x, m.baseColorFactor.y, m.baseColorFactor.z, m.baseColorFactor.w]) }
        if let t = m.baseColorTexture { pbr["baseColorTexture"] = encodeTextureRef(t, scaleKey: nil) }
        if m.metallicFactor != 1 { pbr["metallicFactor"] = .float(m.metallicFactor) }
        if m.roughnessFactor != 1 { pbr["roughnessFactor"] = .float(m.roughnessFactor) }
        if let t = m.metallicRoughnessTexture { pbr["metallicRoughnessTexture"] = encodeTextureRef(t, scaleKey: nil) }
        if !pbr.isEmpty { o["pbrMetallicRoughness"] = .object(pbr) }
        if let t = m.normalTexture { o["normalTexture"] = encodeTextureRef(t, scaleKey: "scale") }
        if let t = m.occlusionTexture { o["occlusionTexture"] = encodeTextureRef(t, scaleKey: "strength") }
        if let t = m.emissiveTexture { o["emissiveTexture"] = encodeTextureRef(t, scaleKey: nil) }
        if m.emissiveFactor != .zero { o["emissiveFactor"] = .floats([m.emissiveFactor.x, m.emissiveFactor.y, m.emissiveFactor.z]) }
        if m.alphaMode != .opaque { o["alphaMode"] = .string(m.alphaMode.rawValue) }
        // alphaCutoff outside MASK mode draws a validator warning, so it is written only there.
        if m.alphaMode == .mask && m.alphaCutoff != 0.5 { o["alphaCutoff"] = .float(m.alphaCutoff) }
        if m.doubleSided { o["doubleSided"] = true }
        var ext = m.extensions
        if let s = m.emissiveStrength {
            ext[GLTFExtensions.emissiveStrength] = s == 1 ? .object(JSONObject()) : ["emissiveStrength": .float(s)]
        }
        if m.unlit { ext[GLTFExtensions.unlit] = .object(JSONObject()) }
        put(&o, extensions: ext, extras: m.extras)
        return .object(o)
    }

    mutating func encodeTextureRef(_ t: TextureRef, scaleKey: String?) -> JSONValue {
        var o = JSONObject()
        o["index"] = .int(Int64(t.texture))
        if t.texCoord != 0 { o["texCoord"] = .int(Int64(t.texCoord)) }
        if let scaleKey, t.scale != 1 { o[scaleKey] = .float(t.scale) }
        var ext = t.extensions
        if let tr = t.transform {
            var x = JSONObject()
            if tr.offset != .zero { x["offset"] = .floats([tr.offset.x, tr.offset.y]) }
            if tr.rotation != 0 { x["rotation"] = .float(tr.rotation) }
            if tr.scale != .one { x["scale"] = .floats([tr.scale.x, tr.scale.y]) }
            if let tc = tr.texCoord { x["texCoord"] = .int(Int64(tc)) }
            ext[GLTFExtensions.textureTransform] = .object(x)
        }
        put(&o, extensions: ext, extras: t.extras)
        return .object(o)
    }

    mutating func encodeTexture(_ t: Texture) -> JSONValue {
        var o = JSONObject()
        if let n = t.name { o["name"] = .string(n) }
        if let s = t.sampler { o["sampler"] = .int(Int64(s)) }
        if let s = t.source { o["source"] = .int(Int64(s)) }
        put(&o, extensions: t.extensions, extras: t.extras)
        return .object(o)
    }

    mutating func encodeSampler(_ s: Sampler) -> JSONValue {
        var o = JSONObject()
        if let n = s.name { o["name"] = .string(n) }
        if let f = s.magFilter { o["magFilter"] = .int(Int64(f)) }
        if let f = s.minFilter { o["minFilter"] = .int(Int64(f)) }
        if s.wrapS != Sampler.repeatWrap { o["wrapS"] = .int(Int64(s.wrapS)) }
        if s.wrapT != Sampler.repeatWrap { o["wrapT"] = .int(Int64(s.wrapT)) }
        put(&o, extensions: s.extensions, extras: s.extras)
        return .object(o)
    }

    // MARK: - Images

    /// A 1×1 magenta PNG standing in for images whose bytes and URI are both unknown, so
    /// texture indices stay valid.
    static let placeholderPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41,
        0x54, 0x78, 0xDA, 0x63, 0xF8, 0xCF, 0xF0, 0x1F, 0x00, 0x04, 0x00, 0x01, 0xFF, 0x1C, 0xF7, 0xE9, 0x5C, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    mutating func encodeImages() -> [JSONValue] {
        var naming = ImageNaming(reserved: { if case .files(let r) = images { return r } else { return [] } }())
        var out: [JSONValue] = []
        for (i, image) in scene.images.enumerated() {
            var o = JSONObject()
            if let n = image.name { o["name"] = .string(n) }
            var data = image.data
            // The bytes' own signature wins over a declared type (validators check they agree).
            var mime = data.flatMap { Image.sniffMimeType($0) } ?? image.mimeType
            if data == nil && image.uri == nil {
                data = Self.placeholderPNG
                mime = "image/png"
            }
            if let data {
                switch images {
                case .bufferView:
                    o["bufferView"] = .int(Int64(rawBufferView(data)))
                    o["mimeType"] = .string(mime ?? "application/octet-stream")
                case .dataURI:
                    o["uri"] = .string(URIPolicy.dataURI(mimeType: mime ?? "application/octet-stream", bytes: data))
                    if let mime { o["mimeType"] = .string(mime) }
                case .files:
                    let name = naming.name(for: image, index: i, mimeType: mime)
                    imageFiles.append((name, data))
                    o["uri"] = .string(name)
                    if let mime { o["mimeType"] = .string(mime) }
                }
            } else if let uri = image.uri {
                // Not loaded (refused or missing): keep the reference as the source had it.
                o["uri"] = .string(uri)
                if let mime { o["mimeType"] = .string(mime) }
            }
            put(&o, extensions: image.extensions, extras: image.extras)
            out.append(.object(o))
        }
        return out
    }
}
