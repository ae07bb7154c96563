/// Diagnostics collected in the order found, keeping at most `limitPerCode` of each code and
/// counting the rest, so a file with the same problem on every line gives a bounded list.
///
/// The limit is per code, not overall, so that a consumer which later drops some codes (a
/// validator's `ignore` list) or caps the whole list still sees the first findings of every
/// other code: with a per-code limit of N, the first N of any filtered sequence are all kept.
public struct DiagnosticLog: Sendable {
    /// A code and severity whose diagnostics were counted but not kept.
    public struct Omitted: Hashable, Sendable {
        public var code: String
        public var severity: Severity

        public init(code: String, severity: Severity) {
            self.code = code
            self.severity = severity
        }
    }

    /// How many diagnostics of one code are kept; 0 keeps every one.
    public let limitPerCode: Int
    /// The kept diagnostics, in the order they were added.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Diagnostics counted beyond the limit, by code and severity.
    public private(set) var omitted: [Omitted: Int] = [:]
    private var keptPerCode: [String: Int] = [:]

    public init(limitPerCode: Int = 0) {
        self.limitPerCode = max(0, limitPerCode)
    }

    /// Every diagnostic counted, kept or not.
    public var totalCount: Int { diagnostics.count + omitted.values.reduce(0, +) }

    /// True when another diagnostic of `code` would only be counted (callers can skip
    /// building its message).
    public func isFull(_ code: String) -> Bool {
        limitPerCode > 0 && keptPerCode[code, default: 0] >= limitPerCode
    }

    /// Keeps `d`, or counts it when its code has reached the limit.
    public mutating func append(_ d: Diagnostic) {
        if limitPerCode > 0 {
            let kept = keptPerCode[d.code, default: 0]
            guard kept < limitPerCode else {
                omitted[Omitted(code: d.code, severity: d.severity), default: 0] += 1
                return
            }
            keptPerCode[d.code] = kept + 1
        }
        diagnostics.append(d)
    }

    /// A diagnostic of `code` whose message is only built when it is kept.
    public mutating func append(_ code: DiagnosticCode, _ message: @autoclosure () -> String,
                                at location: DiagnosticLocation = .none, file: String? = nil) {
        if isFull(code.id) {
            omitted[Omitted(code: code.id, severity: code.severity), default: 0] += 1
        } else {
            append(code.diagnostic(message(), at: location, file: file))
        }
    }

    /// Counts `n` diagnostics of `code` that a producer already knew would not be kept.
    public mutating func count(_ code: DiagnosticCode, _ n: Int) {
        guard n > 0 else { return }
        omitted[Omitted(code: code.id, severity: code.severity), default: 0] += n
    }

    public mutating func append(contentsOf list: some Sequence<Diagnostic>) {
        for d in list { append(d) }
    }

    /// Adds another log's kept and counted diagnostics after this one's.
    public mutating func append(_ other: DiagnosticLog) {
        append(contentsOf: other.diagnostics)
        for (key, n) in other.omitted { omitted[key, default: 0] += n }
    }

    /// Reorders the kept diagnostics by `areInIncreasingOrder`, keeping the order of equals.
    public mutating func stableSort(by areInIncreasingOrder: (Diagnostic, Diagnostic) -> Bool) {
        diagnostics = diagnostics.enumerated()
            .sorted { areInIncreasingOrder($0.element, $1.element) || (!areInIncreasingOrder($1.element, $0.element) && $0.offset < $1.offset) }
            .map(\.element)
    }
}
