import Testing
@testable import OysterJSON

@Suite struct JSONParserTests {
    func parse(_ text: String, limits: JSONLimits = .init()) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8), limits: limits)
    }

    func error(_ text: String, limits: JSONLimits = .init()) -> JSONError? {
        error(bytes: Array(text.utf8), limits: limits)
    }

    func error(bytes: [UInt8], limits: JSONLimits = .init()) -> JSONError? {
        do {
            _ = try JSONParser.parse(bytes, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Valid documents

    @Test func scalarsKeepIntegerAndDoubleApart() throws {
        #expect(try parse("1") == .int(1))
        #expect(try parse("-42") == .int(-42))
        #expect(try parse("1.0") == .double(1.0))
        #expect(try parse("1e2") == .double(100))
        #expect(try parse("0.1") == .double(0.1))
        #expect(try parse("-0.5E-3") == .double(-0.0005))
        #expect(try parse("true") == .bool(true))
        #expect(try parse("false") == .bool(false))
        #expect(try parse(" null ") == .null)
    }

    @Test func integersAtTheInt64EdgesStayExactAndBeyondBecomeDouble() throws {
        #expect(try parse("9223372036854775807") == .int(.max))
        #expect(try parse("-9223372036854775808") == .int(.min))
        #expect(try parse("9223372036854775808") == .double(9223372036854775808))
        #expect(try parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
    }

    @Test func hardDoublesRoundCorrectly() throws {
        #expect(try parse("2.2250738585072014e-308") == .double(2.2250738585072014e-308))
        #expect(try parse("5e-324") == .double(.leastNonzeroMagnitude))
        #expect(try parse("0.30000000000000004") == .double(0.30000000000000004))
        #expect(try parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try parse("3.141592653589793238462643383279") == .double(3.141592653589793))
    }

    @Test func objectsKeepMemberOrderAndRepeatedKeys() throws {
        let v = try parse(#"{"b": 1, "a": [true, null], "b": "x"}"#)
        let object = try #require(v.objectValue)
        #expect(object.keys == ["b", "a", "b"])
        #expect(object["b"] == .string("x"))
        #expect(v["a"]?[0] == .bool(true))
    }

    @Test func stringEscapesAndUnicodeDecode() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00""#) == .string("é中😀"))
        #expect(try parse("\"é中😀\"") == .string("é中😀"))
        #expect(try parse(#""\u0000""#) == .string("\u{0}"))
    }

    @Test func nestedContainersParse() throws {
        let v = try parse(#"{"a":{"b":[[],{},[1,[2,{"c":3}]]]}}"#)
        #expect(v["a"]?["b"]?[2]?[1]?[1]?["c"] == .int(3))
        #expect(v["a"]?["b"]?[0] == .array([]))
        #expect(v["a"]?["b"]?[1] == .object(JSONObject()))
    }

    // MARK: - Invalid documents

    @Test(arguments: [
        ("", JSONError.Kind.unexpectedEnd, 0),
        ("[1,", .unexpectedEnd, 3),
        ("{\"a\" 1}", .unexpectedCharacter, 5),
        ("[1 2]", .unexpectedCharacter, 3),
        ("[1,]", .unexpectedCharacter, 3),
        ("{\"a\":1,}", .unexpectedCharacter, 7),
        ("{a:1}", .unexpectedCharacter, 1),
        ("01", .invalidNumber, 0),
        ("-", .invalidNumber, 0),
        ("1.", .invalidNumber, 0),
        ("1e", .invalidNumber, 0),
        ("[.5]", .unexpectedCharacter, 1),
        ("+1", .unexpectedCharacter, 0),
        ("NaN", .unexpectedCharacter, 0),
        ("1e400", .invalidNumber, 0),
        ("tru", .unexpectedEnd, 3),
        ("nul1", .unexpectedCharacter, 0),
        ("\"abc", .unexpectedEnd, 4),
        ("\"a\tb\"", .invalidString, 2),
        ("\"\\x\"", .invalidEscape, 1),
        ("\"\\u12G4\"", .invalidEscape, 1),
        ("\"\\ud800\"", .invalidEscape, 1),
        ("\"\\udc00\"", .invalidEscape, 1),
        ("{} {}", .trailingContent, 3),
        ("[1] x", .trailingContent, 4),
    ])
    func invalidInputIsRejectedAtTheRightOffset(text: String, kind: JSONError.Kind, offset: Int) {
        let e = error(text)
        #expect(e?.kind == kind, "\(text)")
        #expect(e?.offset == offset, "\(text)")
    }

    @Test func invalidUTF8IsRejected() {
        let cases: [[UInt8]] = [
            [0x22, 0xC0, 0xAF, 0x22],  // overlong
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE4, 0xB8, 0x22],  // truncated
            [0x22, 0xFF, 0x22],
        ]
        for bytes in cases {
            let e = error(bytes: bytes)
            #expect(e?.kind == .invalidUTF8, "\(bytes)")
            #expect(e?.offset == 1)
        }
    }

    @Test func byteOrderMarkIsRejected() {
        #expect(error(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8))?.kind == .byteOrderMark)
    }

    @Test func errorMessagesNameTheProblem() {
        let e = error("[1 2]")
        #expect(e?.description.contains("'2'") == true)
        #expect(e?.description.contains("byte 3") == true)
    }

    // MARK: - Limits

    @Test func depthBombFailsCleanly() {
        let bomb = String(repeating: "[", count: 1_000_000)
        #expect(error(bomb)?.kind == .depthExceeded)
        let objects = String(repeating: "{\"a\":", count: 300) + "1" + String(repeating: "}", count: 300)
        #expect(error(objects)?.kind == .depthExceeded)
    }

    @Test func depthAtTheLimitParses() throws {
        let ok = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        _ = try parse(ok)
        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(error(tooDeep)?.offset == 256)
    }

    @Test func sizeAndStringLimitsApply() {
        #expect(error("[1, 2, 3]", limits: JSONLimits(maxInputSize: 4))?.kind == .sizeExceeded)
        #expect(error("\"abcdef\"", limits: JSONLimits(maxStringLength: 5))?.kind == .stringTooLong)
        #expect(error("\"ab\\ncdef\"", limits: JSONLimits(maxStringLength: 5))?.kind == .stringTooLong)
    }

    @Test func sliceOffsetsAreRelativeToTheSlice() {
        let bytes = Array("xxxx[1,]".utf8)
        #expect(throws: JSONError.self) { try JSONParser.parse(bytes[4...]) }
        do {
            _ = try JSONParser.parse(bytes[4...])
        } catch {
            #expect(error.offset == 3)
        }
    }
}

@Suite struct JSONParserScaleTests {
    @Test func largeArraysAndObjectsParseInLinearTime() throws {
        // 300k elements: a copy per append (quadratic) would take minutes.
        let n = 300_000
        var text = "{\"a\":["
        for k in 0..<n { text += k == 0 ? "{\"v\":\(k)}" : ",{\"v\":\(k)}" }
        text += "]}"
        let value = try JSONParser.parse(text)
        #expect(value["a"]?.arrayValue?.count == n)
        #expect(value["a"]?[n - 1]?["v"] == .int(Int64(n - 1)))
    }
}

@Suite struct JSONParserFuzzTests {
    /// Random edits of a valid document either parse (and then round-trip) or fail with a
    /// JSONError at an offset inside the input; nothing crashes.
    @Test func mutatedDocumentsNeverCrash() throws {
        let source = Array(#"{"a":[1,-2.5e3,true,false,null,"x\"\u00e9\ud83d\ude00"],"b":{"c":[[],{}],"d":"é"},"e":0.1}"#.utf8)
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let alphabet = Array("{}[]\",:\\-+.eE0123456789tfnul \u{7f}".utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xED, 0xF0, 0xFF]
        for _ in 0..<3000 {
            var b = source
            for _ in 0..<(1 + next() % 3) {
                let at = next() % b.count
                switch next() % 3 {
                case 0: b[at] = alphabet[next() % alphabet.count]
                case 1: b.remove(at: at)
                default: b.insert(alphabet[next() % alphabet.count], at: at)
                }
                if b.isEmpty { break }
            }
            do {
                let v = try JSONParser.parse(b)
                #expect(try JSONParser.parse(JSONWriter.write(v)) == v)
            } catch {
                #expect(error.offset >= 0 && error.offset <= b.count)
            }
        }
    }
}
