import OysterCore
import OysterProcess

extension Scene {
    /// Gives roles to a scene that carries none (a file from another tool), read from node and
    /// mesh names the way artists name things: `water`/`lake`/`river`/`sea`/`ocean`/`pond` are
    /// water, the word `ice` or `frozen…` ice, `terrain`/`ground`/`landscape`/`floor`/`road` terrain. This is
    /// a fallback for foreign files only: a scene with any role (Oyster's own) is left alone,
    /// since there the roles are the truth and names are only names.
    mutating func inferRolesFromNames() -> PassReport {
        guard !hasRoles else { return PassReport(name: "roles", figures: ["inferred": 0]) }
        var inferred = 0
        for i in nodes.indices {
            let name = (nodes[i].name ?? nodes[i].mesh.flatMap { meshes.indices.contains($0) ? meshes[$0].name : nil } ?? "").lowercased()
            guard !name.isEmpty else { continue }
            let role: NodeRole?
            // "ice" only as a word of its own: "Office" or "Device" are not frozen water.
            let words = name.split { !$0.isLetter }
            if words.contains(where: { $0 == "ice" || $0.hasPrefix("frozen") }) {
                role = .ice
            } else if ["water", "lake", "river", "sea", "ocean", "pond"].contains(where: name.contains) {
                role = .water
            } else if ["terrain", "ground", "landscape", "floor", "road"].contains(where: name.contains) {
                role = .terrain
            } else {
                role = nil
            }
            if let role { nodes[i].role = role; inferred += 1 }
        }
        let notes = inferred > 0 ? ["roles: the scene carried none; \(inferred) read from node names (water, ice, terrain)"] : []
        return PassReport(name: "roles", figures: ["inferred": Double(inferred)], notes: notes)
    }
}
