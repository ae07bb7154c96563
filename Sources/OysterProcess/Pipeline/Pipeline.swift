import OysterCore

/// One step a `Pipeline` runs: a name and a function over the scene returning its report.
public struct ProcessPass: Sendable {
    /// The name recorded when the pass reports none.
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
    /// The passes, run in this order.
    public var passes: [ProcessPass]

    /// A pipeline running `passes` in order.
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
    /// Scene figures before the first pass.
    public var before: ProcessStatistics
    /// Scene figures after the last pass.
    public var after: ProcessStatistics
    /// Each pass's report, in run order.
    public var passes: [PassReport]
}

// MARK: - The built-in passes as pipeline steps

extension ProcessPass {
    /// `Scene.compact` as a pipeline step.
    public static func compact(_ o: CompactionOptions = .init()) -> ProcessPass {
        ProcessPass(name: "compact") { $0.compact(o) }
    }
    /// `Scene.dedupe` as a pipeline step.
    public static func dedupe() -> ProcessPass {
        ProcessPass(name: "dedupe") { $0.dedupe() }
    }
    /// `Scene.flatten` as a pipeline step.
    public static func flatten(_ o: FlattenOptions = .init()) -> ProcessPass {
        ProcessPass(name: "flatten") { $0.flatten(o) }
    }
    /// `Scene.weld` as a pipeline step.
    public static func weld(_ o: WeldOptions = .init()) -> ProcessPass {
        ProcessPass(name: "weld") { $0.weld(o) }
    }
    /// `Scene.mergeByMaterial` as a pipeline step.
    public static func mergeByMaterial(_ o: MergeOptions = .init()) -> ProcessPass {
        ProcessPass(name: "merge") { $0.mergeByMaterial(o) }
    }
    /// `Scene.generateNormals` as a pipeline step.
    public static func generateNormals(_ o: NormalsOptions = .init()) -> ProcessPass {
        ProcessPass(name: "normals") { $0.generateNormals(o) }
    }
    /// `Scene.generateTangents` as a pipeline step.
    public static func generateTangents(_ o: TangentsOptions = .init()) -> ProcessPass {
        ProcessPass(name: "tangents") { $0.generateTangents(o) }
    }
    /// `Scene.simplify` as a pipeline step.
    public static func simplify(_ o: SimplifyOptions) -> ProcessPass {
        ProcessPass(name: "simplify") { $0.simplify(o) }
    }
    /// `Scene.convertAxes` as a pipeline step.
    public static func convertAxes(_ o: AxisConversionOptions) -> ProcessPass {
        ProcessPass(name: "axes") { $0.convertAxes(o) }
    }
    /// `Scene.quantize` as a pipeline step.
    public static func quantize(_ o: QuantizeOptions = .init()) -> ProcessPass {
        ProcessPass(name: "quantize") { $0.quantize(o) }
    }
    /// `Scene.instance` as a pipeline step.
    public static func instance(_ o: InstancingOptions = .init()) -> ProcessPass {
        ProcessPass(name: "instance") { $0.instance(o) }
    }
}
