import OysterCore

// MARK: - Image headers (PNG, JPEG, WebP): format, size, color, without decoding pixels
//
// The one header reader: the validator checks headers with it, the statistics size textures
// with it. `ImageCodec.probe` is the codec's own first step before decoding (libpng/libjpeg).

/// What the header of an image says.
public struct ImageHeader: Hashable, Sendable {
    public var mimeType: String
    public var width = 0
    public var height = 0
    /// `luminance`, `luminance-alpha`, `rgb`, `rgba` or `cmyk` (the Khronos report's words).
    public var format = "rgb"
    public var bits = 8
    /// PNG colour type, or the JPEG component count.
    public var colorType = 0

    /// Why a header could not be read.
    public enum Failure: Error, Hashable, Sendable {
        /// Not a PNG, JPEG or WebP signature.
        case unrecognized
        /// The data ends inside the header.
        case truncated
        /// The header is malformed.
        case invalid(String)
    }

    /// Width and height of a PNG, JPEG or WebP; nil for other, malformed or empty images.
    public static func dimensions(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard let h = try? read(bytes[...]), h.width > 0, h.height > 0 else { return nil }
        return (h.width, h.height)
    }

    /// Reads an image header. PNG: https://www.w3.org/TR/png/#11IHDR ; JPEG: ITU T.81 B.2.2 (SOFn);
    /// WebP: https://developers.google.com/speed/webp/docs/riff_container
    public static func read(_ d: ArraySlice<UInt8>) throws(Failure) -> ImageHeader {
        guard let mime = Image.sniffMimeType(Array(d.prefix(16))), mime != "image/ktx2" else { throw .unrecognized }
        let b = d.startIndex
        func u8(_ o: Int) throws(Failure) -> Int { guard b + o < d.endIndex else { throw .truncated }; return Int(d[b + o]) }
        func be16(_ o: Int) throws(Failure) -> Int { try u8(o) << 8 | u8(o + 1) }
        func be32(_ o: Int) throws(Failure) -> Int { try be16(o) << 16 | be16(o + 2) }
        func le16(_ o: Int) throws(Failure) -> Int { try u8(o) | u8(o + 1) << 8 }
        func le24(_ o: Int) throws(Failure) -> Int { try le16(o) | u8(o + 2) << 16 }
        var h = ImageHeader(mimeType: mime)
        switch mime {
        case "image/png":
            guard try be32(8) == 13, try be32(12) == 0x4948_4452 else { throw .invalid("First PNG chunk is not IHDR.") }
            h.width = try be32(16)
            h.height = try be32(20)
            h.bits = try u8(24)
            h.colorType = try u8(25)
            switch h.colorType {
            case 0: h.format = "luminance"
            case 2: h.format = "rgb"
            case 3: h.format = "rgb"
            case 4: h.format = "luminance-alpha"
            case 6: h.format = "rgba"
            default: throw .invalid("Invalid PNG color type \(h.colorType).")
            }
            if h.width == 0 || h.height == 0 { throw .invalid("PNG has zero width or height.") }
        case "image/jpeg":
            var o = 2
            while true {
                guard try u8(o) == 0xFF else { throw .invalid("Invalid JPEG marker.") }
                var marker = try u8(o + 1)
                while marker == 0xFF { o += 1; marker = try u8(o + 1) }
                o += 2
                if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { continue }
                if marker == 0xD9 || marker == 0xDA { throw .invalid("JPEG has no frame header.") }
                let len = try be16(o)
                if [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF].contains(marker) {
                    h.bits = try u8(o + 2)
                    h.height = try be16(o + 3)
                    h.width = try be16(o + 5)
                    let comps = try u8(o + 7)
                    h.format = comps == 1 ? "luminance" : comps == 4 ? "cmyk" : "rgb"
                    h.colorType = comps
                    break
                }
                o += len
            }
        default:
            let fourcc = try be32(12)
            switch fourcc {
            case 0x5650_3820:  // "VP8 "
                h.width = try le16(26) & 0x3FFF
                h.height = try le16(28) & 0x3FFF
            case 0x5650_384C:  // "VP8L"
                let bits = try u8(21) | u8(22) << 8 | u8(23) << 16 | u8(24) << 24
                h.width = (bits & 0x3FFF) + 1
                h.height = ((bits >> 14) & 0x3FFF) + 1
                h.format = "rgba"
            case 0x5650_3858:  // "VP8X"
                h.width = try le24(24) + 1
                h.height = try le24(27) + 1
                h.format = (try u8(20) & 0x10) != 0 ? "rgba" : "rgb"
            default: throw .invalid("Unknown WebP chunk.")
            }
        }
        return h
    }
}
