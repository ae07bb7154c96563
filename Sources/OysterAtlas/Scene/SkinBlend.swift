import OysterCore

/// Skin influences for vertices made inside a primitive's triangles (the UV-grid split).
///
/// Joint indices cannot be interpolated component by component, so a new vertex takes every
/// corner's influences, each joint's weight the barycentric mix of the corners' weights for it,
/// and keeps the strongest four per JOINTS_n/WEIGHTS_n set, renormalised to sum to 1. Linear
/// blend skinning is linear in the weights, so on a posed body the new vertex stays on the edge
/// between its corners up to the product of their (small) weight and position differences: a
/// smoothly weighted character keeps its seams closed (`SkinBlendTests` poses one).
struct SkinBlend {
    /// The JOINTS_n and WEIGHTS_n names this blend owns (empty for an unskinned primitive).
    let names: Set<String>
    /// Vertices the source sets cover.
    var vertexCount: Int { width == 0 ? Int.max : sourceJoints.count / width }
    /// Influences per vertex across all sets (4 per set).
    private let width: Int
    /// The set numbers n, ascending.
    private let sets: [Int]
    /// What the joints are written as: 8 bits unless some set stored more.
    private let jointType: ComponentType
    private let sourceJoints: [UInt32]
    private let sourceWeights: [Float]
    private var joints: [UInt32] = []
    private var weights: [Float] = []

    private init(names: Set<String>, sets: [Int], jointType: ComponentType, joints: [UInt32], weights: [Float]) {
        self.names = names
        self.sets = sets
        width = 4 * sets.count
        self.jointType = jointType
        sourceJoints = joints
        sourceWeights = weights
    }

    /// The blend of `attributes`' skin sets, or why they cannot be blended (a set without its
    /// partner, or not four components).
    static func make(_ attributes: AttributeSet) -> Result<SkinBlend, UVSplitFailure> {
        var sets: [Int] = []
        for name in attributes.keys where name.hasPrefix("JOINTS_") || name.hasPrefix("WEIGHTS_") {
            let isJoints = name.hasPrefix("JOINTS_")
            guard let n = Int(name.dropFirst(isJoints ? 7 : 8)) else { return .failure(.integerAttribute(name)) }
            let partner = isJoints ? "WEIGHTS_\(n)" : "JOINTS_\(n)"
            guard let a = attributes[name], let b = attributes[partner], a.componentsPerElement == 4, b.componentsPerElement == 4,
                  a.count == b.count else { return .failure(.unpairedSkinAttribute(name)) }
            if isJoints { sets.append(n) }
        }
        sets.sort()
        guard !sets.isEmpty else { return .success(SkinBlend(names: [], sets: [], jointType: .uint8, joints: [], weights: [])) }
        let count = attributes["JOINTS_\(sets[0])"]!.count
        guard sets.allSatisfy({ attributes["JOINTS_\($0)"]!.count == count }) else { return .failure(.unpairedSkinAttribute("JOINTS_\(sets[0])")) }
        // Interleave the sets per vertex: influences 0–3 from set 0, 4–7 from set 1, …
        let width = 4 * sets.count
        var joints = [UInt32](repeating: 0, count: count * width), weights = [Float](repeating: 0, count: count * width)
        for (k, n) in sets.enumerated() {
            let j = attributes["JOINTS_\(n)"]!.uints(), w = attributes["WEIGHTS_\(n)"]!.floats()
            for v in 0..<count {
                for c in 0..<4 {
                    joints[v * width + 4 * k + c] = j[v * 4 + c]
                    weights[v * width + 4 * k + c] = w[v * 4 + c]
                }
            }
        }
        let names = Set(sets.flatMap { ["JOINTS_\($0)", "WEIGHTS_\($0)"] })
        // A blend may move a joint from one set to another, so all sets share the widest type.
        let wide = sets.contains { attributes["JOINTS_\($0)"]!.componentType != .uint8 }
        return .success(SkinBlend(names: names, sets: sets, jointType: wide ? .uint16 : .uint8, joints: joints, weights: weights))
    }

    /// Appends the influences of a vertex at barycentric `corners` (source vertex, weight).
    mutating func add(_ corners: [(Int, Double)]) {
        guard width > 0 else { return }
        let live = corners.filter { $0.1 != 0 }
        if live.count == 1, let (v, _) = live.first {
            // A corner itself: its influences exactly.
            joints += sourceJoints[(v * width)..<(v * width + width)]
            weights += sourceWeights[(v * width)..<(v * width + width)]
            return
        }
        var mixed: [UInt32: Double] = [:]
        for (v, b) in live {
            for c in 0..<width where sourceWeights[v * width + c] > 0 {
                mixed[sourceJoints[v * width + c], default: 0] += b * Double(sourceWeights[v * width + c])
            }
        }
        // Strongest first; ties by joint index, so the result never depends on dictionary order.
        let kept = mixed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(width)
        let total = kept.reduce(0) { $0 + $1.value }
        var j = [UInt32](repeating: 0, count: width), w = [Float](repeating: 0, count: width)
        for (i, (joint, weight)) in kept.enumerated() where total > 0 {
            j[i] = joint
            w[i] = Float(weight / total)
        }
        if total > 0 { w[0] += 1 - w.reduce(0, +) }  // the rounding remainder on the largest
        joints += j
        weights += w
    }

    /// Writes the blended sets into `attributes` (joints in their own component type, weights
    /// as floats).
    func write(into attributes: inout AttributeSet) {
        guard width > 0 else { return }
        let count = joints.count / width
        for (k, n) in sets.enumerated() {
            var j: [UInt32] = [], w: [Float] = []
            j.reserveCapacity(count * 4)
            w.reserveCapacity(count * 4)
            for v in 0..<count {
                j += joints[(v * width + 4 * k)..<(v * width + 4 * k + 4)]
                w += weights[(v * width + 4 * k)..<(v * width + 4 * k + 4)]
            }
            attributes["JOINTS_\(n)"] = DataArray(joints: j, wide: jointType != .uint8)
            attributes["WEIGHTS_\(n)"] = DataArray(floats: w, elementType: .vec4)
        }
    }
}
