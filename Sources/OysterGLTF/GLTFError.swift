import OysterCore
import OysterJSON

/// Why a glTF or GLB file could not be read or written: a one-line message naming the
/// object and the problem (`accessor 3: bufferView 9 does not exist`).
public struct GLTFError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The id of a code in the one table (`DiagnosticCode`): a Khronos glTF-Validator code where
    /// one fits (`INVALID_JSON`, `GLB_…`, `UNRESOLVED_REFERENCE`, …).
    public var code: String
    public var message: String
    /// JSON pointer of the offending property, when known.
    public var pointer: String?
    /// Byte offset into the input (JSON syntax and GLB container errors).
    public var offset: Int?

    /// An error with a code from the table, so no code exists only as a string literal.
    public init(_ message: String, code: DiagnosticCode = .gltfError, pointer: String? = nil, offset: Int? = nil) {
        self.init(message, codeID: code.id, pointer: pointer, offset: offset)
    }

    /// An error passing on the code of another error or diagnostic (already from the table).
    init(_ message: String, codeID: String, pointer: String? = nil, offset: Int? = nil) {
        self.message = message
        self.code = codeID
        self.pointer = pointer
        self.offset = offset
    }

    public var description: String { message }

    /// The error for a JSON syntax failure (the JSON chunk's offset is added for GLB).
    static func json(_ error: JSONError, chunkOffset: Int = 0) -> GLTFError {
        GLTFError(
            "invalid JSON: \(error.message) at byte \(error.offset + chunkOffset)",
            code: .invalidJson, offset: error.offset + chunkOffset)
    }
}
