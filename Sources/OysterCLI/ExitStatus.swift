/// Exit codes shared by every Oyster tool (DESIGN.md).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// The input was read but has errors (validation failed, export output invalid).
    case inputHasErrors = 1
    case usage = 2
    /// An input could not be read or is malformed.
    case unreadableInput = 3
    /// An output could not be written.
    case outputFailed = 4
}

/// A failure that ends a tool run with a one-line message and a specific exit status.
public struct ToolFailure: Error, CustomStringConvertible, Sendable {
    public var status: ExitStatus
    /// The file the message is about, if any.
    public var file: String?
    public var message: String

    public init(_ status: ExitStatus, file: String? = nil, _ message: String) {
        self.status = status
        self.file = file
        self.message = message
    }

    /// `file: message`, without naming the file twice when the message already starts with it.
    public var description: String {
        guard let file, !message.hasPrefix(file + ":") else { return message }
        return "\(file): \(message)"
    }

    public static func unreadable(_ file: String, _ message: String) -> ToolFailure { ToolFailure(.unreadableInput, file: file, message) }
    public static func unwritable(_ file: String, _ message: String) -> ToolFailure { ToolFailure(.outputFailed, file: file, message) }
    public static func usage(_ message: String) -> ToolFailure { ToolFailure(.usage, message) }
}
