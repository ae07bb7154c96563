#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OysterCore
import OysterImage

/// Writes each frame as a numbered PNG: `frames/%05d.png` gives `frames/00000.png`,
/// `frames/00001.png`, ... Each file is written whole (temporary file, then rename), so a
/// reader never sees half a frame; frames already written stay when a later one fails.
/// Files from an earlier, longer run beyond the last frame are left alone.
public final class FrameSequenceWriter: FrameSink {
    /// The pattern, with one `%d` or `%0Nd` placeholder.
    public let pattern: String
    /// The number of the first frame.
    public let firstIndex: Int
    public let maxFrames: Int
    public private(set) var frameCount = 0
    private(set) var bytes = 0
    /// The size every frame must have: given, or that of the first frame.
    private var size: (width: Int, height: Int)?
    private var failure: VideoError?
    private var finished = false
    private let prefix: String, suffix: String, digits: Int

    /// `pattern` must contain one `%d` or `%0Nd` (N ≤ 9) and end in `.png`. When `width` and
    /// `height` are given every frame must have that size.
    public init(pattern: String, width: Int? = nil, height: Int? = nil, firstIndex: Int = 0,
                maxFrames: Int = VideoOptions.maxFrameLimit) throws(VideoError) {
        guard let placeholder = Self.placeholder(in: pattern) else {
            throw .unsupportedOutput("\(pattern): a frame pattern needs one %d or %05d-style placeholder")
        }
        guard pattern.lowercased().hasSuffix(".png") else { throw .unsupportedOutput("\(pattern): frames are written as .png") }
        guard firstIndex >= 0 else { throw .invalidOptions("first frame number \(firstIndex) is negative") }
        guard (1...VideoOptions.maxFrameLimit).contains(maxFrames) else {
            throw .invalidOptions("frame cap \(maxFrames) is outside 1...\(VideoOptions.maxFrameLimit)")
        }
        if let width, let height {
            guard (1...VideoOptions.maxSide).contains(width), (1...VideoOptions.maxSide).contains(height) else {
                throw .invalidOptions("size \(width)x\(height) is outside 1...\(VideoOptions.maxSide) on a side")
            }
            size = (width, height)
        }
        self.pattern = pattern
        self.firstIndex = firstIndex
        self.maxFrames = maxFrames
        prefix = String(pattern[..<placeholder.range.lowerBound])
        suffix = String(pattern[placeholder.range.upperBound...])
        digits = placeholder.digits
        // Fail early, before any rendering, when the folder cannot be made or written.
        let probe = try createTemporaryFile(beside: path(ofFrame: firstIndex))
        unlink(probe)
    }

    /// The file of frame number `index`.
    public func path(ofFrame index: Int) -> String {
        let number = String(index)
        return prefix + String(repeating: "0", count: max(0, digits - number.count)) + number + suffix
    }

    public func append(_ frame: PixelImage) throws(VideoError) {
        if let failure { throw failure }
        guard !finished else { throw .alreadyFinished }
        guard frameCount < maxFrames else { throw record(.tooManyFrames(limit: maxFrames)) }
        if let size, size.width != frame.width || size.height != frame.height {
            throw record(.frameMismatch("frame \(frameCount) is \(frame.width)x\(frame.height), the sequence is \(size.width)x\(size.height)"))
        }
        guard frame.width > 0, frame.height > 0 else { throw record(.frameMismatch("frame \(frameCount) is empty")) }
        size = (frame.width, frame.height)
        let file = path(ofFrame: firstIndex + frameCount)
        let png: [UInt8]
        do { png = try ImageCodec.encodePNG(frame) } catch {
            throw record(.frameMismatch("frame \(frameCount): \(error)"))
        }
        do { try AtomicFile.write(png, to: file) } catch {
            throw record(.unwritable(path: file, reason: (error as? OutputError)?.reason ?? "\(error)"))
        }
        bytes += png.count
        frameCount += 1
    }

    public func finish() throws(VideoError) -> FrameSinkSummary {
        if let failure { throw failure }
        guard !finished else { throw .alreadyFinished }
        guard frameCount > 0 else { throw record(.invalidOptions("\(pattern): no frames were written")) }
        finished = true
        return FrameSinkSummary(path: pattern, frames: frameCount, bytes: bytes, encoder: "png", duration: nil)
    }

    private func record(_ error: VideoError) -> VideoError {
        failure = error
        return error
    }

    /// The `%d` / `%0Nd` placeholder (N 1...9) in `pattern` and its width, when the pattern
    /// has exactly one `%` and it starts such a placeholder.
    static func placeholder(in pattern: String) -> (range: Range<String.Index>, digits: Int)? {
        guard pattern.filter({ $0 == "%" }).count == 1, let start = pattern.firstIndex(of: "%") else { return nil }
        var j = pattern.index(after: start)
        var width = ""
        while j < pattern.endIndex, pattern[j].isASCII, pattern[j].isNumber {
            width.append(pattern[j])
            j = pattern.index(after: j)
        }
        guard j < pattern.endIndex, pattern[j] == "d" else { return nil }
        let digits: Int
        if width.isEmpty {
            digits = 0
        } else {
            guard width.count >= 2, width.hasPrefix("0"), let n = Int(width.dropFirst()), (1...9).contains(n) else { return nil }
            digits = n
        }
        return (start..<pattern.index(after: j), digits)
    }
}
