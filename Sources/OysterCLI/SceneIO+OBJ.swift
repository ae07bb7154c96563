import OysterCore
import OysterOBJ

extension SceneIO {
    /// OBJ + MTL with textures written beside them; the OBJ itself is written last.
    static func writeOBJ(_ scene: Scene, to path: String) throws -> [String] {
        try OBJWriter().write(scene, to: path)
    }
}
