import OysterCore
import OysterGen

/// Which world a session walks, and the words that name it on `oyster-render`'s command line
/// (so a saved session says how to replay it).
public struct PlayWorld: Sendable {
    public var recipe: Recipe
    /// `--world "PROMPT"` or `--world --recipe FILE`, with `--seed N`.
    public var replayArguments: String

    /// The world of a prompt or a recipe file's bytes (as `oyster-render --world` reads
    /// them: the prompt interpreted at seed 1, then `seed` over either).
    public init(prompt: String?, recipe file: (path: String, bytes: [UInt8])?, seed: Int?) throws {
        recipe = try Recipe.world(prompt: prompt, recipe: file?.bytes, seed: seed.map { UInt64($0) })
        var words: [String] = ["--world"]
        if let file {
            words += ["--recipe", Self.quoted(file.path)]
        } else if let prompt {
            words.append(Self.quoted(prompt))
        }
        if let seed { words += ["--seed", String(seed)] }
        replayArguments = words.joined(separator: " ")
    }

    /// Single-quoted for a POSIX shell.
    static func quoted(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
