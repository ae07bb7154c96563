import Foundation
import OysterCore
@testable import OysterValidate

/// Validates in-memory glTF JSON text.
func validateJSON(_ text: String, options: ValidationOptions = ValidationOptions()) -> ValidationReport {
    Validator.validate(bytes: Array(text.utf8), uri: "test.gltf", options: options)
}

/// The (code, pointer-or-offset) pairs of a report, for compact assertions.
func findings(_ r: ValidationReport) -> Set<String> {
    Set(r.issues.map { "\($0.code) \($0.locationText)" })
}

/// A fresh empty folder under the temporary directory.
func temporaryFolder(_ name: String) throws -> String {
    let dir = NSTemporaryDirectory() + "oyster-validate-tests-\(name)-\(getpid())"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A PNG chunk with its CRC.
func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    let crc = pngCRC(body[...])
    return be32(UInt32(data.count)) + body + be32(crc)
}

func be32(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

/// A 1x1 RGB PNG (IHDR + IDAT + IEND), optionally with a corrupted IDAT CRC.
func tinyPNG(badCRC: Bool = false, colorType: UInt8 = 2, bitDepth: UInt8 = 8) -> [UInt8] {
    let ihdr = be32(1) + be32(1) + [bitDepth, colorType, 0, 0, 0]
    var idat = pngChunk("IDAT", [0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00])
    if badCRC { idat[idat.count - 1] ^= 0xFF }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + pngChunk("IHDR", ihdr) + idat + pngChunk("IEND", [])
}
