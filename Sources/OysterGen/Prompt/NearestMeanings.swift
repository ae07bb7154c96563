import CNearestMeanings

/// A word the lexicon lacks, read as the lexicon concept nearest in meaning.
public struct NearestMeaning: Sendable, Equatable {
    /// The concept's name (a lexicon word: "forest" for "copse").
    public var concept: String
    /// Cosine similarity of the word and the concept's nearest word, 0…1, to hundredths.
    public var similarity: Float
    /// Whether it clears the table's threshold: below it the word is not understood and the
    /// concept is only the closest thing, reported.
    public var isUsable: Bool
}

/// The nearest-meaning table: words and two-word phrases outside the lexicon, each with the
/// lexicon concept nearest in meaning and how near. `scripts/vocabulary/build_table.py` makes
/// it from a large English vocabulary with a sentence-embedding model; only the table ships
/// (in `CNearestMeanings`, as text in the binary), so reading a prompt needs no model. It is
/// parsed once, on first use.
///
/// Lines: `term <TAB> concept <TAB> similarity in hundredths`; `#` starts a comment; one
/// `threshold <TAB> hundredths` line gives the similarity a term needs to be understood
/// (entries below it are kept only to name the closest thing).
public enum NearestMeanings {
    struct Entry: Sendable {
        var concept: Int32
        var hundredths: UInt8
    }

    struct Table: Sendable {
        var entries: [String: Entry] = [:]
        var concepts: [String] = []
        var threshold: UInt8 = 101
        /// Lines naming a concept the lexicon no longer has (the table predates a lexicon
        /// change): skipped.
        var stale: [String] = []
    }

    /// The table shipped in the binary.
    static let table: Table = {
        var length = 0
        guard let text = oyster_nearest_table(&length) else { return Table() }
        return text.withMemoryRebound(to: UInt8.self, capacity: length) { parse(UnsafeBufferPointer(start: $0, count: length)) }
    }()

    /// The similarity a word needs to be read as its nearest concept, 0…1.
    public static var threshold: Float { Float(table.threshold) / 100 }

    /// How many terms the table holds.
    public static var count: Int { table.entries.count }

    /// Parses table text; lines that do not fit the format, or name a concept the lexicon
    /// lacks, are skipped.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Table {
        var t = Table()
        var conceptIndex: [String: Int32] = [:]
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            defer { start = end + 1 }
            guard end > start, bytes[start] != 35 /* # */ else { continue }
            let fields = bytes[start..<end].split(separator: 9, omittingEmptySubsequences: false)
            if fields.count == 2, String(decoding: fields[0], as: UTF8.self) == "threshold" {
                if let v = UInt8(String(decoding: fields[1], as: UTF8.self)) { t.threshold = v }
                continue
            }
            guard fields.count == 3, let h = UInt8(String(decoding: fields[2], as: UTF8.self)), h <= 100 else { continue }
            let term = String(decoding: fields[0], as: UTF8.self), concept = String(decoding: fields[1], as: UTF8.self)
            let index: Int32
            if let i = conceptIndex[concept] {
                index = i
            } else {
                guard let c = Lexicon.conceptsByName[concept], c.isNearestTarget else {
                    t.stale.append(term + " -> " + concept)
                    continue
                }
                index = Int32(t.concepts.count)
                t.concepts.append(c.name)
                conceptIndex[concept] = index
            }
            t.entries[term] = Entry(concept: index, hundredths: h)
        }
        return t
    }

    /// The nearest concept of a lower-case word or two-word phrase ("copse", "log cabin"),
    /// trying simple singular forms as the lexicon does; nil when the table has nothing.
    public static func lookup(_ term: String) -> NearestMeaning? {
        let t = table
        func entry(_ key: String) -> Entry? { t.entries[key] }
        var found = entry(term)
        if found == nil, !term.contains(" ") {
            if term.hasSuffix("ies") { found = entry(String(term.dropLast(3)) + "y") }
            if found == nil, term.hasSuffix("es") { found = entry(String(term.dropLast(2))) }
            if found == nil, term.hasSuffix("s") { found = entry(String(term.dropLast())) }
        }
        guard let e = found else { return nil }
        return NearestMeaning(concept: t.concepts[Int(e.concept)], similarity: Float(e.hundredths) / 100, isUsable: e.hundredths >= t.threshold)
    }

    /// The meanings of a word the lexicon lacks, through its nearest concept, when that clears
    /// the threshold.
    static func meanings(of term: String) -> (NearestMeaning, [WordMeaning])? {
        guard let n = lookup(term), n.isUsable, let c = Lexicon.conceptsByName[n.concept] else { return nil }
        return (n, c.meanings)
    }
}

extension NearestMeanings {
    /// The lexicon's concepts and words as the table builder reads them (see
    /// `Lexicon.listing`); `oyster-generate --dump-lexicon` prints it.
    public static var lexiconListing: String { Lexicon.listing }
}
