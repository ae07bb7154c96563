import OysterJSON

// MARK: - Manifest form (keys sorted, integers as integers: byte-stable)

extension PassReport {
    /// `{"name", "figures": {sorted}, "notes": [...]}` for manifests.
    public var jsonValue: JSONValue {
        var o = JSONObject()
        o["name"] = .string(name)
        o["figures"] = .object(JSONObject(figures.keys.sorted().map { ($0, Self.number(figures[$0] ?? 0)) }))
        if !notes.isEmpty { o["notes"] = .array(notes.map { .string($0) }) }
        return .object(o)
    }

    static func number(_ v: Double) -> JSONValue {
        v.isFinite && v == v.rounded() && abs(v) < 9.0e15 ? .int(Int64(v)) : (v.isFinite ? .double(v) : .null)
    }
}

extension ProcessStatistics {
    /// The figures as a JSON object with sorted keys.
    public var jsonValue: JSONValue {
        .object(JSONObject(figures.keys.sorted().map { ($0, .int(Int64(figures[$0] ?? 0))) }))
    }
}

extension PipelineReport {
    /// `{"before": {...}, "after": {...}, "passes": [...]}` for the export manifest.
    public var jsonValue: JSONValue {
        .object(JSONObject([("before", before.jsonValue), ("after", after.jsonValue), ("passes", .array(passes.map(\.jsonValue)))]))
    }
}
