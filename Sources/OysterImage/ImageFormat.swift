/// The encoded image formats Oyster reads and writes.
public enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    case png, jpeg

    /// The format named by a file extension (`png`, `jpg`, `jpeg`, `jpe`; any case).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg", "jpe": self = .jpeg
        default: return nil
        }
    }

    /// The format whose signature starts `bytes`, if any.
    public init?(detecting bytes: [UInt8]) {
        guard let format = bytes.withUnsafeBytes({ ImageFormat.detect($0) }) else { return nil }
        self = format
    }

    /// The usual file extension, without the dot.
    public var fileExtension: String { self == .png ? "png" : "jpg" }
    /// The MIME type glTF uses for this format.
    public var mimeType: String { self == .png ? "image/png" : "image/jpeg" }

    /// PNG: 89 50 4E 47 0D 0A 1A 0A (PNG §5.2); JPEG: FF D8 FF (SOI then a marker).
    static func detect(_ bytes: UnsafeRawBufferPointer) -> ImageFormat? {
        if bytes.count >= 8, bytes[0] == 0x89, bytes[1] == 0x50, bytes[2] == 0x4E, bytes[3] == 0x47,
           bytes[4] == 0x0D, bytes[5] == 0x0A, bytes[6] == 0x1A, bytes[7] == 0x0A {
            return .png
        }
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        return nil
    }
}
