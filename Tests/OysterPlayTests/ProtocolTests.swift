@testable import OysterPlay
import OysterJSON
import Testing

@Suite struct ProtocolTests {
    func message(_ text: String) throws(PlayProtocolError) -> ClientMessage { try ClientMessage(json: Array(text.utf8)) }

    @Test func inputCommandAndSaveMessagesAreRead() throws {
        let input = try message(#"{"type":"input","seq":7,"forward":1,"right":-1,"run":true,"look":[3.5,-2],"jump":true,"fly":false,"speed":2}"#)
        #expect(input == .input(ControlInput(seq: 7, forward: 1, right: -1, run: true, lookX: 3.5, lookY: -2, jump: true, fly: false, speed: 2)))
        // Missing fields are at rest.
        #expect(try message(#"{"type":"input","seq":0}"#) == .input(ControlInput(seq: 0)))
        #expect(try message(#"{"type":"command","seq":9,"text":"make it night"}"#) == .command(seq: 9, text: "make it night"))
        #expect(try message(#"{"type":"save"}"#) == .save)
        #expect(try message(#"{"type":"export","target":"godot"}"#) == .export(target: .godot))
        #expect(try message(#"{"type":"export"}"#) == .export(target: .generic))
    }

    @Test(arguments: [
        "", "not json", "[1,2]", #"{"seq":1}"#, #"{"type":"teleport","seq":1}"#,
        #"{"type":"input"}"#, #"{"type":"input","seq":-1}"#, #"{"type":"input","seq":4294967296}"#, #"{"type":"input","seq":1.5}"#,
        #"{"type":"input","seq":1,"forward":2}"#, #"{"type":"input","seq":1,"right":"left"}"#, #"{"type":"input","seq":1,"run":1}"#,
        #"{"type":"input","seq":1,"look":[1]}"#, #"{"type":"input","seq":1,"look":[1e9,0]}"#, #"{"type":"input","seq":1,"look":["a",0]}"#,
        #"{"type":"input","seq":1,"speed":99}"#, #"{"type":"command","seq":1}"#, #"{"type":"input","seq":1,"look":[[[[[1]]]],0]}"#,
        #"{"type":"export","target":"maya"}"#, #"{"type":"export","target":3}"#,
    ])
    func malformedMessagesAreRefused(_ text: String) {
        #expect(throws: PlayProtocolError.self) { try message(text) }
    }

    @Test func oversizedMessagesAndCommandsAreRefused() {
        let big = #"{"type":"command","seq":1,"text":""# + String(repeating: "a", count: ClientMessage.maxBytes) + #""}"#
        #expect(throws: PlayProtocolError.self) { try message(big) }
        let long = #"{"type":"command","seq":1,"text":""# + String(repeating: "b", count: ClientMessage.maxCommand + 1) + #""}"#
        #expect(throws: PlayProtocolError.self) { try message(long) }
    }

    @Test func aFrameHeaderReadsBackAndPrecedesTheJPEG() throws {
        let h = FrameHeader(frame: 1234, lastInput: 77, time: 51.25, position: (1.5, -2, 300.125), heading: -45, hour: 13.5, flying: true)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xD9]
        let m = h.message(jpeg: jpeg)
        #expect(m.count == FrameHeader.size + 4)
        #expect(Array(m[0..<4]) == Array("OYF1".utf8))
        #expect(Array(m[FrameHeader.size...]) == jpeg)
        #expect(try FrameHeader(message: m) == h)
        #expect(throws: PlayProtocolError.self) { try FrameHeader(message: Array(m[0..<10])) }
        let night = FrameHeader(frame: 0, lastInput: 0, time: 0, position: (0, 0, 0), heading: 0, hour: .nan, flying: false)
        let swimming = FrameHeader(frame: 3, lastInput: 0, time: 0, position: (0, 0, 0), heading: 0, hour: 9, flying: false, swimming: true)
        let read = try FrameHeader(message: swimming.message(jpeg: []))
        #expect(read.swimming && !read.wading && !read.flying && !read.orbiting)
        let orbit = FrameHeader(frame: 3, lastInput: 0, time: 0, position: (0, 0, 0), heading: 0, hour: 9, flying: false, orbiting: true)
        #expect(try FrameHeader(message: orbit.message(jpeg: [])).orbiting)
        #expect(try FrameHeader(message: night.message(jpeg: [])) == night)
    }

    @Test func serverMessagesAreJSONWithAType() throws {
        let reply = ServerMessage.reply(seq: 3, text: "not yet understood: \"x\"").json
        let v = try JSONParser.parse(reply)
        #expect(v["type"]?.stringValue == "reply" && v["seq"]?.intValue == 3 && v["text"]?.stringValue == "not yet understood: \"x\"")
        #expect(try JSONParser.parse(ServerMessage.hello(width: 640, height: 360, fps: 24, world: "--world 'x'").json)["fps"]?.intValue == 24)
        let ready = try JSONParser.parse(ServerMessage.export(state: .ready, text: "16 tiles", url: "/download/x/world-export.zip").json)
        #expect(ready["type"]?.stringValue == "export" && ready["state"]?.stringValue == "ready" && ready["url"]?.stringValue == "/download/x/world-export.zip")
    }

    @Test func mergedInputsKeepTheNewestKeysAndAddTheMouse() {
        let a = ControlInput(seq: 1, forward: 1, lookX: 2, lookY: 1, jump: true, fly: true)
        let b = ControlInput(seq: 2, forward: 0, right: 1, lookX: 3, fly: true)
        let m = a.merged(with: b)
        #expect(m == ControlInput(seq: 2, forward: 0, right: 1, lookX: 5, lookY: 1, jump: true, fly: false))
    }
}

@Suite struct MessageRateTests {
    @Test func aBurstOverTheCapIsRefusedAndTheCountRecoversAfterTheWindow() {
        var rate = MessageRate(limit: 10, window: 1)
        let first = (0..<10).map { rate.admit(at: Double($0) * 0.01) }
        #expect(first.allSatisfy { $0 }, "ten within the cap")
        let eleventh = rate.admit(at: 0.1)
        #expect(!eleventh, "the 11th within a second is over")
        let later = rate.admit(at: 1.25)
        #expect(later, "a second later the earlier ones have left the window")
        // A steady 60 a second (a page's mouse messages) never reaches a cap of 300.
        var steady = MessageRate()
        let admitted = (0..<600).map { steady.admit(at: Double($0) / 60) }
        #expect(admitted.allSatisfy { $0 })
    }
}
