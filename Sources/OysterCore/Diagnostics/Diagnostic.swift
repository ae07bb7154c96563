/// How serious a finding is; raw values are the Khronos glTF-Validator's severities.
public enum Severity: Int, Comparable, Hashable, Sendable, CaseIterable {
    case error = 0, warning = 1, information = 2, hint = 3

    /// More severe sorts first: `.error < .warning`.
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }

    public var label: String {
        switch self {
        case .error: return "error"
        case .warning: return "warning"
        case .information: return "info"
        case .hint: return "hint"
        }
    }
}

/// Where in the input a finding is.
public enum DiagnosticLocation: Hashable, Sendable {
    /// A JSON pointer into a glTF document (`/meshes/0/primitives/1`).
    case pointer(String)
    /// A byte offset into a file (JSON syntax, GLB chunks, image data).
    case offset(Int)
    /// A 1-based line in a text file (OBJ, MTL).
    case line(Int)
    case none
}

/// One problem found in input: readers collect these instead of printing, the validator
/// reports them, and tools decide what fails.
public struct Diagnostic: Hashable, Sendable {
    /// A stable code from `DiagnosticCode` (Khronos validator codes for glTF).
    public var code: String
    public var severity: Severity
    public var message: String
    public var location: DiagnosticLocation
    /// The file the finding is about, when it is not the main input (an MTL, a texture).
    public var file: String?

    public init(code: String, severity: Severity, message: String, location: DiagnosticLocation = .none, file: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file
    }

    public var pointer: String? { if case .pointer(let p) = location { return p } else { return nil } }
}
