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
    private let limit: Int

    public init(_ stream: ChunkGenerator.Stream, capacity: Int = 36) {
        self.stream = stream
        self.capacity = max(9, capacity)
        limit = ChunkGenerator.maxTile(size: stream.size)
    }

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
        let missing = keys.filter { grounds[$0] == nil }
        if !missing.isEmpty {
            let stream = self.stream
            let made = Parallel.map(missing) { k in Ground(stream.tile(x: k.x, z: k.z)) }
            generated += missing.count
            for (k, g) in zip(missing, made) { grounds[k] = (g, clock) }
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
