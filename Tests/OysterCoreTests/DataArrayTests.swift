#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import OysterCore

@Suite struct DataArrayTests {
    @Test func normalizedSignedBytesClampAtMinusOne() {
        let a = DataArray(componentType: .int8, elementType: .scalar, normalized: true, bytes: [0x80, 0x81, 0x7F])
        #expect(a.floats() == [-1, -1, 1])
    }

    @Test func indicesPickTheNarrowestSafeType() {
        #expect(DataArray(indices: [0, 1, 65534]).componentType == .uint16)
        #expect(DataArray(indices: [0, 65535]).componentType == .uint32)
    }

    @Test func boundsArePerComponent() throws {
        let a = DataArray(vec3: [Vec3(1, 5, -1), Vec3(-2, 3, 4)])
        let b = try #require(a.bounds())
        #expect(b.min == [-2, 3, -1] && b.max == [1, 5, 4])
    }

    @Test func stripsAndFansBecomeTriangleLists() {
        var p = Primitive(mode: .triangleStrip, attributes: ["POSITION": DataArray(vec3: Array(repeating: .zero, count: 5))])
        #expect(p.triangleIndices() == [0, 1, 2, 2, 1, 3, 2, 3, 4])
        p.mode = .triangleFan
        #expect(p.triangleIndices() == [0, 1, 2, 0, 2, 3, 0, 3, 4])
        #expect(p.triangleCount == 3)
    }
}

@Suite struct AtomicFileTests {
    @Test func writeCreatesMissingFoldersAndLeavesNoTemporaryFile() throws {
        let base = "/tmp/oyster-atomic-\(UInt64.random(in: 0...UInt64.max))"
        try AtomicFile.write([1, 2, 3], to: base + "/a/b/file.bin")
        #expect(try AtomicFile.temporaryPath(for: base + "/a/b/file.bin").hasPrefix(base + "/a/b/.file.bin.tmp-"))
        var st = stat()
        #expect(stat(base + "/a/b/file.bin", &st) == 0 && st.st_size == 3)
        #expect(FileIO.listDirectory(base + "/a/b") == ["file.bin"])
    }

    /// Writers on several machines may share a folder, and PIDs repeat across containers.
    @Test func temporaryNamesAreUniquePerCallNotPerProcess() throws {
        let path = "/tmp/oyster-atomic-\(UInt64.random(in: 0...UInt64.max))/file.bin"
        let a = try AtomicFile.temporaryPath(for: path), b = try AtomicFile.temporaryPath(for: path)
        #expect(a != b)
        rmdir(AtomicFile.parentDirectory(of: path))
    }

    @Test func aFileWhereTheFolderShouldBeFails() throws {
        let base = "/tmp/oyster-atomic-\(UInt64.random(in: 0...UInt64.max))"
        try AtomicFile.write([1], to: base)
        #expect(throws: OutputError.self) { try AtomicFile.write([1], to: base + "/inside.bin") }
    }
}
