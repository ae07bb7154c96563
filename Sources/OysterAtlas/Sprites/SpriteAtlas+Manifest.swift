// TexturePacker "JSON (Hash)" manifests, the shape Phaser, PixiJS and others load:
// frames{<name>: {frame, rotated, trimmed, spriteSourceSize, sourceSize}}, meta{…}.
// As in TexturePacker, `frame.w`/`frame.h` are the sprite's own size even when it is stored
// rotated (the page region is then h×w).

import OysterJSON

extension SpriteAtlas {
    /// The JSON (Hash) manifest of page `page`, whose image file is `imageName`.
    public func manifest(page: Int, sprites: [Sprite], imageName: String, format: String = "RGBA8888") -> String {
        func size(_ w: Int, _ h: Int) -> JSONValue { ["w": .int(Int64(w)), "h": .int(Int64(h))] }
        func rect(_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> JSONValue {
            ["x": .int(Int64(x)), "y": .int(Int64(y)), "w": .int(Int64(w)), "h": .int(Int64(h))]
        }
        var frames = JSONObject()
        for i in pages[page].sprites {
            let p = packing.placements[i]
            let w = sprites[i].bitmap.width, h = sprites[i].bitmap.height
            frames[sprites[i].name] = [
                "frame": rect(p.x, p.y, w, h),
                "rotated": .bool(p.rotated),
                "trimmed": false,
                "spriteSourceSize": rect(0, 0, w, h),
                "sourceSize": size(w, h),
            ]
        }
        let b = pages[page].bitmap
        let meta: JSONValue = [
            "app": "oyster-atlas", "version": "1.0", "image": .string(imageName), "format": .string(format),
            "size": size(b.width, b.height), "scale": "1",
        ]
        return JSONWriter.string(["frames": .object(frames), "meta": meta], pretty: true)
    }
}
