import CGL
import OysterCore
import OysterImage

/// Vertex arrays and textures of one scene on the GPU, made on first use and deleted together.
final class GPUResources {
    struct PrimitiveBuffers {
        let vertexArray: GLuint
        let buffers: [GLuint]
        let indexCount: Int
    }

    private let scene: Scene
    private var primitives: [Int: [Int: PrimitiveBuffers?]] = [:]
    private var textures: [Int: GLuint?] = [:]

    init(scene: Scene) { self.scene = scene }

    /// The buffers of `mesh`'s primitive `index`; nil when it has no usable positions.
    func primitive(_ mesh: Int, _ index: Int) -> PrimitiveBuffers? {
        if let cached = primitives[mesh]?[index] { return cached }
        let made = upload(scene.meshes[mesh].primitives[index])
        primitives[mesh, default: [:]][index] = .some(made)
        return made
    }

    /// The GL texture of glTF texture `index` (its image decoded, sRGB, mipmapped); nil when
    /// the image cannot be decoded.
    func texture(_ index: Int) -> GLuint? {
        if let cached = textures[index] { return cached }
        var made: GLuint?
        if scene.textures.indices.contains(index), let source = scene.textures[index].source, scene.images.indices.contains(source),
           let pixels = try? scene.images[source].decodePixels(reduceTo8Bit: true).rgba8() {
            var id: GLuint = 0
            glGenTextures(1, &id)
            glBindTexture(GLenum(GL_TEXTURE_2D), id)
            pixels.samples8.withUnsafeBytes {
                glTexImage2D(GLenum(GL_TEXTURE_2D), 0, GL_SRGB8_ALPHA8, GLsizei(pixels.width), GLsizei(pixels.height), 0,
                             GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress)
            }
            glGenerateMipmap(GLenum(GL_TEXTURE_2D))
            let sampler = scene.textures[index].sampler.flatMap { scene.samplers.indices.contains($0) ? scene.samplers[$0] : nil } ?? Sampler()
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_S), GLint(sampler.wrapS))
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_T), GLint(sampler.wrapT))
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GLint(sampler.minFilter ?? Sampler.linearMipmapLinear))
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GLint(sampler.magFilter ?? Sampler.linear))
            made = id
        }
        textures[index] = .some(made)
        return made
    }

    func delete() {
        for byIndex in primitives.values {
            for case let p?? in byIndex.values {
                var vao = p.vertexArray
                glDeleteVertexArrays(1, &vao)
                var ids = p.buffers
                glDeleteBuffers(GLsizei(ids.count), &ids)
            }
        }
        for case let t?? in textures.values {
            var id = t
            glDeleteTextures(1, &id)
        }
    }

    // MARK: - Upload

    private func upload(_ p: Primitive) -> PrimitiveBuffers? {
        guard let positions = p.attributes["POSITION"], positions.elementType == .vec3 else { return nil }
        let indices = p.triangleIndices()
        guard !indices.isEmpty else { return nil }
        var vao: GLuint = 0
        glGenVertexArrays(1, &vao)
        glBindVertexArray(vao)
        var buffers: [GLuint] = []
        func attribute(_ location: GLuint, _ values: [Float], components: GLint) {
            var id: GLuint = 0
            glGenBuffers(1, &id)
            glBindBuffer(GLenum(GL_ARRAY_BUFFER), id)
            values.withUnsafeBytes { glBufferData(GLenum(GL_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
            glEnableVertexAttribArray(location)
            glVertexAttribPointer(location, components, GLenum(GL_FLOAT), GLboolean(GL_FALSE), 0, nil)
            buffers.append(id)
        }
        attribute(0, positions.floats(), components: 3)
        if let n = p.attributes["NORMAL"], n.elementType == .vec3 { attribute(1, n.floats(), components: 3) } else { glVertexAttrib3f(1, 0, 0, 0) }
        if let uv = p.attributes["TEXCOORD_0"], uv.elementType == .vec2 { attribute(2, uv.floats(), components: 2) } else { glVertexAttrib2f(2, 0, 0) }
        if let c = p.attributes["COLOR_0"], c.elementType == .vec3 || c.elementType == .vec4 {
            attribute(3, c.floats(), components: c.elementType == .vec3 ? 3 : 4)
        } else {
            glVertexAttrib4f(3, 1, 1, 1, 1)
        }
        var ebo: GLuint = 0
        glGenBuffers(1, &ebo)
        glBindBuffer(GLenum(GL_ELEMENT_ARRAY_BUFFER), ebo)
        indices.withUnsafeBytes { glBufferData(GLenum(GL_ELEMENT_ARRAY_BUFFER), $0.count, $0.baseAddress, GLenum(GL_STATIC_DRAW)) }
        buffers.append(ebo)
        glBindVertexArray(0)
        return PrimitiveBuffers(vertexArray: vao, buffers: buffers, indexCount: indices.count)
    }
}
