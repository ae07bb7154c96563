import CGL
import OysterCore

/// A linked vertex + fragment shader program, with its uniform locations looked up once.
final class GLProgram {
    let id: GLuint
    private var locations: [String: GLint] = [:]

    init(vertex: String, fragment: String) throws(RenderError) {
        let vs = try Self.compile(GLenum(GL_VERTEX_SHADER), vertex)
        let fs: GLuint
        do { fs = try Self.compile(GLenum(GL_FRAGMENT_SHADER), fragment) } catch {
            glDeleteShader(vs)
            throw error
        }
        id = glCreateProgram()
        glAttachShader(id, vs)
        glAttachShader(id, fs)
        glLinkProgram(id)
        glDeleteShader(vs)
        glDeleteShader(fs)
        var ok: GLint = 0
        glGetProgramiv(id, GLenum(GL_LINK_STATUS), &ok)
        guard ok != 0 else {
            let log = Self.log(program: id)
            glDeleteProgram(id)
            throw .gl("program link failed: \(log)")
        }
    }

    deinit { glDeleteProgram(id) }

    func use() { glUseProgram(id) }

    /// The location of uniform `name` (−1 when the program has none by that name: the GL
    /// ignores sets to −1, so optional uniforms need no checks).
    func uniform(_ name: String) -> GLint {
        if let l = locations[name] { return l }
        let l = glGetUniformLocation(id, name)
        locations[name] = l
        return l
    }

    func set(_ name: String, _ v: Float) { glUniform1f(uniform(name), v) }
    func set(_ name: String, _ v: Int) { glUniform1i(uniform(name), GLint(v)) }
    func set(_ name: String, _ v: Bool) { glUniform1i(uniform(name), v ? 1 : 0) }
    func set(_ name: String, _ v: Vec2) { glUniform2f(uniform(name), v.x, v.y) }
    func set(_ name: String, _ v: Vec3) { glUniform3f(uniform(name), v.x, v.y, v.z) }
    func set(_ name: String, _ v: Vec4) { glUniform4f(uniform(name), v.x, v.y, v.z, v.w) }
    func set(_ name: String, _ m: Mat4) {
        m.m.withUnsafeBufferPointer { glUniformMatrix4fv(uniform(name), 1, GLboolean(GL_FALSE), $0.baseAddress) }
    }
    /// A column-major 3×3 matrix (9 floats).
    func set3x3(_ name: String, _ m: [Float]) {
        m.withUnsafeBufferPointer { glUniformMatrix3fv(uniform(name), 1, GLboolean(GL_FALSE), $0.baseAddress) }
    }

    private static func compile(_ kind: GLenum, _ source: String) throws(RenderError) -> GLuint {
        let shader = glCreateShader(kind)
        source.withCString { text in
            var pointer: UnsafePointer<GLchar>? = text
            glShaderSource(shader, 1, &pointer, nil)
        }
        glCompileShader(shader)
        var ok: GLint = 0
        glGetShaderiv(shader, GLenum(GL_COMPILE_STATUS), &ok)
        guard ok != 0 else {
            var buffer = [GLchar](repeating: 0, count: 4096)
            glGetShaderInfoLog(shader, GLsizei(buffer.count), nil, &buffer)
            glDeleteShader(shader)
            throw .gl("shader compile failed: \(cString(buffer))")
        }
        return shader
    }

    private static func log(program: GLuint) -> String {
        var buffer = [GLchar](repeating: 0, count: 4096)
        glGetProgramInfoLog(program, GLsizei(buffer.count), nil, &buffer)
        return cString(buffer)
    }
}

/// A NUL-terminated C buffer as a String (up to the first NUL, UTF-8).
func cString(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
