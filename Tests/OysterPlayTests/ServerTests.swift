import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import OysterMotion
@testable import OysterPlay
import Testing

/// The live server on an ephemeral loopback port, with a real WebSocket client.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"), .serialized, .timeLimit(.minutes(2)))
struct ServerTests {
    func service() throws -> PlayService {
        let (world, streamed) = try testWorld()
        var options = LiveSession.Options()
        options.width = 64
        options.height = 36
        return PlayService(world: world, streamed: streamed, options: options)
    }

    func app(_ service: PlayService) -> some ApplicationProtocol {
        var logger = Logger(label: "oyster-play-test")
        logger.logLevel = .error
        return PlayServer.application(service: service, port: 0, logger: logger)
    }

    static let client = WebSocketClientConfiguration(maxFrameSize: 1 << 20)

    /// Reads what the server sends until it closes the socket, or at most `limit` messages
    /// (about 40 s of frames): a server that fails to close fails the test, never hangs it.
    static func drain(_ inbound: WebSocketInboundStream, limit: Int = 1000) async throws {
        var count = 0
        for try await _ in inbound.messages(maxSize: 1 << 20) {
            count += 1
            if count >= limit { break }
        }
        #expect(count < limit, "the server kept the socket open")
    }

    /// A closed socket's session stops (its frame in progress finished) before the slot
    /// frees; at most 20 s.
    static func waitUntilFree(_ service: PlayService) async throws {
        for _ in 0..<200 where service.isPlaying { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!service.isPlaying, "the closed socket's session still holds the slot")
    }

    @Test func thePageIsServed() async throws {
        try await app(try service()).test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let body = String(buffer: response.body)
                #expect(body.contains("new WebSocket") && body.contains("0x4F594631"), "the page reads the frame header")
                #expect(!body.contains("http://") && !body.contains("https://"), "self-contained: nothing fetched from elsewhere")
            }
        }
    }

    /// Frames arrive as JPEGs with headers; holding W moves the player; "make it night" is
    /// answered with what was understood and turns the frames' hour to night; Save sends a
    /// script that reads back, with the set-time in it.
    @Test func framesArriveAndInputMovesThePlayer() async throws {
        let service = try service()
        try await app(service).test(.live) { client in
            try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                var hello = false, jpegs = 0, sent = false
                var before: FrameHeader?, after: FrameHeader?
                var reply: String?, script: String?
                var messages = 0
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    messages += 1
                    if messages > 2000 { break }
                    switch message {
                    case .text(let text):
                        if text.contains(#""type":"hello""#) { hello = true }
                        if text.contains(#""type":"reply""#) { reply = text }
                        if text.contains(#""type":"script""#) { script = text; break }
                    case .binary(var buffer):
                        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
                        let header = try FrameHeader(message: bytes)
                        #expect(bytes[FrameHeader.size] == 0xFF && bytes[FrameHeader.size + 1] == 0xD8, "a JPEG follows the header")
                        jpegs += 1
                        if !sent {
                            before = header
                            try await outbound.write(.text(#"{"type":"input","seq":1,"forward":1,"run":true}"#))
                            try await outbound.write(.text(#"{"type":"command","seq":2,"text":"make it night"}"#))
                            sent = true
                        } else if header.lastInput >= 1, header.time - (before?.time ?? 0) > 1, after == nil {
                            after = header
                            try await outbound.write(.text(#"{"type":"save"}"#))
                        }
                    }
                    if script != nil { break }
                }
                #expect(hello)
                #expect(jpegs >= 2)
                let b = try #require(before), a = try #require(after)
                let dx = a.position.x - b.position.x, dz = a.position.z - b.position.z
                #expect((dx * dx + dz * dz).squareRoot() > 1, "holding W for over a second moved the player: \(b.position) → \(a.position)")
                #expect(reply?.contains("understood: night (set-time 22:30 over 0 s)") == true, "\(reply ?? "no reply")")
                #expect(a.hour == 22.5, "the frames' hour after the command: \(a.hour)")
                let saved = try #require(script)
                #expect(saved.contains("move") && saved.contains("oyster-render --world") && saved.contains("set-time"))
                try await outbound.close(.normalClosure, reason: nil)
            }
        }
    }

    /// A page beyond `maxSessions` is refused while the others play (its socket is not upgraded;
    /// `/slots` gives the reason the page shows), and is served once one closes.
    @Test func aPageBeyondMaxSessionsIsRefused() async throws {
        let (world, streamed) = try testWorld()
        let service = PlayService(world: world, streamed: streamed, options: try self.service().options, maxSessions: 1)
        try await app(service).test(.live) { client in
            let playing = Playing()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                        var frames = 0
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            if case .binary = message { frames += 1 }
                            if frames == 1 { playing.started() }
                            if playing.shouldStop || frames > 2000 { break }
                        }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                }
                try await playing.waitUntilStarted()
                // Refused at the upgrade: the socket never opens, and /slots says why.
                await #expect(throws: (any Error).self, "a page beyond the sessions is not upgraded") {
                    _ = try await client.ws("/ws", configuration: Self.client) { inbound, _, _ in try await Self.drain(inbound) }
                }
                #expect(service.refused == 1)
                try await client.execute(uri: "/slots", method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains(#""playing":1,"max":1"#) && body.contains(service.busyReason), "\(body)")
                }
                playing.stop()
                try await group.waitForAll()
            }
            try await Self.waitUntilFree(service)
            // The slot is free again: a page gets frames.
            let third = try await Self.within(.seconds(60)) { try await Self.aPageGetsAFrame(client) } ?? nil
            #expect(third?.closeCode == .normalClosure)
        }
    }

    /// Two pages play at once, each its own session: holding W on one moves that player only.
    @Test func twoPagesPlayIndependentSessions() async throws {
        let service = try service()
        #expect(service.maxSessions == 2)
        try await app(service).test(.live) { client in
            let walker = Playing(), stander = Playing()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for walks in [true, false] {
                    let me = walks ? walker : stander, other = walks ? stander : walker
                    group.addTask {
                        _ = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                            var frames = 0
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .binary(var buffer) = message else { continue }
                                let header = try FrameHeader(message: buffer.readBytes(length: buffer.readableBytes) ?? [])
                                frames += 1
                                if me.first == nil {
                                    me.record(header)
                                    try await other.waitUntilStarted()
                                    if walks { try await outbound.write(.text(#"{"type":"input","seq":1,"forward":1,"run":true}"#)) }
                                }
                                me.record(header)
                                if header.time - me.first!.time > 1.5 && header.lastInput >= (walks ? 1 : 0) { me.stop() }
                                if (me.shouldStop && other.shouldStop) || frames > 2000 { break }
                            }
                            try await outbound.close(.normalClosure, reason: nil)
                        }
                    }
                }
                try await group.waitForAll()
            }
            func moved(_ p: Playing) throws -> Float {
                let a = try #require(p.first), b = try #require(p.last)
                let dx = b.position.x - a.position.x, dz = b.position.z - a.position.z
                return (dx * dx + dz * dz).squareRoot()
            }
            #expect(try moved(walker) > 1, "the page holding W walked")
            #expect(try moved(stander) < 0.01, "the other page's player stood still")
            #expect(service.refused == 0)
        }
    }

    /// With a token (`--host`), every request and socket without it is refused with 403;
    /// with it, the page and its socket are served.
    @Test func theTokenIsRequiredWhenGiven() async throws {
        let service = try service()
        let token = AccessToken.random()
        #expect(token.value.count == 32 && token != AccessToken.random())
        var logger = Logger(label: "oyster-play-test")
        logger.logLevel = .error
        let app = PlayServer.application(service: service, port: 0, token: token, logger: logger)
        try await app.test(.live) { client in
            for uri in ["/", "/?token=", "/?token=\(String(token.value.reversed()))", "/favicon.ico", "/ws"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .forbidden, "\(uri) without the token")
                    #expect(String(buffer: response.body).contains("token"))
                }
            }
            try await client.execute(uri: "/?token=\(token.value)", method: .get) { response in
                #expect(response.status == .ok)
            }
            await #expect(throws: (any Error).self, "a socket without the token is not upgraded") {
                _ = try await client.ws("/ws", configuration: Self.client) { inbound, _, _ in try await Self.drain(inbound) }
            }
            let served = try await Self.within(.seconds(60)) {
                try await client.ws("/ws?token=\(token.value)", configuration: Self.client) { inbound, outbound, _ in
                    var hello = false
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let t) = message, t.contains(#""type":"hello""#) { hello = true; break }
                    }
                    #expect(hello)
                    try await outbound.close(.normalClosure, reason: nil)
                }
            } ?? nil
            #expect(served?.closeCode == .normalClosure)
        }
    }

    /// Opens a page's socket, expects a frame, and closes it; the close the server answered.
    static func aPageGetsAFrame(_ client: any TestClientProtocol) async throws -> WebSocketCloseFrame? {
        try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
            var frames = 0
            for try await message in inbound.messages(maxSize: 1 << 20) {
                if case .binary = message { frames += 1 }
                if frames == 1 || frames > 2000 { break }
            }
            #expect(frames == 1)
            try await outbound.close(.normalClosure, reason: nil)
        }
    }

    /// `body`'s result, or a failed test (and nil) after `limit`: a socket the server never
    /// closes fails the test instead of hanging the suite.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            if first == nil { Issue.record("no answer within \(limit)") }
            return first
        }
    }

    @Test func badMessagesCloseTheSocketAndTheServerKeepsServing() async throws {
        let service = try service()
        try await app(service).test(.live) { client in
            let bad = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                try await outbound.write(.text("this is not JSON"))
                try await Self.drain(inbound)
            }
            #expect(bad?.closeCode == .dataInconsistentWithMessage)
            try await Self.waitUntilFree(service)
            let big = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                try await outbound.write(.text(String(repeating: "x", count: 64 * 1024)))
                try await Self.drain(inbound)
            }
            #expect(big?.closeCode == .messageTooLarge)
            try await Self.waitUntilFree(service)
            let binary = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                try await outbound.write(.binary(ByteBuffer(bytes: [1, 2, 3])))
                try await Self.drain(inbound)
            }
            #expect(binary?.closeCode == .unacceptableData)
            try await Self.waitUntilFree(service)
            let flood = try await client.ws("/ws", configuration: Self.client) { inbound, outbound, _ in
                // A burst of 1,000 (40 KB, within the socket's buffers, so writing never waits
                // on a server that has stopped reading): the server closes at the 301st.
                for seq in 1...1000 {
                    do { try await outbound.write(.text(#"{"type":"input","seq":\#(seq)}"#)) } catch { break }
                }
                try await Self.drain(inbound)
            }
            #expect(flood?.closeCode == .policyViolation && flood?.reason?.contains("messages a second") == true)
            try await Self.waitUntilFree(service)

            // Still serving: a good page gets frames.
            _ = try await Self.aPageGetsAFrame(client)
        }
    }
}

/// One page's progress, shared with the test: whether its first frame came (and its first and
/// last headers), and whether it should close.
final class Playing: @unchecked Sendable {
    private let lock = NSLock()
    private var hasStarted = false
    private var stopping = false
    private var headers: (first: FrameHeader?, last: FrameHeader?)

    /// A frame came: the first starts the page.
    func record(_ h: FrameHeader) {
        lock.withLock {
            if headers.first == nil { headers.first = h }
            headers.last = h
            hasStarted = true
        }
    }
    var first: FrameHeader? { lock.withLock { headers.first } }
    var last: FrameHeader? { lock.withLock { headers.last } }

    func started() { lock.withLock { hasStarted = true } }
    func stop() { lock.withLock { stopping = true } }
    var shouldStop: Bool { lock.withLock { stopping } }

    /// Waits (at most 60 s) for the first frame.
    func waitUntilStarted() async throws {
        for _ in 0..<600 where !lock.withLock({ hasStarted }) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(lock.withLock { hasStarted }, "the page's first frame never came")
    }
}
