/// The file formats the tools read and write, named by file extension.
public enum FileFormat: String, CaseIterable, Sendable {
    case gltf, glb, obj, png, jpeg

    /// The format of `path` from its extension (any case), or nil.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "gltf": self = .gltf
        case "glb": self = .glb
        case "obj": self = .obj
        case "png": self = .png
        case "jpg", "jpeg", "jpe": self = .jpeg
        default: return nil
        }
    }

    /// Scene formats carry geometry; image formats carry one picture.
    public var isScene: Bool { self == .gltf || self == .glb || self == .obj }

    public static var sceneExtensions: String { ".gltf, .glb, .obj" }
    public static var allExtensions: String { ".gltf, .glb, .obj, .png, .jpg" }
}
