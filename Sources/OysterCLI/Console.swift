#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore

/// Where tools print: data on stdout, messages on stderr, one line each, `oyster-<tool>:` first.
public struct Console: Sendable {
    public var toolName: String
    public var quiet: Bool

    public init(toolName: String, quiet: Bool = false) {
        self.toolName = toolName
        self.quiet = quiet
    }

    public static var stderrIsTerminal: Bool { isatty(2) != 0 }
    public static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    public func error(_ failure: ToolFailure) { Console.writeStderr("\(toolName): error: \(failure)\n") }

    public func warning(_ text: String, file: String? = nil) {
        guard !quiet else { return }
        Console.writeStderr("\(toolName): warning: " + (file.map { "\($0): " } ?? "") + text + "\n")
    }

    /// Prints reader diagnostics (warnings and notes) for `file`; errors are thrown, not printed here.
    public func report(_ diagnostics: [Diagnostic], file: String) {
        guard !quiet else { return }
        for d in diagnostics {
            var where_ = d.file ?? file
            switch d.location {
            case .line(let l): where_ += ":\(l)"
            case .pointer(let p): where_ += " (\(p))"
            case .offset(let o): where_ += " (byte \(o))"
            case .none: break
            }
            Console.writeStderr("\(toolName): \(d.severity == .error ? "error" : d.severity.label): \(where_): \(d.message)\n")
        }
    }

    /// A status line for people; suppressed by --quiet.
    public func info(_ text: String) {
        guard !quiet else { return }
        Console.writeStderr(text + "\n")
    }

    public static func writeStdout(_ text: String) { writeAll(fd: 1, text) }

    public static func writeStderr(_ text: String) { writeAll(fd: 2, text) }

    /// Unbuffered write of the whole text (stdio's globals are not concurrency-safe in Swift 6).
    private static func writeAll(fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
            offset += n
        }
    }
}
