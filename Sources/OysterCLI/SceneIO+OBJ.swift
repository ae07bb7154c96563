import OysterCore
import OysterOBJ

extension SceneIO {
    static func writeOBJ(_ scene: Scene, to path: String) throws -> [String] {
        throw ToolFailure(.usage, file: path, "OBJ output is not available yet")
    }
}
