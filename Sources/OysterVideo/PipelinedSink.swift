import Foundation
import OysterCore

/// Runs another sink on a thread of its own, so rendering (on the caller's thread, where the
/// GL context lives) and encoding overlap. Frames wait in a bounded queue (`depth`, 2 by
/// default): when it is full, `append` waits for the encoder, so memory stays at a few frames.
///
/// An error of the wrapped sink stops the encoding thread, drops the queued frames and is
/// thrown by the next `append` or by `finish`; an `append` waiting on a full queue is woken
/// by it, so a failing encoder never deadlocks the renderer. Released without `finish()`, the
/// pipeline stops its thread and the wrapped sink is released unfinished (so it removes what
/// it started).
public final class PipelinedSink: FrameSink {
    private let pipeline: Pipeline
    private var finished = false

    /// `sink` is handed over: from now on only the encoding thread touches it.
    public init(_ sink: sending any FrameSink, depth: Int = 2) {
        pipeline = Pipeline(sink: sink, depth: max(1, depth))
        let pipeline = pipeline
        let thread = Thread { pipeline.run() }
        thread.name = "oyster-encode"
        // Encoders keep sizeable state on the stack of the thread that calls them.
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { pipeline.stop() }

    /// Frames accepted (queued or encoded).
    public var frameCount: Int { pipeline.accepted }

    /// Queues `frame`, waiting while the queue is full; throws the wrapped sink's error if it
    /// has failed.
    public func append(_ frame: PixelImage) throws(VideoError) {
        guard !finished else { throw .alreadyFinished }
        try pipeline.push(frame)
    }

    /// Waits for every queued frame to be encoded, then finishes the wrapped sink.
    public func finish() throws(VideoError) -> FrameSinkSummary {
        guard !finished else { throw .alreadyFinished }
        finished = true
        return try pipeline.complete()
    }
}

/// The state shared by the caller and the encoding thread. Every stored property but `sink`
/// is read and written only with `condition` locked; `sink` is touched only by the encoding
/// thread (it is set before that thread starts, and cleared by it), which is what makes the
/// `@unchecked Sendable` sound.
private final class Pipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let depth: Int
    private var queue: [PixelImage] = []
    private var head = 0
    private var closing = false      // finish asked: encode what is queued, then finish
    private var stopping = false     // released unfinished: drop everything
    private var done = false         // the encoding thread has ended
    private var error: VideoError?
    private var summary: FrameSinkSummary?
    private var acceptedCount = 0
    private var sink: (any FrameSink)?

    init(sink: any FrameSink, depth: Int) {
        self.sink = sink
        self.depth = depth
    }

    var accepted: Int {
        condition.lock()
        defer { condition.unlock() }
        return acceptedCount
    }

    // MARK: - Caller's side

    func push(_ frame: PixelImage) throws(VideoError) {
        condition.lock()
        defer { condition.unlock() }
        while error == nil && queue.count - head >= depth { condition.wait() }
        if let error { throw error }
        queue.append(frame)
        acceptedCount += 1
        condition.broadcast()
    }

    func complete() throws(VideoError) -> FrameSinkSummary {
        condition.lock()
        defer { condition.unlock() }
        closing = true
        condition.broadcast()
        while !done { condition.wait() }
        if let error { throw error }
        guard let summary else { throw .alreadyFinished }
        return summary
    }

    /// Ends the encoding thread without finishing the sink, and waits for it.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        if !done {
            stopping = true
            condition.broadcast()
            while !done { condition.wait() }
        }
    }

    // MARK: - Encoding thread

    /// The next frame, or nil when the thread should end (and whether to finish the sink).
    private func next() -> (frame: PixelImage?, finish: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while !stopping && !closing && queue.count == head { condition.wait() }
        if stopping { return (nil, false) }
        if queue.count == head { return (nil, true) }  // closing and drained
        let frame = queue[head]
        head += 1
        if head == queue.count { queue.removeAll(keepingCapacity: true); head = 0 }
        condition.broadcast()  // room in the queue
        return (frame, false)
    }

    private func record(_ failure: VideoError) {
        condition.lock()
        defer { condition.unlock() }
        error = failure
        queue.removeAll()
        head = 0
        condition.broadcast()
    }

    func run() {
        var finishSink = false
        loop: while let sink {
            let (frame, finish) = next()
            guard let frame else { finishSink = finish; break loop }
            do { try sink.append(frame) } catch {
                record(error)
                break loop
            }
        }
        if finishSink, let sink {
            do {
                let result = try sink.finish()
                condition.lock()
                summary = result
                condition.unlock()
            } catch {
                record(error)
            }
        }
        // Released here, on this thread: an unfinished sink removes its temporary file.
        sink = nil
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
