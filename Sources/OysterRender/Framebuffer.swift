import CGL
import OysterCore

/// Offscreen targets of one frame size: the scene is drawn into a colour and depth target
/// (multisampled when `samples` > 1), resolved into a colour texture, and optionally
/// post-processed (FXAA) into a last target that is read back.
final class Framebuffer {
    let width: Int
    let height: Int
    let samples: Int
    /// The samples asked for (the device may give fewer).
    let requestedSamples: Int
    private var framebuffers: [GLuint] = []
    private var renderbuffers: [GLuint] = []
    /// The resolved scene colour (sampled by the post pass).
    private(set) var sceneTexture: GLuint = 0
    /// Indices into `framebuffers`.
    private var drawTarget = 0, sceneTarget = 0, postTarget = 0

    init(width: Int, height: Int, samples: Int) throws(RenderError) {
        self.width = width
        self.height = height
        self.requestedSamples = samples
        var maxSamples: GLint = 1
        glGetIntegerv(GLenum(GL_MAX_SAMPLES), &maxSamples)
        // Multisampled storage is samples × the frame: past 64 M samples (a 4K frame at 8×)
        // fewer are taken, so a 16384² still needs about 1 GiB per buffer, not 16.
        let affordable = max(1, (64 << 20) / max(width * height, 1))
        self.samples = max(1, min(samples, Int(maxSamples), affordable))
        do {
            var texture: GLuint = 0
            glGenTextures(1, &texture)
            sceneTexture = texture
            glBindTexture(GLenum(GL_TEXTURE_2D), texture)
            glTexImage2D(GLenum(GL_TEXTURE_2D), 0, GL_RGBA8, GLsizei(width), GLsizei(height), 0, GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), nil)
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_LINEAR)
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_LINEAR)
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_S), GL_CLAMP_TO_EDGE)
            glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_T), GL_CLAMP_TO_EDGE)
            if self.samples > 1 {
                drawTarget = try add(color: .renderbuffer(samples: self.samples), depth: true)
                sceneTarget = try add(color: .texture(texture), depth: false)
            } else {
                drawTarget = try add(color: .texture(texture), depth: true)
                sceneTarget = drawTarget
            }
            postTarget = try add(color: .renderbuffer(samples: 1), depth: false)
        } catch {
            release()
            throw error
        }
    }

    deinit { release() }

    private func release() {
        glDeleteRenderbuffers(GLsizei(renderbuffers.count), &renderbuffers)
        glDeleteFramebuffers(GLsizei(framebuffers.count), &framebuffers)
        var t = sceneTexture
        if t != 0 { glDeleteTextures(1, &t) }
        renderbuffers = []
        framebuffers = []
        sceneTexture = 0
    }

    private enum Color {
        case renderbuffer(samples: Int)
        case texture(GLuint)
    }

    private func add(color: Color, depth: Bool) throws(RenderError) -> Int {
        var fb: GLuint = 0
        glGenFramebuffers(1, &fb)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), fb)
        framebuffers.append(fb)
        func attach(_ format: Int32, _ attachment: Int32, samples: Int) {
            var rb: GLuint = 0
            glGenRenderbuffers(1, &rb)
            glBindRenderbuffer(GLenum(GL_RENDERBUFFER), rb)
            if samples > 1 {
                glRenderbufferStorageMultisample(GLenum(GL_RENDERBUFFER), GLsizei(samples), GLenum(format), GLsizei(width), GLsizei(height))
            } else {
                glRenderbufferStorage(GLenum(GL_RENDERBUFFER), GLenum(format), GLsizei(width), GLsizei(height))
            }
            glFramebufferRenderbuffer(GLenum(GL_FRAMEBUFFER), GLenum(attachment), GLenum(GL_RENDERBUFFER), rb)
            renderbuffers.append(rb)
        }
        var depthSamples = 1
        switch color {
        case .renderbuffer(let samples):
            attach(GL_RGBA8, GL_COLOR_ATTACHMENT0, samples: samples)
            depthSamples = samples
        case .texture(let t):
            glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0), GLenum(GL_TEXTURE_2D), t, 0)
        }
        if depth { attach(GL_DEPTH_COMPONENT24, GL_DEPTH_ATTACHMENT, samples: depthSamples) }
        let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
        guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            throw .gl("framebuffer \(width)x\(height)×\(samples) incomplete (status 0x\(String(status, radix: 16)))")
        }
        return framebuffers.count - 1
    }

    /// Makes the scene target current with the full viewport.
    func bind() {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[drawTarget])
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    /// Resolves multisampled colour into `sceneTexture`.
    func resolve() {
        guard sceneTarget != drawTarget else { return }
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), framebuffers[drawTarget])
        glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), framebuffers[sceneTarget])
        glBlitFramebuffer(0, 0, GLint(width), GLint(height), 0, 0, GLint(width), GLint(height),
                          GLbitfield(GL_COLOR_BUFFER_BIT), GLenum(GL_NEAREST))
    }

    /// Makes the post-process target current (its pass samples `sceneTexture`).
    func bindPost() {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[postTarget])
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    /// The pixels of the post target (`post`) or of the resolved scene, top row first
    /// (OpenGL reads bottom row first).
    func read(post: Bool) -> PixelImage {
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), framebuffers[post ? postTarget : sceneTarget])
        var image = PixelImage(width: width, height: height, channels: 4)
        let row = width * 4
        var raw = [UInt8](repeating: 0, count: row * height)
        glPixelStorei(GLenum(GL_PACK_ALIGNMENT), 1)
        raw.withUnsafeMutableBytes { glReadPixels(0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress) }
        image.samples8.withUnsafeMutableBytes { out in
            raw.withUnsafeBytes { src in
                for y in 0..<height {
                    (out.baseAddress! + y * row).copyMemory(from: src.baseAddress! + (height - 1 - y) * row, byteCount: row)
                }
            }
        }
        return image
    }
}
