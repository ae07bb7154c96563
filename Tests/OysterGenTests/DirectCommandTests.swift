import Testing
@testable import OysterGen

/// Direct mode's command reader: words to world changes with the prompts' lexicon, every word
/// accounted for in the reply.
@Suite struct DirectCommandTests {
    func read(_ text: String) -> DirectCommand { DirectCommand(reading: text) }

    @Test func hoursWithAndWithoutABlend() {
        #expect(read("make it night").changes == [.time(hour: 22.5, seconds: 0)])
        #expect(read("make it night").reply == "understood: night (set-time 22:30 over 0 s)")
        #expect(read("sunset over 20 seconds").changes == [.time(hour: 18.8, seconds: 20)])
        #expect(read("dawn").changes == [.time(hour: 6, seconds: 0)])
        #expect(read("set time 19:30").changes == [.time(hour: 19.5, seconds: 0)])
        #expect(read("set the time to 7 pm over two minutes").changes == [.time(hour: 19, seconds: 120)])
        #expect(read("7am").changes == [.time(hour: 7, seconds: 0)])
        #expect(read("24:00").changes == [.time(hour: 0, seconds: 0)])
        // A later hour wins, and the earlier is reported.
        let two = read("dawn then dusk")
        #expect(two.changes == [.time(hour: 19.3, seconds: 0)])
        #expect(two.notUsed.contains { $0.contains("'dawn'") })
    }

    @Test func weathers() {
        #expect(read("start snowing").changes == [.weather(.snow, seconds: 0)])
        #expect(read("rain").changes == [.weather(.rain, seconds: 0)])
        #expect(read("clear skies").changes == [.weather(.clear, seconds: 0)])
        #expect(read("stop raining").changes == [.weather(.clear, seconds: 0)])
        let fog = read("thick fog over 5 s")
        #expect(fog.changes == [.weather(.fog, seconds: 5)])
        // "thick" is a word the lexicon knows, of no use here: said so, with why.
        #expect(fog.notUsed.count == 1 && fog.notUsed[0].hasPrefix("'thick'"))
        #expect(read("night and snow over 10 seconds").changes == [.time(hour: 22.5, seconds: 10), .weather(.snow, seconds: 10)])
    }

    @Test func thingsToPlaceWithCountsSidesAndDistances() {
        #expect(read("add a tower here").changes == [.place(DirectPlacement(layout: .things("tower", count: 1), side: .here))])
        #expect(read("build a village ahead").changes == [.place(DirectPlacement(layout: .village(houses: 5), side: .ahead))])
        #expect(read("build a village of 8 houses").changes == [.place(DirectPlacement(layout: .village(houses: 8)))])
        #expect(read("plant a forest to the left").changes == [.place(DirectPlacement(layout: .trees(species: nil, count: 9), side: .left))])
        #expect(read("plant an oak forest to the right").changes == [.place(DirectPlacement(layout: .trees(species: .oak, count: 9), side: .right))])
        #expect(read("spawn an oak").changes == [.place(DirectPlacement(layout: .things("oak", count: 1)))])
        #expect(read("three towers 40 m behind").changes == [.place(DirectPlacement(layout: .things("tower", count: 3), side: .behind, distance: 40))])
        #expect(read("a dozen pines").changes == [.place(DirectPlacement(layout: .things("pine", count: 12)))])
        #expect(read("rocks").changes == [.place(DirectPlacement(layout: .things("rock", count: 3)))])
        #expect(read("add a well").changes == [.place(DirectPlacement(layout: .things("well", count: 1)))])
        // Counts are capped, and the cap is reported.
        let many = read("plant 500 oaks")
        #expect(many.changes == [.place(DirectPlacement(layout: .things("oak", count: DirectPlacement.maxCount)))])
        #expect(many.notUsed.contains { $0.contains("500") })
        #expect(read("add a tower here").reply == "understood: tower (spawn a tower here (6.5 m ahead))")
    }

    /// Every thing a command can name is one the generator can spawn.
    @Test func everyThingReadIsSpawnable() {
        for word in Lexicon.entries.keys.sorted() {
            for change in read("add \(word)").changes {
                guard case .place(let p) = change else { continue }
                for spot in p.spots(x: 0, z: 0, heading: 0, recipe: Recipe()) {
                    #expect(ChunkGenerator.Stream.spawnable.contains(spot.thing), "'\(word)' gives '\(spot.thing)'")
                }
            }
        }
    }

    @Test func unknownWordsAreReportedAndNonsenseChangesNothing() {
        let polite = read("please make it night")
        #expect(polite.changes == [.time(hour: 22.5, seconds: 0)])
        #expect(polite.reply == "understood: night (set-time 22:30 over 0 s); not understood: 'please'")
        let nonsense = read("xyzzy frobnicate the quux")
        #expect(nonsense.changes.isEmpty)
        #expect(nonsense.reply == "nothing understood, nothing changed; not understood: 'xyzzy', 'frobnicate', 'quux'")
        #expect(read("").changes.isEmpty && read("").reply == "nothing understood, nothing changed")
        #expect(read("25:00").changes.isEmpty && read("25:00").notUnderstood == ["25:00"])
        // A number with nothing to count is reported, not dropped.
        #expect(read("make it 5").notUsed.contains { $0.hasPrefix("'5'") })
        // A prompt word that cannot change a running world says why.
        let lake = read("add a lake")
        #expect(lake.changes.isEmpty && lake.notUsed.contains { $0.hasPrefix("'lake'") })
    }

    @Test func anOrbitIsACameraMoveThatBuildsNothing() throws {
        let orbit = read("camera: orbit the castle")
        #expect(orbit.changes.count == 1, "a camera command must not build the castle it names")
        guard case .orbit(let o)? = orbit.changes.first else { Issue.record("not an orbit: \(orbit.changes)"); return }
        #expect(o.namesAThing && o.circles("castle") && !o.circles("tower"))
        #expect(o.seconds == DirectCommand.DirectOrbit.defaultSeconds && o.degrees == 360)
        #expect(orbit.reply == "understood: orbit the castle (360° right over 20 s; walking or looking ends it)")
        // Twice round, to the left, timed; round what is ahead when nothing is named.
        guard case .orbit(let twice)? = read("circle around twice to the left over 30 seconds").changes.first else { Issue.record("not an orbit"); return }
        #expect(twice.degrees == -720 && twice.seconds == 30 && !twice.namesAThing)
        guard case .orbit(let half)? = read("orbit half way").changes.first else { Issue.record("not an orbit"); return }
        #expect(half.degrees == 180 && half.seconds == 10)
        // A placement that says "circle" builds; other camera moves are refused saying why.
        #expect(read("build a circle of towers").changes.allSatisfy { if case .place = $0 { return true } else { return false } })
        let pan = read("camera: pan left")
        #expect(pan.changes.isEmpty && pan.reply.contains("only orbits are built"))
        #expect(read("orbit the xyzzy").notUnderstood == ["xyzzy"])
    }

    @Test func slowMotionSlowsTheWorldsClockAndNormalSpeedRestoresIt() {
        #expect(read("slow motion").changes == [.slowMotion(rate: DirectCommand.slowMotionRate)])
        #expect(read("slow motion").reply == "understood: slow motion (slow-motion: the world at 0.25× real time)")
        #expect(read("back to normal speed").changes == [.slowMotion(rate: 1)])
        #expect(read("stop slow motion").changes == [.slowMotion(rate: 1)])
        // With other changes in the same command.
        #expect(read("night in slow motion").changes.count == 2)
    }

    /// Whatever a page sends, the reader answers and never crashes: random text, digits,
    /// clock-like and unit-heavy junk.
    @Test func anyTextIsReadWithoutCrashing() {
        var rng = PCG32(seed: 14)
        let pieces = ["9", "99999999999", "1e308", ":", "12:", "1.2.3", "-5", "m", "s", "over", "stop", "camera", "village", "of",
                      "pm", "am", "24:00", "0:00", "ü", "🙂", "\u{0}", " ", ",", "forest", "oak", "dozen", "left", "slow", "motion"]
        for _ in 0..<500 {
            let text = (0..<rng.nextInt(40)).map { _ in pieces[rng.nextInt(pieces.count)] }.joined(separator: rng.nextInt(2) == 0 ? " " : "")
            let c = read(text)
            #expect(!c.reply.isEmpty)
            #expect(c.changes.count <= 2 + DirectCommand.maxWords)
        }
    }

    @Test func longCommandsAreCutAndSaySo() {
        let long = read(Array(repeating: "rain", count: 100).joined(separator: " "))
        #expect(long.changes == [.weather(.rain, seconds: 0)])
        #expect(long.notUsed.contains { $0.contains("36 words after the first 64") })
    }

    /// The same placement at the same place gives the same spots; a village is a well and its
    /// houses round it, clear of the player, doors to the square; points and headings are
    /// binary fractions.
    @Test func spotsAreDeterministicAndClearOfThePlayer() {
        let village = DirectPlacement(layout: .village(houses: 5), side: .ahead)
        let a = village.spots(x: 10.3, z: -4.2, heading: 0.7, recipe: Recipe())
        #expect(a == village.spots(x: 10.3, z: -4.2, heading: 0.7, recipe: Recipe()))
        #expect(a.count == 6 && a[0].thing == "well" && a.dropFirst().allSatisfy { $0.thing == "house" })
        for s in a {
            let d = ((s.x - 10.3) * (s.x - 10.3) + (s.z + 4.2) * (s.z + 4.2)).squareRoot()
            #expect(d > 10, "\(s.thing) \(d) m from the player")
            #expect(s.x * 64 == (s.x * 64).rounded() && s.z * 64 == (s.z * 64).rounded())
        }
        // Ahead at heading 0 is −Z; to the right is +X.
        let tower = DirectPlacement(layout: .things("tower", count: 1), side: .ahead).spots(x: 0, z: 0, heading: 0, recipe: Recipe())
        #expect(tower.count == 1 && abs(tower[0].x) < 0.01 && tower[0].z < -10)
        let right = DirectPlacement(layout: .things("tower", count: 1), side: .right).spots(x: 0, z: 0, heading: 0, recipe: Recipe())
        #expect(right[0].x > 10 && abs(right[0].z) < 0.01)
        let forest = DirectPlacement(layout: .trees(species: nil, count: 9), side: .left).spots(x: 0, z: 0, heading: 0, recipe: Recipe())
        #expect(forest.count == 9 && forest.allSatisfy { $0.x < 0 })
    }

    /// People and animals are placed as things are: "a" means one, a plural three, a herd its
    /// species' herd; animals of three or more stand as a herd, people in a row facing the
    /// player; prompt-only words about people say why they do nothing here.
    @Test func peopleAndAnimalsArePlacedByName() {
        #expect(read("spawn a knight here").changes == [.place(DirectPlacement(layout: .things("knight", count: 1), side: .here))])
        #expect(read("spawn a knight here").reply == "understood: knight (spawn a knight here (2.9 m ahead))")
        #expect(read("three guards to the left").changes == [.place(DirectPlacement(layout: .things("guard", count: 3), side: .left))])
        #expect(read("add villagers").changes == [.place(DirectPlacement(layout: .things("villager", count: 3)))])
        #expect(read("a horse").changes == [.place(DirectPlacement(layout: .things("horse", count: 1)))])
        #expect(read("a deer ahead").changes == [.place(DirectPlacement(layout: .things("deer", count: 1)))])
        let herd = read("bring a herd of deer 30 m behind")
        #expect(herd.changes == [.place(DirectPlacement(layout: .things("deer", count: AnimalSpecies.deer.herdSize), side: .behind, distance: 30))])
        #expect(herd.reply.contains("spawn \(AnimalSpecies.deer.herdSize) deer 30 m behind"))
        #expect(read("add a tower and two monks").changes.count == 2)
        #expect(read("a flock of gulls ahead").changes == [.place(DirectPlacement(layout: .things("gull", count: BirdSpecies.gull.flockSize)))])
        #expect(read("add birds").changes == [.place(DirectPlacement(layout: .things("pigeon", count: BirdSpecies.pigeon.flockSize)))])
        #expect(read("spawn three trout here").changes == [.place(DirectPlacement(layout: .things("trout", count: 3), side: .here))])
        #expect(read("a shoal of carp ahead").changes == [.place(DirectPlacement(layout: .things("carp", count: FishSpecies.carp.shoalSize)))])
        #expect(read("spawn 40 sheep").notUsed.contains { $0.contains("40") }, "a flock is capped like any placement")
        // A call to gather moves people already there (it names a well and villagers that
        // must not be built): the villagers are the townsfolk, not the guards.
        let gather = read("the villagers gather at the well")
        #expect(gather.changes == [.gather(DirectGathering(roles: DirectGathering.townsfolk, landmark: .well, who: "the villagers", place: "well"))])
        #expect(gather.notUsed.isEmpty && gather.notUnderstood.isEmpty && gather.reply.contains("the villagers gather at the well"))
        #expect(read("everyone meet at the fountain").changes == [.gather(DirectGathering(roles: nil, landmark: .townSquare, who: "everyone", place: "fountain"))])
        let guards = read("guards and knights assemble here")
        #expect(guards.changes == [.gather(DirectGathering(roles: [.guard, .knight], landmark: nil, who: "the guards and knights", place: nil))])
        #expect(guards.reply.contains("round you"))
        #expect(read("gather at the castle").changes == [.gather(DirectGathering(roles: nil, landmark: .castle, who: "everyone", place: "castle"))])
        let flock = read("the sheep gather at the well").notUsed
        #expect(flock.contains { (why: String) in why.contains("'sheep'") && why.contains("people") })
        #expect(read("gather round the blorp").notUnderstood == ["blorp"])
        // "build" makes it a placement, not a call.
        let placed = read("build a well where people gather").changes.contains { (c: DirectCommand.Change) -> Bool in
            if case .place = c { return true } else { return false }
        }
        #expect(placed)
        #expect(read("make it busy").changes.isEmpty && read("make it busy").notUsed.first?.contains("prompt word") == true)

        // A row of knights faces the player (a spawn's heading is the player's: yaw −heading
        // turns a body's +Z front towards it); a herd scatters round its middle, a body apart.
        let knights = DirectPlacement(layout: .things("knight", count: 3), side: .ahead).spots(x: 0, z: 0, heading: 0, recipe: Recipe())
        #expect(knights.count == 3 && knights.allSatisfy { $0.heading == 0 && $0.z < -2 })
        #expect(abs(knights[1].x - knights[0].x) < 2.5, "people stand a stride apart, not a house apart")
        let sheep = DirectPlacement(layout: .things("sheep", count: 8), side: .ahead).spots(x: 0, z: 0, heading: 0, recipe: Recipe())
        #expect(sheep.count == 8 && Set(sheep.map(\.heading)).count > 4)
        for (i, a) in sheep.enumerated() {
            for b in sheep[(i + 1)...] { #expect(((a.x - b.x) * (a.x - b.x) + (a.z - b.z) * (a.z - b.z)).squareRoot() > 1) }
        }
    }

    /// Prompts read the lexicon as before: a village is houses, a well is no feature.
    @Test func promptsStillReadVillagesAndIgnoreDirectOnlyWords() {
        let r = PromptInterpreter.interpret("a village with a well")
        #expect(r.recipe.has(.village))
        #expect(r.unusedWords == ["well"])
    }
}
