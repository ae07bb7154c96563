import OysterCore
@testable import OysterGen

// MARK: - Shared checks for kit geometry

/// Problems found in a builder: NaNs, non-unit normals, bad indices, non-finite UVs.
func kitGeometryProblems(_ b: MeshBuilder) -> [String] {
    var problems: [String] = []
    for kind in b.kinds {
        guard let g = b.groups[kind] else { continue }
        if g.normals.count != g.positions.count || g.uvs.count != g.positions.count { problems.append("\(kind): attribute counts differ") }
        if g.hasColors && g.colors.count != g.positions.count { problems.append("\(kind): color count differs") }
        if g.indices.count % 3 != 0 { problems.append("\(kind): index count not a multiple of 3") }
        if let bad = g.indices.first(where: { Int($0) >= g.positions.count }) { problems.append("\(kind): index \(bad) out of range") }
        if g.positions.contains(where: { !($0.x.isFinite && $0.y.isFinite && $0.z.isFinite) }) { problems.append("\(kind): non-finite position") }
        if g.uvs.contains(where: { !($0.x.isFinite && $0.y.isFinite) }) { problems.append("\(kind): non-finite UV") }
        if let n = g.normals.first(where: { abs(length($0) - 1) > 1e-3 }) { problems.append("\(kind): normal \(n) not unit length") }
    }
    return problems
}

/// Problems in every part of a model.
func kitModelProblems(_ m: KitModel) -> [String] {
    m.flatParts.flatMap { entry in kitGeometryProblems(entry.part.mesh).map { "\(entry.path): \($0)" } }
}

/// What is wrong with a skinned mesh's weights, for a skeleton of `joints` joints: a primitive
/// without JOINTS_0/WEIGHTS_0 (or with the wrong count), a vertex whose four weights are
/// negative or do not sum to 1, or that names a joint out of range or one joint twice. Empty
/// when every vertex is good (the first few problems otherwise).
func skinWeightProblems(_ mesh: Mesh, joints jointCount: Int) -> [String] {
    var problems: [String] = []
    for (k, p) in mesh.primitives.enumerated() {
        guard let joints = p.attributes["JOINTS_0"], let weights = p.attributes["WEIGHTS_0"] else {
            problems.append("primitive \(k): no JOINTS_0/WEIGHTS_0")
            continue
        }
        guard joints.count == p.vertexCount && weights.count == p.vertexCount else {
            problems.append("primitive \(k): \(joints.count) joints and \(weights.count) weights for \(p.vertexCount) vertices")
            continue
        }
        let j = joints.uints(), w = weights.floats()
        for v in 0..<p.vertexCount where problems.count < 8 {
            let ws = w[(v * 4)..<(v * 4 + 4)]
            if abs(ws.reduce(0, +) - 1) >= 1e-5 { problems.append("vertex \(v): weights sum to \(ws.reduce(0, +))") }
            if !ws.allSatisfy({ $0 >= 0 }) { problems.append("vertex \(v): a negative weight \(Array(ws))") }
            let used = (0..<4).filter { w[v * 4 + $0] > 0 }.map { j[v * 4 + $0] }
            if !used.allSatisfy({ $0 < UInt32(jointCount) }) { problems.append("vertex \(v): a joint out of range in \(used)") }
            if Set(used).count != used.count { problems.append("vertex \(v): a joint twice in \(used)") }
        }
    }
    return problems
}
