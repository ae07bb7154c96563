// MARK: - PixelImage

/// A decoded raster: `width`×`height` pixels of 1–4 interleaved channels with 8- or 16-bit samples.
///
/// The one pixel type of Oyster: it lives in Core so a scene's `Image.pixels` can carry it;
/// codecs, conversion, editing and resizing are in OysterImage.
///
/// Channels: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA (alpha last, straight, not premultiplied).
/// Rows run top to bottom without padding. Exactly one sample array is in use:
/// `samples8` when `bitDepth == 8`, `samples16` when `bitDepth == 16` (the other is empty).
/// Callers that mutate a sample array must keep its count at `width * height * channels`.
public struct PixelImage: Hashable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Interleaved channels per pixel (1–4).
    public let channels: Int
    /// Bits per sample: 8 or 16.
    public let bitDepth: Int
    /// 8-bit samples, row-major and interleaved; empty for 16-bit images.
    public var samples8: [UInt8]
    /// 16-bit samples, row-major and interleaved; empty for 8-bit images.
    public var samples16: [UInt16]

    /// A zero-filled (transparent black) image.
    public init(width: Int, height: Int, channels: Int, bitDepth: Int = 8) {
        precondition(width >= 0 && height >= 0, "negative image size")
        precondition((1...4).contains(channels), "channels must be 1-4")
        precondition(bitDepth == 8 || bitDepth == 16, "bitDepth must be 8 or 16")
        self.width = width
        self.height = height
        self.channels = channels
        self.bitDepth = bitDepth
        let count = width * height * channels
        samples8 = bitDepth == 8 ? [UInt8](repeating: 0, count: count) : []
        samples16 = bitDepth == 16 ? [UInt16](repeating: 0, count: count) : []
    }

    /// An 8-bit image over the given samples (`count == width * height * channels`).
    public init(width: Int, height: Int, channels: Int, samples8: [UInt8]) {
        precondition(width >= 0 && height >= 0 && (1...4).contains(channels), "invalid image layout")
        precondition(samples8.count == width * height * channels, "sample count does not match the layout")
        self.width = width
        self.height = height
        self.channels = channels
        self.bitDepth = 8
        self.samples8 = samples8
        self.samples16 = []
    }

    /// A 16-bit image over the given samples (`count == width * height * channels`).
    public init(width: Int, height: Int, channels: Int, samples16: [UInt16]) {
        precondition(width >= 0 && height >= 0 && (1...4).contains(channels), "invalid image layout")
        precondition(samples16.count == width * height * channels, "sample count does not match the layout")
        self.width = width
        self.height = height
        self.channels = channels
        self.bitDepth = 16
        self.samples8 = []
        self.samples16 = samples16
    }

    // MARK: - Layout

    /// Whether the last channel is alpha (2 or 4 channels).
    public var hasAlpha: Bool { channels == 2 || channels == 4 }
    /// Number of pixels.
    public var pixelCount: Int { width * height }
    /// Bytes per pixel (channels × bytes per sample).
    public var bytesPerPixel: Int { channels * (bitDepth / 8) }
    /// Bytes per row (rows have no padding).
    public var bytesPerRow: Int { width * bytesPerPixel }
    /// Largest sample value: 255 or 65535.
    public var maxSample: Int { bitDepth == 16 ? 65535 : 255 }

    /// Sample `channel` of pixel (x, y) as an integer in 0...maxSample.
    public func sample(x: Int, y: Int, channel: Int) -> Int {
        let index = (y * width + x) * channels + channel
        return bitDepth == 16 ? Int(samples16[index]) : Int(samples8[index])
    }

    /// Sets sample `channel` of pixel (x, y), clamped to 0...maxSample.
    public mutating func setSample(x: Int, y: Int, channel: Int, _ value: Int) {
        let index = (y * width + x) * channels + channel
        let v = Swift.max(0, Swift.min(value, maxSample))
        if bitDepth == 16 { samples16[index] = UInt16(v) } else { samples8[index] = UInt8(v) }
    }

    // MARK: - Raw bytes

    /// Calls `body` with the pixel bytes (16-bit samples in native byte order).
    public func withUnsafeSampleBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        bitDepth == 16 ? try samples16.withUnsafeBytes(body) : try samples8.withUnsafeBytes(body)
    }

    /// Calls `body` with the mutable pixel bytes (16-bit samples in native byte order).
    public mutating func withUnsafeMutableSampleBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        bitDepth == 16 ? try samples16.withUnsafeMutableBytes(body) : try samples8.withUnsafeMutableBytes(body)
    }
}

// MARK: - PixelRect

/// A rectangle of pixels: origin at the top-left, x to the right, y down.
public struct PixelRect: Hashable, Sendable {
    /// Left edge in pixels.
    public var x: Int
    /// Top edge in pixels.
    public var y: Int
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// A rect with its top-left at (x, y).
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The intersection with `other`, or an empty rect at the origin when they do not overlap.
    public func intersection(_ other: PixelRect) -> PixelRect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(x + width, other.x + other.width), y1 = min(y + height, other.y + other.height)
        guard x1 > x0, y1 > y0 else { return PixelRect(x: 0, y: 0, width: 0, height: 0) }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Whether the rect has no pixels.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
}

// MARK: - Description

extension PixelImage: CustomStringConvertible {
    /// A one-line summary (size, layout, sample hash) instead of every sample.
    public var description: String {
        let layout = ["gray", "gray+alpha", "RGB", "RGBA"][channels - 1]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a over the sample bytes
        withUnsafeSampleBytes { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return "PixelImage(\(width)×\(height) \(layout) \(bitDepth)-bit, fnv \(String(repeating: "0", count: 16 - hex.count))\(hex))"
    }
}
