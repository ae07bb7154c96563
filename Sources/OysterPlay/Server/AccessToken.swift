import Hummingbird

/// The secret a server reachable from other machines (`--host`) requires in every request's
/// query (`?token=…`): the page at `/`, its socket, everything. A server on loopback has none.
public struct AccessToken: Sendable, Equatable {
    public let value: String

    public init(_ value: String) { self.value = value }

    /// 128 random bits from the system's generator, as 32 hex digits.
    public static func random() -> AccessToken {
        var g = SystemRandomNumberGenerator()
        let digits = (0..<4).map { _ in
            let word = String(g.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - word.count) + word
        }
        return AccessToken(digits.joined())
    }

    /// Whether `given` is this token, compared in time that does not depend on where the two
    /// first differ (a guesser learns nothing from how fast a wrong one is refused).
    public func matches(_ given: Substring?) -> Bool {
        guard let given else { return false }
        let a = Array(value.utf8), b = Array(given.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in a.indices { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}

/// Refuses, with 403 and the reason, any request whose query lacks the server's token.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken

    static var refusal: String { "this server needs its token: open the URL oyster-play printed, with its ?token=…" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard token.matches(request.uri.queryParameters["token"]) else {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: Self.refusal + "\n")))
        }
        return try await next(request, context)
    }
}
