import OysterCore
import OysterGen
import OysterImage
import OysterMotion
import OysterRender
@testable import OysterStream
import Testing

/// An action script's world changes read against the generator and played in a world.
struct WorldDirectionTests {
    @Test func unknownWeathersAndThingsAreRefusedListingWhatThereIs() throws {
        let world = try StreamedWorld(recipe: testRecipe(), window: TileWindow(size: 32, radius: 1, ahead: 1))
        let weather = try script("{\"actions\": [{\"do\": \"move\", \"seconds\": 1}, {\"do\": \"weather\", \"kind\": \"hail\"}]}")
        #expect(throws: ActionScriptError.invalid("actions[1].kind: 'hail' is not a weather; one of clear, overcast, fog, rain, snow")) {
            _ = try world.direct(weather, camera: nil, fps: 4)
        }
        let thing = try script("{\"actions\": [{\"do\": \"spawn\", \"thing\": \"spaceship\", \"at\": \"ahead\"}]}")
        #expect {
            _ = try world.direct(thing, camera: nil, fps: 4)
        } throws: { error in
            let text = "\(error)"
            return text.contains("actions[0].thing: 'spaceship' cannot be spawned; things to spawn: house, well, castle, tower")
                && text.contains("oak") && text.contains("rock")
        }
    }

    @Test func aCallToGatherNamesRolesTheGeneratorHas() throws {
        let world = try StreamedWorld(recipe: testRecipe(), window: TileWindow(size: 32, radius: 1, ahead: 1))
        let wrong = try script("{\"actions\": [{\"do\": \"gather\", \"who\": [\"wizard\"], \"around\": [0, 0, 0]}]}")
        #expect {
            _ = try world.direct(wrong, camera: nil, fps: 4)
        } throws: { error in "\(error)".contains("actions[0].who: 'wizard' is not a role; one of villager, farmer") }
        let right = try script("{\"actions\": [{\"do\": \"gather\", \"who\": [\"guard\", \"farmer\"], \"around\": [3, 0, -4], \"at\": 2}]}")
        let walk = try world.direct(right, camera: nil, fps: 4)
        #expect(walk.direction.gatherings.count == 1)
        let call = try #require(walk.direction.gatherings.first)
        #expect(call.at == 2 && call.roles == [.guard, .farmer] && call.point == SIMD2(3, -4))
        // Everyone, when nobody is named; the script writes and reads back the same.
        let everyone = try script("{\"actions\": [{\"do\": \"gather\", \"around\": [1, 0, 1]}]}")
        #expect(try world.direct(everyone, camera: nil, fps: 4).direction.gatherings.first?.roles == nil)
        #expect(try ActionScript(json: right.json()) == right)
        #expect(throws: ActionScriptError.self) { try script("{\"actions\": [{\"do\": \"gather\"}]}") }
        #expect(throws: ActionScriptError.self) { try script("{\"actions\": [{\"do\": \"gather\", \"around\": [0, 0, 0], \"who\": \"guard\"}]}") }
    }

    @Test func theHourRunsForwardToEachSetTimeAndTheWeatherHoldsUntilChanged() throws {
        var recipe = testRecipe()
        recipe.timeOfDay = 14
        recipe.weather = .clear
        let s = try script("""
        {"actions": [
          {"do": "set-time", "to": "20:00", "seconds": 6},
          {"do": "weather", "kind": "snow", "at": 2},
          {"do": "set-time", "to": "02:00", "seconds": 4, "at": 8},
          {"do": "set-time", "to": "01:00", "at": 20}
        ]}
        """)
        let d = try WorldDirection(s, recipe: recipe)
        #expect(d.controlsLight)
        #expect(d.hour(at: 0) == 14 && d.hour(at: 3) == 17 && d.hour(at: 6) == 20 && d.hour(at: 7) == 20)
        // Past midnight, forward: 20:00 to 02:00 is six hours, not eighteen back.
        #expect(d.hour(at: 10) == 23 && d.hour(at: 12) == 2)
        #expect(d.hour(at: 20) == 1)
        #expect(d.weather(at: 1.9) == .clear && d.weather(at: 2) == .snow && d.weather(at: 100) == .snow)
        let walkOnly = try WorldDirection(try script("{\"actions\": [{\"do\": \"move\", \"seconds\": 1}]}"), recipe: recipe)
        #expect(!walkOnly.controlsLight, "a script that sets neither leaves the tiles their own light")
    }

    @Test func slowMotionSlowsTheWorldsClockFromItsStartAndNormalSpeedRestoresIt() throws {
        let d = try WorldDirection(try script("""
        {"actions": [{"do": "slow-motion", "rate": 0.25, "at": 4}, {"do": "slow-motion", "rate": 1, "at": 12}]}
        """), recipe: testRecipe())
        #expect(d.clock(at: 0) == 0 && d.clock(at: 4) == 4)
        #expect(d.clock(at: 8) == 5 && d.clock(at: 12) == 6 && d.clock(at: 20) == 14)
        // Slow motion is a world change but not the light's: the tiles keep their own.
        #expect(!d.controlsLight)
        let plain = try WorldDirection(try script("{\"actions\": [{\"do\": \"move\", \"seconds\": 1}]}"), recipe: testRecipe())
        for t: Float in [0, 0.1, 1.3, 77.7] { #expect(plain.clock(at: t) == t) }
    }

    @Test func aWeatherGivenSecondsCrossFadesTheLightAndSwitchesItsFallHalfway() throws {
        var recipe = testRecipe()
        recipe.timeOfDay = 14
        recipe.weather = .clear
        let d = try WorldDirection(try script("{\"actions\": [{\"do\": \"weather\", \"kind\": \"fog\", \"seconds\": 4, \"at\": 1}]}"), recipe: recipe)
        let stream = ChunkGenerator.Stream(recipe, size: 32)
        let clear = try #require(stream.environment(hour: 14, weather: .clear).fogDensity)
        let fog = try #require(stream.environment(hour: 14, weather: .fog).fogDensity)
        let density = { (t: Float) in d.environment(at: t, in: stream).fogDensity! }
        #expect(density(0) == clear && density(1) == clear && density(5) == fog && density(9) == fog)
        #expect(abs(density(3) - (clear + fog) / 2) < 1e-5, "halfway: \(density(3))")
        #expect(d.weather(at: 2.9) == .clear && d.weather(at: 3) == .fog)
        #expect(d.environment(at: 3, in: stream).sunDirection == stream.environment(hour: 14, weather: .fog).sunDirection)
    }

    @Test func theLightOfNightIsTheMoonsAndDimmerThanTheAfternoons() {
        let stream = ChunkGenerator.Stream(testRecipe(), size: 32)
        let day = stream.environment(hour: 14, weather: .clear), night = stream.environment(hour: 22.5, weather: .clear)
        #expect(day.isNight == false && night.isNight == true)
        #expect(day.sunIntensity! > 3 * night.sunIntensity!)
        #expect(length(day.sunDirection! - night.sunDirection!) > 0.3, "the moon stands elsewhere than the sun")
        #expect(day.skyColor!.y > 3 * night.skyColor!.y)
        #expect(stream.environment(hour: 14, weather: .fog).fogDensity! > 5 * day.fogDensity!)
    }

    @Test func tilesForADirectedWorldCarryTheirLampsLightsByDayAndTheHourSaysWhetherTheyBurn() throws {
        var recipe = testRecipe()
        recipe.timeOfDay = 14
        let stream = ChunkGenerator.Stream(recipe, size: 32)
        func lamps(_ s: Scene) -> Int { s.lights.filter { $0.kind != .directional }.count }
        func glowing(_ s: Scene) -> [EmissionSchedule] { s.materials.filter { $0.emissiveFactor != .zero }.map(\.emissionShines) }
        // The tiles round home, with and without lamps: a village has some, and lit windows.
        var with = 0, without = 0
        var glowWith: [EmissionSchedule] = [], glowWithout: [EmissionSchedule] = []
        for z in -2...1 {
            for x in -2...1 {
                let directed = stream.tile(x: x, z: z, lamps: true), plain = stream.tile(x: x, z: z)
                with += lamps(directed)
                without += lamps(plain)
                glowWith += glowing(directed)
                glowWithout += glowing(plain)
            }
        }
        #expect(with > 0 && without == 0, "afternoon tiles: \(with) lamps with, \(without) without")
        #expect(glowWith.contains(.whileLampsLit) && !glowWithout.contains(.whileLampsLit),
                "windows glow by day in a directed world's tiles, for the frame's light to put out: \(glowWith) against \(glowWithout)")
        #expect(stream.environment(hour: 14, weather: .clear).lampsLit == false)
        #expect(stream.environment(hour: 22.5, weather: .clear).lampsLit == true)
        #expect(stream.environment(hour: 19.3, weather: .clear).lampsLit == true, "dusk: the sun on the horizon")
    }

    @Test func aSpawnedThingIsAStructureOnTheGroundAndTheSameEachTime() throws {
        let stream = ChunkGenerator.Stream(testRecipe(), size: 32)
        let tower = try #require(stream.spawn("tower", x: 10, z: -20, heading: 0.5))
        #expect(tower == stream.spawn("tower", x: 10, z: -20, heading: 0.5))
        let roles = tower.effectiveRoles()
        #expect(tower.nodes.indices.contains { roles[$0] == .structure && tower.nodes[$0].mesh != nil })
        let box = tower.worldBounds(worldMatrices: tower.worldMatrices())
        let ground = try #require(Ground(stream.tile(x: 0, z: -1)).height(x: 10, z: -20))
        #expect(abs(box.min.y - ground) < 1.5 && box.size.y > 6, "stands on the ground (\(ground)) from \(box.min.y) to \(box.max.y)")
        #expect(abs(box.center.x - 10) < 2 && abs(box.center.z + 20) < 2)
        #expect(stream.spawn("spaceship", x: 0, z: 0, heading: 0) == nil)
        // A bird circles over its spot, well above the ground, on a loop that closes.
        let crow = try #require(stream.spawn("crow", x: 10, z: -20, heading: 0.5))
        let route = try #require(crow.animations.first { $0.name == "crow-route" })
        let rig = try #require(crow.nodes.firstIndex { $0.name?.hasSuffix("Rig") == true })
        let flight = (0...8).map { k -> Vec3 in
            let m = crow.pose(at: route.duration * Float(k) / 8, animation: crow.animations.firstIndex { $0.name == "crow-route" }).worldMatrices[rig]
            return Vec3(m.m[12], m.m[13], m.m[14])
        }
        #expect(flight.allSatisfy { $0.y > ground + 18 && length(SIMD2($0.x - 10, $0.z + 20)) < 15 }, "\(flight)")
        #expect(length(flight[0] - flight[8]) < 1e-3, "the loop closes")
        // A person and an animal: a skinned body on the ground, playing a clip, facing the
        // player whose heading placed it (its +Z front towards −heading's way back).
        for thing in ["knight", "horse"] {
            let body = try #require(stream.spawn(thing, x: 10, z: -20, heading: 0.5))
            #expect(body == stream.spawn(thing, x: 10, z: -20, heading: 0.5))
            #expect(body.skins.count == 1 && body.animations.count == 1, "\(thing)")
            let rig = try #require(body.nodes.first { $0.name?.hasSuffix("Rig") == true })
            guard case .trs(let at, let rotation, _) = rig.transform else { Issue.record("the rig is placed by TRS"); continue }
            #expect(abs(at.y - ground) < 0.05 && abs(at.x - 10) < 1e-4 && abs(at.z + 20) < 1e-4, "\(thing) stands on the ground (\(ground)) at \(at)")
            let front = rotation.rotate(Vec3(0, 0, 1))
            #expect(abs(front.x + ksin(0.5)) < 1e-3 && abs(front.z - kcos(0.5)) < 1e-3, "\(thing) faces the player: \(front)")
        }
        // Everything but fish stands anywhere (fish: see below).
        for thing in ChunkGenerator.Stream.spawnable where FishSpecies(rawValue: thing) == nil {
            #expect(stream.spawn(thing, x: 0, z: 0, heading: 0).map { !$0.meshes.isEmpty } == true, "\(thing)")
        }
    }

    /// A spawned fish swims a closed loop under the surface of the still water nearest its
    /// spot; with none within reach it is not placed, and a session says so.
    @Test func aSpawnedFishSwimsInTheNearestStillWaterOrIsNotPlaced() throws {
        var r = Recipe()
        r.detail = .low
        r.textureResolution = 16
        let stream = ChunkGenerator.Stream(r, size: 32)
        // The default valley's lake lies west of home, its own trout round (-37, 1).
        let (centre, level) = try #require(stream.stillWater(near: Vec2(-25, 5)))
        #expect(length(centre - Vec2(-25, 5)) <= ChunkGenerator.Stream.fishReach)
        let trout = try #require(stream.spawn("trout", x: -25, z: 5, heading: 0.3))
        #expect(trout == stream.spawn("trout", x: -25, z: 5, heading: 0.3))
        let route = try #require(trout.animations.firstIndex { $0.name == "trout-route" })
        let rig = try #require(trout.nodes.firstIndex { $0.name?.hasSuffix("Rig") == true })
        let swim = (0...8).map { k -> Vec3 in
            let m = trout.pose(at: trout.animations[route].duration * Float(k) / 8, animation: route).worldMatrices[rig]
            return Vec3(m.m[12], m.m[13], m.m[14])
        }
        #expect(swim.allSatisfy { $0.y < level - 0.4 && length(SIMD2($0.x, $0.z) - centre) < 4 }, "under the water (\(level)) round \(centre): \(swim)")
        #expect(length(swim[0] - swim[8]) < 1e-3, "the loop closes")
        // Up on the windmill's hill there is no still water within reach.
        #expect(stream.stillWater(near: Vec2(-14, 96)) == nil)
        #expect(stream.spawn("carp", x: -14, z: 96, heading: 0) == nil)
        let world = try StreamedWorld(recipe: r)
        #expect(!world.hasRoom(for: "carp", x: -14, z: 96) && world.hasRoom(for: "carp", x: -25, z: 5) && world.hasRoom(for: "knight", x: -14, z: 96))
    }
}

/// World changes rendered.
@Suite(.enabled(if: openGLAvailable, "needs headless OpenGL"))
struct DirectedRenderTests {
    func render(_ world: StreamedWorld, _ text: String, fps: Int = 4, frame: (Int, PixelImage, FrameStatistics) -> Void) throws -> DirectedWalk {
        let renderer = try Renderer()
        let home = world.establishingCamera
        let walk = try world.direct(try script(text), camera: (home.eye, normalize(home.target - home.eye)), fps: fps)
        let shot = try Shot(motion: .path(walk.path), duration: max(walk.path.duration, 1 / Float(fps)), fps: fps)
        try world.render(shot, base: RenderOptions(width: 96, height: 54), renderer: renderer, levelsOfDetail: true, direction: walk.direction) { i, image in
            frame(i, image, renderer.statistics)
        }
        return walk
    }

    func luma(_ image: PixelImage) -> Double {
        let p = image.samples8
        var sum = 0.0
        for i in stride(from: 0, to: p.count, by: 4) { sum += 0.2126 * Double(p[i]) + 0.7152 * Double(p[i + 1]) + 0.0722 * Double(p[i + 2]) }
        return sum / Double(p.count / 4)
    }

    func clearWorld() throws -> StreamedWorld {
        var r = testRecipe()
        r.weather = .clear
        r.timeOfDay = 14
        return try StreamedWorld(recipe: r, window: TileWindow(size: 32, radius: 1, ahead: 1))
    }

    @Test func settingTheTimeToNightDarkensTheFrameAndTheSameScriptGivesTheSameBytes() throws {
        let world = try clearWorld()
        let text = """
        {"start": {"pitch": -10}, "actions": [{"do": "wait", "seconds": 0.5}, {"do": "set-time", "to": "23:00", "seconds": 0.5}, {"do": "wait", "seconds": 1}]}
        """
        var frames: [[UInt8]] = [], lumas: [Double] = []
        _ = try render(world, text) { _, image, _ in frames.append(image.samples8); lumas.append(luma(image)) }
        #expect(frames.count == 6)
        // Frames 0–1 at 14:00, 2–3 in the blend, 4–5 at 23:00.
        #expect(lumas[5] < lumas[0] * 0.5, "night \(lumas[5]) against afternoon \(lumas[0])")
        #expect(lumas[2] <= lumas[0] + 1 && lumas[3] < lumas[1], "the light falls through the blend: \(lumas)")
        var again: [[UInt8]] = []
        let walk = try render(world, text) { _, image, _ in again.append(image.samples8) }
        #expect(again == frames, "the same script gave other frames")
        // The light of the last frame is the moon's, elsewhere in the sky than the sun was.
        let start = walk.direction.environment(at: 0, in: world.stream), end = walk.direction.environment(at: 1.5, in: world.stream)
        #expect(start.isNight == false && end.isNight == true && length(start.sunDirection! - end.sunDirection!) > 0.3)
    }

    @Test func snowUnderAWorldDrawsFallingFlakesRoundTheCamera() throws {
        let world = try clearWorld()
        func run(_ kind: String) throws -> (images: [[UInt8]], triangles: [Int]) {
            var out: ([[UInt8]], [Int]) = ([], [])
            _ = try render(world, """
            {"start": {"pitch": 5}, "actions": [{"do": "weather", "kind": "\(kind)"}, {"do": "move", "seconds": 1, "speed": 3}]}
            """) { _, image, stats in out.0.append(image.samples8); out.1.append(stats.triangles) }
            return out
        }
        let clear = try run("clear")
        #expect(world.statistics.weatherFields == 0, "clear weather has no field")
        let snow = try run("snow")
        let fields = world.statistics.weatherFields
        #expect(fields >= 1 && fields <= 4, "made again only as the camera moves on: \(fields)")
        for f in 0..<4 {
            #expect(snow.triangles[f] > clear.triangles[f] + 5_000, "frame \(f): \(snow.triangles[f]) against \(clear.triangles[f]) triangles")
        }
        // Flakes are small white specks: more near-white pixels than the clear frame has.
        func whites(_ p: [UInt8]) -> Int { stride(from: 0, to: p.count, by: 4).filter { p[$0] > 200 && p[$0 + 1] > 200 && p[$0 + 2] > 200 }.count }
        #expect(whites(snow.images[0]) > whites(clear.images[0]) + 10, "\(whites(snow.images[0])) against \(whites(clear.images[0]))")
    }

    @Test func aSnowyRecipesWorldSnowsWithoutAScript() throws {
        var r = testRecipe()
        r.weather = .snow
        let world = try StreamedWorld(recipe: r, window: TileWindow(size: 32, radius: 1, ahead: 1))
        let home = world.establishingCamera
        var base = RenderOptions(width: 96, height: 54)
        base.eye = home.eye
        base.target = home.target
        try world.render(try Shot(motion: .fixed, duration: 1, fps: 1), base: base, renderer: try Renderer(), levelsOfDetail: false) { _, _ in }
        #expect(world.statistics.weatherFields == 1)
        r.weather = .clear
        let clear = try StreamedWorld(recipe: r, window: TileWindow(size: 32, radius: 1, ahead: 1))
        try clear.render(try Shot(motion: .fixed, duration: 1, fps: 1), base: base, renderer: try Renderer(), levelsOfDetail: false) { _, _ in }
        #expect(clear.statistics.weatherFields == 0)
    }

    /// The people a call takes leave their tiles' routines and walk over: frames after the
    /// call differ from the same walk without it, and the same script gives the same bytes.
    @Test func aCallToGatherMovesThePeopleInTheFrame() throws {
        let world = try clearWorld()
        let well = try #require(world.landmark("well", near: SIMD2(0, 0), within: 150))
        // Looking down at the well from 12 m off, so its people fill the frame.
        let text = """
        {"start": {"position": [\(well.x + 9), 0, \(well.y + 9)], "heading": -45, "pitch": -35},
         "actions": [%@{"do": "wait", "seconds": 6}]}
        """
        var called: [[UInt8]] = [], again: [[UInt8]] = [], quiet: [[UInt8]] = []
        let call = "{\"do\": \"gather\", \"around\": [\(well.x), 0, \(well.y)], \"at\": 0.5}, "
        _ = try render(world, text.replacingOccurrences(of: "%@", with: call), fps: 1) { _, image, _ in called.append(image.samples8) }
        _ = try render(world, text.replacingOccurrences(of: "%@", with: call), fps: 1) { _, image, _ in again.append(image.samples8) }
        _ = try render(world, text.replacingOccurrences(of: "%@", with: ""), fps: 1) { _, image, _ in quiet.append(image.samples8) }
        #expect(called == again, "the same call gave other frames")
        #expect(called[0] == quiet[0], "nothing changes before the call")
        #expect(called.last != quiet.last, "the people gathered nowhere to be seen")
    }

    @Test func aSpawnedTowerAppearsAheadAndStopsTheWalker() throws {
        let world = try clearWorld()
        let walkText = """
        {"start": {"pitch": 0}, "actions": [%@{"do": "move", "seconds": 3, "speed": 4}]}
        """
        var with: [[UInt8]] = [], without: [[UInt8]] = []
        let spawned = try render(world, walkText.replacingOccurrences(of: "%@", with: "{\"do\": \"spawn\", \"thing\": \"tower\", \"at\": \"ahead\", \"distance\": 8}, ")) { _, image, _ in with.append(image.samples8) }
        let free = try render(world, walkText.replacingOccurrences(of: "%@", with: "")) { _, image, _ in without.append(image.samples8) }
        let placed = try #require(spawned.direction.spawns.first?.placed)
        let start = free.path.keys[0].position
        let goal = Vec3(placed.x, start.y, placed.z)
        // The free walk goes 12 m; the tower (4 m or so across, 8 m ahead) stops the other short.
        let freeEnd = try #require(free.path.keys.last).position, stopped = try #require(spawned.path.keys.last).position
        #expect(length(Vec3(freeEnd.x - start.x, 0, freeEnd.z - start.z)) > 11)
        #expect(length(Vec3(stopped.x - start.x, 0, stopped.z - start.z)) < 7.5, "walked through the tower at \(goal)")
        // The first frame has the tower in the middle, where the free walk sees something else.
        func centre(_ p: [UInt8]) -> [Int] {
            var out: [Int] = []
            for y in 17..<37 { for x in 38..<58 { for c in 0..<3 { out.append(Int(p[(y * 96 + x) * 4 + c])) } } }
            return out
        }
        let diff = zip(centre(with[0]), centre(without[0])).map { abs($0 - $1) }.reduce(0, +) / (20 * 20 * 3)
        #expect(diff > 20, "the centre barely changed (\(diff) per channel)")
    }
}
