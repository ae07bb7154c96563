import Foundation
import OysterCore

/// One unbounded world: (recipe, seed) over the whole XZ plane. The home region round the
/// origin holds what the prompt asked for (`HomePlan`); every other 256 m cell decides its own
/// lakes, river, settlement or landmark from hashes of its coordinates (`CellPlan`), and
/// settlements in neighbouring cells are joined by roads. Every layer is a function of position
/// with bounded reach, so any rectangle of the world is built from the cells near it alone —
/// in any order, on any thread — and gets the same ground as any other rectangle covering it.
final class WorldMap: @unchecked Sendable {
    static let seaLevel: Float = 0
    /// Side of a world cell in metres.
    static let cellSize: Float = 256
    /// Farthest coordinate from the origin (metres) the generator supports: beyond 2^20 m a
    /// Float no longer holds positions to the half-metre grid the terrain is sampled on.
    static let limit: Float = 1_048_576

    let recipe: Recipe
    let terrain: WorldTerrain
    /// Cells with |i|, |j| ≤ homeCells belong to the home region.
    let homeCells: Int32
    /// Cells beside home that hold a settlement whatever their hash says: home's roads lead there.
    let roadCells: [CellKey]
    private var homePlan: HomePlan?
    private var inhabitantsPlan: Inhabitants?
    private let lock = NSLock()
    private let lakeCache = PureCache<CellKey, Lake?>(limit: 4096)
    private let riverCache = PureCache<CellKey, CellRiver?>(limit: 4096)
    private let siteCache = PureCache<CellKey, CellSites>(limit: 4096)
    private let roadCache = PureCache<CellKey, [Polyline]>(limit: 4096)
    private let kits = PureCache<String, KitModel>()
    /// Scattered kits' meshes, converted once for every region of this world.
    let meshes = SharedMeshes()

    struct CellKey: Hashable, Sendable {
        var i: Int32, j: Int32
        init(_ i: Int32, _ j: Int32) { self.i = i; self.j = j }
    }

    init(recipe: Recipe) {
        self.recipe = recipe
        var rng = PCG32(seed: recipe.seed, stream: 0x9A1)
        var kind = Coast.Kind.inland
        if recipe.has(.sea) {
            if recipe.biome == .tropical { kind = .island } else {
                let dirs = [Vec2(1, 0), Vec2(-1, 0), Vec2(0, 1), Vec2(0, -1)]
                kind = .side(dirs[rng.nextInt(4)])
            }
        }
        let coast = Coast(kind: kind, half: recipe.size / 2, seed: recipe.seed)
        terrain = WorldTerrain(recipe: recipe, coast: coast)
        let k = Int32(max(0, ((recipe.size / 2 - WorldMap.cellSize / 2) / WorldMap.cellSize).rounded(.up)))
        homeCells = k
        // Roads out of home: towards one landward side, and on through the other side too
        // when the prompt asks for a road.
        var cells: [CellKey] = []
        if recipe.has(.road) || recipe.has(.village) || recipe.has(.town) {
            let seaward: Vec2? = { if case .side(let s) = kind { return s }; return nil }()
            let dirs: [(Int32, Int32)] = [(1, 0), (-1, 0), (0, 1), (0, -1)].filter { d in
                seaward.map { dot(Vec2(Float(d.0), Float(d.1)), $0) < 0.5 } ?? true
            }
            var pick = PCG32(seed: recipe.seed, stream: 0x20AD)
            let first = dirs[pick.nextInt(dirs.count)]
            cells.append(CellKey(first.0 * (k + 1), first.1 * (k + 1)))
            if recipe.has(.road), dirs.contains(where: { $0.0 == -first.0 && $0.1 == -first.1 }) {
                cells.append(CellKey(-first.0 * (k + 1), -first.1 * (k + 1)))
            }
        }
        roadCells = cells
    }

    /// The prompt's features round the origin, planned on first use (a far-off chunk never
    /// pays for it).
    var home: HomePlan {
        lock.lock()
        defer { lock.unlock() }
        if let h = homePlan { return h }
        let h = HomePlan(map: self)
        homePlan = h
        return h
    }

    /// The home region's people and animals (`Inhabitants`), planned on first use on the home
    /// region's ground, for tiles to build the ones they own. A world with nobody in it never
    /// builds that ground.
    var inhabitants: Inhabitants {
        if !Inhabitants.live(in: recipe) { return Inhabitants() }
        lock.lock()
        if let plan = inhabitantsPlan { lock.unlock(); return plan }
        lock.unlock()
        // Planned outside the lock (the home region's builder asks for `home`); two threads may
        // both plan it, and get the same plan.
        let plan = Inhabitants(RegionBuilder(map: self, region: .home(recipe)))
        lock.lock()
        defer { lock.unlock() }
        if inhabitantsPlan == nil { inhabitantsPlan = plan }
        return plan
    }

    // MARK: - Cells

    /// Half the side of the square the home region's cells cover.
    var homeHalf: Float { (Float(homeCells) + 0.5) * WorldMap.cellSize }

    func cell(_ x: Float) -> Int32 { Int32((x / WorldMap.cellSize + 0.5).rounded(.down)) }
    func isHome(_ c: CellKey) -> Bool { abs(c.i) <= homeCells && abs(c.j) <= homeCells }
    func centre(_ c: CellKey) -> Vec2 { Vec2(Float(c.i), Float(c.j)) * WorldMap.cellSize }

    /// 64 bits for one decision of one cell.
    func bits(_ c: CellKey, _ what: String) -> UInt64 {
        PositionHash.hash(recipe.seed, c.i, c.j, StableSeed.of("cell/" + what))
    }

    func lake(_ c: CellKey) -> Lake? { isHome(c) ? nil : lakeCache.value(c) { CellPlan.lake(self, c) } }
    func river(_ c: CellKey) -> CellRiver? { isHome(c) ? nil : riverCache.value(c) { CellPlan.river(self, c) } }
    func sites(_ c: CellKey) -> CellSites { isHome(c) ? CellSites() : siteCache.value(c) { CellPlan.sites(self, c) } }
    /// Roads owned by cell `c`: to the hubs of its +x and +z neighbours (and, for the cell
    /// just outside home on the -x/-z side, into home), so each road has exactly one owner.
    func roads(_ c: CellKey) -> [Polyline] { roadCache.value(c) { RoadNetwork.roads(self, from: c) } }

    /// Lakes within `r` cells of the cell holding (x, z), the home lakes included.
    func lakes(near p: Vec2, cells r: Int32 = 1) -> [Lake] {
        let ci = cell(p.x), cj = cell(p.y)
        var out: [Lake] = []
        for j in (cj - r)...(cj + r) { for i in (ci - r)...(ci + r) { if let l = lake(CellKey(i, j)) { out.append(l) } } }
        if abs(ci) <= homeCells + r, abs(cj) <= homeCells + r { out += home.lakes }
        return out
    }

    /// A kit variant (tree, bush, rock) built once per world: every region of a streamed world
    /// reuses the same variants. Kits are pure functions of their key, so caching changes no output.
    func kit(_ key: String, _ make: () -> KitModel) -> KitModel { kits.value(key, make) }

    // MARK: - Regions

    /// Everything laid on the ground that can reach into the rectangle (grown by `margin`).
    ///
    /// `roadsToo: false` leaves roads out: roads are graded on the ground without roads.
    func features(minX: Float, minZ: Float, maxX: Float, maxZ: Float, margin: Float = 16, roadsToo: Bool = true) -> LocalFeatures {
        // Lakes and sites stay within about 115 m of their cell's centre, so the cells one
        // round the rectangle hold every one that can reach it; a river walks up to ~440 m from
        // its cell's centre, so rivers come from two cells round.
        let reach: Float = 2 * WorldMap.cellSize
        let i0 = cell(minX - reach), i1 = cell(maxX + reach), j0 = cell(minZ - reach), j1 = cell(maxZ + reach)
        let near1 = (cell(minX - WorldMap.cellSize)...cell(maxX + WorldMap.cellSize), cell(minZ - WorldMap.cellSize)...cell(maxZ + WorldMap.cellSize))
        var lakes: [Lake] = [], sites: [Site] = [], rivers: [Polyline] = [], roads: [Polyline] = [], falls: [Waterfall] = []
        let lo = Vec2(minX - margin, minZ - margin), hi = Vec2(maxX + margin, maxZ + margin)
        func near(_ p: Vec2, _ r: Float) -> Bool { p.x + r >= lo.x && p.x - r <= hi.x && p.y + r >= lo.y && p.y - r <= hi.y }
        var touchesHome = false
        for j in j0...j1 {
            for i in i0...i1 {
                let c = CellKey(i, j)
                if isHome(c) { touchesHome = true; continue }
                let close = near1.0.contains(i) && near1.1.contains(j)
                if close, let l = lake(c), near(l.center, l.reach) { lakes.append(l) }
                if let r = river(c) {
                    if r.line.touches(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y, margin: LocalFeatures.riverBank * 1.3) { rivers.append(r.line) }
                    if let p = r.pond, near(p.center, p.reach) { lakes.append(p) }
                }
                guard close else { continue }
                for s in self.sites(c).sites where near(s.position, s.radius + 4) { sites.append(s) }
            }
        }
        // Roads: owned by the cell at their lower end, which is at most one cell outside.
        for j in (j0 - 1)...j1 where roadsToo {
            for i in (i0 - 1)...i1 {
                for r in self.roads(CellKey(i, j)) where r.touches(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y, margin: LocalFeatures.roadOuter) {
                    roads.append(r)
                }
            }
        }
        if touchesHome {
            lakes += home.lakes.filter { near($0.center, $0.reach) }
            sites += home.sites.filter { near($0.position, $0.radius + 4) }
            rivers += home.rivers.filter { $0.touches(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y, margin: LocalFeatures.riverBank * 1.3) }
            if roadsToo { roads += home.roads.filter { $0.touches(minX: lo.x, minZ: lo.y, maxX: hi.x, maxZ: hi.y, margin: LocalFeatures.roadOuter) } }
            falls += home.waterfalls
        }
        return LocalFeatures(terrain: terrain, lakes: lakes, sites: sites, rivers: rivers, roads: roads, waterfalls: falls)
    }

    /// Ground height at one point of the world (all features applied).
    func height(_ x: Float, _ z: Float) -> Float {
        features(minX: x, minZ: z, maxX: x, maxZ: z, margin: 1).height(x, z)
    }
}

/// A far cell's river and the pond it ends in when it reaches neither a lake nor the sea.
struct CellRiver: Sendable {
    var line: Polyline
    var pond: Lake?
}

/// A far cell's structures; `hub` is where its roads meet (a village square or a landmark).
struct CellSites: Sendable {
    var sites: [Site] = []
    var hub: Vec2?
}
