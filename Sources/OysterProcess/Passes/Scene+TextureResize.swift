import OysterCore
import OysterImage

/// Options for `Scene.resizeTextures`.
public struct TextureResizeOptions: Hashable, Sendable {
    /// Largest width or height kept; larger images shrink, keeping their aspect ratio.
    /// Default 2048.
    public var maxSize = 2048
    /// Also make both sides powers of two (nearest in log scale, never above the largest power
    /// of two ≤ `maxSize`), as WebGL 1 and some mobile engines want. Default false.
    public var powerOfTwo = false
    /// JPEG quality for re-encoded JPEGs (PNG stays lossless). Default 90.
    public var jpegQuality = 90

    /// Options with the given size limit, power-of-two rule and JPEG quality.
    public init(maxSize: Int = 2048, powerOfTwo: Bool = false, jpegQuality: Int = 90) {
        self.maxSize = maxSize
        self.powerOfTwo = powerOfTwo
        self.jpegQuality = jpegQuality
    }

    /// The size an image of `width`×`height` gets.
    public func targetSize(width: Int, height: Int) -> (width: Int, height: Int) {
        let limit = max(1, maxSize)
        let scale = min(1, Double(limit) / Double(max(width, height)))
        var w = max(1, Int((Double(width) * scale).rounded())), h = max(1, Int((Double(height) * scale).rounded()))
        w = min(w, limit); h = min(h, limit)
        if powerOfTwo {
            var cap = 1
            while cap * 2 <= limit { cap *= 2 }
            func nearest(_ x: Int) -> Int {
                var lo = 1
                while lo * 2 <= x { lo *= 2 }
                let hi = lo * 2
                // Compare in log space: x/lo vs hi/x.
                return min(Double(x) * Double(x) >= Double(lo) * Double(hi) ? hi : lo, cap)
            }
            w = nearest(w); h = nearest(h)
        }
        return (w, h)
    }
}

/// Texture down-scaling: images larger than `maxSize` (or not powers of two, when asked) are
/// decoded, resampled with OysterImage's Lanczos filter — in linear light for images used by
/// sRGB slots (base color, emissive), as stored for data slots (normal, metallic-roughness,
/// occlusion, and textures inside carried extensions) — and re-encoded in their own format.
/// An image used by both kinds of slot is treated as sRGB. Images that are not PNG/JPEG or fail
/// to decode are left as they are, with a note (a bad image is a warning, not a failed run).
extension Scene {
    /// Shrinks images over the size limit (and to powers of two when asked).
    @discardableResult
    public mutating func resizeTextures(_ options: TextureResizeOptions = .init()) -> PassReport {
        let srgb = imagesUsedAsColor()
        var resized = 0, bytesBefore = 0, bytesAfter = 0
        var notes: [String] = []
        for i in images.indices {
            let label = images[i].name ?? images[i].uri ?? "image \(i)"
            // The output keeps the source's format: the bytes' own, else the pixels' encoding.
            let format: ImageFormat
            let sourceBytes = images[i].data?.count ?? 0
            if let data = images[i].data {
                guard let detected = ImageFormat(detecting: data) else { notes.append("\(label): not PNG or JPEG, left as is"); continue }
                format = detected
            } else if images[i].pixels != nil {
                if case .jpeg = images[i].pixelEncoding { format = .jpeg } else { format = .png }
            } else {
                continue
            }
            do {
                let size = try images[i].pixels.map { ($0.width, $0.height) } ?? {
                    let info = try ImageCodec.probe(images[i].data ?? [])
                    return (info.width, info.height)
                }()
                let target = options.targetSize(width: size.0, height: size.1)
                guard target.width != size.0 || target.height != size.1 else { continue }
                // Pixels handed over by the generator or the atlas are used as they are; bytes are
                // decoded, 64 Mpx (256 MiB of RGBA) at most: a header alone must not make us allocate more.
                let pixels = try images[i].decodePixels(limits: ImageLimits(maxDimension: 16384, maxPixels: 8192 * 8192))
                let out = pixels.resized(width: target.width, height: target.height, colorSpace: srgb.contains(i) ? .sRGB : .linear)
                // Encoded at once (and the pixels kept for later passes), because oyster-export's
                // package writer still reads `data`.
                let encoded = try ImageCodec.encode(out, as: format, quality: options.jpegQuality)
                bytesBefore += sourceBytes
                bytesAfter += encoded.count
                images[i].replacePixels(out, encoding: format == .png ? .png(compression: 6) : .jpeg(quality: options.jpegQuality))
                images[i].data = encoded
                images[i].mimeType = format.mimeType
                resized += 1
            } catch {
                notes.append("\(label): \(error), left as is")
            }
        }
        return PassReport(name: "textures", figures: ["imagesResized": Double(resized), "bytesBefore": Double(bytesBefore),
                                                      "bytesAfter": Double(bytesAfter)], notes: notes)
    }

    /// Images that some base-color or emissive slot samples.
    func imagesUsedAsColor() -> Set<Int> {
        var out = Set<Int>()
        for m in materials {
            for slot in TextureSlot.allCases where slot.isSRGB {
                guard let t = m[slot]?.texture, textures.indices.contains(t) else { continue }
                for img in Self.imageReferences(textures[t]) { out.insert(img) }
            }
        }
        return out
    }
}

extension ProcessPass {
    /// `Scene.resizeTextures` as a pipeline step.
    public static func resizeTextures(_ o: TextureResizeOptions = .init()) -> ProcessPass {
        ProcessPass(name: "textures") { $0.resizeTextures(o) }
    }
}
