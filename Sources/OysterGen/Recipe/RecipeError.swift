/// Why a recipe was refused: the JSON path of the offending value and what is wrong with it.
public struct RecipeError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
