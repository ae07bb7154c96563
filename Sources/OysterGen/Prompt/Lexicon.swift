/// What a word means to the prompt interpreter.
enum WordMeaning: Hashable, Sendable {
    case biome(Biome)
    case scene(SceneKind)
    case hour(Float)
    case weather(Weather)
    case feature(FeatureKind)
    /// A tree species: adds (or extends) a forest.
    case species(Species)
    case mood(Mood)
    /// A time of year ("autumn", "fall", "cherry blossom").
    case season(Season)
    /// How the buildings look ("nordic", "mediterranean"; "japanese" and "modern" are read and
    /// reported as not built yet).
    case style(BuildingStyle)
    /// A count word ("three", "dozen"); digits are parsed separately.
    case number(Int)
    /// "small", "big": scales the next feature.
    case size(Float)
    /// Something Direct mode can place in a running world ("tower", "oak", "village"). Prompts
    /// ignore it: their features above say what a new world has.
    case thing(DirectThing)
    /// People of a role, and how many when no count is given ("a knight" 1, "knights" 3).
    case character(CharacterRole, Int)
    /// Animals of a species, and how many when no count is given ("a horse" 1, "horses" 3,
    /// "sheep" a herd).
    case animal(AnimalSpecies, Int)
    /// Birds of a species, and how many when no count is given ("a crow" 1, "gulls" a flock).
    case bird(BirdSpecies, Int)
    /// Fish of a species, and how many when no count is given ("trout", "fish": a shoal).
    case fish(FishSpecies, Int)
    /// Birds of no named species, and how many when no count is given ("a bird" 1, "birds" 0:
    /// a flock of the species chosen): the world chooses them, crows
    /// where it has forest, else gulls where it has water, else pigeons
    /// (`PromptInterpreter.birdSpecies`).
    case birds(Int)
    /// "herd", "flock", "shoal": the next animal word means its species' group size.
    case herd
    /// "busy", "bustling": villagers and merchants about.
    case busy
    /// "deserted", "empty": nobody, whatever else is said.
    case nobody

    /// Whether only Direct mode reads this meaning.
    var isDirectOnly: Bool {
        if case .thing = self { return true }
        return false
    }
}

/// What a word asks Direct mode to place: one of the generator's registries (a structure of
/// `Structure.all`, a plant species, a rock) or a group of them (a village, a forest).
enum DirectThing: Hashable, Sendable {
    case structure(Structure)
    case plant(Species)
    case rock
    /// A tree of the world's own kinds (its recipe's species, else its biome's).
    case tree
    /// A group of the structure ("village": houses round a well).
    case group(Structure)
    /// Trees of the world's kinds, or of the species named with it ("an oak forest").
    case forest
    /// A person of a role ("spawn a knight here").
    case person(CharacterRole)
    /// An animal of a species ("three horses ahead").
    case animal(AnimalSpecies)
    /// A bird of a species, circling over its spot ("a flock of gulls ahead").
    case bird(BirdSpecies)
    /// A fish of a species, swimming a loop in the still water nearest its spot ("spawn
    /// three trout here").
    case fish(FishSpecies)

    /// Whether a spawned thing of this name (`ChunkGenerator.Stream.spawnable`) is of this kind.
    func names(_ thing: String) -> Bool {
        switch self {
        case .structure(let s), .group(let s): return s.name == thing
        case .plant(let species): return species.rawValue == thing
        case .rock: return thing == "rock"
        case .tree, .forest: return Species(rawValue: thing) != nil
        case .person(let role): return role.rawValue == thing
        case .animal(let species): return species.rawValue == thing
        case .bird(let species): return species.rawValue == thing
        case .fish(let species): return species.rawValue == thing
        }
    }
}

/// The embedded vocabulary: synonyms grouped by meaning. A word may carry several meanings
/// ("jungle" is a biome and a forest). Lookups try the word, then simple singular forms.
enum Lexicon {
    static let entries: [String: [WordMeaning]] = {
        var d: [String: [WordMeaning]] = [:]
        func add(_ words: String, _ meanings: [WordMeaning]) {
            for w in words.split(separator: " ") { d[String(w), default: []] += meanings }
        }
        func add(_ words: String, _ meanings: WordMeaning...) { add(words, meanings) }
        /// A two-word phrase the prompt reader tries before its words (`Lexicon.phrase`).
        func phrase(_ words: String, _ meanings: WordMeaning...) { d[words, default: []] += meanings }
        // MARK: Biomes (their own words are declared with them: Biome.words)
        for biome in Biome.allCases { add(biome.words, .biome(biome)) }
        add("frozen icy iced icebound", .mood(.frozen))
        add("island isle atoll", .biome(.tropical), .feature(.sea))
        add("jungle rainforest", .biome(.tropical), .feature(.forest), .mood(.dense))
        add("oasis", .biome(.desert), .feature(.lake))
        add("taiga", .biome(.tundra), .feature(.forest))
        // MARK: Scene
        add("dungeon dungeons vault labyrinth maze cellar underground interior indoors inside lair",
            .scene(.interior), .feature(.dungeon))
        add("crypt crypts catacomb catacombs tomb tombs sarcophagus sarcophagi mausoleum ossuary sepulchre sepulcher",
            .scene(.interior), .feature(.dungeon), .feature(.crypt))
        add("cave cavern grotto", .scene(.interior), .feature(.dungeon))
        add("room rooms chamber chambers hall halls corridor corridors", .feature(.dungeon))
        // MARK: Time
        // The hours of the recipe's named times (see `TimeOfDayName` and `Sky`'s sun path).
        func hour(_ name: String) -> WordMeaning { .hour(TimeOfDayName.hours[name] ?? 14) }
        add("dawn daybreak", hour("dawn"))
        add("sunrise", hour("sunrise"))
        add("morning", hour("morning"))
        add("noon midday day daytime daylight", hour("noon"))
        add("afternoon", hour("afternoon"))
        add("evening", hour("evening"))
        add("sunset", hour("sunset"))
        // Golden hour: the sun about 11° up, its light gold, still clearing a valley's sides.
        add("golden", .hour(18.3))
        add("dusk twilight", hour("dusk"))
        add("night nighttime nocturnal moonlit moonlight moon starry stars", hour("night"))
        add("midnight", hour("midnight"))
        // MARK: Seasons ("fall" is autumn: "waterfall" and "falls" are their own words)
        add("spring springtime vernal blossom blossoming bloom blooming", .season(.spring))
        add("summer summertime summery midsummer", .season(.summer))
        add("autumn autumnal fall harvest", .season(.autumn))
        add("winter wintry wintery wintertime midwinter christmas yuletide", .season(.winter))
        // MARK: Building styles
        add("medieval mediaeval", .style(.medieval))
        add("rustic cottagey countrified", .style(.rustic))
        add("nordic scandinavian norse viking swedish norwegian danish", .style(.nordic))
        add("mediterranean greek tuscan italian spanish provencal", .style(.mediterranean))
        add("japanese", .style(.japanese))
        add("modern contemporary", .style(.modern))
        // MARK: Weather
        add("clear sunny bright", .weather(.clear))
        add("cloudy overcast grey gray gloomy dull", .weather(.overcast))
        add("fog foggy mist haze hazy", .weather(.fog))
        add("misty", .weather(.fog), .mood(.misty))
        add("rain rainy raining drizzle storm stormy", .weather(.rain))
        add("snow snowing snowfall blizzard", .weather(.snow), .biome(.alpine))
        // MARK: Landforms and water
        add("lake lakes pond ponds loch tarn pool lagoon", .feature(.lake))
        add("river rivers stream streams creek brook", .feature(.river))
        add("sea ocean coast coastal shore shoreline beach beaches bay cove seaside", .feature(.sea))
        add("waterfall waterfalls falls cascade cascades", .feature(.waterfall))
        add("mountain mountains mountainous peak peaks alps range ridge ridges cliff cliffs highlands", .feature(.mountains))
        add("hill hills hilly valley valleys rolling", .feature(.hills))
        add("canyon canyons gorge ravine mesa", .feature(.canyon))
        add("plain plains flat flatland prairie grassland savanna", .feature(.plains))
        // Volcanoes: a cone with a crater, lava, smoke, black sand, ash and basalt.
        add("volcano volcanoes volcanic crater craters caldera calderas lava magma basalt ash ashen eruption eruptions erupt erupting",
            .feature(.volcano))
        // Phrases read together, before their words: "black sand" is a volcanic shore, not a
        // desert's sand; smoke is a volcano's only with its crater (a chimney's is not).
        phrase("black sand", .feature(.volcano), .feature(.sea))
        // Seasons: "golden leaves" is autumn (not golden hour), "cherry blossom" spring (not a
        // cherry tree).
        for p in ["cherry blossom", "apple blossom", "spring flower"] { phrase(p, .season(.spring)) }
        for p in ["autumn leaves", "fall leaves", "golden leaves", "autumn colours", "autumn colors", "fall colours", "fall colors",
                  "autumn foliage", "fall foliage", "harvest time"] { phrase(p, .season(.autumn)) }
        for cone in ["crater", "volcano", "cone", "mountain", "peak"] { phrase("smoking " + cone, .feature(.volcano)) }
        add("meadow meadows flowers flower", .feature(.meadow))
        // MARK: Vegetation and rocks
        add("forest forests woods wood woodland woodlands grove orchard", .feature(.forest), .thing(.forest))
        add("tree trees", .feature(.forest), .thing(.tree))
        // Species: their words are declared with them (Species.words).
        for species in Species.allCases where !species.words.isEmpty { add(species.words, .species(species), .thing(.plant(species))) }
        add("rock rocks boulder boulders stone stones", .feature(.rocks), .thing(.rock))
        add("rocky", .feature(.rocks))
        // MARK: Buildings
        // Structures: their words are declared with them (Structure.all).
        // A kind without a feature (a well) is only ever placed by Direct mode.
        for kind in Structure.all {
            let features = kind.feature.map { [WordMeaning.feature($0)] + kind.alsoMeans.map { .feature($0) } } ?? []
            add(kind.words, features + [.thing(.structure(kind))])
            if !kind.groupWords.isEmpty { add(kind.groupWords, features + [.thing(.group(kind))]) }
        }
        add("road roads path paths trail trails track lane", .feature(.road))
        // Towns: streets of terraced houses round a square. Direct mode still reads them as a
        // village to place (it builds no towns yet). A city is a big town; "castle town" and
        // "harbour town" are read word by word (a castle walls the town, a harbour gives it a pier).
        add("town towns street streets township borough", .feature(.town), .thing(.group(.house)))
        add("city cities metropolis", .size(0.95), .feature(.town), .thing(.group(.house)))
        add("treasure treasures chest chests gold loot hoard", .feature(.treasure))
        add("torch torches torchlit candle candles lantern lanterns", .feature(.torches))
        // MARK: Moods
        add("ancient old forgotten", .mood(.ancient))
        add("ruined crumbling", .mood(.ruined), .feature(.ruins))
        add("abandoned", .mood(.ruined), .feature(.ruins), .nobody)
        // MARK: People
        for (role, singular, plural) in [
            (CharacterRole.villager, "villager peasant person townsman townswoman", "villagers peasants people folk townsfolk townspeople inhabitants residents crowd"),
            (.farmer, "farmer", "farmers"), (.merchant, "merchant trader vendor shopkeeper", "merchants traders vendors shopkeepers"),
            (.guard, "guard soldier sentry watchman", "guards soldiers sentries watchmen"), (.knight, "knight paladin", "knights paladins"),
            (.monk, "monk priest friar", "monks priests friars"), (.adventurer, "adventurer traveller traveler hero", "adventurers travellers travelers heroes"),
            (.skeleton, "skeleton zombie", "skeletons zombies undead"),
        ] {
            add(singular, .character(role, 1))
            add(plural, .character(role, 3))
        }
        // MARK: Animals
        // Words whose plural is the singular ("deer", "sheep", "cattle") mean a herd.
        for (species, singular, plural, herd) in [
            (AnimalSpecies.deer, "stag doe fawn buck hart", "stags fawns bucks harts", "deer"),
            (.sheep, "lamb ewe ram", "lambs ewes rams", "sheep"), (.cow, "cow bull calf ox heifer", "cows bulls calves oxen heifers", "cattle"),
            (.horse, "horse pony stallion mare foal", "horses ponies stallions mares foals", ""),
            (.dog, "dog hound puppy sheepdog", "dogs hounds puppies sheepdogs", ""),
        ] {
            add(singular, .animal(species, 1))
            add(plural, .animal(species, 3))
            if !herd.isEmpty { add(herd, .animal(species, species.herdSize)) }
        }
        // Birds fly in flocks: a plural means one. Rooks, ravens and jackdaws are crows here.
        for (species, singular, plural) in [
            (BirdSpecies.crow, "crow rook raven jackdaw", "crows rooks ravens jackdaws"),
            (.gull, "gull seagull", "gulls seagulls"), (.pigeon, "pigeon dove", "pigeons doves"),
        ] {
            add(singular, .bird(species, 1))
            add(plural, .bird(species, species.flockSize))
        }
        add("bird", .birds(1))
        add("birds", .birds(0))
        // Fish are plural already: "fish", "trout" and "carp" mean a shoal.
        add("fish trout salmon", .fish(.trout, FishSpecies.trout.shoalSize))
        add("carp", .fish(.carp, FishSpecies.carp.shoalSize))
        add("herd herds flock flocks drove droves shoal shoals", .herd)
        add("busy bustling crowded lively thriving", .busy)
        add("deserted empty uninhabited unpeopled", .nobody)
        add("dark shadowy", .mood(.dark))
        add("dense thick lush overgrown", .mood(.dense))
        add("sparse scattered", .mood(.sparse))
        add("peaceful quiet calm serene idyllic", .mood(.peaceful))
        add("eerie spooky haunted creepy", .mood(.eerie))
        add("barren desolate", .mood(.barren))
        add("grand vast", .mood(.grand))
        add("small tiny little", .size(0.3))
        add("big large huge giant tall", .size(0.85))
        // MARK: Numbers
        let numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                       "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        for (i, w) in numbers.enumerated() { add(w, .number(i + 1)) }
        add("single lone", .number(1))
        add("couple pair", .number(2))
        add("few", .number(3))
        add("several", .number(4))
        add("dozen", .number(12))
        add("many lots numerous", .number(9))
        add("dozens", .number(30))
        add("thirty", .number(30))
        add("forty", .number(40))
        add("fifty", .number(50))
        add("hundred hundreds", .number(100))
        return d
    }()

    /// Grammar words: understood as glue, never reported as unused.
    static let stopwords: Set<String> = [
        "a", "an", "the", "with", "and", "of", "in", "on", "at", "by", "near", "under", "over", "to", "from",
        "beside", "next", "some", "its", "their", "there", "is", "are", "it", "into", "across", "along",
        "through", "surrounded", "full", "overlooking", "between", "around", "behind", "above", "below",
        "for", "that", "which", "where", "or", "up", "down", "amid", "among", "has",
        "have", "having", "filled", "covered", "nestled", "sits", "standing", "beneath", "atop", "against",
    ]

    /// The meanings of a two-word phrase the lexicon reads as one ("black sand"), trying the
    /// singular of its second word ("smoking craters").
    static func phrase(_ first: String, _ second: String) -> [WordMeaning]? {
        meanings(of: first + " " + second)
    }

    /// The meanings of a word, trying singular forms when the word itself is unknown.
    static func meanings(of word: String) -> [WordMeaning]? {
        if let m = entries[word] { return m }
        if word.hasSuffix("ies"), let m = entries[String(word.dropLast(3)) + "y"] { return m }
        if word.hasSuffix("es"), let m = entries[String(word.dropLast(2))] { return m }
        if word.hasSuffix("s"), let m = entries[String(word.dropLast())] { return m }
        return nil
    }
}
