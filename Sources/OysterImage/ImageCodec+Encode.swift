import CCodecs
import OysterCore

/// JPEG chroma subsampling.
public enum ChromaSubsampling: Hashable, Sendable {
    /// Chroma at half resolution both ways: smaller files, the usual choice for photos.
    case yuv420
    /// Full-resolution chroma: sharper color edges (textures, UI, text).
    case yuv444
}

/// What happens to alpha when the target format has none (JPEG).
public enum AlphaPolicy: Hashable, Sendable {
    /// Blend each pixel over opaque white (what a viewer shows on a white page).
    case compositeOnWhite
    /// Blend each pixel over opaque black.
    case compositeOnBlack
    /// Discard alpha and keep the stored color, even where it was fully transparent.
    case drop
}

// MARK: - Encode

extension ImageCodec {
    /// Encodes a PNG keeping channels and bit depth; `compression` is the zlib level 0–9.
    public static func encodePNG(_ image: PixelImage, compression: Int = 6) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw ImageError(.invalidArgument, "cannot encode an empty \(image.width)×\(image.height) image")
        }
        var buffer = cc_buffer()
        var error = cc_error()
        let status = image.withUnsafeSampleBytes { raw in
            cc_png_encode(raw.baseAddress, UInt32(clamping: image.width), UInt32(clamping: image.height),
                          Int32(image.channels), Int32(image.bitDepth), Int32(clamping: compression), &buffer, &error)
        }
        return try takeBuffer(status, &buffer, &error)
    }

    /// Encodes a JPEG at `quality` 1–100: gray stays gray, 16-bit is reduced to 8, alpha follows `alpha`.
    public static func encodeJPEG(_ image: PixelImage, quality: Int = 90, subsampling: ChromaSubsampling = .yuv420,
                                  alpha: AlphaPolicy = .compositeOnWhite) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw ImageError(.invalidArgument, "cannot encode an empty \(image.width)×\(image.height) image")
        }
        var prepared = image.converted(toBitDepth: 8)
        if prepared.hasAlpha { prepared = prepared.removingAlpha(alpha) }
        var buffer = cc_buffer()
        var error = cc_error()
        let status = prepared.samples8.withUnsafeBufferPointer { samples in
            cc_jpeg_encode(samples.baseAddress, UInt32(clamping: prepared.width), UInt32(clamping: prepared.height),
                           Int32(prepared.channels), Int32(clamping: quality), subsampling == .yuv420 ? 1 : 0,
                           &buffer, &error)
        }
        return try takeBuffer(status, &buffer, &error)
    }

    /// Encodes in `format`; `quality` applies to JPEG only.
    public static func encode(_ image: PixelImage, as format: ImageFormat, quality: Int = 90) throws -> [UInt8] {
        switch format {
        case .png: try encodePNG(image)
        case .jpeg: try encodeJPEG(image, quality: quality)
        }
    }

    /// Copies a C output buffer into an array and frees it.
    static func takeBuffer(_ status: Int32, _ buffer: inout cc_buffer, _ error: inout cc_error) throws -> [UInt8] {
        defer { cc_buffer_free(&buffer) }
        try check(status, &error)
        guard let data = buffer.data else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }
}
