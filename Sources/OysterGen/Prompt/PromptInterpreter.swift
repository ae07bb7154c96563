/// The result of reading a prompt: the recipe, plus how each word was read.
public struct PromptInterpretation: Sendable {
    public var recipe: Recipe
    /// Content words that shaped nothing: not understood, or known but only to Direct
    /// (grammar words are not listed).
    public var unusedWords: [String]
    /// Every content word (or phrase read together) in order: from the lexicon, from its
    /// nearest meaning, or not understood. Grammar words and digits are not listed.
    public var readings: [WordReading] = []
}

/// Free text → recipe, deterministically, from the embedded lexicon: no network, no model.
/// Counts ("three houses", "a dozen trees", "12 rooms") attach to the next feature noun within
/// a few words; adjectives set moods and densities; anything the prompt leaves open is filled
/// with what the biome and the other features suggest, so even a prompt it barely understands
/// yields a sensible world.
public enum PromptInterpreter {
    public static func interpret(_ prompt: String, seed: UInt64 = 1) -> PromptInterpretation {
        var recipe = Recipe()
        recipe.seed = seed
        recipe.prompt = prompt
        recipe.features = []
        var unused: [String] = []
        var biome: Biome?, hour: Float?, weather: Weather?, scene: SceneKind?, season: Season?, style: BuildingStyle?
        var moods: [Mood] = []
        var pendingCount: (value: Int, age: Int)?
        var pendingSize: Float?
        var species: [Species] = []
        var busy = false, nobody = false
        // Words since "herd" or "flock", while it waits for its animal.
        var pendingHerd: Int?
        // Counts of birds of no named species (0: a flock), in the prompt's order.
        var birds: [Int]?
        // The people and animals the prompt names, by kind, with their counts.
        var asked: [CharacterGroup] = []

        // Animals of any kit: the count before them, else the group size after "herd of",
        // "flock of", "shoal of", else the word's own.
        func addAnimals(_ kind: CharacterKind, _ fallback: Int) {
            let count = pendingCount?.value ?? (pendingHerd != nil ? kind.groupSize : fallback)
            pendingCount = nil
            pendingHerd = nil
            if let i = asked.firstIndex(where: { $0.kind == kind }) { asked[i].count += count }
            else { asked.append(CharacterGroup(kind, count: count)) }
        }

        func addFeature(_ kind: FeatureKind) {
            let count = pendingCount?.value
            if let i = recipe.features.firstIndex(where: { $0.kind == kind }) {
                if let count { recipe.features[i].count = count }
                if let pendingSize { recipe.features[i].size = pendingSize }
            } else {
                var f = Feature(kind, count: count)
                f.size = pendingSize
                recipe.features.append(f)
            }
            pendingCount = nil
            pendingSize = nil
        }

        var readings: [WordReading] = []
        let words = tokens(prompt)
        var i = 0
        while i < words.count {
            let word = words[i]
            defer { i += 1 }
            if let n = Int(word), n >= 0 {
                pendingCount = (min(n, 10_000), 0)
                continue
            }
            if Lexicon.stopwords.contains(word), Lexicon.meanings(of: word) == nil {
                if let p = pendingCount { pendingCount = p.age >= 3 ? nil : (p.value, p.age + 1) }
                continue
            }
            let read = reading(words, at: i)
            i += read.consumed - 1
            readings.append(read.reading)
            // Meanings only Direct mode reads (a well to place) say nothing about a new world.
            guard let meanings = read.meanings?.filter({ !$0.isDirectOnly }), !meanings.isEmpty else {
                if read.meanings != nil { readings[readings.count - 1].used = false }
                unused.append(read.reading.text)
                if let p = pendingCount { pendingCount = p.age >= 3 ? nil : (p.value, p.age + 1) }
                continue
            }
            for m in meanings {
                switch m {
                case .biome(let b): if biome == nil || b != .alpine { biome = b }
                case .scene(let s): scene = s
                case .hour(let h): hour = h
                case .weather(let w): weather = w
                case .feature(let k): addFeature(k)
                case .species(let s):
                    if !species.contains(s) { species.append(s) }
                    addFeature(.forest)
                case .mood(let md): if !moods.contains(md) { moods.append(md) }
                case .season(let s): season = s
                case .style(let s):
                    style = s
                    // Kept in the recipe, but reported: the kits cannot build it yet.
                    if !s.isBuilt { readings[readings.count - 1].unbuilt = "the kits have no \(s.rawValue) buildings yet: built in the biome's own look" }
                case .number(let n): pendingCount = (n, 0)
                case .size(let s): pendingSize = s
                case .thing: break
                case .character(let role, let fallback):
                    let count = pendingCount?.value ?? fallback
                    pendingCount = nil
                    if let i = asked.firstIndex(where: { $0.role == role }) { asked[i].count += count }
                    else { asked.append(CharacterGroup(role, count: count)) }
                case .animal(let species, let fallback): addAnimals(.animal(species), fallback)
                case .bird(let species, let fallback): addAnimals(.bird(species), fallback)
                case .fish(let species, let fallback): addAnimals(.fish(species), fallback)
                case .birds(let fallback):
                    // Counted now, the species chosen once the world's features are known.
                    let count = pendingCount?.value ?? (pendingHerd != nil ? 0 : fallback)
                    pendingCount = nil
                    pendingHerd = nil
                    birds = (birds ?? []) + [count]
                case .herd: pendingHerd = 0
                case .busy: busy = true
                case .nobody: nobody = true
                }
            }
            if let h = pendingHerd, !meanings.contains(.herd) { pendingHerd = h >= 3 ? nil : h + 1 }
            if let p = pendingCount, !meanings.contains(where: { if case .number = $0 { return true } else { return false } }) {
                pendingCount = p.age >= 3 ? nil : (p.value, p.age + 1)
            }
        }

        recipe.scene = scene ?? .outdoor
        recipe.biome = biome ?? (species.contains(.palm) ? .tropical : species.contains(.cactus) ? .desert : .temperate)
        recipe.timeOfDay = hour ?? (moods.contains(.eerie) ? 21 : 14)
        recipe.weather = weather ?? (moods.contains(.misty) || moods.contains(.eerie) ? .fog : .clear)
        recipe.season = season ?? .summer
        recipe.style = style
        recipe.moods = moods
        if let i = recipe.features.firstIndex(where: { $0.kind == .forest }) {
            recipe.features[i].species = species.map(\.rawValue)
        }
        complete(&recipe)
        if let birds {
            let kind = CharacterKind.bird(birdSpecies(recipe))
            let count = birds.reduce(0) { $0 + ($1 == 0 ? kind.groupSize : $1) }
            if let i = asked.firstIndex(where: { $0.kind == kind }) { asked[i].count += count }
            else { asked.append(CharacterGroup(kind, count: count)) }
        }
        if !asked.isEmpty || busy || nobody { recipe.characters = cast(recipe.impliedCharacters, asking: asked, busy: busy, nobody: nobody) }
        return PromptInterpretation(recipe: recipe, unusedWords: unused, readings: readings)
    }

    /// The prompt's people and animals, then the world's own (`implied`) it did not name: a
    /// role the prompt counts has the prompt's count ("two guards" at a castle are two, not
    /// its two and two more); animals the prompt names of a kit (quadrupeds, birds, fish)
    /// replace the world's own of that kit ("two carp" in a lake are its only fish). What was
    /// asked comes first, so the caps cut the world's own first.
    /// "Busy" means at least ten villagers and two merchants; "deserted" means no people, and
    /// none of the livestock they would keep, whatever else is said (animals asked for, and
    /// wild ones, stay).
    static func cast(_ implied: [CharacterGroup], asking asked: [CharacterGroup], busy: Bool, nobody: Bool) -> [CharacterGroup] {
        func kit(_ k: CharacterKind) -> Int {
            switch k {
            case .person: return 0
            case .animal: return 1
            case .bird: return 2
            case .fish: return 3
            }
        }
        let namedKits = Set(asked.map { kit($0.kind) }).subtracting([0])
        var cast = asked + implied.filter { g in !namedKits.contains(kit(g.kind)) && !asked.contains { $0.kind == g.kind } }
        if busy {
            for (role, least) in [(CharacterRole.villager, 10), (.merchant, 2)] {
                if let i = cast.firstIndex(where: { $0.role == role }) { cast[i].count = max(cast[i].count, least) }
                else { cast.append(CharacterGroup(role, count: least)) }
            }
        }
        if nobody {
            cast.removeAll { g in g.role != nil || (g.kind.isLivestock && !asked.contains { $0.kind == g.kind }) }
        }
        return cast
    }

    /// How the content word at `i` reads: as a phrase of the lexicon's with the next word
    /// ("black sand"); from the lexicon; else, with the next word, as a
    /// two-word phrase the nearest-meaning table knows ("log cabin", "golden hour"); else as
    /// the word's own nearest meaning; else not understood (with the closest concept when
    /// the table has one below its threshold). A phrase is tried only when one of its words
    /// is unknown, so the lexicon's reading of "pine forest" always stands. Constant work per
    /// word: a few hash lookups.
    static func reading(_ words: [String], at i: Int) -> (reading: WordReading, meanings: [WordMeaning]?, consumed: Int) {
        let word = words[i]
        if i + 1 < words.count, let together = Lexicon.phrase(word, words[i + 1]) {
            let text = word + " " + words[i + 1]
            return (WordReading(text: text, how: .lexicon, concept: Lexicon.conceptNames[together]), together, 2)
        }
        let known = Lexicon.meanings(of: word)
        if i + 1 < words.count {
            let next = words[i + 1]
            if known == nil || Lexicon.meanings(of: next) == nil, !Lexicon.stopwords.contains(next), next.first?.isLetter == true,
               let (n, meanings) = NearestMeanings.meanings(of: word + " " + next) {
                return (WordReading(text: word + " " + next, how: .nearest, concept: n.concept, similarity: n.similarity), meanings, 2)
            }
        }
        if let known {
            return (WordReading(text: word, how: .lexicon, concept: Lexicon.conceptNames[known]), known, 1)
        }
        // A verb form never names people: "knights guarding a castle" has no guard.
        let verbForm = word.hasSuffix("ing") || word.hasSuffix("ed")
        if let (n, meanings) = NearestMeanings.meanings(of: word),
           !(verbForm && meanings.contains { if case .character = $0 { return true } else { return false } }) {
            return (WordReading(text: word, how: .nearest, concept: n.concept, similarity: n.similarity), meanings, 1)
        }
        var none = WordReading(text: word, how: .none)
        if let closest = NearestMeanings.lookup(word) {
            none.closest = closest.concept
            none.similarity = closest.similarity
        }
        return (none, nil, 1)
    }

    /// Lower-case words split on anything that is not a letter or digit.
    static func tokens(_ s: String) -> [String] {
        var out: [String] = [], cur = ""
        for ch in s.lowercased() {
            if ch.isLetter || ch.isNumber { cur.append(ch) } else if !cur.isEmpty { out.append(cur); cur = "" }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    // MARK: - Filling the gaps

    /// The birds "birds" means in a world of `r`: crows where it has forest, else gulls where
    /// it has a sea, lake or river, else pigeons (about the village).
    static func birdSpecies(_ r: Recipe) -> BirdSpecies {
        if r.has(.forest) { return .crow }
        if r.has(.sea) || r.has(.lake) || r.has(.river) { return .gull }
        return .pigeon
    }

    /// Adds what the named features and biome imply, so every recipe is a complete world.
    static func complete(_ r: inout Recipe) {
        func ensure(_ k: FeatureKind, _ f: Feature? = nil) {
            if !r.has(k) { r.features.append(f ?? Feature(k)) }
        }
        let dense = r.moods.contains(.dense), sparse = r.moods.contains(.sparse) || r.moods.contains(.barren)
        if let i = r.features.firstIndex(where: { $0.kind == .forest }), r.features[i].density == nil {
            r.features[i].density = dense ? 0.9 : sparse ? 0.25 : nil
        }
        if r.scene == .interior {
            ensure(.dungeon)
            ensure(.torches)
            if r.features.firstIndex(where: { $0.kind == .treasure }) == nil { ensure(.treasure) }
            return
        }
        let named = r.features.map(\.kind)
        let mentionsWorld = !named.isEmpty
        // Landform: one per world.
        if !named.contains(where: \.isLandform) {
            switch r.biome {
            // Snow alone does not mean mountains: a settlement in the snow gets snowy hills
            // (room for houses); "mountain" names the landform when it is meant.
            case .alpine: r.features.insert(named.contains(where: { $0 == .village || $0 == .castle }) ? Feature(.hills) : Feature(.mountains), at: 0)
            case .desert: r.features.insert(Feature(.hills, size: 0.4), at: 0)
            case .tropical, .swamp: r.features.insert(Feature(.plains), at: 0)
            case .temperate, .tundra: r.features.insert(Feature(.hills), at: 0)
            }
        }
        if !mentionsWorld {
            // Barely understood: the biome's classic scene.
            switch r.biome {
            case .temperate: r.features = Recipe.defaultFeatures
            case .alpine: r.features += [Feature(.lake), Feature(.forest, density: 0.5), Feature(.cabin), Feature(.rocks)]
            case .desert: r.features += [Feature(.rocks, density: 0.6), Feature(.forest, density: 0.15), Feature(.ruins), Feature(.lake, size: 0.25)]
            case .tropical: r.features += [Feature(.sea), Feature(.forest, density: 0.5), Feature(.pier), Feature(.village, count: 3)]
            case .tundra: r.features += [Feature(.lake), Feature(.forest, density: 0.3), Feature(.rocks, density: 0.6), Feature(.cabin)]
            case .swamp: r.features += [Feature(.lake, size: 0.7), Feature(.forest, density: 0.6), Feature(.cabin)]
            }
        }
        let waterOnly = r.has(.pier) || r.has(.lighthouse)
        if waterOnly, !r.has(.sea), !r.has(.lake) { ensure(.sea) }
        if r.has(.waterfall), !r.has(.river), !r.has(.lake) { ensure(.lake) }
        if r.biome == .tropical, !r.has(.sea), !r.has(.lake) { ensure(.sea) }
        if r.biome == .swamp, !r.has(.sea), !r.has(.lake) { ensure(.lake, Feature(.lake, size: 0.8)) }
        if r.has(.village) || (r.has(.castle) && r.has(.village)) || r.has(.town) { ensure(.road) }
        if !r.moods.contains(.barren) {
            ensure(.forest, Feature(.forest, density: sparse ? 0.2 : r.biome == .desert ? 0.12 : 0.45))
        }
        ensure(.rocks)
        if r.moods.contains(.ancient), !r.has(.ruins), !r.has(.castle) { ensure(.ruins) }
    }
}
