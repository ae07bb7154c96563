import Foundation
import OysterCore
import OysterImage
import OysterTestSupport
import Testing
@testable import OysterVideo

/// The error `body` throws, if it is a VideoError.
func videoError(_ body: () throws -> Void) -> VideoError? {
    do { try body() } catch let error as VideoError { return error } catch { return nil }
    return nil
}

/// Encodes to every format and checks what ffprobe and ffmpeg read back.
@Suite(.enabled(if: ffprobe != nil && ffmpeg != nil, "needs ffprobe and ffmpeg: apt-get install ffmpeg"))
struct VideoProbeTests {
    @Test(.enabled(if: h264Encoder != nil, "no H.264 encoder in this FFmpeg build"))
    func mp4IsH264WithTheSizeFrameCountAndDurationAsked() throws {
        let dir = TemporaryDirectory()
        let summary = try encodeClip(dir.file("clip.mp4"), options: VideoOptions(width: 320, height: 180, fps: 24))
        #expect(summary.frames == 48 && summary.duration == 2.0 && summary.bytes > 1000)
        #expect(summary.encoder == h264Encoder)
        let p = try probe(dir.file("clip.mp4"))
        #expect(p.codec == "h264" && p.width == 320 && p.height == 180)
        #expect(p.frames == 48)
        #expect(p.duration == "2.000000")
        // Nothing but the video is left in the folder.
        #expect(listing(dir.path) == ["clip.mp4"])
    }

    @Test(.enabled(if: vp9Encoder != nil, "no VP9 encoder in this FFmpeg build"))
    func webmIsVP9WithTheSizeFrameCountAndDurationAsked() throws {
        let dir = TemporaryDirectory()
        let summary = try encodeClip(dir.file("clip.webm"), options: VideoOptions(width: 320, height: 180, fps: 24))
        #expect(summary.encoder == "libvpx-vp9")
        let p = try probe(dir.file("clip.webm"))
        #expect(p.codec == "vp9" && p.width == 320 && p.height == 180)
        #expect(p.frames == 48)
        #expect(p.duration == "2.000000")
        #expect(listing(dir.path) == ["clip.webm"])
    }

    @Test(.enabled(if: h264Encoder != nil, "no H.264 encoder in this FFmpeg build"))
    func anNTSCRateKeepsItsExactDuration() throws {
        let dir = TemporaryDirectory()
        var options = VideoOptions(width: 64, height: 48, fps: FrameRate(30000, 1001))
        options.speed = .fast
        try encodeClip(dir.file("ntsc.mkv"), options: options, frames: 30)
        try encodeClip(dir.file("ntsc.mp4"), options: options, frames: 30)
        for name in ["ntsc.mp4", "ntsc.mkv"] {
            let p = try probe(dir.file(name))
            #expect(p.codec == "h264" && p.frames == 30, "\(name)")
            #expect(p.duration == "1.001000", "\(name): \(p.duration)")
        }
    }

    /// Frame 20 read back by ffmpeg: every quadrant keeps its colour (an R/B swap or an
    /// upside-down frame would move them) and the box is where it was drawn.
    @Test(arguments: [VideoFormat.mp4, .webm])
    func aDecodedFrameHasTheColoursThatWereWritten(format: VideoFormat) throws {
        try #require(VideoWriter.encoder(for: format) != nil, "no \(format.codecName) encoder")
        let dir = TemporaryDirectory()
        let path = dir.file("clip." + format.fileExtension)
        try encodeClip(path, options: VideoOptions(width: 320, height: 180, fps: 24))
        let decoded = try decodeFrame(path, index: 20, into: dir)
        let written = syntheticFrame(20)
        #expect(decoded.width == 320 && decoded.height == 180 && decoded.channels == 3)
        func rgb(_ image: PixelImage, _ x: Int, _ y: Int) -> [Int] { (0..<3).map { image.sample(x: x, y: y, channel: $0) } }
        let probes = [(40, 30, quadrantColors[0]), (280, 30, quadrantColors[1]), (40, 150, quadrantColors[2]),
                      (280, 150, quadrantColors[3])]
        for (x, y, color) in probes {
            let got = rgb(decoded, x, y)
            #expect(zip(got, color).allSatisfy { abs($0 - Int($1)) <= 10 }, "\(format) at (\(x),\(y)): \(got), wrote \(color)")
        }
        // The box's centre in frame 20.
        let box = 30, boxX = (320 - box) * 20 / 47
        let centre = rgb(decoded, boxX + box / 2, 90)
        #expect(zip(centre, boxColor).allSatisfy { abs($0 - Int($1)) <= 12 }, "\(format) box: \(centre)")
        // On the whole frame, the mean error is small (edges blur a little in 4:2:0).
        var total = 0
        for y in 0..<180 { for x in 0..<320 { for c in 0..<3 { total += abs(decoded.sample(x: x, y: y, channel: c) - written.sample(x: x, y: y, channel: c)) } } }
        let mean = Double(total) / Double(320 * 180 * 3)
        #expect(mean < 4, "\(format) mean error \(mean)")
    }

    @Test(.enabled(if: h264Encoder != nil, "no H.264 encoder in this FFmpeg build"))
    func aPipelinedWriterMakesTheSameVideo() throws {
        let dir = TemporaryDirectory()
        let options = VideoOptions(width: 160, height: 90, fps: 24)
        try encodeClip(dir.file("direct.mp4"), options: options, frames: 24)
        let sink = PipelinedSink(try VideoWriter(path: dir.file("piped.mp4"), options: options))
        for i in 0..<24 { try sink.append(syntheticFrame(i, width: 160, height: 90, frames: 24)) }
        let summary = try sink.finish()
        #expect(summary.frames == 24 && summary.path == dir.file("piped.mp4"))
        #expect(try FileIO.read(dir.file("direct.mp4")) == (try FileIO.read(dir.file("piped.mp4"))))
        #expect(try probe(dir.file("piped.mp4")).frames == 24)
    }
}

/// Same frames, same options, same bytes.
@Suite struct VideoDeterminismTests {
    @Test(arguments: [VideoFormat.mp4, .webm], VideoSpeed.allCases)
    func twoEncodesGiveTheSameBytes(format: VideoFormat, speed: VideoSpeed) throws {
        try #require(VideoWriter.encoder(for: format) != nil, "no \(format.codecName) encoder")
        let dir = TemporaryDirectory()
        var options = VideoOptions(width: 320, height: 180, fps: 24)
        options.threads = 2
        options.speed = speed
        try encodeClip(dir.file("a." + format.fileExtension), options: options, frames: 24)
        try encodeClip(dir.file("b." + format.fileExtension), options: options, frames: 24)
        let a = try FileIO.read(dir.file("a." + format.fileExtension)), b = try FileIO.read(dir.file("b." + format.fileExtension))
        #expect(a.count > 1000)
        #expect(a == b)
    }
}

/// x264's macroblock tree read stale heap memory, so a second encode in the same process
/// could differ from the first at these sizes; the encoder runs without it.
@Suite struct VideoRepeatabilityTests {
    @Test(arguments: [(160, 90), (320, 176), (96, 64)])
    func encodesRepeatedInOneProcessAreIdentical(size: (Int, Int)) throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        var options = VideoOptions(width: size.0, height: size.1, fps: 24)
        options.threads = 1
        var outputs = Set<[UInt8]>()
        for i in 0..<8 {
            try encodeClip(dir.file("\(i).mp4"), options: options, frames: 24)
            outputs.insert(try FileIO.read(dir.file("\(i).mp4")))
        }
        #expect(outputs.count == 1)
    }
}

/// What is refused, and that nothing is left behind when it is.
@Suite struct VideoWriterFailureTests {
    let small = VideoOptions(width: 64, height: 48, fps: 24)

    @Test func aFolderUnderARegularFileIsUnwritableAndLeavesNothing() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write("x", to: dir.file("file.txt"))
        let error = videoError { _ = try VideoWriter(path: dir.file("file.txt/sub/clip.mp4"), options: small) }
        guard case .unwritable(let path, _)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(path == dir.file("file.txt/sub/clip.mp4"))
        #expect(error?.exitStatus == 4)
        #expect(listing(dir.path) == ["file.txt"])
    }

    @Test func aFolderThatCannotBeCreatedIsUnwritable() {
        // /proc refuses new entries, even to root.
        let error = videoError { _ = try VideoWriter(path: "/proc/oyster-video-test/clip.webm", options: small) }
        #expect(error?.exitStatus == 4, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: "/proc/oyster-video-test"))
    }

    @Test func aDestinationThatIsAFolderIsUnwritable() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.makeDirectories(dir.file("out.mp4"))
        let error = videoError { _ = try VideoWriter(path: dir.file("out.mp4"), options: small) }
        guard case .unwritable(_, let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("directory"))
    }

    @Test func aMissingFolderIsCreatedAsEveryToolDoes() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        try encodeClip(dir.file("renders/day/clip.mp4"), options: small, frames: 3)
        #expect(FileIO.isFile(dir.file("renders/day/clip.mp4")))
    }

    @Test func oddSizesAreRefusedNotPadded() {
        let dir = TemporaryDirectory()
        for (w, h) in [(321, 180), (320, 181), (1, 2)] {
            let error = videoError { _ = try VideoWriter(path: dir.file("odd.mp4"), options: VideoOptions(width: w, height: h)) }
            guard case .invalidOptions(let message)? = error else { Issue.record("\(w)x\(h): \(String(describing: error))"); continue }
            #expect(message.contains("odd") && message.contains("even"), "\(message)")
            #expect(error?.exitStatus == 2)
        }
        #expect(listing(dir.path).isEmpty)
    }

    @Test func sizesRatesQualityAndFrameCountsOutsideTheCapsAreRefused() {
        func refused(_ change: (inout VideoOptions) -> Void, _ format: VideoFormat = .mp4) -> Bool {
            var options = VideoOptions(width: 64, height: 48)
            change(&options)
            guard case .invalidOptions? = videoError({ try options.validate(for: format) }) else { return false }
            return true
        }
        #expect(refused { $0.width = 16386 })
        #expect(refused { $0.height = 0 })
        #expect(refused { $0.fps = FrameRate(0, 1) })
        #expect(refused { $0.fps = FrameRate(241, 1) })
        #expect(refused { $0.quality = 101 })
        #expect(refused { $0.crf = 52 })
        #expect(!refused({ $0.crf = 52 }, .webm))
        #expect(refused { $0.threads = 0 })
        #expect(refused { $0.maxFrames = 36_001 })
        #expect(!refused { $0.width = 16384; $0.height = 16384 })
        let options = VideoOptions(width: 64, height: 48, fps: 30)
        #expect(videoError { try options.check(frameCount: 36_000) } == nil)
        #expect(videoError { try options.check(frameCount: 36_001) } != nil)
        #expect(videoError { try options.check(frameCount: 0) } != nil)
    }

    @Test func appendingPastTheFrameCapFailsAndLeavesNoFile() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        var options = small
        options.maxFrames = 3
        let writer = try VideoWriter(path: dir.file("capped.mp4"), options: options)
        for i in 0..<3 { try writer.append(syntheticFrame(i, width: 64, height: 48)) }
        #expect(videoError { try writer.append(syntheticFrame(3, width: 64, height: 48)) } == .tooManyFrames(limit: 3))
        #expect(videoError { _ = try writer.finish() } == .tooManyFrames(limit: 3))
        #expect(listing(dir.path).isEmpty)
    }

    @Test func aFrameOfTheWrongSizeIsAnErrorNotACrash() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        let writer = try VideoWriter(path: dir.file("clip.mp4"), options: small)
        try writer.append(syntheticFrame(0, width: 64, height: 48))
        let error = videoError { try writer.append(syntheticFrame(1, width: 62, height: 48)) }
        guard case .frameMismatch(let message)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(message.contains("62x48") && message.contains("64x48"))
        // The first error ends the video: finishing reports it and nothing is written.
        #expect(videoError { _ = try writer.finish() } == error)
        #expect(listing(dir.path).isEmpty)
    }

    @Test func grayAnd16BitFramesAreConvertedAndRGBFramesTaken() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        let writer = try VideoWriter(path: dir.file("mixed.mp4"), options: small)
        try writer.append(PixelImage(width: 64, height: 48, channels: 1))
        try writer.append(PixelImage(width: 64, height: 48, channels: 3))
        try writer.append(PixelImage(width: 64, height: 48, channels: 4, bitDepth: 16))
        #expect(try writer.finish().frames == 3)
    }

    @Test func aWriterReleasedUnfinishedLeavesNothingAndKeepsWhatWasThere() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        try AtomicFile.write("old video", to: dir.file("clip.mp4"))
        do {
            let writer = try VideoWriter(path: dir.file("clip.mp4"), options: small)
            try writer.append(syntheticFrame(0, width: 64, height: 48))
            #expect(listing(dir.path).count == 2)  // the video and its hidden temporary file
        }
        #expect(listing(dir.path) == ["clip.mp4"])
        #expect(try FileIO.read(dir.file("clip.mp4")) == Array("old video".utf8))
    }

    @Test func finishingWithoutFramesIsAnErrorAndLeavesNothing() throws {
        try #require(vp9Encoder != nil, "no VP9 encoder")
        let dir = TemporaryDirectory()
        let writer = try VideoWriter(path: dir.file("empty.webm"), options: small)
        #expect(videoError { _ = try writer.finish() } != nil)
        #expect(listing(dir.path).isEmpty)
    }

    @Test func aNameWithAColonIsAFileNotAProtocol() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        try encodeClip(dir.file("http:clip.mp4"), options: small, frames: 2)
        #expect(FileIO.isFile(dir.file("http:clip.mp4")))
    }
}

@Suite struct VideoOptionTests {
    @Test func frameRatesParseAsFractions() {
        #expect(FrameRate(parsing: "24") == FrameRate(24, 1))
        #expect(FrameRate(parsing: "30000/1001") == FrameRate(30000, 1001))
        #expect(FrameRate(parsing: "29.97") == FrameRate(30000, 1001))
        #expect(FrameRate(parsing: "23.976") == FrameRate(24000, 1001))
        #expect(FrameRate(parsing: "12.5") == FrameRate(25, 2))
        for bad in ["0", "-5", "x", "1/0", "", "24/", "nan"] { #expect(FrameRate(parsing: bad) == nil, "\(bad)") }
        #expect(FrameRate(24).seconds(frames: 48) == 2)
    }

    @Test func qualityMapsToEachCodecsUsualCRF() {
        var options = VideoOptions(width: 64, height: 48)
        #expect(options.effectiveCRF(for: .mp4) == 23 && options.effectiveCRF(for: .webm) == 32)
        options.quality = 100
        #expect(options.effectiveCRF(for: .mp4) == 11 && options.effectiveCRF(for: .webm) == 18)
        options.quality = 0
        #expect(options.effectiveCRF(for: .mp4) == 51 && options.effectiveCRF(for: .webm) == 63)
        options.crf = 30
        #expect(options.effectiveCRF(for: .mp4) == 30)
    }

    @Test func theOutputPathPicksTheSink() throws {
        let dir = TemporaryDirectory()
        #expect(FrameOutput(path: "a/b.mp4") == .video(.mp4))
        #expect(FrameOutput(path: "b.WEBM") == .video(.webm))
        #expect(FrameOutput(path: "b.mkv") == .video(.mkv))
        #expect(FrameOutput(path: "still.png") == .still)
        #expect(FrameOutput(path: "frames/%05d.png") == .frames(pattern: "frames/%05d.png"))
        #expect(FrameOutput(path: "frames/") == .frames(pattern: "frames/%05d.png"))
        #expect(FrameOutput(path: dir.path) == .frames(pattern: dir.path + "/%05d.png"))
        try AtomicFile.makeDirectories(dir.file("looks-like.mp4"))
        #expect(FrameOutput(path: dir.file("looks-like.mp4")) == .video(.mp4))
        #expect(FrameOutput(path: "frames/%05d.jpg") == nil)
        #expect(FrameOutput(path: "clip.avi") == nil)
        #expect(videoError { _ = try makeFrameSink(path: "clip.avi", options: VideoOptions(width: 8, height: 8)) }?.exitStatus == 2)
        #expect(videoError { _ = try makeFrameSink(path: "x.png", options: VideoOptions(width: 8, height: 8)) }?.exitStatus == 2)
        #expect(try makeFrameSink(path: dir.file("f/%03d.png"), options: VideoOptions(width: 8, height: 8)) is FrameSequenceWriter)
    }
}
