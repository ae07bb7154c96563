import CCodecs
import OysterCore

/// PNG and JPEG decoding and encoding over libpng and libjpeg (through the setjmp-safe CCodecs shim).
public enum ImageCodec {}

// MARK: - Probe and decode

extension ImageCodec {
    /// Reads the header of a PNG or JPEG without decoding pixels.
    public static func probe(_ bytes: [UInt8]) throws -> ImageInfo {
        try bytes.withUnsafeBytes { try probe($0) }
    }

    /// Reads the header of a PNG or JPEG held in memory without decoding pixels.
    public static func probe(_ bytes: UnsafeRawBufferPointer) throws -> ImageInfo {
        let format = try detectFormat(bytes)
        return try probe(bytes, format: format, keep16: true).info
    }

    /// Decodes a PNG or JPEG; 16-bit PNGs stay 16-bit unless `reduceTo8Bit`.
    ///
    /// Dimensions are checked against `limits` before pixel memory is allocated.
    /// JPEG EXIF orientation is not applied.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .init(), reduceTo8Bit: Bool = false) throws -> PixelImage {
        try bytes.withUnsafeBytes { try decode($0, limits: limits, reduceTo8Bit: reduceTo8Bit) }
    }

    /// Decodes a PNG or JPEG held in memory (for example a slice of a GLB buffer).
    public static func decode(_ bytes: UnsafeRawBufferPointer, limits: ImageLimits = .init(),
                              reduceTo8Bit: Bool = false) throws -> PixelImage {
        let format = try detectFormat(bytes)
        let keep16: Int32 = reduceTo8Bit ? 0 : 1
        let (info, raw) = try probe(bytes, format: format, keep16: keep16 == 1)
        try limits.check(width: info.width, height: info.height)
        // A file far too small for its declared size is refused before pixel memory is allocated.
        if UInt64(bytes.count) < raw.min_data_size {
            let name = format == .png ? "PNG" : "JPEG"
            throw ImageError(.truncated,
                             "truncated \(name) data: \(bytes.count) bytes cannot hold a \(info.width)×\(info.height) image")
        }

        var cLimits = cc_limits(max_dimension: UInt32(clamping: limits.maxDimension),
                                max_pixels: UInt64(clamping: limits.maxPixels))
        let count = info.width * info.height * info.channels
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var error = cc_error()
        var decoded = cc_info()
        var status: Int32 = 0

        func run(_ pixels: UnsafeMutableRawPointer?, _ capacity: Int) -> Int32 {
            switch format {
            case .png: cc_png_decode(base, bytes.count, keep16, &cLimits, pixels, capacity, &decoded, &error)
            case .jpeg: cc_jpeg_decode(base, bytes.count, &cLimits, pixels, capacity, &decoded, &error)
            }
        }

        if info.bitDepth == 16 {
            let samples = [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
                status = run(UnsafeMutableRawPointer(buffer.baseAddress), count * 2)
                initialized = status == CC_OK ? count : 0
            }
            try check(status, &error)
            try checkLayout(decoded, info)
            return PixelImage(width: info.width, height: info.height, channels: info.channels, samples16: samples)
        } else {
            let samples = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                status = run(UnsafeMutableRawPointer(buffer.baseAddress), count)
                initialized = status == CC_OK ? count : 0
            }
            try check(status, &error)
            try checkLayout(decoded, info)
            return PixelImage(width: info.width, height: info.height, channels: info.channels, samples8: samples)
        }
    }

    // MARK: - Internals

    static func detectFormat(_ bytes: UnsafeRawBufferPointer) throws -> ImageFormat {
        if bytes.isEmpty { throw ImageError(.truncated, "empty image data (0 bytes)") }
        guard let format = ImageFormat.detect(bytes) else {
            throw ImageError(.unknownFormat, "unrecognized image data (not PNG or JPEG)")
        }
        return format
    }

    static func probe(_ bytes: UnsafeRawBufferPointer, format: ImageFormat, keep16: Bool) throws -> (info: ImageInfo, raw: cc_info) {
        let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        var raw = cc_info()
        var error = cc_error()
        let status = switch format {
        case .png: cc_png_probe(base, bytes.count, keep16 ? 1 : 0, &raw, &error)
        case .jpeg: cc_jpeg_probe(base, bytes.count, &raw, &error)
        }
        try check(status, &error)
        let model: ImageInfo.ColorModel = switch raw.color_type {
        case Int32(CC_COLOR_GRAY): .gray
        case Int32(CC_COLOR_GRAY_ALPHA): .grayAlpha
        case Int32(CC_COLOR_RGB): .rgb
        case Int32(CC_COLOR_RGBA): .rgba
        case Int32(CC_COLOR_PALETTE): .palette
        case Int32(CC_COLOR_YCBCR): .ycbcr
        case Int32(CC_COLOR_CMYK): .cmyk
        default: .ycck
        }
        let info = ImageInfo(format: format, width: Int(raw.width), height: Int(raw.height),
                             channels: Int(raw.channels), bitDepth: Int(raw.bit_depth),
                             sourceBitDepth: Int(raw.source_bit_depth), colorModel: model,
                             isInterlaced: raw.interlaced != 0, hasTransparency: raw.has_transparency != 0,
                             exifOrientation: (1...8).contains(Int(raw.orientation)) ? Int(raw.orientation) : 1)
        if info.width == 0 || info.height == 0 {
            throw ImageError(.corrupt, "image has zero size (\(info.width)×\(info.height))")
        }
        return (info, raw)
    }

    /// Maps a CCodecs status and message to an `ImageError`.
    static func check(_ status: Int32, _ error: inout cc_error) throws {
        guard status != CC_OK else { return }
        let message = withUnsafeBytes(of: &error.message) { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            let length = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
        }
        let kind: ImageError.Kind = switch status {
        case Int32(CC_ERR_TRUNCATED): .truncated
        case Int32(CC_ERR_LIMIT): .limitExceeded
        case Int32(CC_ERR_UNSUPPORTED): .unsupported
        case Int32(CC_ERR_ARGUMENT): .invalidArgument
        case Int32(CC_ERR_MEMORY): .outOfMemory
        default: .corrupt
        }
        throw ImageError(kind, message.isEmpty ? "image codec error \(status)" : message)
    }

    /// Decoding re-reads the header; a file that changes its mind is corrupt.
    static func checkLayout(_ decoded: cc_info, _ info: ImageInfo) throws {
        guard Int(decoded.width) == info.width, Int(decoded.height) == info.height,
              Int(decoded.channels) == info.channels, Int(decoded.bit_depth) == info.bitDepth else {
            throw ImageError(.corrupt, "image header changed between probe and decode")
        }
    }
}
