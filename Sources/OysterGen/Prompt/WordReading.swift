import OysterJSON

/// How one content word of a prompt (or a two-word phrase read together) was read.
public struct WordReading: Sendable, Equatable {
    public enum How: String, Sendable {
        /// The lexicon knows it.
        case lexicon
        /// The lexicon does not; the nearest-meaning table maps it to a concept.
        case nearest
        /// Not understood.
        case none
    }

    /// The word or phrase, lower-case, as typed.
    public var text: String
    public var how: How
    /// The concept it was read as (a lexicon word naming it); nil when not understood.
    public var concept: String?
    /// For `nearest`, how near (cosine similarity, 0…1); for `none`, how near the closest
    /// concept was when the table knows the word but it falls short of the threshold.
    public var similarity: Float?
    /// For `none`: the closest concept, below the threshold, when the table has one.
    public var closest: String?
    /// False for a word the lexicon knows that says nothing about a new world (a well, which
    /// only Direct places).
    public var used: Bool = true
    /// For a word read and kept in the recipe that the kits cannot build yet ("japanese"):
    /// why, for the run's report.
    public var unbuilt: String?

    /// Whether the word shaped the world.
    public var understood: Bool { how != .none && used && unbuilt == nil }

    /// The reading in `--explain`'s `words` list.
    public var json: JSONValue {
        var o = JSONObject()
        o["word"] = .string(text)
        o["how"] = .string(how.rawValue)
        o["concept"] = concept.map { .string($0) } ?? .null
        o["similarity"] = similarity.map { .double(Double(($0 * 100).rounded()) / 100) } ?? .null
        if let closest { o["closest"] = .string(closest) }
        if !used { o["used"] = .bool(false) }
        if let unbuilt { o["unbuilt"] = .string(unbuilt) }
        return .object(o)
    }
}

extension PromptInterpretation {
    /// Whether any word shaped the world.
    public var understoodAnything: Bool { readings.contains(where: \.understood) }

    /// The one line every prompt run prints: what was understood (words read as their nearest
    /// concept show it and how near) and every word that was not, with the closest thing
    /// Oyster can make. Repeated words are listed once; long prompts are cut to the first
    /// dozen of each with a count of the rest, so the line stays a line.
    public var summary: String {
        var seen = Set<String>()
        let unique = readings.filter { seen.insert($0.text).inserted }
        let understood = unique.filter(\.understood), missed = unique.filter { !$0.understood }
        var parts: [String] = []
        func capped(_ items: [String], _ limit: Int, _ what: String) -> [String] {
            items.count > limit ? Array(items.prefix(limit)) + ["and \(items.count - limit) more \(what)"] : items
        }
        if understood.isEmpty {
            parts.append("nothing understood in the prompt: the default world")
        } else {
            let items = understood.map { r -> String in
                guard r.how == .nearest, let c = r.concept, let s = r.similarity else { return r.text }
                return "\(r.text) → \(c) (nearest, \(Self.hundredths(s)))"
            }
            parts.append("understood: " + capped(items, 12, "words").joined(separator: ", "))
        }
        let notItems = missed.map { r -> String in
            if let why = r.unbuilt { return "'\(r.text)': \(why)" }
            if r.how == .lexicon { return "'\(r.text)' is something only Direct places, not a prompt" }
            let closest = r.closest.map { c in "\(c) (\(Self.hundredths(r.similarity ?? 0)), below \(Self.hundredths(NearestMeanings.threshold)))" } ?? "none"
            return "'\(r.text)' is not something Oyster builds; closest: \(closest)"
        }
        parts += capped(notItems, 8, "words not understood")
        return parts.joined(separator: "; ")
    }

    /// The words read one by one, as `--explain` lists them.
    public var wordsJSON: JSONValue { .array(readings.map(\.json)) }

    static func hundredths(_ s: Float) -> String {
        let h = min(max(Int((s * 100).rounded()), 0), 100)
        return h == 100 ? "1.00" : "0." + (h < 10 ? "0" : "") + String(h)
    }
}
