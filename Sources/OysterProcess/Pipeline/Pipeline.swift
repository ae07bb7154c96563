import OysterCore

/// One step a `Pipeline` runs: a name and a function over the scene returning its report.
public struct ProcessPass: Sendable {
    public let name: String
    let body: @Sendable (inout Scene) throws -> PassReport

    /// A pass from any function over the scene (for passes defined outside this module,
    /// such as the atlas pass).
    public init(name: String, _ body: @escaping @Sendable (inout Scene) throws -> PassReport) {
        self.name = name
        self.body = body
    }
}

/// A fixed list of passes run in order, recording what each did and the scene figures before
/// and after (as gltfpack's `process()` does in one place).
public struct Pipeline: Sendable {
    public var passes: [ProcessPass]

    public init(_ passes: [ProcessPass]) { self.passes = passes }

    /// Runs every pass on `scene`; a throwing pass stops the run and the error propagates.
    public func run(_ scene: inout Scene) throws -> PipelineReport {
        let before = ProcessStatistics(scene)
        var records: [PassReport] = []
        for pass in passes {
            var report = try pass.body(&scene)
            if report.name.isEmpty { report.name = pass.name }
            records.append(report)
        }
        return PipelineReport(before: before, after: ProcessStatistics(scene), passes: records)
    }
}

/// What a pipeline run did: statistics before and after, and each pass's report in order.
public struct PipelineReport: Hashable, Sendable {
    public var before: ProcessStatistics
    public var after: ProcessStatistics
    public var passes: [PassReport]
}

// MARK: - The built-in passes as pipeline steps

extension ProcessPass {
    public static func compact(_ o: CompactionOptions = .init()) -> ProcessPass {
        ProcessPass(name: "compact") { $0.compact(o) }
    }
    public static func dedupe() -> ProcessPass {
        ProcessPass(name: "dedupe") { $0.dedupe() }
    }
    public static func flatten(_ o: FlattenOptions = .init()) -> ProcessPass {
        ProcessPass(name: "flatten") { $0.flatten(o) }
    }
    public static func weld(_ o: WeldOptions = .init()) -> ProcessPass {
        ProcessPass(name: "weld") { $0.weld(o) }
    }
    public static func mergeByMaterial(_ o: MergeOptions = .init()) -> ProcessPass {
        ProcessPass(name: "merge") { $0.mergeByMaterial(o) }
    }
    public static func generateNormals(_ o: NormalsOptions = .init()) -> ProcessPass {
        ProcessPass(name: "normals") { $0.generateNormals(o) }
    }
    public static func generateTangents(_ o: TangentsOptions = .init()) -> ProcessPass {
        ProcessPass(name: "tangents") { $0.generateTangents(o) }
    }
    public static func simplify(_ o: SimplifyOptions) -> ProcessPass {
        ProcessPass(name: "simplify") { $0.simplify(o) }
    }
    public static func convertAxes(_ o: AxisConversionOptions) -> ProcessPass {
        ProcessPass(name: "axes") { $0.convertAxes(o) }
    }
    public static func quantize(_ o: QuantizeOptions = .init()) -> ProcessPass {
        ProcessPass(name: "quantize") { $0.quantize(o) }
    }
    public static func instance(_ o: InstancingOptions = .init()) -> ProcessPass {
        ProcessPass(name: "instance") { $0.instance(o) }
    }
}
