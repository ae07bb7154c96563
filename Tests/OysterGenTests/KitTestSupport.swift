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
