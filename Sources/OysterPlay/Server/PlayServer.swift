import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import OysterJSON
import OysterStream

/// The live server: one page (`PlayPage`) at `/` and a session's WebSocket at `/ws`, on the
/// address given (loopback unless asked; then every request needs the `AccessToken`).
///
/// Each page's socket gets a session of its own, up to the service's `maxSessions`; one more
/// is refused (its socket is closed with a reason the page shows). A session ends, and its
/// slot frees, when its socket closes. A malformed or oversized message, or too many
/// (`MessageRate`), closes that socket, never the server.
public enum PlayServer {
    /// The application serving `service` on `host:port` (port 0: any free port; the bound
    /// one is passed to `onRunning`), requiring `token` in every request's query when given.
    public static func application(service: PlayService, host: String = "127.0.0.1", port: Int, token: AccessToken? = nil,
                                   logger: Logger = Logger(label: "oyster-play"),
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router(context: BasicWebSocketRequestContext.self)
        if let token { router.add(middleware: TokenMiddleware(token: token)) }
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: PlayPage.html)))
        }
        // Browsers ask for an icon; there is none (and no 404 in the page's console).
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        // A finished export, fetched by the page that asked for it (`DownloadShelf`).
        router.get("/download/:id/:file") { _, context in
            guard let id = context.parameters.get("id"), let file = context.parameters.get("file"),
                  file == RegionExport.fileName, let bytes = service.downloads.bytes(id: id) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "application/zip", .cacheControl: "no-store",
                                                   .contentDisposition: "attachment; filename=\"\(RegionExport.fileName)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        // Whether a page may play now, and if not why (a page whose socket was refused before it
        // opened has no close reason to show: it asks here).
        router.get("/slots") { _, _ in
            let body = #"{"playing":\#(service.sessionCount),"max":\#(service.maxSessions),"reason":\#(service.isFull ? JSONWriter.quoted(service.busyReason) : "null")}"#
            return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        // A full server refuses the upgrade itself (503); two pages racing for the last slot
        // are settled in `serve`, which closes the loser's socket with the reason.
        router.ws("/ws", shouldUpgrade: { _, _ in
            if service.isFull {
                service.countRefusal()
                throw HTTPError(.serviceUnavailable, message: service.busyReason)
            }
            return .upgrade([:])
        }, onUpgrade: { inbound, outbound, _ in
            try await service.serve(inbound: inbound, outbound: outbound)
        })
        var ws = WebSocketServerConfiguration()
        // The page sends small messages only; a bigger frame closes the socket.
        ws.maxFrameSize = ClientMessage.maxBytes
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router, configuration: .init(ws: ws)),
            configuration: .init(address: .hostname(host, port: port), serverName: "oyster-play"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }
}

/// The world being played, and its session slots.
public final class PlayService: @unchecked Sendable {
    public let world: PlayWorld
    public let options: LiveSession.Options
    /// Sessions playing at once, at most (each has a thread drawing frames: on 2 cores, two).
    public let maxSessions: Int
    /// Shared by the sessions (its tiles' generation, texture and level caches are safe from
    /// several threads and stay warm from one session to the next).
    private let streamed: StreamedWorld
    private let lock = NSLock()
    private var playing: [ObjectIdentifier: LiveSession] = [:]
    private var claimed = 0
    /// Sessions refused because `maxSessions` were playing.
    public private(set) var refused = 0
    /// Told each session's figures when it ends (the command line prints them).
    public var onSessionEnd: (@Sendable (LiveSession.Statistics) -> Void)?
    /// Finished exports waiting for their pages.
    public let downloads = DownloadShelf()

    public init(world: PlayWorld, streamed: StreamedWorld, options: LiveSession.Options, maxSessions: Int = 2) {
        self.world = world
        self.streamed = streamed
        self.options = options
        self.maxSessions = max(1, maxSessions)
    }

    public var busyReason: String {
        maxSessions == 1
            ? "another page is playing this world: close it first (one session at a time)"
            : "\(maxSessions) pages are playing this world, as many as this server takes (--max-sessions): close one first"
    }

    /// One socket's life: claim the slot (else close, saying why), run a session, read the
    /// page's messages until it closes or sends something malformed, then free the slot.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        guard claim() else {
            try await outbound.close(.policyViolation, reason: busyReason)
            return
        }
        // Frames: only the newest waits (a slow page loses frames, the server never buffers
        // them); text (replies, the script) is small and rare, and kept.
        let (frames, frameSink) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(1))
        let (texts, textSink) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let shelf = downloads, slot = downloads.open()
        defer { shelf.close(slot) }
        let session = LiveSession(world: world, streamed: streamed, options: options) { out in
            switch out {
            case .frame(let bytes): frameSink.yield(bytes)
            case .text(let message): textSink.yield(message.json)
            case .download(let bytes, let note):
                guard let url = shelf.put(bytes, file: RegionExport.fileName, in: slot) else { return }
                textSink.yield(ServerMessage.export(state: .ready, text: note, url: url).json)
            }
        }
        setPlaying(session)
        session.start()
        // Set when the page sent something malformed: the socket is closed with this once the
        // session has stopped and the slot is free (so the page can reconnect at once).
        var refusal: (@Sendable () async -> Void)?
        await withTaskGroup(of: Void.self) { group in
            // A write fails once the socket is closed; the writers then just stop.
            group.addTask {
                for await f in frames { try? await outbound.write(.binary(ByteBuffer(bytes: f))) }
            }
            group.addTask {
                for await t in texts { try? await outbound.write(.text(t)) }
            }
            var rate = MessageRate()
            let clock = ContinuousClock()
            let opened = clock.now
            do {
                reading: for try await message in inbound.messages(maxSize: ClientMessage.maxBytes) {
                    let elapsed = opened.duration(to: clock.now)
                    guard rate.admit(at: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18) else {
                        refusal = { try? await outbound.close(.policyViolation, reason: "more than \(MessageRate().limit) messages a second") }
                        break reading
                    }
                    guard case .text(let text) = message else {
                        refusal = { try? await outbound.close(.unacceptableData, reason: "binary messages are not understood") }
                        break reading
                    }
                    let parsed: ClientMessage
                    do { parsed = try ClientMessage(json: Array(text.utf8)) } catch {
                        let reason = String("\(error)".prefix(120))
                        refusal = { try? await outbound.close(.dataInconsistentWithMessage, reason: reason) }
                        break reading
                    }
                    switch parsed {
                    case .input(let input): session.submit(input)
                    case .command(let seq, let text):
                        // Answered now when it changes nothing, else by the session when applied.
                        if let reply = session.command(seq: seq, text: text) { textSink.yield(reply.json) }
                    case .save: session.requestScript()
                    case .export(let target): textSink.yield(session.requestExport(target).json)
                    }
                }
            } catch {
                // An oversized or broken frame: the WebSocket layer closes the socket itself.
            }
            frameSink.finish()
            textSink.finish()
            group.cancelAll()
        }
        // Stopping waits for the frame being drawn: off the concurrency pool.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let t = Thread {
                session.stop()
                done.resume()
            }
            t.start()
        }
        onSessionEnd?(session.statistics)
        release(session)
        await refusal?()
    }

    /// Sessions playing now.
    public var sessionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return claimed
    }

    /// Whether any session is playing.
    public var isPlaying: Bool { sessionCount > 0 }

    /// Whether `maxSessions` are playing (a page now is refused).
    public var isFull: Bool { sessionCount >= maxSessions }

    func countRefusal() { lock.withLock { refused += 1 } }

    /// The sessions playing now (for tests and statistics).
    public var sessions: [LiveSession] {
        lock.lock()
        defer { lock.unlock() }
        return Array(playing.values)
    }

    private func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if claimed >= maxSessions { refused += 1; return false }
        claimed += 1
        return true
    }

    private func release(_ s: LiveSession) {
        lock.lock()
        claimed -= 1
        playing[ObjectIdentifier(s)] = nil
        lock.unlock()
    }

    private func setPlaying(_ s: LiveSession) {
        lock.lock()
        playing[ObjectIdentifier(s)] = s
        lock.unlock()
    }
}
