import CGL
import OysterCore

/// An offscreen colour (RGBA8) and depth target, multisampled when `samples` > 1 and
/// resolved into a single-sampled one for reading.
final class Framebuffer {
    let width: Int
    let height: Int
    let samples: Int
    /// The samples asked for (the device may give fewer).
    let requestedSamples: Int
    private var framebuffers: [GLuint] = []
    private var renderbuffers: [GLuint] = []

    init(width: Int, height: Int, samples: Int) throws(RenderError) {
        self.width = width
        self.height = height
        var maxSamples: GLint = 1
        glGetIntegerv(GLenum(GL_MAX_SAMPLES), &maxSamples)
        self.requestedSamples = samples
        // Multisampled storage is samples × the frame: past 64 M samples (a 4K frame at 8×)
        // fewer are taken, so a 16384² still needs about 1 GiB per buffer, not 16.
        let affordable = max(1, (64 << 20) / max(width * height, 1))
        self.samples = max(1, min(samples, Int(maxSamples), affordable))
        // Draw target (multisampled when asked), then a resolve target when multisampled.
        try add(samples: self.samples, depth: true)
        if self.samples > 1 { try add(samples: 1, depth: false) }
    }

    deinit {
        glDeleteRenderbuffers(GLsizei(renderbuffers.count), &renderbuffers)
        glDeleteFramebuffers(GLsizei(framebuffers.count), &framebuffers)
    }

    private func add(samples: Int, depth: Bool) throws(RenderError) {
        var fb: GLuint = 0
        glGenFramebuffers(1, &fb)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), fb)
        framebuffers.append(fb)
        func attach(_ format: Int32, _ attachment: Int32) {
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
        attach(GL_RGBA8, GL_COLOR_ATTACHMENT0)
        if depth { attach(GL_DEPTH_COMPONENT24, GL_DEPTH_ATTACHMENT) }
        let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
        guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            throw .gl("framebuffer \(width)x\(height)×\(samples) incomplete (status 0x\(String(status, radix: 16)))")
        }
    }

    /// Makes the draw target current with the full viewport.
    func bind() {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffers[0])
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    /// The pixels, top row first (OpenGL reads bottom row first), resolving samples first.
    func read() -> PixelImage {
        if framebuffers.count > 1 {
            glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), framebuffers[0])
            glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), framebuffers[1])
            glBlitFramebuffer(0, 0, GLint(width), GLint(height), 0, 0, GLint(width), GLint(height),
                              GLbitfield(GL_COLOR_BUFFER_BIT), GLenum(GL_NEAREST))
        }
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), framebuffers.last!)
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
