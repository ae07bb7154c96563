import OysterCore

/// A place reserved for a structure: where it stands, which way it faces, how much flat
/// ground it needs. Scattering keeps trees and rocks off sites.
struct Site: Sendable {
    var kind: Structure
    var position: Vec2
    var yaw: Float
    /// Radius of the flattened pad in metres.
    var radius: Float
    /// Stable identity: the order pads are flattened in and the building's seed.
    var id: UInt64 = 0
    /// Node name, unique in the world ("House_03" at home, "House_812_-340" elsewhere).
    var name: String = ""
    /// Height the pad is flattened to (the ground at its centre before pads and roads).
    var padHeight: Float = 0
    var index = 0
    /// One of the prompt's own structures round the origin.
    var isHome = false
    /// What a town's plan decided for it (its height, its houses); nil outside towns.
    var lot: TownLot?
}
