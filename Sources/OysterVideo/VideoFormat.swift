/// A video container and the codec Oyster puts in it.
public enum VideoFormat: String, Hashable, Sendable, CaseIterable {
    /// H.264 in MP4 (moov first, so browsers start playing at once).
    case mp4
    /// VP9 in WebM.
    case webm
    /// H.264 in Matroska.
    case mkv

    /// The format a file extension names (`mp4`, `m4v`, `webm`, `mkv`; any case, with or
    /// without the dot).
    public init?(fileExtension: String) {
        var ext = fileExtension.lowercased()
        if ext.hasPrefix(".") { ext.removeFirst() }
        switch ext {
        case "mp4", "m4v": self = .mp4
        case "webm": self = .webm
        case "mkv": self = .mkv
        default: return nil
        }
    }

    /// The format of the file a path names, from its extension.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(fileExtension: String(name[name.index(after: dot)...]))
    }

    public var fileExtension: String { rawValue }

    /// The codec's name as ffprobe reports it.
    public var codecName: String { self == .webm ? "vp9" : "h264" }

    /// The CRF range of the codec: 0...51 for H.264, 0...63 for VP9 (lower is better).
    public var crfRange: ClosedRange<Int> { self == .webm ? 0...63 : 0...51 }
}
