import OysterCore

/// A fish's colours: back, belly, a lateral band, spots and fins, as linear vertex colours.
/// A pure function of (species, seed).
public struct FishLook: Hashable, Sendable {
    public var species: FishSpecies
    public var back: Vec4
    public var belly: Vec4
    /// The band along the flank (a rainbow trout's pink stripe; a carp's gold).
    public var band: Vec4
    public var spots: Vec4
    public var fins: Vec4
    public var spotSeed: UInt64

    public init(species: FishSpecies, seed: UInt64) {
        var r = KitRandom(seed: seed)
        let c = linearColour
        self.species = species
        spotSeed = r.next()
        let shade = r.float(in: 0.9...1.1)
        switch species {
        case .trout:
            back = c(0.34 * shade, 0.38 * shade, 0.24 * shade)
            belly = c(0.88, 0.88, 0.84)
            band = c(0.82, 0.52, 0.52)
            spots = c(0.1, 0.1, 0.08)
            fins = c(0.45, 0.42, 0.32)
        case .carp:
            back = c(0.42 * shade, 0.34 * shade, 0.16 * shade)
            belly = c(0.85, 0.76, 0.5)
            band = c(0.7, 0.56, 0.26)
            spots = back
            fins = c(0.5, 0.34, 0.2)
        }
    }
}
