/// Why a render could not be made; the tool maps each case to its exit status.
public enum RenderError: Error, CustomStringConvertible, Sendable {
    /// No headless OpenGL: EGL or the Mesa driver is missing (exit 3, naming the packages).
    case noOpenGL(step: Int, detail: String)
    /// `--device gpu` asked for, but only a software rasterizer was found (exit 3).
    case noGPU(renderer: String)
    /// A camera the scene does not have (exit 2, listing the ones it has).
    case unknownCamera(String, available: [String])
    /// A size outside 1…16384 on either side.
    case badSize(width: Int, height: Int)
    /// An OpenGL call failed (shader compile, framebuffer).
    case gl(String)

    public var description: String {
        switch self {
        case .noOpenGL(let step, let detail):
            return "no headless OpenGL (EGL step \(step) failed: \(detail)); install libegl1, libgl1 and libgl1-mesa-dri (Debian: apt-get install libegl-dev libgl-dev libgl1-mesa-dri libegl-mesa0)"
        case .noGPU(let renderer):
            return "no GPU OpenGL driver: EGL gave '\(renderer)', a software rasterizer; use --device cpu or auto, or install the GPU's Mesa or vendor driver"
        case .unknownCamera(let name, let available):
            return "no camera named '\(name)'" + (available.isEmpty ? "; the scene has none" : "; cameras: " + available.joined(separator: ", "))
        case .badSize(let w, let h):
            return "size \(w)x\(h) is outside 1...16384 on a side"
        case .gl(let what):
            return "OpenGL: \(what)"
        }
    }
}
