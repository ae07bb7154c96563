import Foundation
import OysterCore
import OysterGen
import OysterMotion

/// The ground of an unbounded world for a walker: each question is answered from the `Ground`
/// of the 3×3 tiles round the point (a building anchored in one tile may reach into the next),
/// generated the first time a walk comes near and kept in a bounded cache. Tiles meet vertex
/// for vertex, so walking over a border is seamless, and a building or rock stops the walker
/// whichever tile it belongs to. Answers never depend on what was cached before: a tile
/// dropped and generated again has the same ground.
public final class StreamedGround: WalkSurface {
    private let stream: ChunkGenerator.Stream
    private var grounds: [TileKey: (ground: Ground, used: Int)] = [:]
    /// Counts questions, to find the tile used least recently.
    private var clock = 0
    /// Most tiles' ground kept at once.
    public let capacity: Int
    /// Tiles generated so far (a tile dropped and needed again counts twice).
    public private(set) var generated = 0
    /// Of those, tiles made when a question needed them (holding the walker up), not ahead.
    public private(set) var madeWhenAsked = 0
    private let limit: Int

    /// Makes the ground of tiles up to `rings` round the walker's before it is needed.
    private let prefetch: GroundPrefetch?
    private var prefetchedAround: TileKey?

    /// `prefetchRings` > 1: the tiles that far round the walker's are made on a background
    /// queue as it goes, so crossing into a tile finds its neighbours' ground made (a live
    /// session's frame is not held up making it). What is answered is the same either way.
    public init(_ stream: ChunkGenerator.Stream, capacity: Int = 36, prefetchRings: Int = 0) {
        self.stream = stream
        limit = ChunkGenerator.maxTile(size: stream.size)
        let rings = min(max(0, prefetchRings), 3)
        self.capacity = max(9, capacity, (2 * rings + 1) * (2 * rings + 1) + 9)
        prefetch = rings > 1 ? GroundPrefetch(stream: stream, rings: rings) : nil
    }

    deinit { prefetch?.stop() }

    public var bounds: AABB {
        var box = AABB.empty
        for g in grounds.values where !g.ground.bounds.isEmpty { box.add(g.ground.bounds) }
        return box
    }

    /// Tiles whose ground is held now.
    public var loadedTiles: [TileKey] { grounds.keys.sorted() }

    public func height(x: Float, z: Float, below: Float) -> Float? {
        var best: Float?
        for g in near(x, z) {
            if let y = g.height(x: x, z: z, below: below), y > (best ?? -.infinity) { best = y }
        }
        return best
    }

    public func waterSurface(x: Float, z: Float) -> Float? {
        var best: Float?
        for g in near(x, z) {
            if let y = g.waterSurface(x: x, z: z), y > (best ?? -.infinity) { best = y }
        }
        return best
    }

    public func resolve(_ position: Vec3, radius: Float, height: Float, step: Float) -> Vec3 {
        var p = position
        for g in near(position.x, position.z) { p = g.resolve(p, radius: radius, height: height, step: step) }
        return p
    }

    /// The grounds of the 3×3 tiles round (x, z) in row-major order, generating the missing
    /// ones in parallel and dropping those used least recently beyond `capacity`.
    private func near(_ x: Float, _ z: Float) -> [Ground] {
        let c = TileKey(containing: x, z, size: stream.size)
        var keys: [TileKey] = []
        for dz in -1...1 {
            for dx in -1...1 where abs(c.x + dx) <= limit && abs(c.z + dz) <= limit { keys.append(TileKey(x: c.x + dx, z: c.z + dz)) }
        }
        clock += 1
        if let prefetch {
            for (k, g) in prefetch.takeReady() where grounds[k] == nil {
                grounds[k] = (g, clock - 1)
                generated += 1
            }
            if c != prefetchedAround {
                prefetchedAround = c
                prefetch.want(around: c, limit: limit, except: Set(grounds.keys))
            }
        }
        let missing = keys.filter { grounds[$0] == nil }
        if !missing.isEmpty {
            let stream = self.stream
            let made = Parallel.map(missing) { k in Ground(stream.tile(x: k.x, z: k.z)) }
            generated += missing.count
            madeWhenAsked += missing.count
            for (k, g) in zip(missing, made) { grounds[k] = (g, clock) }
        }
        if grounds.count > capacity {
            while grounds.count > capacity,
                  let old = grounds.filter({ !keys.contains($0.key) }).min(by: { ($0.value.used, $0.key) < ($1.value.used, $1.key) }) {
                grounds[old.key] = nil
            }
        }
        return keys.compactMap { k in
            grounds[k]?.used = clock
            return grounds[k]?.ground
        }
    }
}

/// Ground made ahead of need on a background queue, one tile at a time and at low priority
/// (a frame being drawn comes first), for the tiles round the walker's.
final class GroundPrefetch: @unchecked Sendable {
    private let stream: ChunkGenerator.Stream
    private let rings: Int
    private let queue = DispatchQueue(label: "oyster.ground-prefetch", qos: .utility)
    private let lock = NSLock()
    private var ready: [TileKey: Ground] = [:]
    private var inFlight = Set<TileKey>()
    private var centre: TileKey?
    private var stopped = false

    init(stream: ChunkGenerator.Stream, rings: Int) {
        self.stream = stream
        self.rings = rings
    }

    func stop() { lock.withLock { stopped = true } }

    /// The ground made since the last call.
    func takeReady() -> [(TileKey, Ground)] {
        lock.withLock {
            defer { ready.removeAll() }
            return ready.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
    }

    /// Queues the tiles within `rings` of `c` that are neither held (`except`) nor queued,
    /// nearest first; queued tiles that the walker has left behind by then are skipped.
    func want(around c: TileKey, limit: Int, except held: Set<TileKey>) {
        var keys: [TileKey] = []
        for dz in -rings...rings {
            for dx in -rings...rings where abs(c.x + dx) <= limit && abs(c.z + dz) <= limit {
                keys.append(TileKey(x: c.x + dx, z: c.z + dz))
            }
        }
        keys.sort { ($0.distanceSquared(to: c), $0) < ($1.distanceSquared(to: c), $1) }
        let todo: [TileKey] = lock.withLock {
            centre = c
            let new = keys.filter { !held.contains($0) && !inFlight.contains($0) && ready[$0] == nil }
            inFlight.formUnion(new)
            return new
        }
        for k in todo {
            queue.async { [self] in
                let wanted: Bool = lock.withLock {
                    guard !stopped, let centre, max(abs(k.x - centre.x), abs(k.z - centre.z)) <= rings else {
                        inFlight.remove(k)
                        return false
                    }
                    return true
                }
                guard wanted else { return }
                let g = Ground(stream.tile(x: k.x, z: k.z))
                lock.withLock {
                    inFlight.remove(k)
                    if !stopped { ready[k] = g }
                }
            }
        }
    }
}
