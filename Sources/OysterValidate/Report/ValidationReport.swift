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
    /// Issues after configuration (ignored codes removed, severities overridden, capped).
    public var issues: [Diagnostic]
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

    public func count(_ severity: Severity) -> Int { issues.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    public var numErrors: Int { count(.error) }
    public var numWarnings: Int { count(.warning) }
    public var numInfos: Int { count(.information) }
    public var numHints: Int { count(.hint) }

    /// True when some issue is at least as severe as `threshold`.
    public func hasIssues(atOrAbove threshold: Severity) -> Bool { issues.contains { $0.severity <= threshold } }
}

/// What to check and how to shape the result.
public struct ValidationOptions: Sendable {
    /// Stop listing issues after this many (0 = no cap).
    public var maxIssues = 0
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

    /// Applies ignores, overrides and the cap to raw issues.
    func shape(_ raw: [Diagnostic]) -> (issues: [Diagnostic], truncated: Bool) {
        var out: [Diagnostic] = []
        out.reserveCapacity(raw.count)
        for var d in raw where !ignoredCodes.contains(d.code) {
            if let s = severityOverrides[d.code] { d.severity = s }
            out.append(d)
        }
        if maxIssues > 0, out.count > maxIssues { return (Array(out.prefix(maxIssues)), true) }
        return (out, false)
    }
}
