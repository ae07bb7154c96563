import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@_exported import ArgumentParser

/// A tool's root command. `runAsTool()` replaces ArgumentParser's `main()` so every tool maps
/// failures to the shared exit codes: usage errors exit 2 (ArgumentParser's default is 64),
/// `ToolFailure`s exit with their status after one `oyster-<tool>: error:` line.
public protocol OysterTool: ParsableCommand {
    /// The executable's name, e.g. `oyster-convert`.
    static var toolName: String { get }
}

extension OysterTool {
    public static func runAsTool(_ arguments: [String]? = nil) -> Never {
        let console = Console(toolName: toolName)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            terminate(ExitStatus.success.rawValue)
        } catch let failure as ToolFailure {
            console.error(failure)
            terminate(failure.status.rawValue)
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                Console.writeStdout(text + "\n")
                terminate(0)
            }
            if code.rawValue == ExitCode.validationFailure.rawValue {
                // Usage errors: ArgumentParser's message, then a pointer to --help.
                var first = text.split(separator: "\n").first.map(String.init) ?? text
                if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
                Console.writeStderr("\(toolName): error: \(first)\n")
                Console.writeStderr("Run '\(toolName) --help' for usage.\n")
                terminate(ExitStatus.usage.rawValue)
            }
            console.error(ToolFailure(.unreadableInput, text))
            terminate(code.rawValue == 0 ? ExitStatus.unreadableInput.rawValue : code.rawValue)
        }
    }
}

/// Ends the process; a free function because `ParsableCommand` has an `exit` method of its own.
func terminate(_ status: Int32) -> Never {
    #if canImport(Glibc)
    Glibc.exit(status)
    #else
    Darwin.exit(status)
    #endif
}
