/// Why an export failed; the tool maps each case to its exit status.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    /// A file the export made failed validation (or the processed scene is structurally
    /// invalid): a bug in a pass, reported with the file it concerns.
    case invalidOutput(file: String, message: String)
    /// A file or folder could not be written.
    case unwritable(path: String, message: String)

    public var description: String {
        switch self {
        case .invalidOutput(let file, let message), .unwritable(let file, let message): return "\(file): \(message)"
        }
    }
}
