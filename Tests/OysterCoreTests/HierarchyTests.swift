import Testing
@testable import OysterCore

@Suite struct HierarchyTests {
    static func scene(_ children: [[Int]]) -> Scene {
        var s = Scene()
        s.nodes = children.map { Node(children: $0) }
        return s
    }

    @Test func parentIndicesNameEachChildsParent() {
        let s = Self.scene([[1, 2], [3], [], []])
        #expect(s.parentIndices() == [nil, 0, 0, 1])
        #expect(s.parentlessNodes() == [0])
    }

    @Test func firstParentWinsAndSelfLoopsAndBadIndicesAreIgnored() {
        // Malformed: node 2 listed by 0 and 1, node 1 lists itself, node 0 lists a missing node.
        let s = Self.scene([[2, 9], [1, 2], []])
        #expect(s.parentIndices() == [nil, nil, 0])
        #expect(s.parentlessNodes() == [0, 1])
    }
}
