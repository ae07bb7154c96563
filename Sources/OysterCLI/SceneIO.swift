import OysterCore
import OysterGLTF
import OysterOBJ

/// Options for reading scenes, whatever the format.
public struct SceneReadOptions: Sendable {
    /// Read URIs/paths that leave the asset's folder (refused by default).
    public var allowUnsafePaths = false
    public init() {}
}

/// Options for writing scenes, whatever the format.
public struct SceneWriteOptions: Sendable {
    /// glTF: put buffers and images in data URIs instead of files beside the .gltf.
    public var embed = false
    /// glTF: indented JSON.
    public var pretty = false
    public init(embed: Bool = false, pretty: Bool = false) {
        self.embed = embed
        self.pretty = pretty
    }
}

/// Reads and writes scenes by file extension, turning each format's errors into `ToolFailure`s
/// (exit 3 for unreadable input, 4 for unwritable output) so every tool reports them alike.
public enum SceneIO {
    public static func read(_ path: String, options: SceneReadOptions = SceneReadOptions()) throws -> (scene: Scene, diagnostics: [Diagnostic]) {
        guard let format = FileFormat(path: path), format.isScene else {
            throw ToolFailure.unreadable(path, "not a scene file (expected \(FileFormat.sceneExtensions))")
        }
        do {
            switch format {
            case .gltf, .glb:
                var o = GLTFReadOptions()
                o.allowUnsafeURIs = options.allowUnsafePaths
                let result = try GLTFReader(options: o).read(path: path)
                return (result.scene, result.diagnostics)
            case .obj:
                let result = try OBJReader().read(path: path)
                return (result.scene, result.diagnostics)
            case .png, .jpeg:
                throw ToolFailure.unreadable(path, "not a scene file")
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch let error as OBJError {
            // OBJError's description already names the file and line.
            throw ToolFailure(.unreadableInput, "\(error)")
        } catch {
            throw ToolFailure.unreadable(path, "\(error)")
        }
    }

    /// Writes `scene` to `path`; returns every file written (companions first).
    @discardableResult
    public static func write(_ scene: Scene, to path: String, options: SceneWriteOptions = SceneWriteOptions()) throws -> [String] {
        guard let format = FileFormat(path: path), format.isScene else {
            throw ToolFailure(.usage, file: path, "cannot write a scene in this format (expected \(FileFormat.sceneExtensions))")
        }
        do {
            switch format {
            case .gltf, .glb:
                return try GLTFWriter(options: GLTFWriteOptions(embed: options.embed, pretty: options.pretty)).write(scene, to: path)
            case .obj:
                return try writeOBJ(scene, to: path)
            case .png, .jpeg:
                throw ToolFailure(.usage, file: path, "not a scene format")
            }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure.unwritable(path, "\(error)")
        }
    }
}
