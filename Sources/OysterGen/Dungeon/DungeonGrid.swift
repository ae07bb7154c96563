import OysterCore

/// Metric view of a layout: cell size, wall height, where cells are in model space, and how
/// dense the masonry is. Shared by the floor, wall, doorway, ceiling and furnishing stages.
struct DungeonGrid {
    let L: DungeonLayout
    let s: Float
    let H: Float
    let ox: Float, oz: Float
    let detail: MasonryDetail
    let style: DungeonStyle
    static let inset: Float = 0.15
    static let dirs: [(Int, Int)] = [(0, -1), (0, 1), (-1, 0), (1, 0)]

    init(_ L: DungeonLayout, params: DungeonParams) {
        self.L = L
        s = kitClamp(params.cellSize, 1, 8, fallback: 2)
        H = kitClamp(params.wallHeight, 2.6, 12, fallback: 3.6)
        ox = -Float(L.width) * s / 2
        oz = -Float(L.depth) * s / 2
        style = params.style
        detail = DungeonGrid.detail(L, s: s, H: H, density: kitClamp(params.detail, 0.25, 3, fallback: 1))
    }

    func corner(_ x: Int, _ z: Int) -> Vec3 { Vec3(ox + Float(x) * s, 0, oz + Float(z) * s) }
    func center(_ x: Int, _ z: Int) -> Vec3 { corner(x, z) + Vec3(s / 2, 0, s / 2) }

    /// Whether the edge of floor cell (x, z) towards (dx, dz) is a wall.
    func isWall(_ x: Int, _ z: Int, _ dx: Int, _ dz: Int) -> Bool {
        L.isFloor(x, z) && !L.passable(.init(x, z), .init(x + dx, z + dz))
    }

    /// Spreads a triangle budget over the layout: finer stones for small dungeons, coarser for
    /// big ones, so a 2-room cellar is as rich to look at as a 64-room labyrinth is affordable.
    static func detail(_ L: DungeonLayout, s: Float, H: Float, density d: Float) -> MasonryDetail {
        var edges = 0, roomCells = 0, corridorCells = 0
        for z in 0..<L.depth {
            for x in 0..<L.width where L.isFloor(x, z) {
                if L.regionAt(x, z) == -2 { corridorCells += 1 } else { roomCells += 1 }
                for (dx, dz) in dirs where !L.passable(.init(x, z), .init(x + dx, z + dz)) { edges += 1 }
            }
        }
        // Triangles per wall edge (one cell wide, full height); a dressed stone is 18.
        let perEdge = kitClamp(48_000 * d / Float(max(edges, 1)), 90, 1500 * d)
        let courses = Int((perEdge * 1.75 * H / (18 * s)).squareRoot().rounded())
        let f = (perEdge / 500).squareRoot()
        let perRoomCell = kitClamp(13_000 * d / Float(max(roomCells, 1)), 18, 600)
        let perCorridorCell = kitClamp(11_000 * d / Float(max(corridorCells, 1)), 18, 900)
        return MasonryDetail(
            courses: min(max(courses, 3), 16),
            voussoirs: min(max(Int(11 * f), 5), 21),
            vaultCourses: min(max(Int(11 * f), 5), 18),
            flags: min(max(Int((perRoomCell / 18).squareRoot()), 1), 5),
            cobbles: min(max(Int((perCorridorCell / 10).squareRoot()), 2), 9),
            round: min(max(Int(14 * f), 6), 24))
    }
}
