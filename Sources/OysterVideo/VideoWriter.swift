#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CVideo
import OysterCore
import OysterImage

/// Encodes frames to an MP4 (H.264), WebM (VP9) or MKV (H.264) file through FFmpeg's
/// libraries.
///
/// The file is written to a hidden temporary file in the destination's folder and renamed
/// into place only when `finish()` succeeds. After any error, and when the writer is released
/// without finishing, the temporary file is removed: the destination never holds half a video
/// (an existing file there is left as it was).
///
/// The H.264 encoder is chosen at run time (libx264, then libopenh264, then any other that
/// opens); `encoderName` says which.
public final class VideoWriter: FrameSink {
    public let path: String
    public let format: VideoFormat
    public let options: VideoOptions
    /// FFmpeg's name of the encoder in use: `libx264`, `libvpx-vp9`, ...
    public let encoderName: String
    public private(set) var frameCount = 0

    private var handle: OpaquePointer?
    private var temporaryPath: String?
    /// The first error; every later call throws it again.
    private var failure: VideoError?
    private var finished = false

    /// Creates the temporary file and opens the encoder. `format` defaults to the one the
    /// path's extension names.
    public init(path: String, format: VideoFormat? = nil, options: VideoOptions) throws(VideoError) {
        guard let format = format ?? VideoFormat(path: path) else {
            throw .unsupportedOutput("\(path): not a video file name (expected .mp4, .webm or .mkv)")
        }
        try options.validate(for: format)
        self.path = path
        self.format = format
        self.options = options
        let tmp = try createTemporaryFile(beside: path)
        var config = cv_config()
        switch format {
        case .mp4: config.container = Int32(CV_CONTAINER_MP4); config.codec = Int32(CV_CODEC_H264)
        case .webm: config.container = Int32(CV_CONTAINER_WEBM); config.codec = Int32(CV_CODEC_VP9)
        case .mkv: config.container = Int32(CV_CONTAINER_MKV); config.codec = Int32(CV_CODEC_H264)
        }
        config.width = UInt32(options.width)
        config.height = UInt32(options.height)
        config.fps_num = Int32(clamping: options.fps.numerator)
        config.fps_den = Int32(clamping: options.fps.denominator)
        config.crf = Int32(options.effectiveCRF(for: format))
        config.threads = Int32(options.threads)
        config.speed = Int32(options.speed.rawValue)
        var error = cv_error()
        var opened: OpaquePointer?
        let status = cv_encoder_open(tmp, &config, &opened, &error)
        guard status == CV_OK, let opened else {
            unlink(tmp)
            throw Self.error(status, error, path: path)
        }
        handle = opened
        temporaryPath = tmp
        encoderName = String(cString: cv_encoder_name(opened))
    }

    deinit { discard() }

    /// Encodes the next frame: 8-bit RGB or RGBA of the video's size, top row first (alpha is
    /// ignored; gray and 16-bit frames are converted first).
    public func append(_ frame: PixelImage) throws(VideoError) {
        if let failure { throw failure }
        guard !finished, let handle else { throw .alreadyFinished }
        guard frame.width == options.width, frame.height == options.height else {
            throw fail(.frameMismatch("frame \(frameCount) is \(frame.width)x\(frame.height), the video is \(options.width)x\(options.height)"))
        }
        guard frameCount < options.maxFrames else { throw fail(.tooManyFrames(limit: options.maxFrames)) }
        let pixels = frame.bitDepth == 8 && (frame.channels == 3 || frame.channels == 4) ? frame : frame.rgba8()
        guard pixels.samples8.count == pixels.width * pixels.height * pixels.channels else {
            throw fail(.frameMismatch("frame \(frameCount) holds \(pixels.samples8.count) samples, not \(pixels.width)x\(pixels.height)x\(pixels.channels)"))
        }
        var error = cv_error()
        let status = pixels.samples8.withUnsafeBufferPointer { samples in
            cv_encoder_write(handle, samples.baseAddress, pixels.bytesPerRow, Int32(pixels.channels), &error)
        }
        guard status == CV_OK else { throw fail(Self.error(status, error, path: path)) }
        frameCount += 1
    }

    /// Flushes the encoder, completes the file and renames it over `path`.
    public func finish() throws(VideoError) -> FrameSinkSummary {
        if let failure { throw failure }
        guard !finished, let handle, let tmp = temporaryPath else { throw .alreadyFinished }
        guard frameCount > 0 else { throw fail(.invalidOptions("\(path): no frames were written")) }
        var error = cv_error()
        let status = cv_encoder_finish(handle, &error)
        guard status == CV_OK else { throw fail(Self.error(status, error, path: path)) }
        cv_encoder_free(handle)
        self.handle = nil
        do { try moveIntoPlace(tmp, path) } catch {
            temporaryPath = nil
            throw fail(error)
        }
        temporaryPath = nil
        finished = true
        return FrameSinkSummary(path: path, frames: frameCount, bytes: fileSize(path), encoder: encoderName,
                                duration: options.fps.seconds(frames: frameCount))
    }

    /// Stops without writing: frees the encoder and removes the temporary file.
    public func cancel() {
        discard()
        if failure == nil && !finished { failure = .alreadyFinished }
    }

    /// The encoder this FFmpeg build would use for `format`, or nil when it has none.
    public static func encoder(for format: VideoFormat) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        let codec = format == .webm ? CV_CODEC_VP9 : CV_CODEC_H264
        guard cv_encoder_available(Int32(codec), &name, name.count) != 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Failure

    /// Records the first error and removes everything, so nothing half-written stays.
    private func fail(_ error: VideoError) -> VideoError {
        discard()
        failure = error
        return error
    }

    private func discard() {
        if let handle { cv_encoder_free(handle) }
        handle = nil
        if let tmp = temporaryPath { unlink(tmp) }
        temporaryPath = nil
    }

    private static func error(_ status: Int32, _ error: cv_error, path: String) -> VideoError {
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch Int(status) {
        case Int(CV_ERR_ARGUMENT): return .invalidOptions("\(path): \(message)")
        case Int(CV_ERR_NO_ENCODER): return .noEncoder(message)
        case Int(CV_ERR_OUTPUT): return .unwritable(path: path, reason: message)
        default: return .encodingFailed(path: path, reason: message)
        }
    }
}
