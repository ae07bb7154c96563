import Testing
@testable import OysterJSON

@Suite struct JSONWriterTests {
    func text(_ v: JSONValue, pretty: Bool = false) -> String { JSONWriter.string(v, pretty: pretty) }

    @Test func scalarsWriteInCanonicalForm() {
        #expect(text(.int(-42)) == "-42")
        #expect(text(.int(.min)) == "-9223372036854775808")
        #expect(text(.double(1)) == "1.0")
        #expect(text(.double(0.1)) == "0.1")
        #expect(text(.double(1e-7)) == "1e-07")
        #expect(text(.bool(false)) == "false")
        #expect(text(.null) == "null")
    }

    @Test func nonFiniteDoublesBecomeNull() {
        #expect(text(.array([.double(.nan), .double(.infinity), .double(-.infinity)])) == "[null,null,null]")
    }

    @Test func floatsWriteTheirOwnShortestText() {
        #expect(text(.float(0.1)) == "0.1")
        #expect(text(.float(1)) == "1.0")
        #expect(text(.float(-0.0)) == "-0.0")
        #expect(text(.float(16777216)) == "16777216.0")
        #expect(text(.float(1e20)) == "1e+20")
        #expect(text(.float(-3.3333333)) == "-3.3333333")
        #expect(text(.float(.nan)) == "null")
        #expect(text(.floats([0.2, 0.7])) == "[0.2,0.7]")
    }

    @Test func stringsAreEscaped() {
        #expect(text(.string("a\"b\\c\n\u{1}é/")) == #""a\"b\\c\n\u0001é/""#)
    }

    @Test func prettyOutputIndentsAndKeepsScalarArraysOnOneLine() {
        let v: JSONValue = ["a": [1, 2], "b": ["c": [:], "d": []], "e": [["x": 1]]]
        let expected = """
            {
              "a": [1, 2],
              "b": {
                "c": {},
                "d": []
              },
              "e": [
                {
                  "x": 1
                }
              ]
            }

            """
        #expect(text(v, pretty: true) == expected)
    }

    @Test func roundTripPreservesValuesAndForms() throws {
        let source = #"{"z":1,"a":[1.5,-0.0,1e300,2.0,"\u0007\ud83d\ude00"],"n":null,"z":{"t":true}}"#
        let value = try JSONParser.parse(Array(source.utf8))
        for pretty in [false, true] {
            let written = JSONWriter.write(value, pretty: pretty)
            #expect(try JSONParser.parse(written) == value)
        }
    }

    @Test func outputIsDeterministic() throws {
        var object = JSONObject()
        for k in 0..<200 { object["k\(k * 7919 % 200)"] = .double(Double(k) / 7) }
        let v = JSONValue.object(object)
        #expect(JSONWriter.write(v) == JSONWriter.write(v))
        #expect(JSONWriter.write(try JSONParser.parse(JSONWriter.write(v))) == JSONWriter.write(v))
    }

    @Test func randomDoublesRoundTripExactly() throws {
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let d = Double(bitPattern: state >> 2)  // finite, varied exponents
            guard d.isFinite else { continue }
            let back = try JSONParser.parse(JSONWriter.write(.double(d)))
            #expect(back == .double(d))
        }
    }
}
