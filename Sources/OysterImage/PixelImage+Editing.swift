import OysterCore

// MARK: - Copy, blit, extrude, fill

extension PixelImage {
    /// The whole image as a rect.
    public var bounds: PixelRect { PixelRect(x: 0, y: 0, width: width, height: height) }

    /// A copy of the pixels inside `rect` (clipped to the image).
    public func cropped(to rect: PixelRect) -> PixelImage {
        let r = rect.intersection(bounds)
        var out = blank(width: r.width, height: r.height)
        out.blit(self, from: r, toX: 0, y: 0)
        return out
    }

    /// Copies `sourceRect` of `source` (whole image by default) so its top-left lands at (x, y).
    ///
    /// Parts falling outside either image are clipped. Both images must share channels and bit depth.
    public mutating func blit(_ source: PixelImage, from sourceRect: PixelRect? = nil, toX x: Int, y: Int) {
        precondition(source.channels == channels && source.bitDepth == bitDepth,
                     "blit needs matching channels and bit depth; convert the source first")
        var src = (sourceRect ?? source.bounds).intersection(source.bounds)
        // Clip against the destination, shifting the source rect by the same amount.
        var dx = x + (src.x - (sourceRect?.x ?? 0)), dy = y + (src.y - (sourceRect?.y ?? 0))
        if dx < 0 { src.x -= dx; src.width += dx; dx = 0 }
        if dy < 0 { src.y -= dy; src.height += dy; dy = 0 }
        src.width = min(src.width, width - dx)
        src.height = min(src.height, height - dy)
        guard !src.isEmpty else { return }
        let bpp = bytesPerPixel, srcStride = source.bytesPerRow, dstStride = bytesPerRow
        let rowBytes = src.width * bpp
        source.withUnsafeSampleBytes { from in
            withUnsafeMutableSampleBytes { to in
                guard let s = from.baseAddress, let d = to.baseAddress else { return }
                for row in 0..<src.height {
                    (d + (dy + row) * dstStride + dx * bpp)
                        .copyMemory(from: s + (src.y + row) * srcStride + src.x * bpp, byteCount: rowBytes)
                }
            }
        }
    }

    /// Repeats the edge pixels of `rect` outward by `padding` px on every side (atlas gutters), clipped to the image.
    public mutating func extrude(_ rect: PixelRect, by padding: Int) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty, padding > 0 else { return }
        let bpp = bytesPerPixel, stride = bytesPerRow
        let left = max(0, r.x - padding), right = min(width, r.x + r.width + padding)
        let top = max(0, r.y - padding), bottom = min(height, r.y + r.height + padding)
        withUnsafeMutableSampleBytes { raw in
            guard let base = raw.baseAddress else { return }
            // Sideways first, so the rows copied up and down already include the corners.
            for y in r.y..<(r.y + r.height) {
                let row = base + y * stride
                let first = row + r.x * bpp, last = row + (r.x + r.width - 1) * bpp
                for x in left..<r.x { (row + x * bpp).copyMemory(from: first, byteCount: bpp) }
                for x in (r.x + r.width)..<right { (row + x * bpp).copyMemory(from: last, byteCount: bpp) }
            }
            let spanStart = left * bpp, spanBytes = (right - left) * bpp
            for y in top..<r.y {
                (base + y * stride + spanStart).copyMemory(from: base + r.y * stride + spanStart, byteCount: spanBytes)
            }
            for y in (r.y + r.height)..<bottom {
                (base + y * stride + spanStart)
                    .copyMemory(from: base + (r.y + r.height - 1) * stride + spanStart, byteCount: spanBytes)
            }
        }
    }

    /// Sets every pixel of `rect` (whole image by default, clipped) to `samples` (one value per channel, 0...maxSample).
    public mutating func fill(_ samples: [Int], in rect: PixelRect? = nil) {
        precondition(samples.count == channels, "fill needs one sample per channel")
        let r = (rect ?? bounds).intersection(bounds)
        guard !r.isEmpty else { return }
        let bpp = bytesPerPixel, stride = bytesPerRow
        let depth = bitDepth
        withUnsafeMutableSampleBytes { raw in
            guard let base = raw.baseAddress else { return }
            let first = base + r.y * stride + r.x * bpp
            // One pixel, then doubling copies across the first row, then row copies.
            for c in 0..<samples.count {
                let v = Swift.max(0, Swift.min(samples[c], depth == 16 ? 65535 : 255))
                if depth == 16 { first.storeBytes(of: UInt16(v), toByteOffset: c * 2, as: UInt16.self) }
                else { first.storeBytes(of: UInt8(v), toByteOffset: c, as: UInt8.self) }
            }
            var filled = bpp
            let rowBytes = r.width * bpp
            while filled < rowBytes {
                let chunk = Swift.min(filled, rowBytes - filled)
                (first + filled).copyMemory(from: first, byteCount: chunk)
                filled += chunk
            }
            for y in 1..<Swift.max(1, r.height) {
                (first + y * stride).copyMemory(from: first, byteCount: rowBytes)
            }
        }
    }
}

// MARK: - Flips and rotation

extension PixelImage {
    /// The image upside down (row order reversed).
    public func flippedVertically() -> PixelImage {
        var out = blank(width: width, height: height)
        let stride = bytesPerRow, h = height
        withUnsafeSampleBytes { from in
            out.withUnsafeMutableSampleBytes { to in
                guard let s = from.baseAddress, let d = to.baseAddress else { return }
                for y in 0..<h { (d + y * stride).copyMemory(from: s + (h - 1 - y) * stride, byteCount: stride) }
            }
        }
        return out
    }

    /// The image mirrored left to right.
    public func flippedHorizontally() -> PixelImage {
        remapped(width: width, height: height) { x, y in (width - 1 - x, y) }
    }

    /// The image turned a quarter turn, clockwise by default.
    public func rotated90(clockwise: Bool = true) -> PixelImage {
        let w = width, h = height
        // Output (x, y) of a w'=h, h'=w image reads source pixel:
        // clockwise: (y, h-1-x); counter-clockwise: (w-1-y, x)
        return clockwise ? remapped(width: h, height: w) { x, y in (y, h - 1 - x) }
                         : remapped(width: h, height: w) { x, y in (w - 1 - y, x) }
    }

    /// The image turned half a turn.
    public func rotated180() -> PixelImage {
        remapped(width: width, height: height) { x, y in (width - 1 - x, height - 1 - y) }
    }

    /// The image as a viewer shows it given its EXIF orientation (1–8; others leave it unchanged).
    public func applyingEXIFOrientation(_ orientation: Int) -> PixelImage {
        let w = width, h = height
        switch orientation {
        case 2: return flippedHorizontally()
        case 3: return rotated180()
        case 4: return flippedVertically()
        case 5: return remapped(width: h, height: w) { x, y in (y, x) }                  // transpose
        case 6: return rotated90(clockwise: true)
        case 7: return remapped(width: h, height: w) { x, y in (w - 1 - y, h - 1 - x) }  // transverse
        case 8: return rotated90(clockwise: false)
        default: return self
        }
    }

    /// Builds an image whose pixel (x, y) is the source pixel `map(x, y)`.
    func remapped(width w: Int, height h: Int, _ map: (Int, Int) -> (Int, Int)) -> PixelImage {
        var out = blank(width: w, height: h)
        let bpp = bytesPerPixel, srcStride = bytesPerRow, dstStride = out.bytesPerRow
        withUnsafeSampleBytes { from in
            out.withUnsafeMutableSampleBytes { to in
                guard let s = from.baseAddress, let d = to.baseAddress else { return }
                for y in 0..<h {
                    let row = d + y * dstStride
                    for x in 0..<w {
                        let (sx, sy) = map(x, y)
                        (row + x * bpp).copyMemory(from: s + sy * srcStride + sx * bpp, byteCount: bpp)
                    }
                }
            }
        }
        return out
    }
}

// MARK: - Layout helpers

extension PixelImage {
    /// An image with the same layout as `self` and the given size, zero-filled.
    func blank(width: Int, height: Int) -> PixelImage {
        PixelImage(width: width, height: height, channels: channels, bitDepth: bitDepth)
    }
}
