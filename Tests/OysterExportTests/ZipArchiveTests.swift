import Foundation
import OysterExport
import OysterTestSupport
import Testing

let unzipAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")
let python3Path = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// The package zip (what `oyster-play`'s Export downloads): CRC-32 as zip defines it, files
/// read back by other zip readers byte for byte, bad names and sizes refused.
@Suite struct ZipArchiveTests {
    @Test func crc32IsTheZipChecksum() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    func sample() throws -> (files: [(String, [UInt8])], zip: [UInt8]) {
        var rng = SystemRandomNumberGenerator()
        let files: [(String, [UInt8])] = [
            ("manifest.json", Array(#"{"a":1}"#.utf8)),
            ("textures/grass_baseColor.png", (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &rng) }),
            ("obj/world.obj", []),
            // Text deflates; the random bytes above stay stored.
            ("obj/big.obj", Array(String(repeating: "v 1.0 2.0 3.0\nvt 0.5 0.5\n", count: 5000).utf8)),
            ("ünïcode name.txt", Array("x".utf8)),
        ]
        var zip = ZipArchive()
        for (p, b) in files { try zip.add(path: p, contents: b) }
        return (files, zip.finished())
    }

    @Test(.enabled(if: unzipAvailable, "needs /usr/bin/unzip"))
    func unzipTestsItAndGivesTheFilesBack() throws {
        let (files, zip) = try sample()
        let dir = TemporaryDirectory()
        try Data(zip).write(to: URL(fileURLWithPath: dir.file("a.zip")))
        let test = try ToolRun.run("/usr/bin/unzip", ["-t", dir.file("a.zip")])
        #expect(test.status == 0 && test.stdout.contains("No errors detected"), "\(test.stdout) \(test.stderr)")
        let out = try ToolRun.run("/usr/bin/unzip", ["-q", dir.file("a.zip"), "-d", dir.file("out")])
        #expect(out.status == 0, "\(out.stderr)")
        // Info-ZIP's unzip writes names through the locale (under C, not as UTF-8): the
        // non-ASCII name is checked by Python's reader instead.
        for (p, b) in files where p.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("out/" + p))) == Data(b), "\(p)")
        }
    }

    @Test(.enabled(if: python3Path != nil, "needs python3"))
    func pythonsZipfileReadsItBack() throws {
        let (files, archive) = try sample()
        let dir = TemporaryDirectory()
        try Data(archive).write(to: URL(fileURLWithPath: dir.file("a.zip")))
        let script = """
        import sys, zipfile, hashlib
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        for i in z.infolist(): print(i.filename, i.file_size, hashlib.sha256(z.read(i)).hexdigest())
        """
        let run = try ToolRun.run(python3Path!, ["-c", script, dir.file("a.zip")])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count)
        for ((p, b), line) in zip(files, lines) { #expect(line.hasPrefix("\(p) \(b.count) "), "\(line)") }
    }

    @Test func theSameFilesGiveTheSameBytes() throws {
        var a = ZipArchive(), b = ZipArchive()
        try a.add(path: "x/y.bin", contents: [1, 2, 3])
        try b.add(path: "x/y.bin", contents: [1, 2, 3])
        #expect(a.finished() == b.finished())
        // Stored (too small to deflate): 30 + 7 + 3 local, 46 + 7 central, 22 end.
        #expect(a.finished().count == 115)
    }

    @Test func textIsDeflatedAndRandomBytesAreStored() throws {
        let (files, archive) = try sample()
        let total = files.map(\.1.count).reduce(0, +)
        // The 125,000 bytes of OBJ text shrink to a few hundred; the 70,000 random bytes stay.
        #expect(archive.count < total - 100_000 && archive.count > 70_000, "\(archive.count) bytes for \(total)")
        var stored = ZipArchive()
        for (p, b) in files { try stored.add(path: p, contents: b, level: 0) }
        #expect(stored.finished().count > total)
    }

    @Test(arguments: ["", "/abs/path", "../up", "a/../../b", "a//b"])
    func namesOutsideThePackageAreRefused(_ name: String) {
        var z = ZipArchive()
        #expect(throws: ZipArchive.ZipError.badName(name)) { try z.add(path: name, contents: []) }
    }
}
