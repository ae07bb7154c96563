// MARK: - Parent lookup

extension Scene {
    /// Each node's parent (the first node listing it as a child), or nil for root and
    /// unreachable nodes.
    ///
    /// glTF forbids a node having two parents; for malformed input the first parent in node
    /// order wins, and a node listing itself as a child is not its own parent.
    public func parentIndices() -> [Int?] {
        var parent = [Int?](repeating: nil, count: nodes.count)
        for (i, n) in nodes.enumerated() {
            for c in n.children where nodes.indices.contains(c) && parent[c] == nil && c != i { parent[c] = i }
        }
        return parent
    }

    /// Nodes that are nobody's child, in index order.
    public func parentlessNodes() -> [Int] {
        let parent = parentIndices()
        return nodes.indices.filter { parent[$0] == nil }
    }
}
