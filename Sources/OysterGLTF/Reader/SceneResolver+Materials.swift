import OysterCore
import OysterJSON

extension SceneResolver {
    // MARK: - Samplers, images, textures

    func readSampler(_ f: JSONFields) throws -> Sampler {
        var s = Sampler(magFilter: try f.int("magFilter"), minFilter: try f.int("minFilter"),
                        wrapS: try f.int("wrapS") ?? Sampler.repeatWrap, wrapT: try f.int("wrapT") ?? Sampler.repeatWrap)
        s.name = f.name
        s.extensions = try f.extensions()
        s.extras = f.extras
        return s
    }

    /// An image's encoded bytes from a buffer view, data URI or file. Images that cannot be
    /// loaded keep their URI and a warning; reading goes on without their bytes.
    mutating func readImage(_ f: JSONFields, index: Int) throws -> Image {
        var image = Image(name: f.name, mimeType: try f.string("mimeType"), data: nil)
        image.extensions = try f.extensions()
        image.extras = f.extras
        var uriMime: String?
        if let uri = try f.string("uri") {
            let isData = uri.utf8.prefix(5).map { $0 | 0x20 } == Array("data:".utf8)
            if !isData { image.uri = uri }
            if options.loadImages {
                switch document.loadURI(uri, label: f.label, pointer: f.pointer + "/uri", loader: loader, options: options, diagnostics: &diagnostics) {
                case .success(let (bytes, mime)):
                    image.data = bytes
                    uriMime = mime
                case .failure(let error):
                    if !diagnostics.contains(where: { $0.pointer == f.pointer + "/uri" }) {
                        warn(codeID: error.code, error.message, f.pointer + "/uri")
                    }
                }
            }
        } else if let viewIndex = try f.index("bufferView") {
            if options.loadImages {
                do {
                    let view = try bufferView(viewIndex, for: f.label)
                    let base = view.data.startIndex + view.start
                    image.data = Array(view.data[base..<(base + view.length)])
                } catch let error as GLTFError {
                    warn(codeID: error.code, "\(f.label): \(error.message)", f.pointer + "/bufferView")
                }
            }
        } else {
            warn(.undefinedProperty, "\(f.label): has neither uri nor bufferView", f.pointer)
        }
        if image.mimeType == nil, let data = image.data {
            image.mimeType = Image.sniffMimeType(data) ?? (uriMime?.hasPrefix("image/") == true ? uriMime : nil)
        }
        return image
    }

    func readTexture(_ f: JSONFields) throws -> Texture {
        var t = Texture(name: f.name, source: try f.index("source"), sampler: try f.index("sampler"))
        if let s = t.source { try Self.check(s, scene.images.count, "image", f, "source") }
        if let s = t.sampler { try Self.check(s, scene.samplers.count, "sampler", f, "sampler") }
        t.extensions = try f.extensions()
        t.extras = f.extras
        return t
    }

    // MARK: - Materials

    mutating func readMaterial(_ f: JSONFields) throws -> Material {
        var m = Material(name: f.name)
        if let pbr = try f.objectField("pbrMetallicRoughness") {
            if let c = try pbr.floats("baseColorFactor", count: 4) { m.baseColorFactor = Vec4(c[0], c[1], c[2], c[3]) }
            m.baseColorTexture = try textureRef(pbr, "baseColorTexture")
            m.metallicFactor = try pbr.float("metallicFactor") ?? 1
            m.roughnessFactor = try pbr.float("roughnessFactor") ?? 1
            m.metallicRoughnessTexture = try textureRef(pbr, "metallicRoughnessTexture")
        }
        m.normalTexture = try textureRef(f, "normalTexture", scaleKey: "scale")
        m.occlusionTexture = try textureRef(f, "occlusionTexture", scaleKey: "strength")
        m.emissiveTexture = try textureRef(f, "emissiveTexture")
        if let e = try f.floats("emissiveFactor", count: 3) { m.emissiveFactor = Vec3(e[0], e[1], e[2]) }
        if let mode = try f.string("alphaMode") {
            if let a = AlphaMode(rawValue: mode) {
                m.alphaMode = a
            } else {
                warn(.valueNotInList, "\(f.label): alphaMode '\(mode)' is not valid; OPAQUE used", f.pointer + "/alphaMode")
            }
        }
        m.alphaCutoff = try f.float("alphaCutoff") ?? 0.5
        m.doubleSided = try f.bool("doubleSided") ?? false
        var ext = try carriedExtensions(f)
        if let strength = ext[GLTFExtensions.emissiveStrength] {
            let s = try JSONFields(strength, label: "\(f.label) \(GLTFExtensions.emissiveStrength)", pointer: f.pointer + "/extensions/" + GLTFExtensions.emissiveStrength)
            m.emissiveStrength = try s.float("emissiveStrength") ?? 1
            ext[GLTFExtensions.emissiveStrength] = nil
        }
        if ext[GLTFExtensions.unlit] != nil {
            m.unlit = true
            ext[GLTFExtensions.unlit] = nil
        }
        m.extensions = ext
        m.extras = f.extras
        return m
    }

    /// A `textureInfo` (with `scale`/`strength` for normal/occlusion) and its KHR_texture_transform.
    func textureRef(_ owner: JSONFields, _ key: String, scaleKey: String? = nil) throws -> TextureRef? {
        guard let f = try owner.objectField(key) else { return nil }
        let index = try f.requiredIndex("index")
        try Self.check(index, scene.textures.count, "texture", f, "index")
        var ref = TextureRef(texture: index, texCoord: try f.index("texCoord") ?? 0)
        if let scaleKey { ref.scale = try f.float(scaleKey) ?? 1 }
        var ext = try f.extensions()
        if let value = ext[GLTFExtensions.textureTransform] {
            let t = try JSONFields(value, label: "\(f.label) \(GLTFExtensions.textureTransform)", pointer: f.pointer + "/extensions/" + GLTFExtensions.textureTransform)
            var transform = TextureTransform()
            if let o = try t.floats("offset", count: 2) { transform.offset = Vec2(o[0], o[1]) }
            transform.rotation = try t.float("rotation") ?? 0
            if let s = try t.floats("scale", count: 2) { transform.scale = Vec2(s[0], s[1]) }
            transform.texCoord = try t.index("texCoord")
            ref.transform = transform
            ext[GLTFExtensions.textureTransform] = nil
        }
        ref.extensions = ext
        ref.extras = f.extras
        return ref
    }
}
