import CGL

/// The deferred pass's targets for one frame size: opaque geometry writes its material inputs
/// here (one RGBA32UI texel a pixel, packed as `Shaders.gBufferPacking` says, and depth), then
/// one full-screen pass lights each covered pixel once into the scene's colour texture.
///
/// Why deferred on a CPU: llvmpipe runs the fragment shader on whole 4×4 blocks per triangle,
/// and a generated world's foliage, terrain and impostors are small triangles: the default
/// world's view ran the fragment shader 3.2 M times for 230 k pixels. Material inputs still
/// run that often; the lighting (sky, sun, shadow taps, lights, fog, tone curve) runs once a
/// pixel.
///
/// Why one packed target: llvmpipe stores every colour target of a pass on its own, converting
/// to its format, for each block each triangle shades. With base colour (sRGB8), normal and
/// material (RGBA16F) in three targets, the default turntable's geometry pass took about
/// 7 ms of stores above a depth-only pass, and one 128-bit integer target about 2 ms.
final class GBuffer {
    let width: Int
    let height: Int
    private(set) var packed: GLuint = 0
    private(set) var depth: GLuint = 0
    /// The depth copied after the geometry, for the lighting pass to read while `depth` stays
    /// attached for its depth test (a texture is never read and attached in one pass).
    private(set) var depthCopy: GLuint = 0
    private var geometryTarget: GLuint = 0
    private var copyTarget: GLuint = 0
    private var litTarget: GLuint = 0

    init(width: Int, height: Int, sceneTexture: GLuint) throws(RenderError) {
        self.width = width
        self.height = height
        packed = texture(GL_RGBA32UI, GL_RGBA_INTEGER, GL_UNSIGNED_INT)
        depth = texture(GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT)
        depthCopy = texture(GL_DEPTH_COMPONENT32F, GL_DEPTH_COMPONENT, GL_FLOAT)
        do {
            geometryTarget = try framebuffer(colors: [packed], depth: depth)
            copyTarget = try framebuffer(colors: [], depth: depthCopy)
            litTarget = try framebuffer(colors: [sceneTexture], depth: depth)
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    private func release() {
        var fbs = [geometryTarget, copyTarget, litTarget].filter { $0 != 0 }
        glDeleteFramebuffers(GLsizei(fbs.count), &fbs)
        var ts = [packed, depth, depthCopy].filter { $0 != 0 }
        glDeleteTextures(GLsizei(ts.count), &ts)
        geometryTarget = 0; copyTarget = 0; litTarget = 0
    }

    private func texture(_ internalFormat: Int32, _ format: Int32, _ type: Int32) -> GLuint {
        var t: GLuint = 0
        glGenTextures(1, &t)
        glBindTexture(GLenum(GL_TEXTURE_2D), t)
        glTexImage2D(GLenum(GL_TEXTURE_2D), 0, internalFormat, GLsizei(width), GLsizei(height), 0, GLenum(format), GLenum(type), nil)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_NEAREST)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_NEAREST)
        return t
    }

    private func framebuffer(colors: [GLuint], depth: GLuint) throws(RenderError) -> GLuint {
        var fb: GLuint = 0
        glGenFramebuffers(1, &fb)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), fb)
        for (i, c) in colors.enumerated() {
            glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0 + Int32(i)), GLenum(GL_TEXTURE_2D), c, 0)
        }
        glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_DEPTH_ATTACHMENT), GLenum(GL_TEXTURE_2D), depth, 0)
        var buffers = colors.indices.map { GLenum(GL_COLOR_ATTACHMENT0 + Int32($0)) }
        if buffers.isEmpty {
            glDrawBuffer(GLenum(GL_NONE))
            glReadBuffer(GLenum(GL_NONE))
        } else {
            glDrawBuffers(GLsizei(buffers.count), &buffers)
        }
        let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
        guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            var id = fb
            glDeleteFramebuffers(1, &id)
            throw .gl("G-buffer \(width)x\(height) incomplete (status 0x\(String(status, radix: 16)))")
        }
        return fb
    }

    /// Makes the geometry targets current with the depth cleared to the far plane. The packed
    /// target is not cleared: the lighting pass reads only pixels geometry covered.
    func bindGeometry() {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), geometryTarget)
        glViewport(0, 0, GLsizei(width), GLsizei(height))
        glClear(GLbitfield(GL_DEPTH_BUFFER_BIT))
    }

    /// Copies the depth for the lighting pass, then makes the scene colour with this depth
    /// current (lighting, sky and blended geometry draw there).
    func bindLit() {
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), geometryTarget)
        glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), copyTarget)
        glBlitFramebuffer(0, 0, GLint(width), GLint(height), 0, 0, GLint(width), GLint(height), GLbitfield(GL_DEPTH_BUFFER_BIT), GLenum(GL_NEAREST))
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), litTarget)
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    /// Binds the G-buffer's textures to units 0 and 1 (the packed texel, the depth copy).
    func bindTextures() {
        for (unit, t) in [packed, depthCopy].enumerated() {
            glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
            glBindTexture(GLenum(GL_TEXTURE_2D), t)
        }
    }
}
