import Foundation
import OysterTestSupport
import Testing
@testable import OysterAtlas

/// Sprites with distinct pixels everywhere (so any misplaced or misturned pixel shows).
func noiseSprites(_ sizes: [PackSize], seed: UInt64) -> [Sprite] {
    var r = TestRandom(seed: seed)
    return sizes.enumerated().map { i, s in
        var b = AtlasBitmap(width: s.width, height: s.height)
        for k in b.pixels.indices { b.pixels[k] = UInt8(truncatingIfNeeded: r.next()) }
        return Sprite(name: "sprite-\(i).png", bitmap: b)
    }
}

@Suite struct SpriteAtlasTests {
    @Test func framesHoldTheirSourcePixelsExactly() throws {
        let sprites = noiseSprites(RectSets.mixed(seed: 7, count: 60), seed: 11)
        var o = PackOptions(maxWidth: 1024, maxHeight: 1024, allowRotation: true)
        o.effort = 0.2
        let atlas = try buildSpriteAtlas(sprites, options: o)
        #expect(atlas.packing.placements.contains { $0.rotated }, "the set should exercise rotation")
        for (i, s) in sprites.enumerated() {
            let p = atlas.packing.placements[i]
            var frame = atlas.pages[p.page].bitmap.cropped(x: p.x, y: p.y, width: p.width, height: p.height)
            if p.rotated { frame = frame.rotatedCounterClockwise() }
            #expect(frame == s.bitmap, "sprite \(i)")
        }
    }

    @Test func extrusionRepeatsTheFrameEdge() throws {
        let sprites = noiseSprites(RectSets.icons(seed: 5).prefix(80).map { $0 }, seed: 3)
        var o = PackOptions(maxWidth: 512, maxHeight: 512, padding: 2, extrude: 2)
        o.effort = 0.2
        let atlas = try buildSpriteAtlas(sprites, options: o)
        for (i, s) in sprites.enumerated() {
            let p = atlas.packing.placements[i]
            let page = atlas.pages[p.page].bitmap
            for d in 1...2 {
                for x in 0..<p.width {
                    #expect(page.pixel(p.x + x, p.y - d) == s.bitmap.pixel(x, 0))
                    #expect(page.pixel(p.x + x, p.y + p.height - 1 + d) == s.bitmap.pixel(x, p.height - 1))
                }
                for y in 0..<p.height {
                    #expect(page.pixel(p.x - d, p.y + y) == s.bitmap.pixel(0, y))
                    #expect(page.pixel(p.x + p.width - 1 + d, p.y + y) == s.bitmap.pixel(p.width - 1, y))
                }
            }
        }
    }

    @Test func rotationTurnsClockwise() {
        // 2×1: red, green -> turned clockwise: 1×2 with red on top.
        let b = AtlasBitmap(width: 2, height: 1, pixels: [255, 0, 0, 255, 0, 255, 0, 255])!
        let r = b.rotatedClockwise()
        #expect(r.width == 1 && r.height == 2)
        #expect(r.pixel(0, 0) == 0xFF00_00FF && r.pixel(0, 1) == 0x00FF_00FF)
        let tall = AtlasBitmap(width: 2, height: 2, pixels: (0..<16).map { UInt8($0) })!
        // Top-left goes to top-right.
        #expect(tall.rotatedClockwise().pixel(1, 0) == tall.pixel(0, 0))
        #expect(tall.rotatedClockwise().rotatedCounterClockwise() == tall)
    }

    @Test func manifestHasTheTexturePackerHashShape() throws {
        let sprites = noiseSprites([PackSize(width: 30, height: 10), PackSize(width: 8, height: 8)], seed: 1)
        let atlas = try buildSpriteAtlas(sprites, options: PackOptions(maxWidth: 64, maxHeight: 64))
        let text = atlas.manifest(page: 0, sprites: sprites, imageName: "atlas-0.png")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let frames = try #require(root["frames"] as? [String: Any])
        #expect(Set(frames.keys) == ["sprite-0.png", "sprite-1.png"])
        let f0 = try #require(frames["sprite-0.png"] as? [String: Any])
        let frame = try #require(f0["frame"] as? [String: Int])
        let p = atlas.packing.placements[0]
        #expect(frame == ["x": p.x, "y": p.y, "w": 30, "h": 10])
        #expect(f0["rotated"] as? Bool == false && f0["trimmed"] as? Bool == false)
        #expect(f0["spriteSourceSize"] as? [String: Int] == ["x": 0, "y": 0, "w": 30, "h": 10])
        #expect(f0["sourceSize"] as? [String: Int] == ["w": 30, "h": 10])
        let meta = try #require(root["meta"] as? [String: Any])
        #expect(meta["image"] as? String == "atlas-0.png")
        #expect(meta["size"] as? [String: Int] == ["w": atlas.pages[0].bitmap.width, "h": atlas.pages[0].bitmap.height])
        #expect(meta["format"] as? String == "RGBA8888" && meta["scale"] as? String == "1")
    }

    @Test func manifestEscapesNames() throws {
        var sprites = noiseSprites([PackSize(width: 4, height: 4)], seed: 2)
        sprites[0].name = "a \"quoted\"\\name\n.png"
        let atlas = try buildSpriteAtlas(sprites, options: PackOptions())
        let text = atlas.manifest(page: 0, sprites: sprites, imageName: "p.png")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((root["frames"] as? [String: Any])?.keys.first == sprites[0].name)
    }
}
