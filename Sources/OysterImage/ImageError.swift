/// An image could not be decoded, encoded or converted; `message` is one line.
public struct ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Hashable, Sendable {
        case corrupt, truncated, limitExceeded, unsupported, unknownFormat, invalidArgument, outOfMemory
    }

    /// The failure's category.
    public let kind: Kind
    /// One line, no trailing period, fit for `tool: error: file: message`.
    public let message: String

    /// An error of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
