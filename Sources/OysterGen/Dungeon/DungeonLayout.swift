/// Parameters for a dungeon.
public struct DungeonParams: Sendable, Hashable {
    /// Number of rooms (exactly this many are placed).
    public var rooms: Int
    /// Cell edge in metres.
    public var cellSize: Float
    public var wallHeight: Float
    /// Room sides in cells.
    public var roomSize: ClosedRange<Int>
    /// Extra corridors beyond the spanning tree, making loops.
    public var loops: Int
    /// 0…1: how many barrels, crates and tables.
    public var clutter: Float
    /// Mesh density, 0.25…3 (1 = medium): stone courses, voussoirs, flagstones, roundness.
    /// The kit also spreads a fixed budget over the layout, so small dungeons get finer
    /// masonry and large ones stay within memory.
    public var detail: Float
    /// What the rooms are for: storerooms and guardrooms, or a crypt of tombs.
    public var style: DungeonStyle

    public init(rooms: Int = 8, cellSize: Float = 2, wallHeight: Float = 3.6, roomSize: ClosedRange<Int> = 3...6, loops: Int = 2, clutter: Float = 0.6,
                detail: Float = 1, style: DungeonStyle = .dungeon) {
        self.rooms = rooms
        self.cellSize = cellSize
        self.wallHeight = wallHeight
        self.roomSize = roomSize
        self.loops = loops
        self.clutter = clutter
        self.detail = detail
        self.style = style
    }
}

/// The furnishing and architecture style of a dungeon.
public enum DungeonStyle: String, Sendable, Hashable, CaseIterable {
    /// Round arches, barrels, crates, chests, tables.
    case dungeon
    /// Pointed arches, wall niches with skulls and urns, sarcophagi, candles.
    case crypt
}

/// A grid plan of rooms and corridors: which cells are floor, which region each belongs to
/// and which boundaries between regions are passable (doors).
public struct DungeonLayout: Sendable, Hashable {
    /// A rectangular room in cells.
    public struct Room: Sendable, Hashable {
        public var x: Int, z: Int, width: Int, depth: Int
        public var center: (x: Int, z: Int) { (x + width / 2, z + depth / 2) }
        public func contains(_ cx: Int, _ cz: Int) -> Bool { cx >= x && cx < x + width && cz >= z && cz < z + depth }
        public static func == (a: Room, b: Room) -> Bool { a.x == b.x && a.z == b.z && a.width == b.width && a.depth == b.depth }
        public func hash(into h: inout Hasher) { h.combine(x); h.combine(z); h.combine(width); h.combine(depth) }
    }

    /// A passable boundary between a corridor cell and a room cell (a door goes here).
    public struct Door: Sendable, Hashable {
        /// The room-side cell.
        public var roomCell: Cell
        /// The corridor-side cell (a 4-neighbour of `roomCell`).
        public var corridorCell: Cell
        public var room: Int
    }

    public struct Cell: Sendable, Hashable, Comparable {
        public var x: Int, z: Int
        public init(_ x: Int, _ z: Int) { self.x = x; self.z = z }
        public static func < (a: Cell, b: Cell) -> Bool { (a.z, a.x) < (b.z, b.x) }
    }

    public var width: Int
    public var depth: Int
    public var rooms: [Room]
    /// Room index pairs joined by a corridor (spanning tree first, then loops).
    public var connections: [(Int, Int)]
    /// Per cell: -1 empty, -2 corridor, ≥ 0 room index.
    public var region: [Int]
    /// Boundaries crossed by corridors between different regions (unordered cell pairs).
    public var openings: Set<[Cell]>
    public var doors: [Door]

    public static func == (a: DungeonLayout, b: DungeonLayout) -> Bool {
        a.width == b.width && a.depth == b.depth && a.rooms == b.rooms && a.region == b.region && a.openings == b.openings && a.doors == b.doors
            && a.connections.map { [$0.0, $0.1] } == b.connections.map { [$0.0, $0.1] }
    }
    public func hash(into h: inout Hasher) { h.combine(region); h.combine(rooms) }

    public func regionAt(_ x: Int, _ z: Int) -> Int {
        guard x >= 0, z >= 0, x < width, z < depth else { return -1 }
        return region[z * width + x]
    }

    public func isFloor(_ x: Int, _ z: Int) -> Bool { regionAt(x, z) != -1 }

    /// Whether one can walk between 4-neighbour cells `a` and `b`.
    public func passable(_ a: Cell, _ b: Cell) -> Bool {
        let ra = regionAt(a.x, a.z), rb = regionAt(b.x, b.z)
        guard ra != -1, rb != -1 else { return false }
        if ra == rb { return true }
        return openings.contains([min(a, b), max(a, b)])
    }

    /// Rooms reachable from room 0 by walking (for checks).
    public func reachableRooms() -> Set<Int> {
        guard let r0 = rooms.first else { return [] }
        var seen = Set<Cell>([Cell(r0.x, r0.z)]), queue = [Cell(r0.x, r0.z)], found = Set<Int>()
        while let c = queue.popLast() {
            let r = regionAt(c.x, c.z)
            if r >= 0 { found.insert(r) }
            for (dx, dz) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let n = Cell(c.x + dx, c.z + dz)
                if !seen.contains(n) && passable(c, n) { seen.insert(n); queue.append(n) }
            }
        }
        return found
    }
}

extension DungeonLayout {
    /// Places exactly `params.rooms` non-overlapping rooms (growing the grid if needed), joins
    /// them with a minimum spanning tree plus `loops` extra links, carves L-shaped corridors,
    /// and records a door wherever a corridor enters a room.
    public static func generate(_ params: DungeonParams, seed: UInt64) -> DungeonLayout {
        var rng = KitRandom(seed: seed)
        let n = max(1, min(params.rooms, 64))
        let lo = min(max(2, params.roomSize.lowerBound), 16), hi = min(max(lo, params.roomSize.upperBound), 16)
        var side = Int((Float(n) * Float((lo + hi) / 2 + 3) * Float((lo + hi) / 2 + 3) * 2.2).squareRoot()) + 6
        var rooms: [Room] = []
        // Rejection sampling with a 2-cell gap; enlarge the grid until all rooms fit.
        while true {
            rooms = []
            var attempts = 0
            while rooms.count < n && attempts < 400 * n {
                attempts += 1
                let w = rng.int(in: lo...hi), d = rng.int(in: lo...hi)
                let x = rng.int(in: 1...(max(1, side - w - 1))), z = rng.int(in: 1...(max(1, side - d - 1)))
                let r = Room(x: x, z: z, width: w, depth: d)
                if rooms.allSatisfy({ x + w + 2 <= $0.x || $0.x + $0.width + 2 <= x || z + d + 2 <= $0.z || $0.z + $0.depth + 2 <= z }) { rooms.append(r) }
            }
            if rooms.count == n { break }
            side += side / 4 + 2
        }
        // Sort rooms for a stable, readable order (by row then column).
        rooms.sort { ($0.z, $0.x) < ($1.z, $1.x) }
        func dist(_ a: Int, _ b: Int) -> Int { abs(rooms[a].center.x - rooms[b].center.x) + abs(rooms[a].center.z - rooms[b].center.z) }
        // Prim's MST (ties broken by index for determinism).
        var inTree = [Bool](repeating: false, count: n)
        inTree[0] = true
        var links: [(Int, Int)] = []
        for _ in 1..<max(n, 1) {
            var best: (Int, Int, Int)? = nil
            for a in 0..<n where inTree[a] {
                for b in 0..<n where !inTree[b] {
                    let dd = dist(a, b)
                    if best == nil || dd < best!.2 { best = (a, b, dd) }
                }
            }
            guard let e = best else { break }
            inTree[e.1] = true
            links.append((e.0, e.1))
        }
        // Loops: among the shortest links not in the tree, pick a few.
        var extra: [(Int, Int, Int)] = []
        for a in 0..<n { for b in (a + 1)..<max(n, a + 1) where !links.contains(where: { ($0.0 == a && $0.1 == b) || ($0.0 == b && $0.1 == a) }) { extra.append((a, b, dist(a, b))) } }
        extra.sort { ($0.2, $0.0, $0.1) < ($1.2, $1.0, $1.1) }
        var pool = Array(extra.prefix(min(max(0, params.loops), 64) * 3))
        for _ in 0..<min(max(0, params.loops), pool.count, 64) {
            let i = rng.int(in: 0...(pool.count - 1))
            links.append((pool[i].0, pool[i].1))
            pool.remove(at: i)
        }
        // Carve.
        var region = [Int](repeating: -1, count: side * side)
        for (i, r) in rooms.enumerated() { for z in r.z..<(r.z + r.depth) { for x in r.x..<(r.x + r.width) { region[z * side + x] = i } } }
        var openings = Set<[Cell]>()
        var doors: [Door] = []
        var doorSet = Set<[Cell]>()
        for (a, b) in links {
            let ca = rooms[a].center, cb = rooms[b].center
            var path: [Cell] = []
            let horizontalFirst = rng.chance(0.5)
            var x = ca.x, z = ca.z
            path.append(Cell(x, z))
            func stepX() { while x != cb.x { x += cb.x > x ? 1 : -1; path.append(Cell(x, z)) } }
            func stepZ() { while z != cb.z { z += cb.z > z ? 1 : -1; path.append(Cell(x, z)) } }
            if horizontalFirst { stepX(); stepZ() } else { stepZ(); stepX() }
            for c in path where region[c.z * side + c.x] == -1 { region[c.z * side + c.x] = -2 }
            for i in 1..<max(path.count, 1) {
                let p = path[i - 1], q = path[i]
                let rp = region[p.z * side + p.x], rq = region[q.z * side + q.x]
                guard rp != rq else { continue }
                let key = [min(p, q), max(p, q)]
                openings.insert(key)
                if (rp >= 0) != (rq >= 0), !doorSet.contains(key) {
                    doorSet.insert(key)
                    doors.append(rp >= 0 ? Door(roomCell: p, corridorCell: q, room: rp) : Door(roomCell: q, corridorCell: p, room: rq))
                }
            }
        }
        return DungeonLayout(width: side, depth: side, rooms: rooms, connections: links, region: region, openings: openings, doors: doors)
    }
}
