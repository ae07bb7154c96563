/// Why a video or a frame sequence could not be written. Each case says which of the tools'
/// exit statuses it maps to; the message is one line and names the file where there is one.
public enum VideoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The output path is not a video or frame pattern Oyster writes (exit 2).
    case unsupportedOutput(String)
    /// Size, frame rate, quality, CRF, thread count or frame cap out of range, or an odd size
    /// (exit 2).
    case invalidOptions(String)
    /// More frames than the cap (`VideoOptions.maxFrames`) were appended (exit 2).
    case tooManyFrames(limit: Int)
    /// A frame whose size or layout differs from the video's (a caller bug; exit 3 at worst).
    case frameMismatch(String)
    /// This FFmpeg build has no usable encoder for the codec (exit 3: install a package).
    case noEncoder(String)
    /// The output could not be created, written or renamed into place (exit 4).
    case unwritable(path: String, reason: String)
    /// The encoder or muxer failed while writing (exit 4).
    case encodingFailed(path: String, reason: String)
    /// `append` or `finish` after the sink was finished (a caller bug).
    case alreadyFinished

    public var description: String {
        switch self {
        case .unsupportedOutput(let what): return what
        case .invalidOptions(let what): return what
        case .tooManyFrames(let limit): return "more than \(limit) frames (the cap on one video or frame sequence)"
        case .frameMismatch(let what): return what
        case .noEncoder(let what): return what + "; install FFmpeg's codec libraries (Debian: apt-get install libavcodec59, or libavcodec-extra59)"
        case .unwritable(let path, let reason): return "\(path): \(reason)"
        case .encodingFailed(let path, let reason): return "\(path): encoding failed: \(reason)"
        case .alreadyFinished: return "the output is already finished"
        }
    }

    /// The tools' exit status for this error (README: 2 usage, 3 input/environment, 4 output).
    public var exitStatus: Int32 {
        switch self {
        case .unsupportedOutput, .invalidOptions, .tooManyFrames: return 2
        case .frameMismatch, .noEncoder, .alreadyFinished: return 3
        case .unwritable, .encodingFailed: return 4
        }
    }
}
