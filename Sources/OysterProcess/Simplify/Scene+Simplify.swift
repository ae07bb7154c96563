import OysterCore

/// Options for simplification (one level) — see `Simplifier` for how borders and seams
/// are kept.
public struct SimplifyOptions: Hashable, Sendable {
    /// Fraction of triangles to keep (0…1). Default 0.5.
    public var targetRatio: Float = 0.5
    /// Largest allowed deviation, as a fraction of the mesh's largest bounding-box extent;
    /// simplification stops early rather than exceed it. Default 0.01 (1 %).
    public var maxError: Float = 0.01
    /// Keep open borders exactly (no border vertex moves), e.g. for terrain chunks that must
    /// meet their neighbours. Default false: borders may only slide along themselves.
    public var lockBorder = false

    /// Options with the given ratio, error limit and border policy.
    public init(targetRatio: Float = 0.5, maxError: Float = 0.01, lockBorder: Bool = false) {
        self.targetRatio = targetRatio
        self.maxError = maxError
        self.lockBorder = lockBorder
    }
}

/// What simplifying one primitive achieved.
public struct SimplifyResult: Hashable, Sendable {
    /// Triangles of the input primitive.
    public var trianglesBefore: Int
    /// Triangles of the simplified primitive.
    public var trianglesAfter: Int
    /// The largest collapse error, relative to the mesh extent.
    public var error: Float
}

extension Primitive {
    /// A simplified copy: bit-identical vertices are welded first (so only real seams count as
    /// seams), triangles collapse towards `targetRatio`, and unused vertices are dropped.
    /// Non-triangle primitives and those with morph targets come back unchanged.
    public func simplified(_ options: SimplifyOptions) -> (Primitive, SimplifyResult) {
        let before = triangleCount
        guard isTriangles, targets.isEmpty, let _ = attributes["POSITION"], before > 0 else {
            return (self, SimplifyResult(trianglesBefore: before, trianglesAfter: before, error: 0))
        }
        let (welded, _) = self.welded()
        guard let pos = welded.attributes["POSITION"]?.vec3Array() else { return (self, SimplifyResult(trianglesBefore: before, trianglesAfter: before, error: 0)) }
        let tris = welded.triangleIndices()
        let ratio = options.targetRatio.isFinite ? min(max(options.targetRatio, 0), 1) : 1
        let target = Int((Float(tris.count / 3) * ratio).rounded())
        let result = Simplifier.simplify(positions: pos, indices: tris, targetTriangles: target, maxError: options.maxError,
                                         lockBorder: options.lockBorder)
        var out = welded
        out.indices = DataArray(indices: result.indices)
        out = out.withUnusedVerticesRemoved()
        return (out, SimplifyResult(trianglesBefore: before, trianglesAfter: result.indices.count / 3, error: result.error))
    }
}

extension Mesh {
    /// Every primitive simplified with `options`.
    public func simplified(_ options: SimplifyOptions) -> Mesh {
        var m = self
        m.primitives = primitives.map { $0.simplified(options).0 }
        return m
    }
}

extension Scene {
    /// Simplifies every mesh in place.
    @discardableResult
    public mutating func simplify(_ options: SimplifyOptions) -> PassReport {
        let before = meshes.reduce(0) { $0 + $1.primitives.reduce(0) { $0 + $1.triangleCount } }
        var worst: Float = 0
        let results = Parallel.map(meshes) { mesh in mesh.primitives.map { $0.simplified(options) } }
        for (m, prims) in results.enumerated() {
            meshes[m].primitives = prims.map(\.0)
            for (_, r) in prims { worst = max(worst, r.error) }
        }
        let after = meshes.reduce(0) { $0 + $1.primitives.reduce(0) { $0 + $1.triangleCount } }
        return PassReport(name: "simplify", figures: ["trianglesBefore": Double(before), "trianglesAfter": Double(after), "maxError": Double(worst)])
    }
}
