import Foundation
import OysterCore
import Testing
@testable import OysterOBJ

/// OBJ follows the one path rule (`AssetPath`): a library named through a folder and back is
/// read; one above the model's folder is refused.
@Suite struct OBJPathRuleTests {
    @Test func aLibraryPathThatStaysInsideIsNormalisedAndRead() throws {
        let dir = NSTemporaryDirectory() + "oyster-obj-paths-\(getpid())"
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "newmtl red\nKd 1 0 0\n".write(toFile: dir + "/m.mtl", atomically: true, encoding: .utf8)
        try "mtllib sub/../m.mtl\nmtllib ../m.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl red\nf 1 2 3\n"
            .write(toFile: dir + "/model.obj", atomically: true, encoding: .utf8)
        let (scene, diagnostics) = try OBJReader().read(path: dir + "/model.obj")
        #expect(scene.materials.first?.baseColorFactor.x == 1)
        #expect(scene.materials.first?.baseColorFactor.y == 0)
        let refused = diagnostics.filter { $0.code == DiagnosticCode.objPathRefused.id }
        #expect(refused.count == 1)
        #expect(refused.first?.message.contains("../m.mtl") == true)
    }
}
