import OysterCore
import OysterImage

// MARK: - Standalone image checks (PNG chunks and CRCs, JPEG markers, sizes)
// PNG: https://www.w3.org/TR/png/#5Chunk-layout ; JPEG: ITU T.81 annex B.

private let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

func pngCRC(_ d: ArraySlice<UInt8>) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in d { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}

func checkStandaloneImage(_ d: [UInt8], _ ctx: IssueContext, _ options: ValidationOptions) {
    let header: ImageHeader
    do {
        header = try ImageHeader.read(d[...])
    } catch .unrecognized {
        ctx.issues.append(DiagnosticCode.imageUnrecognizedFormat.diagnostic(at: .offset(0)))
        return
    } catch .truncated {
        ctx.add(.imageUnexpectedEos, offset: d.count)
        return
    } catch let e {
        guard case .invalid(let why) = e else { return }
        ctx.add(.imageDataInvalid, offset: 0, why)
        return
    }
    if header.width > options.maxImageSize || header.height > options.maxImageSize {
        ctx.add(.imageOversized, offset: 0, "Image is \(header.width)x\(header.height), over the \(options.maxImageSize) limit.")
    }
    if header.mimeType == "image/png" {
        let validDepths: [Int: [Int]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        if !(validDepths[header.colorType]?.contains(header.bits) ?? false) {
            ctx.add(.imageUnsupportedColorType, offset: 24, "PNG color type \(header.colorType) with bit depth \(header.bits) is not valid.")
        }
        var o = 8
        var sawEnd = false
        while o + 8 <= d.count {
            let len = Int(d[o]) << 24 | Int(d[o + 1]) << 16 | Int(d[o + 2]) << 8 | Int(d[o + 3])
            guard o + 12 + len <= d.count else { break }
            let stored = UInt32(d[o + 8 + len]) << 24 | UInt32(d[o + 9 + len]) << 16 | UInt32(d[o + 10 + len]) << 8 | UInt32(d[o + 11 + len])
            let type = String(decoding: d[(o + 4)..<(o + 8)], as: UTF8.self)
            if pngCRC(d[(o + 4)..<(o + 8 + len)]) != stored {
                ctx.add(.imageBadCrc, offset: o, "CRC of chunk '\(type)' does not match its data.")
            }
            o += 12 + len
            if type == "IEND" { sawEnd = true; break }
        }
        if !sawEnd { ctx.add(.imageUnexpectedEos, offset: min(o, d.count), "PNG ends before its IEND chunk.") }
    } else if header.mimeType == "image/jpeg" {
        if header.colorType == 4 { ctx.add(.imageUnsupportedColorType, offset: 0, "CMYK JPEG is not supported by glTF clients.") }
        if header.bits != 8 { ctx.add(.imageUnsupportedColorType, offset: 0, "JPEG with \(header.bits)-bit samples is not supported.") }
        if d.count < 4 || d[d.count - 2] != 0xFF || d[d.count - 1] != 0xD9 {
            ctx.add(.imageUnexpectedEos, offset: d.count, "JPEG ends without its EOI marker.")
        }
    }
}
