/// The lexicon's concepts: its words grouped by what they mean. Every word of a concept has the
/// same meanings ("woods", "grove" and "forest" all add a forest), so a concept is named by one
/// of its words and the nearest-meaning table (`NearestMeanings`) maps words the lexicon lacks
/// to these names. The listing is what `scripts/vocabulary/build_table.py` reads (through
/// `oyster-generate --dump-lexicon`), so the table follows the lexicon as it grows.
struct LexiconConcept: Sendable {
    /// The word that names the concept: one of `words`.
    var name: String
    /// Every lexicon word with exactly these meanings, sorted.
    var words: [String]
    var meanings: [WordMeaning]

    /// Whether the nearest-meaning table may map words to it. Counts are not: a number is
    /// read from digits and count words, never guessed from a word's neighbourhood.
    var isNearestTarget: Bool {
        !meanings.contains { if case .number = $0 { return true } else { return false } }
    }
}

extension Lexicon {
    /// The concepts, sorted by name.
    static let concepts: [LexiconConcept] = {
        var groups: [[WordMeaning]: [String]] = [:]
        for (word, meanings) in entries { groups[meanings, default: []].append(word) }
        return groups.map { meanings, words in
            let sorted = words.sorted()
            return LexiconConcept(name: conceptName(sorted, meanings), words: sorted, meanings: meanings)
        }.sorted { $0.name < $1.name }
    }()

    /// A concept's name: the word among `words` that names one of its meanings outright
    /// ("forest" of forest, woods, grove…; "villagers" of folk, people, crowd…), else the
    /// shortest, then the first alphabetically ("golden", "isle").
    static func conceptName(_ words: [String], _ meanings: [WordMeaning]) -> String {
        var names: [String] = [], last: [String] = []
        for m in meanings {
            switch m {
            case .biome(let b): names.append(b.rawValue)
            // "dungeon" names a cave better than "interior" does.
            case .scene(let s): last.append(s.rawValue)
            case .hour(let h): names += TimeOfDayName.names.filter { TimeOfDayName.hours[$0] == h }
            case .weather(let w): names.append(w.rawValue)
            case .feature(let f): names.append(f.rawValue)
            case .species(let s): names.append(s.rawValue)
            case .mood(let md): names.append(md.rawValue)
            case .season(let s): names.append(s.rawValue)
            case .style(let s): names.append(s.rawValue)
            case .number: break
            case .size(let s): names.append(s < 0.5 ? "small" : "big")
            case .thing(.structure(let s)): names.append(s.name)
            case .thing: break
            case .character(let role, let n): names.append(n == 1 ? role.rawValue : role.rawValue + "s")
            case .animal(let species, _): names += [species.rawValue, species.rawValue + "s"]
            case .bird(let species, _): names += [species.rawValue, species.rawValue + "s"]
            case .fish(let species, _): names.append(species.rawValue)
            case .birds: names.append("birds")
            case .herd: names.append("herd")
            case .busy: names.append("busy")
            case .nobody: names.append("deserted")
            }
        }
        if let named = (names + last).first(where: { words.contains($0) }) { return named }
        return words.min { ($0.count, $0) < ($1.count, $1) } ?? ""
    }

    /// Concepts by name.
    static let conceptsByName: [String: LexiconConcept] = Dictionary(concepts.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// Concept names by meanings.
    static let conceptNames: [[WordMeaning]: String] = Dictionary(concepts.map { ($0.meanings, $0.name) }, uniquingKeysWith: { a, _ in a })

    /// The name of the concept a lexicon word belongs to.
    static func conceptName(ofWord word: String) -> String? {
        meanings(of: word).flatMap { conceptNames[$0] }
    }

    /// The lexicon as text for the table builder, one line per concept or word list:
    /// `concept <TAB> name <TAB> words… [<TAB> people]` for concepts the table may map to, `known <TAB> words…`
    /// for words the lexicon reads that the table must not map to (counts), and
    /// `stopword <TAB> words…` for grammar words. Sorted, so the listing is stable.
    static var listing: String {
        var lines = ["# The lexicon's concepts (oyster-generate --dump-lexicon); read by scripts/vocabulary/build_table.py"]
        // Phrases ("black sand") are left out: the table's words are single words, and their
        // words alone ("sand") still want a nearest meaning of their own.
        func single(_ words: [String]) -> [String] { words.filter { !$0.contains(" ") } }
        for c in concepts {
            // A fourth field marks people: PromptInterpreter does not read a verb form as them.
            let people = c.meanings.contains { if case .character = $0 { return true } else { return false } }
            let words = single(c.words)
            if c.isNearestTarget, !words.isEmpty { lines.append("concept\t\(c.name)\t" + words.joined(separator: " ") + (people ? "\tpeople" : "")) }
        }
        let known = single(concepts.filter { !$0.isNearestTarget }.flatMap(\.words)).sorted()
        lines.append("known\t" + known.joined(separator: " "))
        lines.append("stopword\t" + stopwords.sorted().joined(separator: " "))
        return lines.joined(separator: "\n") + "\n"
    }
}
