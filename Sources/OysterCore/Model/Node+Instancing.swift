// MARK: - EXT_mesh_gpu_instancing

extension Node {
    /// EXT_mesh_gpu_instancing's per-instance matrices (TRS, each attribute optional), or
    /// empty when the node is not instanced.
    public func instanceMatrices() -> [Mat4] {
        guard let inst = instancing else { return [] }
        let t = inst["TRANSLATION"], r = inst["ROTATION"], s = inst["SCALE"]
        let count = [t?.count, r?.count, s?.count].compactMap { $0 }.max() ?? 0
        return (0..<count).map { i in
            Mat4(translation: t.map { i < $0.count ? $0.vec3(i) : .zero } ?? .zero,
                 rotation: r.map { i < $0.count ? Quat($0.vec4(i)) : .identity } ?? .identity,
                 scale: s.map { i < $0.count ? $0.vec3(i) : .one } ?? .one)
        }
    }
}
