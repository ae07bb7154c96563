import CGL

/// A headless OpenGL 3.3 core context (EGL surfaceless: Mesa's llvmpipe on a CPU, the GPU's
/// driver where there is one), current on the thread that created it. GL calls must stay on
/// that thread.
final class GLContext {
    private var handle = cgl_context()
    /// GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    let renderer: String

    init() throws(RenderError) {
        var name = [CChar](repeating: 0, count: 256)
        let step = cgl_create(&handle, &name, Int32(name.count))
        guard step == 0 else {
            let what = ["", "no EGL display", "eglInitialize", "eglBindAPI(OpenGL)", "no OpenGL config", "no 3.3 core context", "eglMakeCurrent"]
            throw .noOpenGL(step: Int(step), detail: Int(step) < what.count ? what[Int(step)] : "unknown")
        }
        renderer = String(cString: name)
    }

    deinit { cgl_destroy(&handle) }
}
