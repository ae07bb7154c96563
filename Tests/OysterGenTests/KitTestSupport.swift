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

/// Problems in a skinned body: its geometry's (`kitGeometryProblems`), and any vertex without
/// JOINTS_0 and WEIGHTS_0, with more than four influences, a joint outside the skeleton, a
/// joint twice, a negative weight or weights not summing to 1.
func skinnedMeshProblems<S: SkinSkeleton>(_ body: SkinnedMeshBuilder<S>) -> [String] {
    var problems = kitGeometryProblems(body.mesh)
    let mesh = body.makeMesh(name: "body") { _ in 0 }
    for (i, p) in mesh.primitives.enumerated() {
        guard let joints = p.attributes["JOINTS_0"], let weights = p.attributes["WEIGHTS_0"],
              joints.count == p.vertexCount, weights.count == p.vertexCount else {
            problems.append("primitive \(i): JOINTS_0 or WEIGHTS_0 missing or short")
            continue
        }
        let j = joints.uints(), w = weights.floats()
        for v in 0..<p.vertexCount {
            let ws = w[(v * 4)..<(v * 4 + 4)]
            if abs(ws.reduce(0, +) - 1) >= 1e-5 { problems.append("primitive \(i) vertex \(v): weights sum to \(ws.reduce(0, +))") }
            if !ws.allSatisfy({ $0 >= 0 }) { problems.append("primitive \(i) vertex \(v): a negative weight") }
            let used = (0..<4).filter { w[v * 4 + $0] > 0 }.map { j[v * 4 + $0] }
            if !used.allSatisfy({ $0 < UInt32(S.Bone.allCases.count) }) { problems.append("primitive \(i) vertex \(v): a joint outside the skeleton") }
            if Set(used).count != used.count { problems.append("primitive \(i) vertex \(v): a joint twice") }
        }
    }
    return problems
}

/// Problems in every part of a model.
func kitModelProblems(_ m: KitModel) -> [String] {
    m.flatParts.flatMap { entry in kitGeometryProblems(entry.part.mesh).map { "\(entry.path): \($0)" } }
}
