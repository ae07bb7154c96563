import Dispatch
import OysterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Filters

/// Reconstruction filters for resizing, from softest to sharpest.
public enum ResizeFilter: Hashable, Sendable {
    /// Area average (support 0.5): blocky upscale, plain box downscale.
    case box
    /// Tent (support 1): bilinear.
    case triangle
    /// Mitchell–Netravali B = C = 1/3 (support 2): little ringing; the mipmap default.
    case mitchell
    /// Lanczos, a = 3 (support 3): sharpest; the resize default.
    case lanczos3

    var support: Float {
        switch self {
        case .box: 0.5
        case .triangle: 1
        case .mitchell: 2
        case .lanczos3: 3
        }
    }

    func weight(_ x: Float) -> Float {
        let t = abs(x)
        switch self {
        case .box:
            return t <= 0.5 ? 1 : 0
        case .triangle:
            return t < 1 ? 1 - t : 0
        case .mitchell:
            let b: Float = 1.0 / 3.0, c: Float = 1.0 / 3.0
            if t < 1 {
                return ((12 - 9 * b - 6 * c) * t * t * t + (-18 + 12 * b + 6 * c) * t * t + (6 - 2 * b)) / 6
            }
            if t < 2 {
                return ((-b - 6 * c) * t * t * t + (6 * b + 30 * c) * t * t + (-12 * b - 48 * c) * t + (8 * b + 24 * c)) / 6
            }
            return 0
        case .lanczos3:
            if t < 1e-6 { return 1 }
            if t >= 3 { return 0 }
            let px = Float.pi * t
            return 3 * sinf(px) * sinf(px / 3) / (px * px)
        }
    }
}

// MARK: - Resize and mipmaps

extension PixelImage {
    /// The image resampled to `width`×`height` with a separable filter.
    ///
    /// Color channels of sRGB images are linearized before filtering and alpha is premultiplied,
    /// so dark fringes and color bleeding from transparent pixels do not appear.
    public func resized(width newWidth: Int, height newHeight: Int, filter: ResizeFilter = .lanczos3,
                        colorSpace: ColorSpace) -> PixelImage {
        precondition(newWidth > 0 && newHeight > 0, "resize target must be at least 1×1")
        if newWidth == width && newHeight == height { return self }
        guard width > 0, height > 0 else { return blank(width: newWidth, height: newHeight) }
        let planes = FloatPixels(self, colorSpace: colorSpace)
        return planes.resampled(width: newWidth, height: newHeight, filter: filter)
            .quantized(bitDepth: bitDepth, colorSpace: colorSpace)
    }

    /// The mip chain from this image (level 0) halving down to 1×1; each level is filtered from the previous one in linear, premultiplied float.
    public func mipmapChain(filter: ResizeFilter = .mitchell, colorSpace: ColorSpace) -> [PixelImage] {
        var levels = [self]
        guard width > 0, height > 0 else { return levels }
        // A box halving a power-of-two RGBA8 image averages whole 2×2 blocks: done on the bytes
        // (a renderer's texture chains), without the float path's whole-level conversions to
        // linear float and back. Through the float path, the default world's 93 chains made its
        // staging 0.18 s longer on the two cores.
        if filter == .box, bitDepth == 8, channels == 4, width & (width - 1) == 0, height & (height - 1) == 0 {
            while let last = levels.last, last.width > 1 || last.height > 1 { levels.append(last.halvedRGBA8(colorSpace: colorSpace)) }
            return levels
        }
        var current = FloatPixels(self, colorSpace: colorSpace)
        while current.width > 1 || current.height > 1 {
            current = current.resampled(width: max(1, current.width / 2), height: max(1, current.height / 2), filter: filter)
            levels.append(current.quantized(bitDepth: bitDepth, colorSpace: colorSpace))
        }
        return levels
    }

    /// This power-of-two RGBA8 image halved (a side of 1 stays 1) by averaging each 2×2 block
    /// as `mipmapChain`'s box does: colour in linear light for sRGB, weighted by alpha
    /// (premultiplied), rounded to the nearest code.
    func halvedRGBA8(colorSpace: ColorSpace) -> PixelImage {
        let w = max(1, width / 2), h = max(1, height / 2)
        let dx = width > 1 ? 1 : 0, dy = height > 1 ? width : 0
        let srgb = colorSpace == .sRGB
        var out = [UInt8](repeating: 0, count: w * h * 4)
        SRGB.decode8.withUnsafeBufferPointer { decode in
            SRGB.encode8.withUnsafeBufferPointer { encode in
                samples8.withUnsafeBufferPointer { src in
                    out.withUnsafeMutableBufferPointer { dst in
                        for y in 0..<h {
                            for x in 0..<w {
                                let p = (2 * y * width + 2 * x) * 4
                                let corners = (p, p + dx * 4, p + dy * 4, p + (dx + dy) * 4)
                                let a0 = Float(src[corners.0 + 3]), a1 = Float(src[corners.1 + 3])
                                let a2 = Float(src[corners.2 + 3]), a3 = Float(src[corners.3 + 3])
                                let alpha = a0 + a1 + a2 + a3
                                // All clear: the colour is the plain average (nothing weighs).
                                let (w0, w1, w2, w3): (Float, Float, Float, Float) = alpha > 0
                                    ? (a0 / alpha, a1 / alpha, a2 / alpha, a3 / alpha) : (0.25, 0.25, 0.25, 0.25)
                                let o = (y * w + x) * 4
                                for c in 0..<3 {
                                    if srgb {
                                        let v = decode[Int(src[corners.0 + c])] * w0 + decode[Int(src[corners.1 + c])] * w1
                                            + decode[Int(src[corners.2 + c])] * w2 + decode[Int(src[corners.3 + c])] * w3
                                        dst[o + c] = encode[Int(min(max(v, 0), 1) * 65535 + 0.5)]
                                    } else {
                                        let v = Float(src[corners.0 + c]) * w0 + Float(src[corners.1 + c]) * w1
                                            + Float(src[corners.2 + c]) * w2 + Float(src[corners.3 + c]) * w3
                                        dst[o + c] = UInt8(min(max(v, 0), 255) + 0.5)
                                    }
                                }
                                dst[o + 3] = UInt8(alpha / 4 + 0.5)
                            }
                        }
                    }
                }
            }
        }
        return PixelImage(width: w, height: h, channels: 4, samples8: out)
    }

    /// Number of levels in a full mip chain for a `width`×`height` image.
    public static func mipLevelCount(width: Int, height: Int) -> Int {
        var size = max(width, height), count = 1
        while size > 1 { size /= 2; count += 1 }
        return count
    }
}

// MARK: - Parallel rows

/// Runs `body` for every row, split over the cores when there is enough work.
///
/// Each row writes only its own output, so the result is the same whatever the thread count.
func parallelRows(_ rows: Int, work perRow: Int, _ body: (Int) -> Void) {
    let chunks = min(rows, Parallel.coreCount * 4)
    guard chunks > 1, rows * perRow >= 1 << 20 else {
        for y in 0..<rows { body(y) }
        return
    }
    withoutActuallyEscaping(body) { escapable in
        // Rows touch disjoint output ranges; the closure is only shared for the duration of this call.
        nonisolated(unsafe) let run = escapable
        _ = Parallel.map(chunks) { chunk in
            for y in (rows * chunk / chunks)..<(rows * (chunk + 1) / chunks) { run(y) }
        }
    }
}

// MARK: - Float working image

/// Interleaved float samples: color in linear light, premultiplied when there is alpha.
struct FloatPixels {
    var width: Int
    var height: Int
    var channels: Int
    var data: [Float]

    var hasAlpha: Bool { channels == 2 || channels == 4 }

    init(width: Int, height: Int, channels: Int, data: [Float]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.data = data
    }

    /// Normalizes, linearizes sRGB color channels and premultiplies alpha.
    init(_ image: PixelImage, colorSpace: ColorSpace) {
        width = image.width
        height = image.height
        channels = image.channels
        let ch = image.channels, count = image.pixelCount * ch
        let alpha = image.hasAlpha, colors = alpha ? ch - 1 : ch
        let srgb = colorSpace == .sRGB
        data = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            if image.bitDepth == 8 {
                SRGB.decode8.withUnsafeBufferPointer { lut in
                    image.samples8.withUnsafeBufferPointer { src in
                        var i = 0
                        while i < count {
                            let a: Float = alpha ? Float(src[i + colors]) * (1 / 255) : 1
                            for c in 0..<colors {
                                let v = srgb ? lut[Int(src[i + c])] : Float(src[i + c]) * (1 / 255)
                                out[i + c] = v * a
                            }
                            if alpha { out[i + colors] = a }
                            i += ch
                        }
                    }
                }
            } else {
                let table = srgb ? SRGB.decode16 : []
                table.withUnsafeBufferPointer { lut in
                    image.samples16.withUnsafeBufferPointer { src in
                        var i = 0
                        while i < count {
                            let a: Float = alpha ? Float(src[i + colors]) * (1 / 65535) : 1
                            for c in 0..<colors {
                                let v = srgb ? lut[Int(src[i + c])] : Float(src[i + c]) * (1 / 65535)
                                out[i + c] = v * a
                            }
                            if alpha { out[i + colors] = a }
                            i += ch
                        }
                    }
                }
            }
            initialized = count
        }
    }

    // MARK: Resampling

    /// Per-output-sample taps: a window of `count` source indices from `start[o]`, weights normalized.
    ///
    /// Taps past an edge are folded onto the edge sample (clamp), so the loops never bounds-check.
    struct Taps {
        var start: [Int]
        var count: Int
        var weights: [Float]
    }

    static func taps(from source: Int, to target: Int, filter: ResizeFilter) -> Taps {
        let scale = Float(target) / Float(source)
        // Widen the filter when shrinking so it averages every covered source pixel.
        let stretch = max(1, 1 / scale)
        let radius = filter.support * stretch
        let span = max(1, Int(radius.rounded(.up)) * 2 + 1)
        let count = min(span, source)
        var start = [Int](repeating: 0, count: target)
        var weights = [Float](repeating: 0, count: target * count)
        for o in 0..<target {
            let center = (Float(o) + 0.5) / scale - 0.5
            let first = Int((center - radius).rounded(.up))
            let window = min(max(first, 0), source - count)
            start[o] = window
            var sum: Float = 0
            for k in 0..<span {
                let w = filter.weight((Float(first + k) - center) / stretch)
                let index = min(max(first + k, 0), source - 1)
                weights[o * count + index - window] += w
                sum += w
            }
            if sum != 0 {
                for k in 0..<count { weights[o * count + k] /= sum }
            } else {
                let nearest = min(max(Int(center.rounded()), 0), source - 1)
                weights[o * count + nearest - window] = 1
            }
        }
        return Taps(start: start, count: count, weights: weights)
    }

    func resampled(width newWidth: Int, height newHeight: Int, filter: ResizeFilter) -> FloatPixels {
        let ch = channels
        // Horizontal pass: height rows of newWidth pixels.
        let h = Self.taps(from: width, to: newWidth, filter: filter)
        let w0 = width, rows = height, taps = h.count
        let horizontal = [Float](unsafeUninitializedCapacity: newWidth * rows * ch) { buffer, initialized in
            let out = buffer // rows write disjoint ranges of the same buffer
            data.withUnsafeBufferPointer { src in
                h.weights.withUnsafeBufferPointer { weights in
                    h.start.withUnsafeBufferPointer { start in
                        parallelRows(rows, work: newWidth * ch * taps) { y in
                            let srcRow = y * w0 * ch, dstRow = y * newWidth * ch
                            for x in 0..<newWidth {
                                let first = srcRow + start[x] * ch, wBase = x * taps, o = dstRow + x * ch
                                if ch == 4 {
                                    var a0: Float = 0, a1: Float = 0, a2: Float = 0, a3: Float = 0
                                    for k in 0..<taps {
                                        let w = weights[wBase + k], i = first + k * 4
                                        a0 += src[i] * w; a1 += src[i + 1] * w; a2 += src[i + 2] * w; a3 += src[i + 3] * w
                                    }
                                    out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3
                                } else {
                                    for c in 0..<ch {
                                        var acc: Float = 0
                                        for k in 0..<taps { acc += src[first + k * ch + c] * weights[wBase + k] }
                                        out[o + c] = acc
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = newWidth * rows * ch
        }
        // Vertical pass: whole rows accumulated at once (vectorizes).
        let v = Self.taps(from: height, to: newHeight, filter: filter)
        let rowLength = newWidth * ch
        let result = [Float](unsafeUninitializedCapacity: rowLength * newHeight) { buffer, initialized in
            let out = buffer // rows write disjoint ranges of the same buffer
            horizontal.withUnsafeBufferPointer { src in
                parallelRows(newHeight, work: rowLength * v.count) { y in
                    let dst = y * rowLength
                    for i in 0..<rowLength { out[dst + i] = 0 }
                    for k in 0..<v.count {
                        let weight = v.weights[y * v.count + k]
                        if weight == 0 { continue }
                        let row = (v.start[y] + k) * rowLength
                        for i in 0..<rowLength { out[dst + i] += src[row + i] * weight }
                    }
                }
            }
            initialized = rowLength * newHeight
        }
        return FloatPixels(width: newWidth, height: newHeight, channels: ch, data: result)
    }

    // MARK: Back to integers

    /// Unpremultiplies, re-encodes sRGB and rounds to 8- or 16-bit samples.
    func quantized(bitDepth: Int, colorSpace: ColorSpace) -> PixelImage {
        let ch = channels, count = width * height * ch
        let alpha = hasAlpha, colors = alpha ? ch - 1 : ch
        let srgb = colorSpace == .sRGB
        let maxValue: Float = bitDepth == 16 ? 65535 : 255
        func normalized(_ i: Int, _ src: UnsafeBufferPointer<Float>) -> (a: Float, scale: Float) {
            guard alpha else { return (1, 1) }
            let a = min(max(src[i + colors], 0), 1)
            return (a, a > 0 ? 1 / a : 0)
        }
        if bitDepth == 8 {
            let samples = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
                SRGB.encode8.withUnsafeBufferPointer { lut in
                    data.withUnsafeBufferPointer { src in
                        var i = 0
                        while i < count {
                            let (a, scale) = normalized(i, src)
                            for c in 0..<colors {
                                let v = min(max(src[i + c] * scale, 0), 1)
                                out[i + c] = srgb ? lut[Int(v * 65535 + 0.5)] : UInt8(v * 255 + 0.5)
                            }
                            if alpha { out[i + colors] = UInt8(a * 255 + 0.5) }
                            i += ch
                        }
                    }
                }
                initialized = count
            }
            return PixelImage(width: width, height: height, channels: ch, samples8: samples)
        }
        let samples = [UInt16](unsafeUninitializedCapacity: count) { out, initialized in
            data.withUnsafeBufferPointer { src in
                var i = 0
                while i < count {
                    let (a, scale) = normalized(i, src)
                    for c in 0..<colors {
                        var v = min(max(src[i + c] * scale, 0), 1)
                        if srgb { v = SRGB.fromLinear(v) }
                        out[i + c] = UInt16(v * maxValue + 0.5)
                    }
                    if alpha { out[i + colors] = UInt16(a * maxValue + 0.5) }
                    i += ch
                }
            }
            initialized = count
        }
        return PixelImage(width: width, height: height, channels: ch, samples16: samples)
    }
}
