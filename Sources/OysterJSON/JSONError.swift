/// Why a JSON document was rejected, with the byte offset where the problem starts.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The category of a JSON failure (stable, so callers such as the validator can map it to codes).
    public enum Kind: String, Hashable, Sendable {
        case unexpectedEnd
        case unexpectedCharacter
        case invalidNumber
        case invalidString
        case invalidEscape
        case invalidUTF8
        case byteOrderMark
        case trailingContent
        case depthExceeded
        case sizeExceeded
        case stringTooLong
        case nonFiniteNumber
    }

    public var kind: Kind
    /// Byte offset into the parsed input (0 for writer errors).
    public var offset: Int
    public var message: String

    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(message) at byte \(offset)" }
}

/// Bounds that keep a hostile document from exhausting memory or time.
public struct JSONLimits: Hashable, Sendable {
    /// Deepest nesting of arrays and objects.
    public var maxDepth: Int
    /// Largest input accepted, in bytes.
    public var maxInputSize: Int
    /// Longest string (in UTF-8 bytes, after unescaping).
    public var maxStringLength: Int

    /// Read a number beyond Double's range (`1e400`) as ±infinity instead of failing, as
    /// JavaScript and Dart parsers do; the glTF validator reads documents that way and then
    /// reports the value where the schema gives it a range.
    public var infiniteNumbers = false

    public init(maxDepth: Int = 256, maxInputSize: Int = 1 << 30, maxStringLength: Int = 1 << 28) {
        self.maxDepth = maxDepth
        self.maxInputSize = maxInputSize
        self.maxStringLength = maxStringLength
    }
}
