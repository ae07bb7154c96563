import OysterCore

/// What one animal looks like: its coat colours and markings, and whether it carries horns or
/// antlers. A pure function of (species, seed), so the same seed gives the same animal.
public struct AnimalLook: Hashable, Sendable {
    /// How the coat's colours are laid out.
    public enum Markings: String, Hashable, Sendable {
        /// One colour, the belly and the underside of the tail lighter (deer, dogs, horses).
        case countershaded
        /// Large irregular patches of the second colour (black-and-white cattle).
        case patches
        /// A woolly fleece over the body, the face and legs bare in their own colour (sheep).
        case fleece
    }

    public var species: AnimalSpecies
    public var markings: Markings
    /// Linear colours (vertex colours over near-white textures).
    public var coat: Vec4
    public var second: Vec4
    /// Muzzle, hooves or paws, eyes.
    public var dark: Vec4
    /// Mane and tail hair (horses), tail tuft (cows).
    public var hair: Vec4
    public var horns: Horns
    public var girth: Float
    /// Seeds the patches' layout.
    public var patternSeed: UInt64

    /// Headgear.
    public enum Horns: String, Hashable, Sendable {
        case none, antlers, cowHorns, curled
    }

    public init(species: AnimalSpecies, seed: UInt64) {
        var r = KitRandom(seed: seed)
        let c = linearColour
        self.species = species
        girth = r.float(in: 0.3...0.7)
        patternSeed = r.next()
        dark = c(0.09, 0.07, 0.06)
        horns = .none
        switch species {
        case .deer:
            markings = .countershaded
            coat = r.pick([c(0.56, 0.36, 0.2), c(0.5, 0.34, 0.22), c(0.62, 0.42, 0.24)])
            second = c(0.9, 0.86, 0.78)
            hair = coat
            horns = r.chance(0.5) ? .antlers : .none
        case .sheep:
            markings = .fleece
            coat = r.chance(0.12) ? c(0.18, 0.15, 0.13) : r.pick([c(0.9, 0.87, 0.8), c(0.86, 0.82, 0.72), c(0.93, 0.91, 0.86)])
            second = r.chance(0.5) ? c(0.12, 0.1, 0.09) : c(0.88, 0.84, 0.76)
            hair = coat
            horns = r.chance(0.2) ? .curled : .none
        case .cow:
            let kind = r.int(in: 0...3)
            markings = kind == 0 ? .patches : .countershaded
            coat = [c(0.94, 0.93, 0.9), c(0.45, 0.26, 0.14), c(0.62, 0.32, 0.16), c(0.84, 0.74, 0.56)][kind]
            second = kind == 0 ? c(0.08, 0.07, 0.07) : coat * Vec4(1.25, 1.2, 1.15, 1)
            hair = kind == 0 ? c(0.1, 0.09, 0.09) : coat * Vec4(0.6, 0.6, 0.6, 1)
            horns = r.chance(0.6) ? .cowHorns : .none
        case .horse:
            markings = .countershaded
            coat = r.pick([c(0.42, 0.24, 0.13), c(0.3, 0.18, 0.1), c(0.58, 0.38, 0.2), c(0.12, 0.1, 0.09), c(0.78, 0.76, 0.72), c(0.66, 0.56, 0.4)])
            second = coat * Vec4(1.1, 1.1, 1.1, 1)
            hair = r.chance(0.4) ? c(0.1, 0.08, 0.07) : coat * Vec4(0.55, 0.55, 0.55, 1)
        case .dog:
            markings = .countershaded
            coat = r.pick([c(0.62, 0.42, 0.22), c(0.15, 0.12, 0.1), c(0.8, 0.7, 0.5), c(0.45, 0.3, 0.18)])
            second = r.chance(0.5) ? c(0.88, 0.84, 0.76) : coat * Vec4(1.2, 1.2, 1.2, 1)
            hair = coat
        }
    }
}

/// An sRGB colour (0…1 each, as a palette is written) as the linear vertex colour glTF wants:
/// every animal kit's coats and plumage are written this way.
func linearColour(_ r: Float, _ g: Float, _ b: Float) -> Vec4 { Vec4(kpow(r, 2.2), kpow(g, 2.2), kpow(b, 2.2), 1) }
