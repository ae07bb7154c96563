import OysterCore
import OysterJSON

/// A glTF asset in raw form: the JSON document and, for GLB, the container layout and BIN
/// chunk. This is cgltf's "parse" stage; `loadBuffers` is its "load" stage, and
/// `GLTFReader` resolves the result into a `Scene`. The validator works on this form.
public struct GLTFDocument: Sendable {
    /// The root JSON object.
    public var json: JSONObject
    /// The GLB container (chunks and findings); nil for a `.gltf` JSON file.
    public var glb: GLB.Container?
    /// The GLB BIN chunk (what a `buffers[0]` without `uri` refers to): a slice of the file's
    /// bytes, shared rather than copied, so its indices start at `binChunk.startIndex`.
    public var binChunk: ArraySlice<UInt8>?
    /// Container-level findings (GLB oddities that were skipped).
    public var diagnostics: [Diagnostic] = []

    public init(json: JSONObject, glb: GLB.Container? = nil, binChunk: ArraySlice<UInt8>? = nil) {
        self.json = json
        self.glb = glb
        self.binChunk = binChunk
    }

    /// Parses a `.gltf` JSON document or a `.glb` container (detected by its magic).
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = JSONLimits()) throws -> GLTFDocument {
        if GLB.isGLB(bytes) { return try parseGLB(bytes, limits: limits) }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes, limits: limits)
        } catch {
            throw GLTFError.json(error)
        }
        guard case .object(let root) = value else {
            throw GLTFError("the glTF JSON root is not an object", code: .typeMismatch, pointer: "")
        }
        return GLTFDocument(json: root)
    }

    static func parseGLB(_ bytes: [UInt8], limits: JSONLimits) throws -> GLTFDocument {
        let container = GLB.read(bytes)
        guard var json = container.json else {
            let first = container.diagnostics.first { $0.severity == .error }
            var offset: Int?
            if case .offset(let o)? = first?.location { offset = o }
            throw GLTFError("GLB: \(first?.message ?? "no JSON chunk")", codeID: first?.code ?? DiagnosticCode.glbUnexpectedFirstChunk.id, offset: offset)
        }
        // The reader goes on past container problems it can read around (a wrong declared
        // length, an unaligned chunk): to it they are warnings; the validator reports them
        // with the Khronos severities.
        var diagnostics = container.diagnostics.map { d -> Diagnostic in
            var d = d
            if d.severity == .error { d.severity = .warning }
            return d
        }
        // Some writers pad the JSON chunk with NULs instead of spaces; read past them.
        var end = json.endIndex
        while end > json.startIndex, bytes[end - 1] == 0 { end -= 1 }
        if end < json.endIndex {
            diagnostics.append(DiagnosticCode.glbJsonPadding.diagnostic(at: .offset(end)))
            json = bytes[json.startIndex..<end]
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(json, limits: limits)
        } catch {
            throw GLTFError.json(error, chunkOffset: json.startIndex)
        }
        guard case .object(let root) = value else {
            throw GLTFError("the glTF JSON root is not an object", code: .typeMismatch, pointer: "")
        }
        var doc = GLTFDocument(json: root, glb: container)
        doc.binChunk = container.bin
        doc.diagnostics = diagnostics
        return doc
    }

    /// The array at a root property (`accessors`, `nodes`, …), empty when absent.
    public func array(_ key: String) -> [JSONValue] { json[key]?.arrayValue ?? [] }
}
