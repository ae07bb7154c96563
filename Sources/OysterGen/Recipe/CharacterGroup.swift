/// People a recipe asks for: how many of one role.
public struct CharacterGroup: Hashable, Sendable {
    public var role: CharacterRole
    /// How many (0…10000 in a recipe; a world places at most `Recipe.maxCharacters` in all).
    public var count: Int

    public init(_ role: CharacterRole, count: Int) {
        self.role = role
        self.count = count
    }
}

extension Recipe {
    /// Most characters one world places: each is a skinned mesh with 21 animated joints, so
    /// a crowd beyond this would cost seconds and megabytes for people nobody can tell apart.
    public static let maxCharacters = 64

    /// Characters asked for, over every group.
    public var charactersAsked: Int { characters.reduce(0) { $0 + max(0, $1.count) } }

    /// The groups a world places: in order, cut at `maxCharacters` in all.
    public var placedCharacters: [CharacterGroup] {
        var left = Recipe.maxCharacters
        return characters.compactMap { g in
            let n = min(max(0, g.count), left)
            left -= n
            return n > 0 ? CharacterGroup(g.role, count: n) : nil
        }
    }

    /// What the generator will not do as asked, for the tool to print: a character count over
    /// the cap.
    public var warnings: [String] {
        charactersAsked > Recipe.maxCharacters
            ? ["characters: \(charactersAsked) asked, at most \(Recipe.maxCharacters) are placed (Recipe.maxCharacters)"] : []
    }
}
