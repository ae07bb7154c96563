#if canImport(Glibc)
import Glibc
#endif
import CGL

/// A headless OpenGL 3.3 core context (EGL surfaceless: Mesa's llvmpipe on a CPU, the GPU's
/// driver where there is one), current on the thread that created it. GL calls must stay on
/// that thread.
final class GLContext {
    private var handle = cgl_context()
    /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    let renderer: String
    /// Whether the device counts the fragment shader's invocations
    /// (GL_ARB_pipeline_statistics_query; llvmpipe does).
    private(set) var countsFragments = false

    /// Whether a GL_RENDERER string names a software rasterizer.
    static func isSoftware(_ renderer: String) -> Bool {
        let r = renderer.lowercased()
        return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") || r.contains("software")
    }

    init(device: RenderDevice = .auto) throws(RenderError) {
        // Mesa's loader reads this when the display initializes: the CPU rasterizer, whatever
        // GPU is present.
        if device == .cpu { setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1) }
        var name = [CChar](repeating: 0, count: 256)
        let step = cgl_create(&handle, &name, Int32(name.count))
        guard step == 0 else {
            let what = ["", "no EGL display", "eglInitialize", "eglBindAPI(OpenGL)", "no OpenGL config", "no 3.3 core context", "eglMakeCurrent"]
            throw .noOpenGL(step: Int(step), detail: Int(step) < what.count ? what[Int(step)] : "unknown")
        }
        renderer = cString(name)
        if device == .gpu && Self.isSoftware(renderer) {
            cgl_destroy(&handle)
            throw .noGPU(renderer: renderer)
        }
        var count: GLint = 0
        glGetIntegerv(GLenum(GL_NUM_EXTENSIONS), &count)
        countsFragments = (0..<GLuint(max(count, 0))).contains { i in
            glGetStringi(GLenum(GL_EXTENSIONS), i).map { String(cString: $0) == "GL_ARB_pipeline_statistics_query" } ?? false
        }
    }

    /// Makes this context current on the calling thread (cheap when it already is). Every
    /// entry point that calls GL does this first: a second renderer made on the same thread
    /// would otherwise take the first one's calls.
    func makeCurrent() {
        _ = cgl_make_current(&handle)
    }

    deinit { cgl_destroy(&handle) }
}
