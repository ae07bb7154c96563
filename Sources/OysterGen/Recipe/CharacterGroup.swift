/// What a character is: a person of a role, or an animal of a species of one of the animal
/// kits (a quadruped, a bird, a fish).
public enum CharacterKind: Hashable, Sendable {
    case person(CharacterRole)
    case animal(AnimalSpecies)
    case bird(BirdSpecies)
    case fish(FishSpecies)

    /// The role's or species' name (`knight`, `deer`, `crow`): no two kinds share a name.
    public var name: String {
        switch self {
        case .person(let r): return r.rawValue
        case .animal(let s): return s.rawValue
        case .bird(let s): return s.rawValue
        case .fish(let s): return s.rawValue
        }
    }

    /// The kind named `name` (a role or a species), or nil.
    public init?(name: String) {
        if let r = CharacterRole(rawValue: name) { self = .person(r) }
        else if let animal = CharacterKind(animal: name) { self = animal }
        else { return nil }
    }

    /// The animal (of any kit) named `name`, or nil.
    public init?(animal name: String) {
        if let s = AnimalSpecies(rawValue: name) { self = .animal(s) }
        else if let s = BirdSpecies(rawValue: name) { self = .bird(s) }
        else if let s = FishSpecies(rawValue: name) { self = .fish(s) }
        else { return nil }
    }

    /// Every animal of every kit, quadrupeds first: the names a recipe's `animal` takes.
    public static var allAnimals: [CharacterKind] {
        AnimalSpecies.allCases.map { .animal($0) } + BirdSpecies.allCases.map { .bird($0) } + FishSpecies.allCases.map { .fish($0) }
    }

    /// Whether people keep these animals (a deserted village has none of them left).
    public var isLivestock: Bool {
        if case .animal(let s) = self { return s != .deer }
        return false
    }

    /// How many a group word means ("a herd of deer", "a flock of crows", "a shoal of trout",
    /// or a plural that is its own singular, "sheep", "fish"); 1 for a person.
    public var groupSize: Int {
        switch self {
        case .person: return 1
        case .animal(let s): return s.herdSize
        case .bird(let s): return s.flockSize
        case .fish(let s): return s.shoalSize
        }
    }
}

/// Characters a recipe asks for: how many people of one role or animals of one species.
public struct CharacterGroup: Hashable, Sendable {
    public var kind: CharacterKind
    /// How many (0…10000 in a recipe; a world places at most `Recipe.maxCharacters` people and
    /// `Recipe.maxAnimals` animals).
    public var count: Int

    public init(_ role: CharacterRole, count: Int) {
        kind = .person(role)
        self.count = count
    }

    public init(_ species: AnimalSpecies, count: Int) {
        kind = .animal(species)
        self.count = count
    }

    public init(_ kind: CharacterKind, count: Int) {
        self.kind = kind
        self.count = count
    }

    /// The people's role (nil for animals).
    public var role: CharacterRole? {
        if case .person(let r) = kind { return r }
        return nil
    }

    /// The quadrupeds' species (nil for people, birds and fish).
    public var species: AnimalSpecies? {
        if case .animal(let s) = kind { return s }
        return nil
    }

    /// The birds' species (nil for anything else).
    public var bird: BirdSpecies? {
        if case .bird(let s) = kind { return s }
        return nil
    }

    /// The fish's species (nil for anything else).
    public var fish: FishSpecies? {
        if case .fish(let s) = kind { return s }
        return nil
    }

    /// Whether these are animals of any kit.
    public var isAnimal: Bool { role == nil }
}

extension Recipe {
    /// Most people one world places: each is a skinned mesh with 21 animated joints, so
    /// a crowd beyond this would cost seconds and megabytes for people nobody can tell apart.
    public static let maxCharacters = 64
    /// Most animals one world places (at most 19 animated joints each; birds and fish
    /// count too), apart from the people's cap.
    public static let maxAnimals = 64

    /// People in the cast, over every group.
    public var charactersAsked: Int { cast.reduce(0) { $0 + ($1.role == nil ? 0 : max(0, $1.count)) } }
    /// Animals in the cast, over every group.
    public var animalsAsked: Int { cast.reduce(0) { $0 + ($1.isAnimal ? max(0, $1.count) : 0) } }

    /// The people a world places: in order, cut at `maxCharacters` in all.
    public var placedPeople: [(role: CharacterRole, count: Int)] {
        var left = Recipe.maxCharacters
        return cast.compactMap { g in
            guard let role = g.role else { return nil }
            let n = min(max(0, g.count), left)
            left -= n
            return n > 0 ? (role, n) : nil
        }
    }

    /// The quadrupeds a world places (see `placed`).
    public var placedAnimals: [(species: AnimalSpecies, count: Int)] { placed(\.species).map { ($0.species, $0.count) } }
    /// The birds a world places, each species one flock (see `placed`).
    public var placedBirds: [(species: BirdSpecies, count: Int)] { placed(\.bird).map { ($0.species, $0.count) } }
    /// The fish a world places, each species one shoal (see `placed`).
    public var placedFish: [(species: FishSpecies, count: Int)] { placed(\.fish).map { ($0.species, $0.count) } }

    /// The animals of one kit (those `pick` names a species of) a world places: every animal
    /// group in the recipe's order, of every kit, is cut at `maxAnimals` in all; a species
    /// named twice is one group.
    func placed<S: Equatable>(_ pick: (CharacterGroup) -> S?) -> [(species: S, count: Int)] {
        var left = Recipe.maxAnimals
        var out: [(species: S, count: Int)] = []
        for g in cast where g.isAnimal {
            let n = min(max(0, g.count), left)
            left -= n
            guard n > 0, let s = pick(g) else { continue }
            if let i = out.firstIndex(where: { $0.species == s }) { out[i].count += n } else { out.append((s, n)) }
        }
        return out
    }

    /// What the generator will not do as asked, for the tool to print: a character or animal
    /// count over its cap; fish in a world without a lake or the sea.
    public var warnings: [String] {
        var w: [String] = []
        if charactersAsked > Recipe.maxCharacters {
            w.append("characters: \(charactersAsked) in the cast, at most \(Recipe.maxCharacters) are placed (Recipe.maxCharacters)")
        }
        if animalsAsked > Recipe.maxAnimals {
            w.append("animals: \(animalsAsked) in the cast, at most \(Recipe.maxAnimals) are placed (Recipe.maxAnimals)")
        }
        // Fish swim in still water: a world with no lake or sea has nowhere for them.
        if !placedFish.isEmpty, scene == .outdoor, !has(.lake), !has(.sea) {
            w.append("fish: this world has no lake or sea, so its \(placedFish.reduce(0) { $0 + $1.count }) fish are not placed")
        }
        return w
    }
}
