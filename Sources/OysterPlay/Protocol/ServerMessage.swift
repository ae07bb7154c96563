import OysterJSON

/// What the server sends as text (frames go as binary `FrameHeader` messages).
public enum ServerMessage: Equatable, Sendable {
    /// Sent first: the session's frame size and rate, and what world it is.
    case hello(width: Int, height: Int, fps: Int, world: String)
    /// The answer to a Direct command: what was understood and done, what was not and why.
    case reply(seq: UInt32, text: String)
    /// The session's action script (answer to `save`), and the command that replays it.
    case script(json: String, replay: String)
    /// Something went wrong on the server's side for this session.
    case error(String)
    /// An export's progress: a stage under way, the zip ready at `url`, or why it failed.
    case export(state: ExportState, text: String, url: String?)

    public enum ExportState: String, Sendable {
        case working, ready, failed
    }

    public var json: String {
        let v: JSONValue
        switch self {
        case .hello(let w, let h, let fps, let world):
            v = ["type": "hello", "width": .int(Int64(w)), "height": .int(Int64(h)), "fps": .int(Int64(fps)), "world": .string(world)]
        case .reply(let seq, let text):
            v = ["type": "reply", "seq": .int(Int64(seq)), "text": .string(text)]
        case .script(let json, let replay):
            v = ["type": "script", "json": .string(json), "replay": .string(replay)]
        case .error(let message):
            v = ["type": "error", "message": .string(message)]
        case .export(let state, let text, let url):
            v = ["type": "export", "state": .string(state.rawValue), "text": .string(text), "url": url.map { .string($0) } ?? .null]
        }
        return JSONWriter.string(v)
    }
}
