/// A Direct-mode command line ("make it night", "sunset over 20 seconds", "start snowing",
/// "build a village ahead") read into changes to a running world, with the lexicon that reads
/// prompts: its hours, weathers and numbers, and the registries' words for things to place
/// (`Structure.all`, the plant species, rocks). Words are looked up, never executed. Every
/// word is accounted for in the reply: understood, known but of no use here (with why), or
/// not understood.
public struct DirectCommand: Sendable, Equatable {
    /// One change to the world.
    public enum Change: Sendable, Equatable {
        /// The clock runs forward to `hour` (0..<24) over `seconds` (0: at once).
        case time(hour: Float, seconds: Float)
        /// The weather becomes this over `seconds`.
        case weather(Weather, seconds: Float)
        /// Things placed near the player.
        case place(DirectPlacement)
        /// The camera circles something for `seconds`, turning `degrees`.
        case orbit(DirectOrbit)
        /// The world's clock runs at `rate` times real time (1: normal again).
        case slowMotion(rate: Float)
        /// People already in the world walk to a place and stand round it.
        case gather(DirectGathering)
    }

    /// What a camera orbit circles and how: a thing of a kind (the nearest the session
    /// placed, else what the player looks at), or what the player looks at.
    public struct DirectOrbit: Sendable, Equatable {
        /// The kind named ("the castle"); nil: what the player looks at.
        var around: DirectThing?
        /// The words naming it.
        public var words: String?
        public var seconds: Float
        public var degrees: Float
        /// Metres ahead when nothing is looked at or named (from "40 m").
        public var distance: Float?

        /// Whether the orbit names a kind of thing to go round.
        public var namesAThing: Bool { around != nil }

        /// Whether a spawned thing of this name (`ChunkGenerator.Stream.spawnable`) is of the
        /// kind named.
        public func circles(_ thing: String) -> Bool { around?.names(thing) ?? false }

        /// How long an orbit lasts without a duration in the command, seconds (once round).
        public static let defaultSeconds: Float = 20
    }

    public internal(set) var changes: [Change] = []
    /// Per change, the words it was read from and what it does ("night (set-time 22:30 over 0 s)").
    public internal(set) var understood: [String] = []
    /// Words the lexicon knows that Direct mode cannot act on, each with why.
    public internal(set) var notUsed: [String] = []
    /// Words nobody knows.
    public internal(set) var notUnderstood: [String] = []

    /// Words read from one command; the rest are reported and left.
    public static let maxWords = 64
    /// Longest blend a command may ask for, seconds.
    public static let maxSeconds: Float = 600

    /// The answer for the page: what was understood, what was not used and why, and what was
    /// not understood; with nothing understood, that nothing changed.
    public var reply: String {
        var parts: [String] = []
        if understood.isEmpty {
            parts.append("nothing understood, nothing changed")
        } else {
            parts.append("understood: " + understood.joined(separator: ", "))
        }
        if !notUsed.isEmpty { parts.append("not used: " + notUsed.joined(separator: ", ")) }
        if !notUnderstood.isEmpty { parts.append("not understood: " + notUnderstood.map { "'\($0)'" }.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    // MARK: - Reading

    /// Words that shape a command without meaning anything themselves (verbs, "it", places are
    /// read separately). The lexicon's grammar words are glue too.
    static let glue: Set<String> = [
        "make", "set", "time", "start", "begin", "let", "be", "add", "build", "put", "place", "plant", "grow", "spawn",
        "create", "erect", "raise", "bring", "turn", "now", "sky", "skies", "weather", "me", "clock", "hour", "become",
        "becomes", "change", "go", "get", "of", "o",
    ]
    /// Words that ask for the opposite of the weather named after them ("stop raining").
    static let stopping: Set<String> = ["stop", "end", "no"]
    static let sides: [String: DirectPlacement.Side] = [
        "here": .here, "ahead": .ahead, "front": .ahead, "forward": .ahead, "left": .left, "right": .right, "behind": .behind, "back": .behind,
    ]
    static let secondsUnits: [String: Float] = ["s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "min": 60, "mins": 60, "minute": 60, "minutes": 60]
    static let metreUnits: Set<String> = ["m", "metre", "metres", "meter", "meters"]
    /// Words asking the camera to circle something.
    static let orbitWords: Set<String> = ["orbit", "orbiting", "circle", "circling"]
    /// Words that make a command a placement even with an orbit word ("build a circle of …").
    static let placing: Set<String> = ["add", "build", "put", "place", "plant", "grow", "spawn", "create", "erect", "raise"]
    /// Camera words of moves this version cannot make, and why.
    static let camera: Set<String> = ["pan", "zoom", "dolly", "follow", "track", "cut"]
    static let cameraWhy = "only orbits are built: 'camera: orbit the tower'; other moves are the player's own"
    /// Words calling people already in the world together ("the villagers gather at the well").
    static let gathering: Set<String> = ["gather", "gathers", "assemble", "assembles", "congregate", "congregates", "meet", "meets",
                                         "come", "comes", "crowd", "crowds", "rally", "rallies", "muster", "musters", "converge", "converges"]
    /// How fast the world's clock runs in slow motion.
    public static let slowMotionRate: Float = 0.25

    /// A thing read, with the count before it and whether its word was plural.
    private struct ThingWord {
        var thing: DirectThing
        var word: String
        var count: Int?
        var plural: Bool
    }

    public init(reading text: String) {
        var words = Self.tokens(text)
        if words.count > Self.maxWords {
            notUsed.append("\(words.count - Self.maxWords) words after the first \(Self.maxWords) (a command is at most \(Self.maxWords) words)")
            words = Array(words.prefix(Self.maxWords))
        }
        // A camera command names things ("orbit the castle") that must not be built: it is
        // read as a camera move, or refused whole, saying why.
        if let w = words.first(where: { Self.camera.contains($0) }) {
            notUsed.append("'\(words.joined(separator: " "))' (\(Self.cameraWhy); asked by '\(w)')")
            return
        }
        // "the villagers gather at the well" names people and a well that must not be placed.
        if words.contains(where: { Self.gathering.contains($0) }) && !words.contains(where: { Self.placing.contains($0) }) {
            readGathering(words)
            return
        }
        if words.contains(where: { Self.orbitWords.contains($0) }) && !words.contains(where: { Self.placing.contains($0) }) {
            readOrbit(words)
            return
        }
        var hour: (value: Float, word: String)?
        var weather: (value: Weather, word: String)?
        var seconds: Float?
        var distance: Float?
        var side: DirectPlacement.Side?
        var things: [ThingWord] = []
        var slowMotion: (rate: Float, words: String)?
        // A number waits a few words for what it counts or measures; one that finds nothing
        // is reported, not dropped.
        var pending: (value: Double, age: Int, word: String)?
        func dropPending() {
            if let p = pending { notUsed.append("'\(p.word)' (a number with nothing to count or measure)") }
            pending = nil
        }
        var stop = false
        // "a herd of": the next animal comes as a herd.
        var herd = false
        var i = 0
        func unknown(_ w: String) { notUnderstood.append(w) }
        while i < words.count {
            let w = words[i]
            let next = i + 1 < words.count ? words[i + 1] : nil
            defer { i += 1 }
            // A number is read with what follows it: a unit, am/pm, or a count of things.
            if let n = Self.number(w) {
                if let next, next == "am" || next == "pm" {
                    if let h = Self.hour(n, meridiem: next) { hour = (h, "\(w) \(next)") } else { unknown("\(w) \(next)") }
                    i += 1
                } else {
                    dropPending()
                    pending = (n, 0, w)
                }
                continue
            }
            if w.hasSuffix("am") || w.hasSuffix("pm"), let n = Self.number(String(w.dropLast(2))) {
                if let h = Self.hour(n, meridiem: String(w.suffix(2))) { hour = (h, w) } else { unknown(w) }
                continue
            }
            if let h = Self.clockTime(w) {
                hour = (h, w)
                continue
            }
            if w.contains(":") {
                unknown(w)
                continue
            }
            defer {
                if let p = pending {
                    if p.age >= 2 { dropPending() } else { pending = (p.value, p.age + 1, p.word) }
                }
            }
            if let unit = Self.secondsUnits[w] {
                let n = pending?.value ?? 1
                seconds = Float(min(n * Double(unit), Double(Self.maxSeconds)))
                pending = nil
                continue
            }
            if Self.metreUnits.contains(w) {
                if let n = pending?.value { distance = min(max(Float(n), DirectPlacement.distances.lowerBound), DirectPlacement.distances.upperBound) } else { unknown(w) }
                pending = nil
                continue
            }
            if let s = Self.sides[w] {
                side = s
                continue
            }
            if Self.stopping.contains(w) {
                stop = true
                continue
            }
            if w == "slow" || w == "slowmo" || w == "motion" {
                if w == "slow", next == "motion" || next == "mo" { i += 1 }
                slowMotion = (stop ? 1 : Self.slowMotionRate, stop ? "stop slow motion" : w == "slow" ? "slow motion" : w)
                stop = false
                continue
            }
            if (w == "normal" || w == "real" || w == "full"), next == "speed" || next == "time" || next == "motion" {
                slowMotion = (1, "\(w) \(next!)")
                i += 1
                continue
            }
            if Self.glue.contains(w) || Lexicon.stopwords.contains(w) { continue }
            // A word the lexicon lacks reads as its nearest meaning ("copse" a forest), shown
            // with it in the reply.
            var word = w, nearestPlural: Bool?
            var known = Lexicon.meanings(of: w)
            if known == nil, let (n, m) = NearestMeanings.meanings(of: w) {
                known = m
                word = "\(w) → \(n.concept)"
                nearestPlural = w.hasSuffix("s")
            }
            guard let meanings = known else {
                unknown(w)
                continue
            }
            // What a word means here: a count, an hour, a weather or a thing; the other meanings
            // of the same word (snow's alpine biome) are for prompts.
            if let n = meanings.lazy.compactMap({ if case .number(let n) = $0 { return n } else { return nil } }).first {
                dropPending()
                pending = (Double(n), -1, word)
                continue
            }
            if let h = meanings.lazy.compactMap({ if case .hour(let h) = $0 { return h } else { return nil } }).first {
                if let earlier = hour { notUsed.append("'\(earlier.word)' (a later hour in the command wins)") }
                hour = (h, word)
                continue
            }
            if let k = meanings.lazy.compactMap({ if case .weather(let k) = $0 { return k } else { return nil } }).first {
                if let earlier = weather { notUsed.append("'\(earlier.word)' (a later weather in the command wins)") }
                // "stop raining": the rain ends, the sky clears.
                weather = stop && k != .clear ? (.clear, "stop \(word)") : (k, word)
                stop = false
                continue
            }
            if let t = meanings.lazy.compactMap({ if case .thing(let t) = $0 { return t } else { return nil } }).first {
                let count = pending.map { Int(min(max($0.value.rounded(), 0), 1000)) }
                pending = nil
                things.append(ThingWord(thing: t, word: word, count: count, plural: nearestPlural ?? Self.isPlural(w)))
                continue
            }
            // People and animals: the count before them, else one after "a", a herd after
            // "herd of", else the word's own (a plural means three, "sheep" a flock).
            if let (t, fallback) = meanings.lazy.compactMap({ m -> (DirectThing, Int)? in
                if case .character(let role, let n) = m { return (.person(role), n) }
                if case .animal(let species, let n) = m { return (.animal(species), herd ? species.herdSize : n) }
                if case .bird(let species, let n) = m { return (.bird(species), herd ? species.flockSize : n) }
                if case .fish(let species, let n) = m { return (.fish(species), herd ? species.shoalSize : n) }
                // Birds of no species: pigeons (the world's own choice needs its recipe).
                if case .birds(let n) = m { return (.bird(.pigeon), herd || n == 0 ? BirdSpecies.pigeon.flockSize : n) }
                return nil
            }).first {
                let single = i > 0 && (words[i - 1] == "a" || words[i - 1] == "an")
                let count = pending.map { Int(min(max($0.value.rounded(), 0), 1000)) } ?? (single ? 1 : fallback)
                pending = nil
                herd = false
                things.append(ThingWord(thing: t, word: word, count: count, plural: count > 1))
                continue
            }
            if meanings.contains(.herd) {
                herd = true
                continue
            }
            notUsed.append("'\(word)' (\(Self.whyNot(meanings)))")
        }
        dropPending()
        if stop, weather == nil { notUsed.append("'stop' (stop what? a weather: 'stop raining', or 'stop slow motion')") }
        if let slowMotion {
            changes.append(.slowMotion(rate: slowMotion.rate))
            understood.append(Self.describe(slowMotion: slowMotion.rate, words: slowMotion.words))
        }

        let blend = seconds ?? 0
        if let hour {
            changes.append(.time(hour: hour.value, seconds: blend))
            understood.append("\(hour.word) (set-time \(Self.clock(hour.value)) over \(DirectPlacement.metres(blend)) s)")
        }
        if let weather {
            changes.append(.weather(weather.value, seconds: blend))
            understood.append("\(weather.word) (weather \(weather.value.rawValue) over \(DirectPlacement.metres(blend)) s)")
        }
        if seconds != nil, hour == nil, weather == nil { notUsed.append("the duration (only a time or weather change blends)") }
        for p in Self.placements(things, side: side ?? .ahead, distance: distance, notUsed: &notUsed) {
            changes.append(.place(p.placement))
            understood.append("\(p.words) (spawn \(p.placement.description) \(p.placement.whereDescription))")
        }
        if things.isEmpty, side != nil || distance != nil { notUsed.append("the place (nothing to place)") }
    }

    static func describe(slowMotion rate: Float, words: String) -> String {
        "\(words) (slow-motion: the world at \(rate == 1 ? "1" : String(rate))× real time)"
    }

    /// Reads "camera: orbit the castle", "circle round the tower twice over 40 seconds",
    /// "orbit": one orbit, round the first thing named (else what the player looks at).
    private mutating func readOrbit(_ words: [String]) {
        var orbit = DirectOrbit(around: nil, words: nil, seconds: DirectOrbit.defaultSeconds, degrees: 360, distance: nil)
        var pending: Double?
        var timed = false
        var slow = false
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : nil
            if let n = Self.number(w) { pending = n; continue }
            defer { if Self.number(w) == nil, Self.secondsUnits[w] == nil, !Self.metreUnits.contains(w) { pending = nil } }
            if let unit = Self.secondsUnits[w] {
                orbit.seconds = Float(min(max((pending ?? 1) * Double(unit), 1), Double(Self.maxSeconds)))
                timed = true
                continue
            }
            if Self.metreUnits.contains(w), let n = pending {
                orbit.distance = min(max(Float(n), DirectPlacement.distances.lowerBound), DirectPlacement.distances.upperBound)
                continue
            }
            if w == "twice" { orbit.degrees = 720; continue }
            if w == "slow", next == "motion" || next == "mo" { slow = true; continue }
            if w == "motion" || w == "mo" || w == "slowmo", slow || w == "slowmo" { slow = true; continue }
            if w == "half", next == "way" || next == "circle" { orbit.degrees = 180; continue }
            if w == "degrees" || w == "deg", let n = pending { orbit.degrees = Float(min(n, 3600)); continue }
            if Self.orbitWords.contains(w) || w == "camera" || w == "around" || w == "round" || w == "the" || w == "a" || w == "an" || w == "me" || w == "it"
                || w == "way" || w == "over" || w == "for" || w == "in" || w == "times" || w == "once" || Lexicon.stopwords.contains(w) { continue }
            if w == "left" { orbit.degrees = -abs(orbit.degrees); continue }
            if w == "right" { orbit.degrees = abs(orbit.degrees); continue }
            if let meanings = Lexicon.meanings(of: w),
               let t = meanings.lazy.compactMap({ if case .thing(let t) = $0 { return t } else { return nil } }).first {
                if orbit.around == nil { orbit.around = t; orbit.words = w } else { notUsed.append("'\(w)' (an orbit circles one thing: the first named)") }
                continue
            }
            notUnderstood.append(w)
        }
        // A longer turn takes longer, at the default speed, unless a duration was given.
        if !timed { orbit.seconds = min(DirectOrbit.defaultSeconds * abs(orbit.degrees) / 360, Self.maxSeconds) }
        changes.append(.orbit(orbit))
        if slow { changes.append(.slowMotion(rate: Self.slowMotionRate)) }
        let round = orbit.words.map { "the \($0)" } ?? "what is ahead"
        understood.append("orbit \(round) (\(DirectPlacement.metres(abs(orbit.degrees)))° \(orbit.degrees < 0 ? "left" : "right") over \(DirectPlacement.metres(orbit.seconds)) s; walking or looking ends it)")
        if slow { understood.append(Self.describe(slowMotion: Self.slowMotionRate, words: "slow motion")) }
    }

    /// Things read as placements: a species or "trees" before "forest" grows that forest; a
    /// count of houses after "village" sizes it; the rest one placement each.
    private static func placements(_ things: [ThingWord], side: DirectPlacement.Side, distance: Float?,
                                   notUsed: inout [String]) -> [(words: String, placement: DirectPlacement)] {
        var out: [(words: String, placement: DirectPlacement)] = []
        var i = 0
        func capped(_ n: Int, _ word: String) -> Int {
            if n > DirectPlacement.maxCount { notUsed.append("'\(n) \(word)' beyond \(DirectPlacement.maxCount) (at most \(DirectPlacement.maxCount) things a command)") }
            return min(max(n, 1), DirectPlacement.maxCount)
        }
        while i < things.count {
            let t = things[i]
            let next = i + 1 < things.count ? things[i + 1] : nil
            var words = t.word
            let layout: DirectPlacement.Layout
            switch t.thing {
            case .plant(let s) where next?.thing == .forest || next?.thing == .tree:
                // "an oak forest", "oak trees"
                words += " " + next!.word
                let n = next!.count ?? t.count ?? (next!.thing == .forest ? 9 : next!.plural ? 5 : 1)
                layout = .trees(species: s, count: capped(n, words))
                i += 1
            case .forest:
                if case .plant(let s)? = next?.thing {
                    // "a forest of pines"
                    words += " of " + next!.word
                    layout = .trees(species: s, count: capped(next!.count ?? t.count ?? 9, words))
                    i += 1
                } else {
                    layout = .trees(species: nil, count: capped(t.count ?? 9, words))
                }
            case .tree: layout = .trees(species: nil, count: capped(t.count ?? (t.plural ? 5 : 1), words))
            case .plant(let s): layout = .things(s.rawValue, count: capped(t.count ?? (t.plural ? 5 : 1), words))
            case .rock: layout = .things("rock", count: capped(t.count ?? (t.plural ? 3 : 1), words))
            case .structure(let s): layout = .things(s.name, count: capped(t.count ?? (t.plural ? 3 : 1), words))
            case .person(let role): layout = .things(role.rawValue, count: capped(t.count ?? 1, words))
            case .animal(let species): layout = .things(species.rawValue, count: capped(t.count ?? 1, words))
            case .bird(let species): layout = .things(species.rawValue, count: capped(t.count ?? 1, words))
            case .fish(let species): layout = .things(species.rawValue, count: capped(t.count ?? 1, words))
            case .group:
                // A village; "a village of 8 houses" sizes it.
                var houses = t.count.map { capped($0, words) } ?? 5
                if case .structure(let s)? = next?.thing, s == .house, let n = next?.count {
                    words += " of \(n) " + next!.word
                    houses = capped(n, words)
                    i += 1
                }
                layout = .village(houses: min(houses, DirectPlacement.maxCount - 1))
            }
            out.append((words, DirectPlacement(layout: layout, side: side, distance: distance)))
            i += 1
        }
        return out
    }

    /// Why a word the lexicon knows does nothing here.
    static func whyNot(_ meanings: [WordMeaning]) -> String {
        switch meanings.first {
        case .mood?, .size?: return "a prompt word: weather and things have one strength and size here"
        case .feature?, .biome?, .scene?: return "a prompt word: it shapes a new world; Direct places structures, plants, rocks, people and animals"
        case .busy?, .nobody?: return "a prompt word: it fills or empties a new world's village; Direct places people one command at a time"
        case .style?: return "a prompt word: the style shapes a new world's buildings; Direct places one kit at a time"
        case .season?: return "a prompt word: the season dresses a new world's trees, ground and water; Direct changes the hour and the weather"
        default: return "not a world change"
        }
    }

    // MARK: - Words

    /// Lower-case words split on anything but letters, digits, and ':' or '.' between digits
    /// ("19:30", "2.5").
    static func tokens(_ s: String) -> [String] {
        var out: [String] = [], cur = ""
        let chars = Array(s.lowercased())
        for (i, ch) in chars.enumerated() {
            if ch.isLetter || ch.isNumber {
                cur.append(ch)
            } else if (ch == ":" || ch == "."), cur.last?.isNumber == true, i + 1 < chars.count, chars[i + 1].isNumber {
                cur.append(ch)
            } else if !cur.isEmpty {
                out.append(cur)
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// A number written in digits ("20", "2.5"), at most 1e6.
    static func number(_ w: String) -> Double? {
        guard w.first?.isNumber == true, !w.contains(":"), let d = Double(w), d.isFinite, d >= 0, d <= 1e6 else { return nil }
        return d
    }

    /// "19:30" → 19.5; "24:00" is midnight, 0. Nil unless a valid HH:MM.
    static func clockTime(_ w: String) -> Float? {
        let parts = w.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return Float((h * 60 + m) % (24 * 60)) / 60
    }

    /// "7 pm" → 19; "12 am" → 0.
    static func hour(_ n: Double, meridiem: String) -> Float? {
        guard n >= 1, n <= 12, n == n.rounded() else { return nil }
        let h = Int(n) % 12
        return Float(meridiem == "pm" ? h + 12 : h)
    }

    /// "22:30" for 22.5.
    public static func clock(_ hour: Float) -> String {
        let minutes = Int((hour * 60).rounded()) % (24 * 60)
        return String(format2: minutes / 60) + ":" + String(format2: minutes % 60)
    }

    /// Whether a known word is a plural ("towers", "oaks", "cacti"): a word that is not itself
    /// in the lexicon but whose singular is, or whose form without a final "s" means the same.
    static func isPlural(_ w: String) -> Bool {
        if Lexicon.entries[w] == nil { return true }
        if w.hasSuffix("s"), let single = Lexicon.entries[String(w.dropLast())], single == Lexicon.entries[w] { return true }
        if w.hasSuffix("es"), let single = Lexicon.entries[String(w.dropLast(2))], single == Lexicon.entries[w] { return true }
        return ["cacti"].contains(w)
    }
}
