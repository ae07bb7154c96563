#if canImport(Glibc)
import Glibc
#endif

/// Things a Direct command places near the player ("add a tower here", "build a village
/// ahead", "plant a forest to the left"), and where each one goes. The spots are a pure
/// function of the placement and the player's place and heading, so the same command in the
/// same place puts the same things in the same spots; the live session records them as
/// `spawn` actions at those points, so a replay needs no layout of its own.
public struct DirectPlacement: Sendable, Equatable {
    /// Which way from the player.
    public enum Side: String, Sendable, Equatable {
        case here, ahead, left, right, behind
    }

    /// What is placed.
    public enum Layout: Sendable, Equatable {
        /// `count` of one thing (a name in `ChunkGenerator.Stream.spawnable`) side by side,
        /// across the view.
        case things(String, count: Int)
        /// `count` trees scattered, of `species` (nil: the world's own kinds, as its forests).
        case trees(species: Species?, count: Int)
        /// `houses` houses in a ring round a well, doors facing it (as a generated village's
        /// square).
        case village(houses: Int)
    }

    /// One thing's spot: a spawnable name, a point on the plane and a heading in radians
    /// (positive turns right, as a spawn action's).
    public struct Spot: Sendable, Equatable {
        public var thing: String
        public var x: Float
        public var z: Float
        public var heading: Float
    }

    public var layout: Layout
    public var side: Side
    /// Metres from the player to the placement's centre; nil: a distance that keeps the
    /// things clear of the player (`defaultDistance`).
    public var distance: Float?

    /// Most things one placement makes (the session's script caps spawns too).
    public static let maxCount = 12
    /// Distances a command may ask for, metres (as a spawn's `distance`).
    public static let distances: ClosedRange<Float> = 1...200

    public init(layout: Layout, side: Side = .ahead, distance: Float? = nil) {
        self.layout = layout
        self.side = side
        self.distance = distance
    }

    /// How many things the placement makes.
    public var count: Int {
        switch layout {
        case .things(_, let n), .trees(_, let n): return n
        case .village(let houses): return houses + 1
        }
    }

    /// Words for the reply: "2 towers", "a village of 5 houses round a well".
    public var description: String {
        switch layout {
        case .things(let thing, let n): return n == 1 ? "a \(thing)" : "\(n) \(["deer", "sheep"].contains(thing) ? thing : thing + "s")"
        case .trees(let species, let n):
            let kind = species?.rawValue ?? "tree"
            return n == 1 ? "a \(kind)" : "\(n) \(kind)s"
        case .village(let houses): return "a village of \(houses) houses round a well"
        }
    }

    /// Where the placement is, for the reply: "here", "20 m ahead", "16 m to the left".
    public var whereDescription: String {
        let d = distance ?? defaultDistance
        switch side {
        case .here: return "here (\(Self.metres(d)) m ahead)"
        case .ahead, .behind: return "\(Self.metres(d)) m \(side.rawValue)"
        case .left, .right: return "\(Self.metres(d)) m to the \(side.rawValue)"
        }
    }

    static func metres(_ d: Float) -> String {
        d == d.rounded() ? String(Int(d)) : String(format1: d)
    }

    // MARK: - Spots

    /// Metres from the player to the centre when the command gives none: near for "here",
    /// farther elsewhere, always clear of the player by the things' own footprint.
    public var defaultDistance: Float {
        switch layout {
        case .things(let thing, let n):
            let pad = Self.footprint(thing)
            // A row wider than one thing stands back a little more, so its ends clear the player.
            let row = n > 1 ? Float(n - 1) * (pad + 1) * 0.5 : 0
            return side == .here ? pad + 2.5 + row : 12 + pad + row
        case .trees(_, let n): return (side == .here ? 6 : 14) + Self.treeRadius(n)
        case .village: return side == .here ? 22 : 32
        }
    }

    /// Radius of a thing's footprint, metres: a structure's flat pad, a plant's or rock's spread.
    static func footprint(_ thing: String) -> Float {
        if let s = Structure.named(thing) { return s.padRadius }
        if CharacterRole(rawValue: thing) != nil { return 0.4 }
        if let species = AnimalSpecies(rawValue: thing) { return 0.5 * (species.proportions.bodyLength + species.proportions.neckLength) + 0.3 }
        if BirdSpecies(rawValue: thing) != nil { return 12 }
        return thing == "rock" ? 2 : 1.5
    }

    /// Radius of the disc a forest of `n` trees is scattered over.
    static func treeRadius(_ n: Int) -> Float { 3 + 2.4 * Float(n).squareRoot() }

    /// Where each thing goes for a player standing at (`x`, `z`) with `heading` (radians), in
    /// a world of `recipe` (whose trees a forest of no named species grows). Seeded by the
    /// placement and the player's metre, so it is the same every time; headings are whole
    /// 1/64 degrees and points whole 1/64 metres, which an action script's JSON holds exactly.
    public func spots(x: Float, z: Float, heading: Float, recipe: Recipe) -> [Spot] {
        let turn: Float
        switch side {
        case .here, .ahead: turn = 0
        case .right: turn = .pi / 2
        case .behind: turn = .pi
        case .left: turn = -.pi / 2
        }
        let way = heading + turn
        let d = min(max(distance ?? defaultDistance, Self.distances.lowerBound), Self.distances.upperBound)
        let centre = (x: x + sinf(way) * d, z: z - cosf(way) * d)
        // Across the view: the player's right.
        let across = (x: cosf(way), z: sinf(way))
        var rng = PCG32(seed: StableSeed.of("direct/\(description)/\(Int(x.rounded(.down)))_\(Int(z.rounded(.down)))"))
        var out: [Spot] = []
        func add(_ thing: String, _ px: Float, _ pz: Float, _ h: Float) {
            out.append(Spot(thing: thing, x: Self.snapped(px), z: Self.snapped(pz), heading: Self.snappedAngle(h)))
        }
        switch layout {
        case .things(let thing, let n) where BirdSpecies(rawValue: thing) != nil:
            // Birds circle their own spots round the placement's middle, a loop's width apart.
            for _ in 0..<n {
                let a = rng.nextFloat() * 2 * .pi, r = 6 * rng.nextFloat().squareRoot()
                add(thing, centre.x + cosf(a) * r, centre.z + sinf(a) * r, rng.nextFloat() * 2 * .pi)
            }
        case .things(let thing, let n) where AnimalSpecies(rawValue: thing) != nil && n > 2:
            // Three or more animals stand as a herd: scattered, each its own way, a body apart.
            let pad = Self.footprint(thing)
            let radius = pad * 1.6 * (Float(n) + 0.5).squareRoot()
            var placed: [(x: Float, z: Float)] = []
            for tries in 0..<(n * 40) where placed.count < n {
                let a = rng.nextFloat() * 2 * .pi, r = radius * rng.nextFloat().squareRoot()
                let p = (x: centre.x + cosf(a) * r, z: centre.z + sinf(a) * r)
                // A crowded disc (after half the tries) takes any spot.
                guard tries > n * 20 || !placed.contains(where: { ($0.x - p.x) * ($0.x - p.x) + ($0.z - p.z) * ($0.z - p.z) < 4 * pad * pad }) else { continue }
                placed.append(p)
                add(thing, p.x, p.z, rng.nextFloat() * 2 * .pi)
            }
        case .things(let thing, let n):
            let spacing = 2 * Self.footprint(thing) + 1
            // A spawn turned by the player's heading faces the player: a house its door, a
            // person or animal its face.
            for i in 0..<n {
                let offset = (Float(i) - Float(n - 1) / 2) * spacing
                add(thing, centre.x + across.x * offset, centre.z + across.z * offset, heading)
            }
        case .trees(let species, let n):
            let kinds = species.map { [$0] } ?? OutdoorSpecies(recipe: recipe).kinds
            let radius = Self.treeRadius(n)
            var placed: [(x: Float, z: Float)] = []
            var tries = 0
            // Scattered, at least 2.5 m apart (a crowded disc takes what fits).
            while placed.count < n, tries < n * 40 {
                tries += 1
                let a = rng.nextFloat() * 2 * .pi, r = radius * rng.nextFloat().squareRoot()
                let p = (x: centre.x + cosf(a) * r, z: centre.z + sinf(a) * r)
                guard !placed.contains(where: { ($0.x - p.x) * ($0.x - p.x) + ($0.z - p.z) * ($0.z - p.z) < 6.25 }) else { continue }
                placed.append(p)
                add(kinds[rng.nextInt(kinds.count)].rawValue, p.x, p.z, rng.nextFloat() * 2 * .pi)
            }
        case .village(let houses):
            // The square's well, then the houses in a ring round it, as `SitePlacer.village`.
            add(Structure.well.name, centre.x, centre.z, 0)
            let ring: Float = 13
            let start = rng.nextFloat() * 2 * .pi
            for k in 0..<houses {
                let a = start + 2 * .pi * Float(k) / Float(houses) + rng.nextFloat(-0.15, 0.15)
                let r = ring + Float(houses > 7 ? 4 * (k % 2) : 0) + rng.nextFloat(-1, 1)
                let p = (x: centre.x + cosf(a) * r, z: centre.z + sinf(a) * r)
                // Door to the square: the generator's yaw atan2(toC.x, toC.z) is a spawn's −heading.
                add(Structure.house.name, p.x, p.z, -atan2f(centre.x - p.x, centre.z - p.z))
            }
        }
        return out
    }

    /// `v` to the nearest 1/64 (a binary fraction, exact in JSON).
    static func snapped(_ v: Float) -> Float { (v * 64).rounded() / 64 }

    /// `radians` to the nearest 1/64 degree, as the reader's degrees-to-radians makes it.
    static func snappedAngle(_ radians: Float) -> Float {
        var degrees = (radians * 180 / .pi).truncatingRemainder(dividingBy: 360)
        if degrees < 0 { degrees += 360 }
        return ((degrees * 64).rounded() / 64) * .pi / 180
    }
}

extension String {
    /// One decimal place.
    init(format1 v: Float) {
        let tenths = Int((v * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
