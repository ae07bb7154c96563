/// A malformed or unreadable OBJ/MTL input: `file:line: message` (the CLI maps it to exit 3).
public struct OBJError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's name as given (for messages).
    public var file: String
    /// 1-based line, when the problem is in the text.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `model.obj:12: face index 9 is out of range (8 vertices)`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
