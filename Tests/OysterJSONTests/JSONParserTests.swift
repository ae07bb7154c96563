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
