import OysterCore

// MARK: - Bit depth and channel conversions

extension PixelImage {
    /// The same pixels with 8- or 16-bit samples (16→8 rounds v/257; 8→16 is v×257, exact).
    public func converted(toBitDepth depth: Int) -> PixelImage {
        precondition(depth == 8 || depth == 16, "bitDepth must be 8 or 16")
        if depth == bitDepth { return self }
        if depth == 8 {
            let out = [UInt8](unsafeUninitializedCapacity: samples16.count) { buffer, count in
                samples16.withUnsafeBufferPointer { source in
                    for i in 0..<source.count {
                        // round(v / 257) without division
                        let v = UInt32(source[i])
                        buffer[i] = UInt8(truncatingIfNeeded: (v * 255 + 32895) >> 16)
                    }
                }
                count = samples16.count
            }
            return PixelImage(width: width, height: height, channels: channels, samples8: out)
        }
        let out = [UInt16](unsafeUninitializedCapacity: samples8.count) { buffer, count in
            samples8.withUnsafeBufferPointer { source in
                for i in 0..<source.count { buffer[i] = UInt16(source[i]) &* 257 }
            }
            count = samples8.count
        }
        return PixelImage(width: width, height: height, channels: channels, samples16: out)
    }

    /// The same pixels with `target` channels: gray is replicated to RGB, RGB becomes
    /// Rec. 709 luma, missing alpha is opaque and dropped alpha is discarded (see `removingAlpha`).
    public func converted(toChannels target: Int) -> PixelImage {
        precondition((1...4).contains(target), "channels must be 1-4")
        if target == channels { return self }
        if bitDepth == 16 {
            let out = Self.convertChannels(samples16, pixels: pixelCount, from: channels, to: target, max: 65535)
            return PixelImage(width: width, height: height, channels: target, samples16: out)
        }
        let out = Self.convertChannels(samples8, pixels: pixelCount, from: channels, to: target, max: 255)
        return PixelImage(width: width, height: height, channels: target, samples8: out)
    }

    /// Shorthand for `converted(toChannels:)` then `converted(toBitDepth:)`.
    public func converted(channels target: Int, bitDepth depth: Int) -> PixelImage {
        // Reduce depth first when narrowing so the channel pass touches fewer bytes.
        depth < bitDepth ? converted(toBitDepth: depth).converted(toChannels: target)
                         : converted(toChannels: target).converted(toBitDepth: depth)
    }

    /// The image as 8-bit RGBA, the layout atlases and renderers work in.
    public func rgba8() -> PixelImage { converted(channels: 4, bitDepth: 8) }

    /// The image without its alpha channel, composited or dropped per `policy`; unchanged when opaque.
    public func removingAlpha(_ policy: AlphaPolicy = .compositeOnWhite) -> PixelImage {
        guard hasAlpha else { return self }
        if policy == .drop { return converted(toChannels: channels - 1) }
        let background = policy == .compositeOnWhite ? maxSample : 0
        if bitDepth == 16 {
            let out = Self.composite(samples16, pixels: pixelCount, channels: channels, background: UInt32(background), max: 65535)
            return PixelImage(width: width, height: height, channels: channels - 1, samples16: out)
        }
        let out = Self.composite(samples8, pixels: pixelCount, channels: channels, background: UInt32(background), max: 255)
        return PixelImage(width: width, height: height, channels: channels - 1, samples8: out)
    }

    // MARK: - Kernels

    /// Converts interleaved samples between channel counts (alpha last).
    static func convertChannels<T: FixedWidthInteger & UnsignedInteger>(
        _ source: [T], pixels: Int, from: Int, to: Int, max: UInt32
    ) -> [T] {
        [T](unsafeUninitializedCapacity: pixels * to) { out, count in
            source.withUnsafeBufferPointer { src in
                var s = 0, d = 0
                for _ in 0..<pixels {
                    var r: UInt32, g: UInt32, b: UInt32, a = max
                    switch from {
                    case 1: r = UInt32(src[s]); g = r; b = r
                    case 2: r = UInt32(src[s]); g = r; b = r; a = UInt32(src[s + 1])
                    case 3: r = UInt32(src[s]); g = UInt32(src[s + 1]); b = UInt32(src[s + 2])
                    default: r = UInt32(src[s]); g = UInt32(src[s + 1]); b = UInt32(src[s + 2]); a = UInt32(src[s + 3])
                    }
                    s += from
                    switch to {
                    case 1, 2:
                        // Rec. 709 luma with weights summing to 256; gray input passes through unchanged.
                        let y = from <= 2 ? r : (54 * r + 183 * g + 19 * b + 128) >> 8
                        out[d] = T(truncatingIfNeeded: y)
                        if to == 2 { out[d + 1] = T(truncatingIfNeeded: a) }
                    default:
                        out[d] = T(truncatingIfNeeded: r)
                        out[d + 1] = T(truncatingIfNeeded: g)
                        out[d + 2] = T(truncatingIfNeeded: b)
                        if to == 4 { out[d + 3] = T(truncatingIfNeeded: a) }
                    }
                    d += to
                }
            }
            count = pixels * to
        }
    }

    /// Blends straight-alpha samples over a flat background and drops alpha.
    static func composite<T: FixedWidthInteger & UnsignedInteger>(
        _ source: [T], pixels: Int, channels: Int, background: UInt32, max: UInt32
    ) -> [T] {
        let colors = channels - 1
        return [T](unsafeUninitializedCapacity: pixels * colors) { out, count in
            source.withUnsafeBufferPointer { src in
                let maxValue = UInt64(max), half = UInt64(max / 2), backgroundValue = UInt64(background)
                // 8-bit: n / 255 via a 2^40 reciprocal, exact for n < 2^17 (checked exhaustively).
                let reciprocal = ((1 as UInt64) << 40) / 255 + 1, eightBit = max == 255
                var s = 0, d = 0
                for _ in 0..<pixels {
                    let a = UInt64(src[s + colors])
                    if a == maxValue {
                        for c in 0..<colors { out[d + c] = src[s + c] }
                    } else {
                        let inverse = maxValue - a
                        for c in 0..<colors {
                            let n = UInt64(src[s + c]) * a + backgroundValue * inverse + half
                            out[d + c] = T(truncatingIfNeeded: eightBit ? (n * reciprocal) >> 40 : n / maxValue)
                        }
                    }
                    s += channels
                    d += colors
                }
            }
            count = pixels * colors
        }
    }
}
