import OysterCore
import OysterJSON

/// A glTF asset in raw form: the JSON document and, for GLB, the container layout and BIN
/// chunk. This is cgltf's "parse" stage; `loadBuffers` is its "load" stage, and
/// `GLTFReader` resolves the result into a `Scene`. The validator works on this form.
public struct GLTFDocument: Sendable {
    /// The root JSON object.
    public var json: JSONObject
    /// The GLB header and chunk table; nil for a `.gltf` JSON file.
    public var glb: GLB.Layout?
    /// The GLB BIN chunk (what a `buffers[0]` without `uri` refers to): a slice of the file's
    /// bytes, shared rather than copied, so its indices start at `binChunk.startIndex`.
    public var binChunk: ArraySlice<UInt8>?
    /// Container-level findings (GLB oddities that were skipped).
    public var diagnostics: [Diagnostic] = []

    public init(json: JSONObject, glb: GLB.Layout? = nil, binChunk: ArraySlice<UInt8>? = nil) {
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
            throw GLTFError("the glTF JSON root is not an object", code: "TYPE_MISMATCH", pointer: "")
        }
        return GLTFDocument(json: root)
    }

    static func parseGLB(_ bytes: [UInt8], limits: JSONLimits) throws -> GLTFDocument {
        var diagnostics: [Diagnostic] = []
        let layout = try GLB.parseLayout(bytes, diagnostics: &diagnostics)
        // Some writers pad the JSON chunk with NULs instead of spaces; read past them.
        var end = layout.json.dataOffset + layout.json.length
        while end > layout.json.dataOffset, bytes[end - 1] == 0 { end -= 1 }
        if end < layout.json.dataOffset + layout.json.length {
            diagnostics.append(Diagnostic(code: "GLB_JSON_PADDING", severity: .warning,
                message: "GLB JSON chunk is padded with NUL bytes instead of spaces", location: .offset(end)))
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes[layout.json.dataOffset..<end], limits: limits)
        } catch {
            throw GLTFError.json(error, chunkOffset: layout.json.dataOffset)
        }
        guard case .object(let root) = value else {
            throw GLTFError("the glTF JSON root is not an object", code: "TYPE_MISMATCH", pointer: "")
        }
        var doc = GLTFDocument(json: root, glb: layout)
        if let bin = layout.bin {
            doc.binChunk = bytes[bin.dataOffset..<(bin.dataOffset + bin.length)]
        }
        doc.diagnostics = diagnostics
        return doc
    }

    /// The array at a root property (`accessors`, `nodes`, …), empty when absent.
    public func array(_ key: String) -> [JSONValue] { json[key]?.arrayValue ?? [] }
}
