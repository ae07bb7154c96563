import OysterCore

/// A bird's plumage: linear vertex colours for its body, the upper and under sides of its
/// wings, the wing's hand (a gull's black tips), head, beak, legs. A pure function of
/// (species, seed): birds of a flock differ a little in shade, as real ones do.
public struct BirdLook: Hashable, Sendable {
    public var species: BirdSpecies
    public var body: Vec4
    public var head: Vec4
    /// The wing's upper side (a gull's grey mantle) and under side.
    public var wingTop: Vec4
    public var wingUnder: Vec4
    /// The primaries at the wing's end.
    public var wingTip: Vec4
    public var tail: Vec4
    public var beak: Vec4
    public var legs: Vec4
    public var eye: Vec4

    public init(species: BirdSpecies, seed: UInt64) {
        var r = KitRandom(seed: seed)
        let c = linearColour
        let shade = r.float(in: 0.9...1.1)
        func s(_ v: Vec4) -> Vec4 { Vec4(min(1, v.x * shade), min(1, v.y * shade), min(1, v.z * shade), 1) }
        self.species = species
        eye = c(0.04, 0.03, 0.03)
        switch species {
        case .crow:
            // Black all over with a blue-violet sheen; rooks have a paler, bare face.
            body = s(c(0.09, 0.09, 0.11)); head = body
            wingTop = s(c(0.07, 0.07, 0.1)); wingUnder = s(c(0.1, 0.1, 0.11)); wingTip = wingTop; tail = wingTop
            beak = c(0.06, 0.06, 0.06); legs = c(0.05, 0.05, 0.05)
        case .gull:
            // White with a grey mantle and black wing tips; yellow bill, pink legs.
            body = c(0.95, 0.95, 0.94); head = body
            wingTop = s(c(0.62, 0.65, 0.7)); wingUnder = c(0.9, 0.9, 0.9); wingTip = c(0.08, 0.08, 0.08); tail = body
            beak = c(0.95, 0.78, 0.2); legs = c(0.9, 0.62, 0.55)
        case .pigeon:
            // Blue-grey, a darker head, dark wing tips and tail band; red legs.
            body = s(c(0.55, 0.57, 0.64)); head = s(c(0.4, 0.42, 0.5))
            wingTop = s(c(0.62, 0.64, 0.7)); wingUnder = s(c(0.7, 0.72, 0.76)); wingTip = s(c(0.3, 0.31, 0.36)); tail = s(c(0.4, 0.41, 0.47))
            beak = c(0.25, 0.22, 0.22); legs = c(0.75, 0.3, 0.3)
        }
    }
}
