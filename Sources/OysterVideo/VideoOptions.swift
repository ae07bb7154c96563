#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A frame rate as a fraction, so NTSC rates (30000/1001) are exact.
public struct FrameRate: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(integerLiteral value: Int) { self.init(value, 1) }

    /// `24`, `30000/1001`, or a decimal (`29.97`, `23.976` and `59.94` are the NTSC rates;
    /// other decimals are kept to a thousandth). Nil when it is not a positive number.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let n = Int(parts[0]), let d = Int(parts[1]), n > 0, d > 0 else { return nil }
            self.init(n, d)
            return
        }
        guard parts.count == 1 else { return nil }
        if let n = Int(text) {
            guard n > 0 else { return nil }
            self.init(n, 1)
            return
        }
        guard let value = Double(text), value.isFinite, value > 0, value <= 1000 else { return nil }
        for base in [24, 30, 48, 60, 120] where abs(value - Double(base * 1000) / 1001) < 0.006 {
            self.init(base * 1000, 1001)
            return
        }
        let thousandths = Int((value * 1000).rounded())
        guard thousandths > 0 else { return nil }
        let g = FrameRate.gcd(thousandths, 1000)
        self.init(thousandths / g, 1000 / g)
    }

    /// Frames per second.
    public var value: Double { Double(numerator) / Double(denominator) }

    /// The duration of `frames` frames in seconds.
    public func seconds(frames: Int) -> Double { Double(frames) * Double(denominator) / Double(numerator) }

    /// How many frames `seconds` of video take (rounded to the nearest frame).
    public func frames(seconds: Double) -> Int { Int((seconds * value).rounded()) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}

/// How much time the encoder spends per frame.
public enum VideoSpeed: Int, Hashable, Sendable, CaseIterable {
    /// x264 preset medium; VP9 good quality, cpu-used 2.
    case quality = 0
    /// x264 preset faster; VP9 realtime, cpu-used 5.
    case balanced = 1
    /// x264 preset veryfast; VP9 realtime, cpu-used 8.
    case fast = 2
}

/// What to encode: frame size, rate, quality, encoder speed and threads, and the caps.
public struct VideoOptions: Hashable, Sendable {
    /// Frame width and height in pixels: even (yuv420p), 2...16384.
    public var width: Int
    public var height: Int
    public var fps: FrameRate
    /// 0 (smallest) ... 100 (best); 70 is each codec's usual default (x264 CRF 23, VP9 CRF 32).
    public var quality: Int
    /// A codec CRF that overrides `quality` (H.264 0...51, VP9 0...63).
    public var crf: Int?
    public var speed: VideoSpeed
    /// Encoder threads. The bytes of a video depend on it, so it is explicit: the same frames
    /// and options give the same file on the same machine.
    public var threads: Int
    /// The most frames one output takes (at most `maxFrameLimit`).
    public var maxFrames: Int

    /// Largest side accepted (the cap the tools share).
    public static let maxSide = 16384
    /// Largest frame count of one video: 10 minutes at 60 fps, 20 at 30.
    public static let maxFrameLimit = 36_000
    /// Highest frame rate accepted.
    public static let maxFPS = 240.0

    public init(width: Int, height: Int, fps: FrameRate = 24, quality: Int = 70) {
        self.width = width
        self.height = height
        self.fps = fps
        self.quality = quality
        crf = nil
        speed = .balanced
        threads = VideoOptions.defaultThreads
        maxFrames = VideoOptions.maxFrameLimit
    }

    /// The processors this process may use, 1...16.
    public static var defaultThreads: Int {
        let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return min(max(n, 1), 16)
    }

    /// The CRF the encoder gets: `crf` when set, else `quality` mapped linearly
    /// (H.264: 51 − 0.4·q, so 70 → 23; VP9: 63 − 0.45·q, so 70 → 32).
    public func effectiveCRF(for format: VideoFormat) -> Int {
        if let crf { return crf }
        let q = Double(min(max(quality, 0), 100))
        return format == .webm ? Int((63 - 0.45 * q).rounded()) : Int((51 - 0.4 * q).rounded())
    }

    /// Refuses what cannot be encoded; odd sizes are refused, never padded, so the video is
    /// always the size asked for.
    public func validate(for format: VideoFormat) throws(VideoError) {
        guard (1...Self.maxSide).contains(width), (1...Self.maxSide).contains(height) else {
            throw .invalidOptions("size \(width)x\(height) is outside 2...\(Self.maxSide) on a side")
        }
        guard width % 2 == 0, height % 2 == 0 else {
            let w = width + width % 2, h = height + height % 2
            throw .invalidOptions("size \(width)x\(height) is odd: yuv420p video needs an even width and height (try \(w)x\(h))")
        }
        guard fps.numerator > 0, fps.denominator > 0, fps.value <= Self.maxFPS else {
            throw .invalidOptions("frame rate \(fps) is outside 0...\(Int(Self.maxFPS)) fps")
        }
        guard (0...100).contains(quality) else { throw .invalidOptions("quality \(quality) is outside 0...100") }
        if let crf, !format.crfRange.contains(crf) {
            throw .invalidOptions("CRF \(crf) is outside \(format.crfRange.lowerBound)...\(format.crfRange.upperBound) for \(format.codecName)")
        }
        guard (1...64).contains(threads) else { throw .invalidOptions("thread count \(threads) is outside 1...64") }
        guard (1...Self.maxFrameLimit).contains(maxFrames) else {
            throw .invalidOptions("frame cap \(maxFrames) is outside 1...\(Self.maxFrameLimit)")
        }
    }

    /// Refuses a planned frame count over the cap before anything is rendered.
    public func check(frameCount: Int) throws(VideoError) {
        guard frameCount >= 1 else { throw .invalidOptions("a video needs at least one frame") }
        guard frameCount <= maxFrames else {
            throw .invalidOptions("\(frameCount) frames (\(fps.seconds(frames: frameCount)) s at \(fps) fps) is over the cap of \(maxFrames) frames")
        }
    }
}
