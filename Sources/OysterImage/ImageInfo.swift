/// What an image header says, read without decoding pixels.
public struct ImageInfo: Hashable, Sendable {
    /// How colors are stored in the file.
    public enum ColorModel: String, Hashable, Sendable {
        case gray, grayAlpha, rgb, rgba, palette, ycbcr, cmyk, ycck
    }

    /// PNG or JPEG, from the signature.
    public var format: ImageFormat
    /// Width in pixels, as declared by the header.
    public var width: Int
    /// Height in pixels, as declared by the header.
    public var height: Int
    /// Channels `decode` produces (palette and tRNS expanded; CMYK becomes RGB).
    public var channels: Int
    /// Bits per sample `decode` produces by default (16 for 16-bit PNG, else 8).
    public var bitDepth: Int
    /// Bits per sample in the file (PNG 1, 2, 4, 8 or 16; JPEG 8).
    public var sourceBitDepth: Int
    /// How the file stores color.
    public var colorModel: ColorModel
    /// PNG Adam7 interlacing or progressive JPEG.
    public var isInterlaced: Bool
    /// PNG tRNS chunk present (turns into an alpha channel).
    public var hasTransparency: Bool
    /// EXIF orientation 1–8 of a JPEG (1: as stored); `decode` does not apply it.
    public var exifOrientation: Int = 1

    /// Whether decoded pixels carry alpha.
    public var hasAlpha: Bool { channels == 2 || channels == 4 }
}

/// Size limits checked before any pixel memory is allocated.
public struct ImageLimits: Hashable, Sendable {
    /// Largest width or height accepted.
    public var maxDimension: Int
    /// Largest width × height accepted.
    public var maxPixels: Int

    /// Defaults: 16384 px per side, 256 Mpx (16384²).
    public init(maxDimension: Int = 16384, maxPixels: Int = 16384 * 16384) {
        self.maxDimension = maxDimension
        self.maxPixels = maxPixels
    }

    /// Throws `limitExceeded` when `width`×`height` is over a limit.
    public func check(width: Int, height: Int) throws {
        if width > maxDimension || height > maxDimension {
            throw ImageError(.limitExceeded, "image \(width)×\(height) exceeds the \(maxDimension) px limit")
        }
        if width * height > maxPixels {
            throw ImageError(.limitExceeded,
                             "image \(width)×\(height) has \(width * height) pixels, over the \(maxPixels) pixel limit")
        }
    }
}
