// TexturePacker "JSON (Hash)" manifests, the shape Phaser, PixiJS and others load:
// frames{<name>: {frame, rotated, trimmed, spriteSourceSize, sourceSize}}, meta{…}.
// As in TexturePacker, `frame.w`/`frame.h` are the sprite's own size even when it is stored
// rotated (the page region is then h×w).

extension SpriteAtlas {
    /// The JSON (Hash) manifest of page `page`, whose image file is `imageName`.
    public func manifest(page: Int, sprites: [Sprite], imageName: String, format: String = "RGBA8888") -> String {
        var out = "{\"frames\": {"
        let items = pages[page].sprites
        for (n, i) in items.enumerated() {
            let p = packing.placements[i]
            let w = sprites[i].bitmap.width, h = sprites[i].bitmap.height
            out += n == 0 ? "\n" : ",\n"
            out += "\t\(jsonString(sprites[i].name)): {\n"
            out += "\t\t\"frame\": {\"x\": \(p.x), \"y\": \(p.y), \"w\": \(w), \"h\": \(h)},\n"
            out += "\t\t\"rotated\": \(p.rotated),\n"
            out += "\t\t\"trimmed\": false,\n"
            out += "\t\t\"spriteSourceSize\": {\"x\": 0, \"y\": 0, \"w\": \(w), \"h\": \(h)},\n"
            out += "\t\t\"sourceSize\": {\"w\": \(w), \"h\": \(h)}\n"
            out += "\t}"
        }
        let b = pages[page].bitmap
        out += "\n},\n\"meta\": {\n"
        out += "\t\"app\": \"oyster-atlas\",\n"
        out += "\t\"version\": \"1.0\",\n"
        out += "\t\"image\": \(jsonString(imageName)),\n"
        out += "\t\"format\": \(jsonString(format)),\n"
        out += "\t\"size\": {\"w\": \(b.width), \"h\": \(b.height)},\n"
        out += "\t\"scale\": \"1\"\n"
        out += "}\n}\n"
        return out
    }
}

/// `s` as a JSON string literal (RFC 8259 §7 escapes).
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 {
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(u)
            }
        }
    }
    return out + "\""
}
