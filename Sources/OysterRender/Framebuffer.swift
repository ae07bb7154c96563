import CGL
import OysterCore

/// An offscreen colour (RGBA8) and depth target, bound while it exists.
struct Framebuffer {
    let width: Int
    let height: Int
    private let framebuffer: GLuint
    private let color: GLuint
    private let depth: GLuint

    init(width: Int, height: Int) throws(RenderError) {
        self.width = width
        self.height = height
        var ids: [GLuint] = [0, 0]
        var fb: GLuint = 0
        glGenFramebuffers(1, &fb)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), fb)
        glGenRenderbuffers(2, &ids)
        glBindRenderbuffer(GLenum(GL_RENDERBUFFER), ids[0])
        glRenderbufferStorage(GLenum(GL_RENDERBUFFER), GLenum(GL_RGBA8), GLsizei(width), GLsizei(height))
        glFramebufferRenderbuffer(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0), GLenum(GL_RENDERBUFFER), ids[0])
        glBindRenderbuffer(GLenum(GL_RENDERBUFFER), ids[1])
        glRenderbufferStorage(GLenum(GL_RENDERBUFFER), GLenum(GL_DEPTH_COMPONENT24), GLsizei(width), GLsizei(height))
        glFramebufferRenderbuffer(GLenum(GL_FRAMEBUFFER), GLenum(GL_DEPTH_ATTACHMENT), GLenum(GL_RENDERBUFFER), ids[1])
        framebuffer = fb
        color = ids[0]
        depth = ids[1]
        let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
        guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            delete()
            throw .gl("framebuffer \(width)x\(height) incomplete (status 0x\(String(status, radix: 16)))")
        }
    }

    /// The pixels, top row first (OpenGL reads bottom row first).
    func read() -> PixelImage {
        var image = PixelImage(width: width, height: height, channels: 4)
        let row = width * 4
        var raw = [UInt8](repeating: 0, count: row * height)
        glPixelStorei(GLenum(GL_PACK_ALIGNMENT), 1)
        raw.withUnsafeMutableBytes { glReadPixels(0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), $0.baseAddress) }
        for y in 0..<height {
            let src = (height - 1 - y) * row
            image.samples8.replaceSubrange((y * row)..<((y + 1) * row), with: raw[src..<(src + row)])
        }
        return image
    }

    func delete() {
        var ids = [color, depth]
        glDeleteRenderbuffers(2, &ids)
        var fb = framebuffer
        glDeleteFramebuffers(1, &fb)
    }
}
