import OysterCore

/// One external or embedded resource a glTF asset uses (buffers and images).
public struct ResourceInfo: Sendable, Hashable {
    public var pointer: String
    public var mimeType: String?
    /// "external", "data-uri", "buffer-view" or "glb".
    public var storage: String?
    public var uri: String?
    public var byteLength: Int?
    public var imageWidth: Int?
    public var imageHeight: Int?
    public var imageFormat: String?
    public var imageBits: Int?
}

/// Statistics about a glTF asset, shaped like the Khronos report's `info` object.
public struct AssetInfo: Sendable, Hashable {
    public var version: String?
    public var minVersion: String?
    public var generator: String?
    public var extensionsUsed: [String] = []
    public var extensionsRequired: [String] = []
    public var resources: [ResourceInfo] = []
    public var animationCount = 0
    public var materialCount = 0
    public var hasMorphTargets = false
    public var hasSkins = false
    public var hasTextures = false
    public var hasDefaultScene = false
    public var drawCallCount = 0
    public var totalVertexCount = 0
    public var totalTriangleCount = 0
    public var maxUVs = 0
    public var maxInfluences = 0
    public var maxAttributes = 0
}

/// The outcome of validating one file.
public struct ValidationReport: Sendable {
    /// The path as given.
    public var uri: String
    public var mimeType: String
    /// Issues after configuration (ignored codes removed, severities overridden), at most
    /// `ValidationOptions.maxIssues` of them.
    public var issues: [Diagnostic]
    /// Issues found but not listed because of `maxIssues`, by severity (counted in `numErrors`…).
    public var unlisted: [Severity: Int] = [:]
    /// True when `maxIssues` cut the list.
    public var truncated = false
    /// glTF statistics; nil for other file kinds or unreadable JSON.
    public var info: AssetInfo?

    public init(uri: String, mimeType: String, issues: [Diagnostic] = [], info: AssetInfo? = nil) {
        self.uri = uri
        self.mimeType = mimeType
        self.issues = issues
        self.info = info
    }

    /// Issues of `severity` found, listed or not.
    public func count(_ severity: Severity) -> Int {
        issues.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } + unlisted[severity, default: 0]
    }
    /// Issues found but not listed.
    public var unlistedCount: Int { unlisted.values.reduce(0, +) }
    public var numErrors: Int { count(.error) }
    public var numWarnings: Int { count(.warning) }
    public var numInfos: Int { count(.information) }
    public var numHints: Int { count(.hint) }

    /// True when some issue is at least as severe as `threshold`.
    public func hasIssues(atOrAbove threshold: Severity) -> Bool {
        issues.contains { $0.severity <= threshold } || unlisted.contains { $0.key <= threshold && $0.value > 0 }
    }
}

/// What to check and how to shape the result.
public struct ValidationOptions: Sendable {
    /// List at most this many issues per file (0 = no cap); the rest are still counted.
    ///
    /// The default keeps a report readable and bounded, like the Khronos validator's command
    /// line: an OBJ with a bad index on each of a million faces gives 100 listed issues and a
    /// count, not a 400 MB report. Readers that can stop early (the OBJ reader) keep no more of
    /// each code than this.
    public static let defaultMaxIssues = 100
    public var maxIssues = ValidationOptions.defaultMaxIssues
    /// Codes dropped from reports.
    public var ignoredCodes: Set<String> = []
    /// Severity overrides by code.
    public var severityOverrides: [String: Severity] = [:]
    /// Check accessor data (min/max, NaN, unit vectors, weights, indices...).
    public var checkData = true
    /// Largest image side accepted before IMAGE_OVERSIZED (standalone image files).
    public var maxImageSize = 16384
    /// Threads for accessor data checks (0 = all cores).
    public var threads = 0

    public init() {}

    /// Applies ignores, overrides and the cap to raw issues (and to `omitted` ones a reader
    /// counted without keeping), filling `report`'s list and counts.
    func shape(_ raw: [Diagnostic], omitted: [DiagnosticLog.Omitted: Int] = [:], into report: inout ValidationReport) {
        var out: [Diagnostic] = []
        var unlisted: [Severity: Int] = [:]
        out.reserveCapacity(maxIssues > 0 ? min(raw.count, maxIssues) : raw.count)
        for var d in raw where !ignoredCodes.contains(d.code) {
            if let s = severityOverrides[d.code] { d.severity = s }
            if maxIssues > 0 && out.count >= maxIssues {
                unlisted[d.severity, default: 0] += 1
            } else {
                out.append(d)
            }
        }
        for (key, n) in omitted where !ignoredCodes.contains(key.code) {
            unlisted[severityOverrides[key.code] ?? key.severity, default: 0] += n
        }
        report.issues = out
        report.unlisted = unlisted
        report.truncated = !unlisted.isEmpty
    }
}
