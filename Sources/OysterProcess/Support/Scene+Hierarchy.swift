import OysterCore

// MARK: - Hierarchy facts the passes share

extension Scene {
    /// Nodes whose translation, rotation or scale an animation channel drives.
    func nodesWithAnimatedTransform() -> Set<Int> {
        var out = Set<Int>()
        for a in animations {
            for c in a.channels {
                guard let n = c.node else { continue }
                switch c.path {
                case .translation, .rotation, .scale: out.insert(n)
                case .weights, .other: break
                }
            }
        }
        return out
    }

    /// Nodes that are moved by an animation: animated themselves or below an animated node.
    func movingNodes() -> [Bool] {
        let animated = nodesWithAnimatedTransform()
        let parent = parentIndices()
        var memo = [Int8](repeating: -1, count: nodes.count)
        func moving(_ n: Int) -> Bool {
            var chain: [Int] = []
            var cur: Int? = n
            var result = false
            while let c = cur {
                if memo[c] >= 0 { result = memo[c] == 1; break }
                if animated.contains(c) { result = true; chain.append(c); break }
                chain.append(c)
                if chain.count > nodes.count { break }  // cycle guard
                cur = parent[c]
            }
            for c in chain { memo[c] = result ? 1 : 0 }
            return result
        }
        return nodes.indices.map { moving($0) }
    }

    /// Nodes used as skin joints or skeleton roots.
    func jointNodes() -> Set<Int> {
        var out = Set<Int>()
        for s in skins {
            out.formUnion(s.joints)
            if let k = s.skeleton { out.insert(k) }
        }
        return out
    }

    /// The root node lists to walk: the scenes' roots, or every parentless node when the
    /// document has no scenes.
    func effectiveRootNodes() -> [Int] {
        let r = roots.flatMap(\.nodes).filter { nodes.indices.contains($0) }
        return roots.isEmpty ? parentlessNodes() : r
    }

    /// How many nodes reference each mesh.
    func meshUseCounts() -> [Int] {
        var uses = [Int](repeating: 0, count: meshes.count)
        for n in nodes { if let m = n.mesh, meshes.indices.contains(m) { uses[m] += 1 } }
        return uses
    }

    /// Makes `node` a root: detaches it from its parent and adds it to the scenes that
    /// contained `sceneAnchor` (the top ancestor it had); orphans stay orphans.
    mutating func moveToRoot(_ node: Int, parent: Int?, sceneAnchor: Int) {
        if let p = parent { nodes[p].children.removeAll { $0 == node } }
        for r in roots.indices where roots[r].nodes.contains(sceneAnchor) && !roots[r].nodes.contains(node) {
            roots[r].nodes.append(node)
        }
    }

    /// The top-most ancestor of `node` (itself for roots).
    func topAncestor(_ node: Int, parents: [Int?]) -> Int {
        var cur = node
        var steps = 0
        while let p = parents[cur], steps <= nodes.count { cur = p; steps += 1 }
        return cur
    }
}
