extension JSONValue {
    /// A number for a 32-bit float that writes as the float's own shortest text.
    ///
    /// `Double(0.1 as Float)` is 0.10000000149011612; this returns the double 0.1 instead, so
    /// model values written to JSON read as authored. Non-finite floats become `.null`.
    public static func float(_ f: Float) -> JSONValue {
        guard f.isFinite else { return .null }
        // Whole numbers of moderate size print the same either way; skip the text round trip.
        if f == f.rounded(), abs(f) < 1e15 { return .double(Double(f)) }
        return .double(Double(f.description) ?? Double(f))
    }

    /// An array of `.float` values.
    public static func floats(_ values: [Float]) -> JSONValue {
        .array(values.map { .float($0) })
    }

    /// The value as a 32-bit float, whichever numeric form it was written in.
    public var floatValue: Float? { doubleValue.map { Float($0) } }
}
