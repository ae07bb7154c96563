import OysterCore

/// A place reserved for a structure: where it stands, which way it faces, how much flat
/// ground it needs. Scattering keeps trees and rocks off sites.
struct Site: Sendable {
    enum Kind: String, Sendable {
        case house, castle, tower, ruins, cabin, windmill, lighthouse, pier, well
    }
    var kind: Kind
    var position: Vec2
    var yaw: Float
    /// Radius of the flattened pad in metres.
    var radius: Float
    /// Ground height after flattening (filled in by the terrain stage).
    var height: Float = 0
    var index = 0
}
