/// What one pass did: its name and key figures (counts before/after, errors), for tool output
/// and the export manifest.
public struct PassReport: Hashable, Sendable {
    /// Short pass name (`weld`, `simplify`, …), stable across versions.
    public var name: String
    /// Key figures by name; writers should emit keys sorted for byte-stable output.
    public var figures: [String: Double]
    /// Human-readable notes (what was skipped and why).
    public var notes: [String]

    /// A report with the given name, figures and notes.
    public init(name: String, figures: [String: Double] = [:], notes: [String] = []) {
        self.name = name
        self.figures = figures
        self.notes = notes
    }

    /// A one-line summary with figures in sorted key order.
    public var summary: String {
        let f = figures.keys.sorted().map { key -> String in
            let v = figures[key] ?? 0
            return v == v.rounded() && abs(v) < 1e15 ? "\(key)=\(Int(v))" : "\(key)=\(v)"
        }
        return ([name] + f).joined(separator: " ")
    }
}
