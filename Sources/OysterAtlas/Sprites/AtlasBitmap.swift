/// 8-bit RGBA pixels, rows top to bottom: what sprites are cut from and pages are drawn into.
public struct AtlasBitmap: Hashable, Sendable {
    public var width: Int
    public var height: Int
    /// `width × height × 4` bytes, RGBA, no row padding.
    public var pixels: [UInt8]

    /// A transparent black bitmap.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        pixels = [UInt8](repeating: 0, count: self.width * self.height * 4)
    }

    /// Wraps RGBA bytes; nil when the byte count does not match the size.
    public init?(width: Int, height: Int, pixels: [UInt8]) {
        guard width >= 0, height >= 0, pixels.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The RGBA value at (x, y) packed as 0xRRGGBBAA.
    public func pixel(_ x: Int, _ y: Int) -> UInt32 {
        let o = (y * width + x) * 4
        return UInt32(pixels[o]) << 24 | UInt32(pixels[o + 1]) << 16 | UInt32(pixels[o + 2]) << 8 | UInt32(pixels[o + 3])
    }

    /// This bitmap turned 90° clockwise (the way TexturePacker stores rotated frames).
    public func rotatedClockwise() -> AtlasBitmap {
        var out = AtlasBitmap(width: height, height: width)
        let w = width, h = height
        pixels.withUnsafeBytes { src in
            out.pixels.withUnsafeMutableBytes { dst in
                let s = src.bindMemory(to: UInt32.self), d = dst.bindMemory(to: UInt32.self)
                // dest (dx, dy) = src (dy, h - 1 - dx)
                for dy in 0..<w {
                    for dx in 0..<h { d[dy * h + dx] = s[(h - 1 - dx) * w + dy] }
                }
            }
        }
        return out
    }

    /// This bitmap turned 90° counter-clockwise (undoes `rotatedClockwise`).
    public func rotatedCounterClockwise() -> AtlasBitmap {
        var out = AtlasBitmap(width: height, height: width)
        let w = width, h = height
        pixels.withUnsafeBytes { src in
            out.pixels.withUnsafeMutableBytes { dst in
                let s = src.bindMemory(to: UInt32.self), d = dst.bindMemory(to: UInt32.self)
                // dest (dx, dy) = src (w - 1 - dy, dx)
                for dy in 0..<w {
                    for dx in 0..<h { d[dy * h + dx] = s[dx * w + (w - 1 - dy)] }
                }
            }
        }
        return out
    }

    /// The `w`×`h` region at (x, y); the caller keeps it inside the bitmap.
    public func cropped(x: Int, y: Int, width w: Int, height h: Int) -> AtlasBitmap {
        var out = AtlasBitmap(width: w, height: h)
        for row in 0..<h {
            let s = ((y + row) * width + x) * 4
            out.pixels.replaceSubrange(row * w * 4..<(row + 1) * w * 4, with: pixels[s..<s + w * 4])
        }
        return out
    }

    /// Copies `src` to (x, y), and fills `extrude` pixels around it with its edge pixels
    /// (clamped sampling), so filtering at the frame's border never reads a neighbour.
    public mutating func draw(_ src: AtlasBitmap, x: Int, y: Int, extrude: Int = 0) {
        draw(src, x: x, y: y, region: (x - extrude, y - extrude, x + src.width + extrude, y + src.height + extrude))
    }

    /// Copies `src` to (x, y), filling the pixels of `region` (x0, y0, x1, y1; exclusive ends)
    /// outside it with the nearest edge pixel of `src`.
    mutating func draw(_ src: AtlasBitmap, x: Int, y: Int, region: (Int, Int, Int, Int)) {
        guard src.width > 0, src.height > 0 else { return }
        let x0 = max(0, region.0), y0 = max(0, region.1)
        let x1 = min(width, region.2), y1 = min(height, region.3)
        guard x0 < x1, y0 < y1 else { return }
        let sw = src.width, sh = src.height, dw = width
        src.pixels.withUnsafeBytes { sraw in
            pixels.withUnsafeMutableBytes { draw in
                let s = sraw.bindMemory(to: UInt32.self), d = draw.bindMemory(to: UInt32.self)
                for dy in y0..<y1 {
                    let sy = min(max(dy - y, 0), sh - 1)
                    let srow = sy * sw, drow = dy * dw
                    for dx in x0..<x1 {
                        let sx = min(max(dx - x, 0), sw - 1)
                        d[drow + dx] = s[srow + sx]
                    }
                }
            }
        }
    }
}
