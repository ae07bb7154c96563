import Foundation
import OysterCore
import OysterImage
import OysterTestSupport
import Testing
@testable import OysterVideo

@Suite struct FrameSequenceWriterTests {
    @Test func framesAreNumberedPNGsWithThePixelsWritten() throws {
        let dir = TemporaryDirectory()
        let writer = try FrameSequenceWriter(pattern: dir.file("frames/%05d.png"))
        let frames = (0..<3).map { syntheticFrame($0, width: 16, height: 10, frames: 3) }
        for frame in frames { try writer.append(frame) }
        let summary = try writer.finish()
        #expect(summary.frames == 3 && summary.encoder == "png" && summary.duration == nil)
        #expect(listing(dir.file("frames")) == ["00000.png", "00001.png", "00002.png"])
        for (i, frame) in frames.enumerated() {
            let decoded = try ImageCodec.decode(try FileIO.read(dir.file(String(format: "frames/%05d.png", i))))
            #expect(decoded == frame)
        }
        #expect(summary.bytes == listing(dir.file("frames")).map { (try? FileIO.read(dir.file("frames/" + $0)).count) ?? 0 }.reduce(0, +))
    }

    @Test func placeholdersAndTheFirstNumber() throws {
        let dir = TemporaryDirectory()
        let writer = try FrameSequenceWriter(pattern: dir.file("shot_%d.png"), firstIndex: 9)
        try writer.append(PixelImage(width: 2, height: 2, channels: 4))
        try writer.append(PixelImage(width: 2, height: 2, channels: 4))
        _ = try writer.finish()
        #expect(listing(dir.path) == ["shot_10.png", "shot_9.png"])
        #expect(try FrameSequenceWriter(pattern: dir.file("%03d.png")).path(ofFrame: 7) == dir.file("007.png"))
        for bad in ["frames.png", "%05d_%05d.png", "%5d.png", "%010d.png", "%05d.jpg", "100%.png"] {
            #expect(videoError { _ = try FrameSequenceWriter(pattern: dir.file(bad)) } != nil, "\(bad)")
        }
    }

    @Test func aFrameOfAnotherSizeIsRefused() throws {
        let dir = TemporaryDirectory()
        let writer = try FrameSequenceWriter(pattern: dir.file("%05d.png"), width: 4, height: 4)
        let error = videoError { try writer.append(PixelImage(width: 4, height: 5, channels: 4)) }
        guard case .frameMismatch? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(listing(dir.path).isEmpty)
    }

    @Test func anUnwritableFolderFailsBeforeAnyFrame() throws {
        let dir = TemporaryDirectory()
        try AtomicFile.write("x", to: dir.file("file.txt"))
        let error = videoError { _ = try FrameSequenceWriter(pattern: dir.file("file.txt/%05d.png")) }
        #expect(error?.exitStatus == 4, "\(String(describing: error))")
        #expect(listing(dir.path) == ["file.txt"])
    }
}

/// A sink that records the first pixel's red value of each frame it gets, sleeping a little
/// to make the queue fill, and fails on frame `failAt` (or on finish when `failAt` is -1).
final class RecordingSink: FrameSink {
    let log: FrameLog
    let failAt: Int?
    var frameCount = 0

    init(log: FrameLog, failAt: Int? = nil) {
        self.log = log
        self.failAt = failAt
    }

    func append(_ frame: PixelImage) throws(VideoError) {
        if frameCount == failAt { throw .encodingFailed(path: "fake", reason: "failed at frame \(frameCount)") }
        usleep(2000)
        log.add(Int(frame.samples8[0]))
        frameCount += 1
    }

    func finish() throws(VideoError) -> FrameSinkSummary {
        if failAt == -1 { throw .unwritable(path: "fake", reason: "disk full") }
        log.finished()
        return FrameSinkSummary(path: "fake", frames: frameCount, bytes: 0, encoder: "fake", duration: nil)
    }

    deinit { log.released() }
}

/// What a RecordingSink saw, readable from the test's thread.
final class FrameLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _frames: [Int] = []
    private var _finished = false
    private var _released = false
    func add(_ value: Int) { lock.withLock { _frames.append(value) } }
    func finished() { lock.withLock { _finished = true } }
    func released() { lock.withLock { _released = true } }
    var frames: [Int] { lock.withLock { _frames } }
    var wasFinished: Bool { lock.withLock { _finished } }
    var wasReleased: Bool { lock.withLock { _released } }
}

func numbered(_ i: Int) -> PixelImage {
    PixelImage(width: 1, height: 1, channels: 4, samples8: [UInt8(i), 0, 0, 255])
}

@Suite struct PipelinedSinkTests {
    @Test func framesArriveInOrderAndFinishWaitsForThemAll() throws {
        let log = FrameLog()
        let sink = PipelinedSink(RecordingSink(log: log), depth: 2)
        for i in 0..<100 { try sink.append(numbered(i)) }
        #expect(sink.frameCount == 100)
        let summary = try sink.finish()
        #expect(summary.frames == 100)
        #expect(log.frames == Array(0..<100))
        #expect(log.wasFinished)
        #expect(videoError { try sink.append(numbered(0)) } == .alreadyFinished)
    }

    @Test func anEncoderErrorSurfacesOnALaterAppendWithoutDeadlock() throws {
        let log = FrameLog()
        let sink = PipelinedSink(RecordingSink(log: log, failAt: 5), depth: 2)
        var thrown: VideoError?
        var accepted = 0
        for i in 0..<1000 {
            do { try sink.append(numbered(i)) } catch { thrown = error; break }
            accepted += 1
        }
        #expect(thrown == .encodingFailed(path: "fake", reason: "failed at frame 5"))
        // The queue holds at most two frames beyond the one being encoded.
        #expect(accepted >= 6 && accepted <= 8, "accepted \(accepted)")
        #expect(log.frames == Array(0..<5))
        #expect(videoError { _ = try sink.finish() } == thrown)
        #expect(!log.wasFinished)
    }

    @Test func anErrorAfterTheLastFrameSurfacesOnFinish() throws {
        let log = FrameLog()
        let sink = PipelinedSink(RecordingSink(log: log, failAt: 3), depth: 3)
        for i in 0..<3 { try sink.append(numbered(i)) }
        try sink.append(numbered(3))  // queued; the sink fails on it after this returns
        #expect(videoError { _ = try sink.finish() } == .encodingFailed(path: "fake", reason: "failed at frame 3"))
    }

    @Test func aFailingFinishIsReported() throws {
        let sink = PipelinedSink(RecordingSink(log: FrameLog(), failAt: -1))
        try sink.append(numbered(0))
        #expect(videoError { _ = try sink.finish() } == .unwritable(path: "fake", reason: "disk full"))
    }

    @Test func releasedUnfinishedItStopsAndReleasesTheSinkUnfinished() throws {
        let log = FrameLog()
        do {
            let sink = PipelinedSink(RecordingSink(log: log))
            for i in 0..<10 { try sink.append(numbered(i)) }
        }
        #expect(log.wasReleased)
        #expect(!log.wasFinished)
    }

    @Test func aPipelinedVideoReleasedUnfinishedLeavesNoFile() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        do {
            let sink = PipelinedSink(try VideoWriter(path: dir.file("clip.mp4"), options: VideoOptions(width: 64, height: 48)))
            for i in 0..<5 { try sink.append(syntheticFrame(i, width: 64, height: 48)) }
        }
        #expect(listing(dir.path).isEmpty)
    }

    @Test func aPipelinedVideoWithAWrongFrameFailsAndLeavesNoFile() throws {
        try #require(h264Encoder != nil, "no H.264 encoder")
        let dir = TemporaryDirectory()
        let sink = PipelinedSink(try VideoWriter(path: dir.file("clip.mp4"), options: VideoOptions(width: 64, height: 48)))
        try sink.append(syntheticFrame(0, width: 64, height: 48))
        // Queued without a check; the encoding thread refuses it, and finish says so.
        try sink.append(syntheticFrame(1, width: 32, height: 48))
        let error = videoError { _ = try sink.finish() }
        guard case .frameMismatch? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(listing(dir.path).isEmpty)
    }
}
