#if canImport(Glibc)
import Glibc
#endif
import OysterCore

/// One tile of a streamed world: the square [x·size, (x+1)·size) × [z·size, (z+1)·size).
public struct TileKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var x: Int
    public var z: Int

    public init(x: Int, z: Int) {
        self.x = x
        self.z = z
    }

    /// The tile holding world point (x, z) for tiles of side `size`.
    public init(containing x: Float, _ z: Float, size: Float) {
        self.x = Int((x / size).rounded(.down).clamped(-1e9, 1e9))
        self.z = Int((z / size).rounded(.down).clamped(-1e9, 1e9))
    }

    /// Row-major order (z, then x): the order a frame's tiles are drawn in.
    public static func < (a: TileKey, b: TileKey) -> Bool { (a.z, a.x) < (b.z, b.x) }

    public var description: String { "\(x),\(z)" }
}

/// Which tiles a frame needs: the square of tiles round the camera's tile, stretched to take in
/// the same square again round the tile `ahead` tiles along the camera's horizontal view
/// direction, so more of the world is there where the camera looks. Always a rectangle of
/// tiles, so the land beyond it (`StreamedHorizon`) has a rectangular hole to fit. A pure
/// function of the camera's position and direction: the same camera always sees the same
/// tiles, whatever was loaded before.
public struct TileWindow: Sendable, Equatable {
    /// Side of a tile, metres.
    public var size: Float
    /// Tiles on each side of the camera's tile: the square is (2·radius + 1)² tiles.
    public var radius: Int
    /// How many tiles ahead of the camera the second square is centred (0: none).
    public var ahead: Int
    /// Largest tile coordinate (either sign) there is: tiles beyond are left out.
    public var limit: Int

    public init(size: Float = 64, radius: Int = 2, ahead: Int = 2, limit: Int = .max) {
        self.size = size
        self.radius = max(0, radius)
        self.ahead = max(0, ahead)
        self.limit = limit
    }

    /// Most tiles one frame can need.
    public var maxTiles: Int {
        let side = 2 * radius + 1 + ahead
        return side * side
    }

    /// The tiles a camera at `eye` looking along `forward` needs, in row-major order.
    public func tiles(eye: Vec3, forward: Vec3) -> [TileKey] {
        let here = TileKey(containing: eye.x, eye.z, size: size)
        var centres = [here]
        let flat = Vec2(forward.x, forward.z)
        let l = (flat.x * flat.x + flat.y * flat.y).squareRoot()
        if ahead > 0, l > 1e-4 {
            let reach = Float(ahead) * size / l
            let there = TileKey(containing: eye.x + flat.x * reach, eye.z + flat.y * reach, size: size)
            if there != here { centres.append(there) }
        }
        var set = Set<TileKey>()
        let xs = centres.map(\.x), zs = centres.map(\.z)
        for z in (zs.min()! - radius)...(zs.max()! + radius) {
            for x in (xs.min()! - radius)...(xs.max()! + radius) where abs(x) <= limit && abs(z) <= limit {
                set.insert(TileKey(x: x, z: z))
            }
        }
        return set.sorted()
    }
}

extension Float {
    func clamped(_ lo: Float, _ hi: Float) -> Float { Swift.min(Swift.max(self, lo), hi) }
}
