import Foundation
import OysterImage
import Testing
@testable import OysterAtlas

/// Runs the built `oyster-atlas` (from `swift build`) and captures its output.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static var toolPath: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for config in ["debug", "release"] {
            let p = root.appendingPathComponent(".build/\(config)/oyster-atlas").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root.appendingPathComponent(".build/debug/oyster-atlas").path
    }

    static func run(_ args: [String]) throws -> ToolRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: toolPath)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return ToolRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

func temporaryFolder(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "oyster-atlas-tests-\(getpid())-\(name)"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Writes noise sprites as PNG files named like the sprites; returns them.
func writeSpriteFiles(_ sizes: [PackSize], seed: UInt64, to dir: String) throws -> [Sprite] {
    let sprites = noiseSprites(sizes, seed: seed)
    for s in sprites {
        let bytes = try ImageCodec.encodePNG(s.bitmap.pixelImage)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + s.name))
    }
    return sprites
}

struct LoadedFrame {
    var page: AtlasBitmap
    var x: Int, y: Int, w: Int, h: Int
    var rotated: Bool
}

/// Reads every `atlas-<n>.json` + image in `dir` into frames by name.
func loadAtlas(_ dir: String) throws -> [String: LoadedFrame] {
    var frames: [String: LoadedFrame] = [:]
    var n = 0
    while FileManager.default.fileExists(atPath: "\(dir)/atlas-\(n).json") {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/atlas-\(n).json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let meta = try #require(root["meta"] as? [String: Any])
        let image = try #require(meta["image"] as? String)
        let page = try AtlasBitmap.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(image)"))))
        #expect(meta["size"] as? [String: Int] == ["w": page.width, "h": page.height])
        for (name, value) in try #require(root["frames"] as? [String: Any]) {
            let f = try #require(value as? [String: Any])
            let r = try #require(f["frame"] as? [String: Int])
            frames[name] = LoadedFrame(page: page, x: r["x"] ?? -1, y: r["y"] ?? -1, w: r["w"] ?? 0, h: r["h"] ?? 0,
                                       rotated: f["rotated"] as? Bool ?? false)
        }
        n += 1
    }
    return frames
}

@Suite(.serialized) struct PackCLITests {
    @Test func packedFramesEqualTheirSourceFiles() throws {
        let dir = try temporaryFolder("exact")
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let sizes = RectSets.mixed(seed: 21, count: 40).map { PackSize(width: $0.width / 2 + 1, height: $0.height / 2 + 1) }
        let sprites = try writeSpriteFiles(sizes, seed: 8, to: dir + "/in")
        let run = try ToolRun.run(["pack", dir + "/in", "-o", dir + "/out", "--max-size", "256", "--padding", "0", "--rotate"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("occupancy"))
        let frames = try loadAtlas(dir + "/out")
        #expect(frames.count == sprites.count)
        #expect(frames.values.contains { $0.rotated })
        for s in sprites {
            let f = try #require(frames[s.name])
            #expect(f.w == s.bitmap.width && f.h == s.bitmap.height)
            let (pw, ph) = f.rotated ? (f.h, f.w) : (f.w, f.h)
            var region = f.page.cropped(x: f.x, y: f.y, width: pw, height: ph)
            if f.rotated { region = region.rotatedCounterClockwise() }
            #expect(region == s.bitmap, "\(s.name)")
        }
    }

    @Test func extrudedPixelsRepeatTheFrameEdge() throws {
        let dir = try temporaryFolder("extrude")
        let sprites = try writeSpriteFiles(RectSets.icons(seed: 4).prefix(30).map { $0 }, seed: 2, to: dir)
        let run = try ToolRun.run(["pack"] + sprites.map { dir + "/" + $0.name } + ["-o", dir + "/out", "--padding", "2", "--extrude", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        let frames = try loadAtlas(dir + "/out")
        for s in sprites {
            let f = try #require(frames[s.name])
            for x in 0..<f.w {
                #expect(f.page.pixel(f.x + x, f.y - 1) == s.bitmap.pixel(x, 0))
                #expect(f.page.pixel(f.x + x, f.y + f.h) == s.bitmap.pixel(x, f.h - 1))
            }
            for y in 0..<f.h {
                #expect(f.page.pixel(f.x - 1, f.y + y) == s.bitmap.pixel(0, y))
                #expect(f.page.pixel(f.x + f.w, f.y + y) == s.bitmap.pixel(f.w - 1, y))
            }
        }
    }

    @Test func failuresMapToExitCodesAndOneLineErrors() throws {
        let dir = try temporaryFolder("errors")
        let missing = try ToolRun.run(["pack", dir + "/nothing.png", "-o", dir + "/out"])
        #expect(missing.status == 3 && missing.stderr.hasPrefix("oyster-atlas: error: \(dir)/nothing.png: "))
        try Data("not an image".utf8).write(to: URL(fileURLWithPath: dir + "/bad.png"))
        let bad = try ToolRun.run(["pack", dir + "/bad.png", "-o", dir + "/out"])
        #expect(bad.status == 3 && bad.stderr.hasPrefix("oyster-atlas: error: \(dir)/bad.png: "))
        _ = try writeSpriteFiles([PackSize(width: 4, height: 4)], seed: 1, to: dir)
        let usage = try ToolRun.run(["pack", dir + "/sprite-0.png", "-o", dir + "/out", "--format", "gif"])
        #expect(usage.status == 2 && usage.stderr.hasPrefix("oyster-atlas: error: "))
        try Data().write(to: URL(fileURLWithPath: dir + "/file"))
        let unwritable = try ToolRun.run(["pack", dir + "/sprite-0.png", "-o", dir + "/file/out"])
        #expect(unwritable.status == 4, "\(unwritable.stderr)")
        #expect(unwritable.stderr.split(separator: "\n").count == 1)
    }

    @Test func jpegPagesAreWritten() throws {
        let dir = try temporaryFolder("jpeg")
        _ = try writeSpriteFiles([PackSize(width: 20, height: 30), PackSize(width: 40, height: 10)], seed: 3, to: dir)
        let run = try ToolRun.run(["pack", dir + "/sprite-0.png", dir + "/sprite-1.png", "-o", dir + "/out", "--format", "jpeg", "--quality", "80", "-q"])
        #expect(run.status == 0 && run.stdout.isEmpty)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out/atlas-0.jpg")))
        #expect(ImageFormat(detecting: bytes) == .jpeg)
        #expect(try loadAtlas(dir + "/out").count == 2)
    }
}
