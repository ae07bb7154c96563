/// What a character is: a person of a role, or an animal of a species.
public enum CharacterKind: Hashable, Sendable {
    case person(CharacterRole)
    case animal(AnimalSpecies)

    /// The role's or species' name (`knight`, `deer`): role and species names never clash.
    public var name: String {
        switch self {
        case .person(let r): return r.rawValue
        case .animal(let s): return s.rawValue
        }
    }

    /// The kind named `name` (a role or a species), or nil.
    public init?(name: String) {
        if let r = CharacterRole(rawValue: name) { self = .person(r) }
        else if let s = AnimalSpecies(rawValue: name) { self = .animal(s) }
        else { return nil }
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

    /// The people's role (nil for animals).
    public var role: CharacterRole? {
        if case .person(let r) = kind { return r }
        return nil
    }

    /// The animals' species (nil for people).
    public var species: AnimalSpecies? {
        if case .animal(let s) = kind { return s }
        return nil
    }
}

extension Recipe {
    /// Most people one world places: each is a skinned mesh with 21 animated joints, so
    /// a crowd beyond this would cost seconds and megabytes for people nobody can tell apart.
    public static let maxCharacters = 64
    /// Most animals one world places (19 animated joints each), apart from the people's cap.
    public static let maxAnimals = 64

    /// People asked for, over every group.
    public var charactersAsked: Int { characters.reduce(0) { $0 + ($1.role == nil ? 0 : max(0, $1.count)) } }
    /// Animals asked for, over every group.
    public var animalsAsked: Int { characters.reduce(0) { $0 + ($1.species == nil ? 0 : max(0, $1.count)) } }

    /// The people a world places: in order, cut at `maxCharacters` in all.
    public var placedPeople: [(role: CharacterRole, count: Int)] {
        var left = Recipe.maxCharacters
        return characters.compactMap { g in
            guard let role = g.role else { return nil }
            let n = min(max(0, g.count), left)
            left -= n
            return n > 0 ? (role, n) : nil
        }
    }

    /// The animals a world places: in order, cut at `maxAnimals` in all; a species named twice
    /// is one herd.
    public var placedAnimals: [(species: AnimalSpecies, count: Int)] {
        var left = Recipe.maxAnimals
        var out: [(species: AnimalSpecies, count: Int)] = []
        for g in characters {
            guard let s = g.species else { continue }
            let n = min(max(0, g.count), left)
            left -= n
            guard n > 0 else { continue }
            if let i = out.firstIndex(where: { $0.species == s }) { out[i].count += n } else { out.append((s, n)) }
        }
        return out
    }

    /// What the generator will not do as asked, for the tool to print: a character or animal
    /// count over its cap.
    public var warnings: [String] {
        var w: [String] = []
        if charactersAsked > Recipe.maxCharacters {
            w.append("characters: \(charactersAsked) asked, at most \(Recipe.maxCharacters) are placed (Recipe.maxCharacters)")
        }
        if animalsAsked > Recipe.maxAnimals {
            w.append("animals: \(animalsAsked) asked, at most \(Recipe.maxAnimals) are placed (Recipe.maxAnimals)")
        }
        return w
    }
}
