/// An image could not be decoded, encoded or converted; `message` is one line.
public struct ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Hashable, Sendable {
        case corrupt, truncated, limitExceeded, unsupported, unknownFormat, invalidArgument, outOfMemory
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
