import ArgumentParser
import Foundation

/// `oyster-atlas`: images or a scene's materials -> atlas pages + manifest (+ remapped scene).
@main
struct OysterAtlasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oyster-atlas",
        abstract: "Pack images, or a scene's textures, into texture atlases.",
        subcommands: [PackCommand.self, SceneCommand.self, BenchPackCommand.self]
    )

    /// Runs a subcommand, mapping failures to the shared exit codes (2 usage, 3 input, 4 output).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ToolError {
            FileHandle.standardError.write(Data("oyster-atlas: error: \(error.file): \(error.message)\n".utf8))
            Foundation.exit(error.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // One line, as every Oyster tool reports errors; `--help` has the rest.
            var message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            FileHandle.standardError.write(Data("oyster-atlas: error: \(message)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// A failure tied to a file, with the exit status it maps to.
struct ToolError: Error {
    var status: Int32
    var file: String
    var message: String

    static func usage(_ what: String, _ message: String) -> ToolError { ToolError(status: 2, file: what, message: message) }
    static func input(_ file: String, _ message: String) -> ToolError { ToolError(status: 3, file: file, message: message) }
    static func output(_ file: String, _ message: String) -> ToolError { ToolError(status: 4, file: file, message: message) }
}
