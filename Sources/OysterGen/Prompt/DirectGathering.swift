/// A call for people already in the world to gather ("the villagers gather at the well",
/// "everyone meet at the fountain", "guards, gather round me"): who is called, and round
/// what. Where that is, the session finds (the nearest such place to the player).
public struct DirectGathering: Sendable, Equatable {
    /// The roles called; nil: everyone.
    public var roles: Set<CharacterRole>?
    /// The place named ("the well"), or nil: where the player stands.
    var landmark: Structure?
    /// The words naming the people ("the villagers", "everyone") and the place ("well"), for
    /// replies.
    public var who: String
    public var place: String?

    /// Whether a place was named (else they gather round the player).
    public var namesAPlace: Bool { landmark != nil }
    /// The generator's name of the kind of place named ("well", "square"), for
    /// `ChunkGenerator.Stream.landmark`.
    public var placeName: String? { landmark?.name }

    /// Roles a word for the people who live in a place calls ("the villagers"): all but the
    /// armed and the dead.
    static let townsfolk: Set<CharacterRole> = [.villager, .farmer, .merchant, .monk, .adventurer]
    /// Words calling everyone.
    static let everyone: Set<String> = ["everyone", "everybody", "all", "people", "folk", "folks", "crowd", "townsfolk", "townspeople",
                                        "inhabitants", "residents", "locals"]
    /// Words for places that are not things to build ("the fountain" stands on a town's square).
    static let places: [String: Structure] = [
        "fountain": .townSquare, "square": .townSquare, "market": .townSquare, "marketplace": .townSquare, "plaza": .townSquare,
        "church": .church,
    ]
}

extension DirectCommand {
    /// Reads a call to gather: role words (plural or not) name who, else everyone; the first
    /// place or structure named after them is where, else the player.
    mutating func readGathering(_ words: [String]) {
        var roles: Set<CharacterRole> = []
        var who: [String] = []
        var all = false
        var landmark: (Structure, String)?
        var here = false
        for w in words {
            if Self.gathering.contains(w) || ["the", "a", "an", "at", "round", "around", "by", "near", "to", "on", "in", "together", "and", "let", "lets", "s",
                                              "up", "over", "please", "of", "my", "our", "their"].contains(w) || Lexicon.stopwords.contains(w) { continue }
            if w == "here" || w == "me" || w == "us" { here = true; continue }
            if DirectGathering.everyone.contains(w) { all = true; continue }
            if let s = DirectGathering.places[w] {
                if landmark == nil { landmark = (s, w) } else { notUsed.append("'\(w)' (people gather at one place: the first named)") }
                continue
            }
            if let meanings = Lexicon.meanings(of: w) {
                if let role = meanings.lazy.compactMap({ if case .character(let r, _) = $0 { return r } else { return nil } }).first {
                    roles.formUnion(role == .villager ? DirectGathering.townsfolk : [role])
                    who.append(w)
                    continue
                }
                if let s = meanings.lazy.compactMap({ m -> Structure? in
                    if case .thing(.structure(let s)) = m { return s }
                    if case .thing(.group(let s)) = m { return s }
                    return nil
                }).first {
                    if landmark == nil { landmark = (s, w) } else { notUsed.append("'\(w)' (people gather at one place: the first named)") }
                    continue
                }
                if meanings.contains(where: Self.isAnimal) {
                    notUsed.append("'\(w)' (animals keep to their herds, flocks and shoals: a call gathers people)")
                    continue
                }
                notUsed.append("'\(w)' (\(Self.whyNot(meanings)))")
                continue
            }
            notUnderstood.append(w)
        }
        if here, let l = landmark { notUsed.append("'here' (they gather at the \(l.1))") }
        let called: Set<CharacterRole>? = all || roles.isEmpty ? nil : roles
        let whoWords = called == nil ? "everyone" : "the " + who.joined(separator: " and ")
        let gathering = DirectGathering(roles: called, landmark: landmark?.0, who: whoWords, place: landmark?.1)
        changes.append(.gather(gathering))
        understood.append("\(whoWords) gather \(gathering.place.map { "at the \($0)" } ?? "round you") (people within \(Int(Gathering.reach)) m walk over and stand there talking)")
    }

    /// Whether a word's meaning is an animal, a bird or a fish (or a herd or flock of them).
    private static func isAnimal(_ m: WordMeaning) -> Bool {
        switch m {
        case .animal, .bird, .fish, .birds, .herd: return true
        default: return false
        }
    }
}
