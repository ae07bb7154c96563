import CGL

/// A linked vertex + fragment shader program.
struct GLProgram {
    let id: GLuint

    init(vertex: String, fragment: String) throws(RenderError) {
        let vs = try Self.compile(GLenum(GL_VERTEX_SHADER), vertex)
        let fs = try Self.compile(GLenum(GL_FRAGMENT_SHADER), fragment)
        id = glCreateProgram()
        glAttachShader(id, vs)
        glAttachShader(id, fs)
        glLinkProgram(id)
        glDeleteShader(vs)
        glDeleteShader(fs)
        var ok: GLint = 0
        glGetProgramiv(id, GLenum(GL_LINK_STATUS), &ok)
        guard ok != 0 else { throw .gl("program link failed: \(Self.log(program: id))") }
    }

    func uniform(_ name: String) -> GLint { glGetUniformLocation(id, name) }

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
            var buffer = [GLchar](repeating: 0, count: 2048)
            glGetShaderInfoLog(shader, GLsizei(buffer.count), nil, &buffer)
            throw .gl("shader compile failed: \(String(cString: buffer))")
        }
        return shader
    }

    private static func log(program: GLuint) -> String {
        var buffer = [GLchar](repeating: 0, count: 2048)
        glGetProgramInfoLog(program, GLsizei(buffer.count), nil, &buffer)
        return String(cString: buffer)
    }
}
