import OysterCore
import Testing
@testable import OysterGen

@Suite("Kit vegetation")
struct KitVegetationTests {
    @Test(arguments: TreeSpecies.allCases)
    func treesAreValidAtEveryDetail(species: TreeSpecies) {
        for detail in 0...2 {
            for seed: UInt64 in [1, 2, 3] {
                let m = Vegetation.tree(TreeParams(species: species, detail: detail), seed: seed)
                #expect(kitModelProblems(m).isEmpty, "\(species) detail \(detail) seed \(seed)")
                #expect(!m.footprint.isEmpty)
            }
        }
    }

    @Test(arguments: TreeSpecies.allCases)
    func treeTriangleBudgetsGrowWithDetailAndStayInRange(species: TreeSpecies) {
        // Stated budgets: detail 0 ≤ 1200, detail 1 ≤ 2500, detail 2 ≤ 4000 triangles; every
        // tree has at least 100.
        let limits = [1200, 2500, 4000]
        for seed: UInt64 in 1...12 {
            let counts = (0...2).map { Vegetation.tree(TreeParams(species: species, detail: $0), seed: seed).triangleCount }
            for (d, c) in counts.enumerated() {
                #expect(c >= 100 && c <= limits[d], "\(species) detail \(d): \(c) triangles")
            }
            #expect(counts[0] <= counts[2], "\(species): \(counts)")
        }
    }

    @Test func sameSeedSameTreeDifferentSeedDifferentTree() {
        for species in TreeSpecies.allCases {
            let a = Vegetation.tree(TreeParams(species: species), seed: 99)
            let b = Vegetation.tree(TreeParams(species: species), seed: 99)
            let c = Vegetation.tree(TreeParams(species: species), seed: 100)
            #expect(a == b)
            #expect(a != c)
            let mat: (SurfaceKind) -> Int = { SurfaceKind.allCases.firstIndex(of: $0)! }
            #expect(a.merged().makeMesh(name: "t", material: mat) == b.merged().makeMesh(name: "t", material: mat))
        }
    }

    @Test func treesUseTheirSpeciesSurfaces() {
        #expect(Vegetation.tree(TreeParams(species: .conifer), seed: 1).merged().kinds.contains(.needles))
        #expect(Vegetation.tree(TreeParams(species: .broadleaf), seed: 1).merged().kinds.contains(.leaves))
        #expect(Vegetation.tree(TreeParams(species: .birch), seed: 1).merged().kinds.contains(.birchBark))
        #expect(Vegetation.tree(TreeParams(species: .palm), seed: 1).merged().kinds.contains(.palmLeaves))
        let dead = Vegetation.tree(TreeParams(species: .dead), seed: 1).merged().kinds
        #expect(dead == [.bark])
    }

    @Test func requestedHeightIsRespected() {
        for species in TreeSpecies.allCases {
            let box = Vegetation.tree(TreeParams(species: species, height: 10), seed: 5).footprint
            #expect(box.max.y > 7 && box.max.y < 14, "\(species): top at \(box.max.y)")
            #expect(box.min.y <= 0.01)
        }
    }

    @Test func groundPlantsAreValidAndSmall() {
        let plants = [Vegetation.bush(seed: 3), Vegetation.grassClump(seed: 4), Vegetation.flowers(seed: 5)]
        for p in plants {
            #expect(kitModelProblems(p).isEmpty, "\(p.name)")
            #expect(p.triangleCount > 20 && p.triangleCount < 1500, "\(p.name): \(p.triangleCount)")
            #expect(p.footprint.size.y < 2.5)
        }
        #expect(Vegetation.flowers(seed: 5).merged().groups[.flowers]?.hasColors == true)
    }

    @Test func cactusIsRibbedValidAndDeterministic() {
        for detail in 0...2 {
            let m = Vegetation.cactus(detail: detail, seed: 8)
            #expect(kitModelProblems(m).isEmpty)
            #expect(m.triangleCount > 100 && m.triangleCount < 1500, "\(m.triangleCount)")
            #expect(m == Vegetation.cactus(detail: detail, seed: 8))
        }
        #expect(Vegetation.cactus(height: 4, seed: 1).footprint.max.y > 3.5)
    }
}
