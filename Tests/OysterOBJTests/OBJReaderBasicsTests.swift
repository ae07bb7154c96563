import Testing
@testable import OysterOBJ
import OysterCore

@Suite struct OBJReaderBasicsTests {
    @Test func readsATriangle() throws {
        let (scene, _) = try OBJReader().read(bytes: Array("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8))
        #expect(scene.statistics.triangles == 1)
    }
}
