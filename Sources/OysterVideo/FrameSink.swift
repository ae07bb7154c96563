import OysterCore

/// What a finished sink wrote.
public struct FrameSinkSummary: Hashable, Sendable {
    /// The video file, or the frame pattern (`frames/%05d.png`).
    public var path: String
    public var frames: Int
    /// Bytes written in all.
    public var bytes: Int
    /// The encoder's FFmpeg name (`libx264`, `libvpx-vp9`), or `png` for frame sequences.
    public var encoder: String
    /// Seconds of video (frames ÷ fps); nil for frame sequences.
    public var duration: Double?

    public init(path: String, frames: Int, bytes: Int, encoder: String, duration: Double?) {
        self.path = path
        self.frames = frames
        self.bytes = bytes
        self.encoder = encoder
        self.duration = duration
    }
}

/// Where rendered frames go, one after another: a video file (`VideoWriter`), numbered PNGs
/// (`FrameSequenceWriter`), or either of them on a thread of its own (`PipelinedSink`).
///
/// A sink is used from one thread at a time. Nothing is left at the destination unless
/// `finish()` succeeds (a frame sequence keeps the frames it wrote, each whole); a sink
/// released without finishing removes what it started.
public protocol FrameSink: AnyObject {
    /// Frames accepted so far.
    var frameCount: Int { get }
    /// Adds the next frame (8-bit RGBA from the renderer; other layouts are converted).
    func append(_ frame: PixelImage) throws(VideoError)
    /// Completes the output and says what was written. Call once.
    func finish() throws(VideoError) -> FrameSinkSummary
}

/// What an output path asks for.
public enum FrameOutput: Hashable, Sendable {
    /// One image (`.png`): not a sink's job.
    case still
    /// A video file.
    case video(VideoFormat)
    /// Numbered PNGs: a pattern with `%d`/`%0Nd`, or a folder (`%05d.png` inside it).
    case frames(pattern: String)

    /// The kind of output `path` names, or nil when it names none Oyster writes. A path
    /// ending in `/`, or an existing folder without a video extension, means frames in that
    /// folder (`clip.mp4` stays a video even when a folder has that name: writing it fails).
    public init?(path: String) {
        if FrameSequenceWriter.placeholder(in: path) != nil {
            guard path.lowercased().hasSuffix(".png") else { return nil }
            self = .frames(pattern: path)
        } else if path.hasSuffix("/") {
            self = .frames(pattern: path + "%05d.png")
        } else if path.lowercased().hasSuffix(".png") {
            self = .still
        } else if let format = VideoFormat(path: path) {
            self = .video(format)
        } else if isDirectory(path) {
            self = .frames(pattern: path + "/%05d.png")
        } else {
            return nil
        }
    }
}

/// The sink an output path asks for (not for stills).
public func makeFrameSink(path: String, options: VideoOptions) throws(VideoError) -> any FrameSink {
    switch FrameOutput(path: path) {
    case .video(let format)?:
        return try VideoWriter(path: path, format: format, options: options)
    case .frames(let pattern)?:
        return try FrameSequenceWriter(pattern: pattern, width: options.width, height: options.height, maxFrames: options.maxFrames)
    case .still?:
        throw .unsupportedOutput("\(path): a still image, not a video or frame sequence")
    case nil:
        throw .unsupportedOutput("\(path): not a video or frame output (expected .mp4, .webm, .mkv, a pattern like frames/%05d.png, or a folder)")
    }
}
