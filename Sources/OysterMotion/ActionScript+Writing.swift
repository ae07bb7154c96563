import OysterCore
import OysterJSON

extension ActionScript {
    /// The script as JSON text (`docs/action-script.schema.json`) that reads back as an equal
    /// script: every action with its `at` and `seconds`, angles in degrees chosen so that the
    /// reader's degrees-to-radians gives back these radians exactly. This is how a live
    /// session is saved, so its replay is the same walk.
    public func json() -> [UInt8] {
        var root = JSONObject()
        if start != nil || heading != nil || pitch != 0 {
            var s = JSONObject()
            if let start { s.members.append(("position", .floats([start.x, start.y, start.z]))) }
            if let heading { s.members.append(("heading", .float(Self.degrees(heading)))) }
            if pitch != 0 { s.members.append(("pitch", .float(Self.degrees(pitch)))) }
            root.members.append(("start", .object(s)))
        }
        root.members.append(("actions", .array(actions.map(\.jsonValue))))
        return JSONWriter.write(.object(root), pretty: true)
    }

    /// Degrees `d` whose `d * .pi / 180` (the reader's conversion) is `radians`, when one
    /// exists within a few ulps of the plain conversion; else the plain conversion.
    static func degrees(_ radians: Float) -> Float {
        let plain = radians * 180 / .pi
        var candidates = [plain]
        var up = plain, down = plain
        for _ in 0..<4 {
            up = up.nextUp
            down = down.nextDown
            candidates += [up, down]
        }
        return candidates.first { $0 * .pi / 180 == radians } ?? plain
    }
}

extension ActionScript.Action {
    var jsonValue: JSONValue {
        var o = JSONObject()
        func add(_ key: String, _ value: JSONValue) { o.members.append((key, value)) }
        switch kind {
        case .move(let v): add("do", "move"); add("speed", .float(v))
        case .strafe(let v): add("do", "strafe"); add("speed", .float(v))
        case .turn(let r): add("do", "turn"); add("degrees", .float(ActionScript.degrees(r)))
        case .look(let r): add("do", "look"); add("degrees", .float(ActionScript.degrees(r)))
        case .jump: add("do", "jump")
        case .fly(let on): add("do", "fly"); add("on", .bool(on))
        case .wait: add("do", "wait")
        case .setTime(let hour): add("do", "set-time"); add("to", .float(hour))
        case .weather(let kind): add("do", "weather"); add("kind", .string(kind))
        case .spawn(let spawn):
            add("do", "spawn")
            add("thing", .string(spawn.thing))
            switch spawn.place {
            // A point's height is found on the ground again when read.
            case .point(let x, let z): add("at", .floats([x, 0, z]))
            case .ahead(let metres): add("at", .string("ahead")); add("distance", .float(metres))
            }
            if let heading = spawn.heading { add("heading", .float(ActionScript.degrees(heading))) }
        case .orbit(let orbit):
            add("do", "orbit")
            switch orbit.centre {
            case .point(let x, let z): add("around", .floats([x, 0, z]))
            case .ahead(let metres): add("around", .string("ahead")); add("distance", .float(metres))
            }
            add("degrees", .float(ActionScript.degrees(orbit.radians)))
        case .stopOrbit: add("do", "stop-orbit")
        case .slowMotion(let rate): add("do", "slow-motion"); add("rate", .float(rate))
        case .gather(let g):
            add("do", "gather")
            if !g.who.isEmpty { add("who", .array(g.who.map { .string($0) })) }
            add("around", .floats([g.x, 0, g.z]))
        }
        // A spawn's `at` is where it goes; when is `when`.
        if case .spawn = kind { add("when", .float(at)) } else { add("at", .float(at)) }
        add("seconds", .float(seconds))
        return .object(o)
    }
}
