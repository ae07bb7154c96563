import OysterCore
import OysterImage
import Testing
@testable import OysterGen

/// A small world with the given weather (everything else as `smallRecipe`).
private func weatherRecipe(_ weather: Weather, seed: UInt64 = 3) -> Recipe {
    var r = smallRecipe(seed: seed)
    r.size = 160
    r.weather = weather
    return r
}

private extension Scene {
    /// The node named `name`, if any.
    func node(named name: String) -> Int? { nodes.firstIndex { $0.name == name } }

    /// `root` and every node below it.
    func subtree(_ root: Int) -> [Int] {
        var out: [Int] = [], stack = [root]
        while let n = stack.popLast() {
            out.append(n)
            stack += nodes[n].children
        }
        return out.sorted()
    }

    /// Translation channels (node, first value, last value, last time) of every animation.
    var translationChannels: [(node: Int, first: Vec3, last: Vec3, duration: Float)] {
        animations.flatMap { anim in
            anim.channels.compactMap { c -> (Int, Vec3, Vec3, Float)? in
                guard c.path == .translation, let node = c.node else { return nil }
                let s = anim.samplers[c.sampler]
                let v = s.output.floats(), t = s.input.floats()
                guard v.count >= 6, let end = t.last else { return nil }
                return (node, Vec3(v[0], v[1], v[2]), Vec3(v[v.count - 3], v[v.count - 2], v[v.count - 1]), end)
            }
        }
    }

    /// POSITION bounds of a mesh (all primitives).
    func bounds(mesh m: Int) -> AABB {
        var box = AABB.empty
        for p in meshes[m].primitives {
            guard let pos = p.attributes["POSITION"] else { continue }
            for i in 0..<pos.count { box.add(pos.vec3(i)) }
        }
        return box
    }
}

@Suite struct WeatherTests {
    @Test(arguments: [Weather.rain, .snow])
    func precipitationFallsExactlyOnePeriodPerLoop(_ weather: Weather) throws {
        let scene = WorldGenerator.generate(weatherRecipe(weather))
        let root = try #require(scene.node(named: "Weather"))
        let label = weather == .rain ? "Rain" : "Snow"
        let bands = scene.subtree(root).filter {
            scene.nodes[$0].name?.hasPrefix("\(label)_Band") == true && scene.nodes[$0].name?.contains("Sway") == false && scene.nodes[$0].mesh == nil
        }
        #expect(!bands.isEmpty)
        let channels = scene.translationChannels
        for band in bands {
            let fall = try #require(channels.first { $0.node == band })
            #expect(fall.first == .zero)
            #expect(fall.duration > 0)
            let d = fall.last - fall.first
            #expect(d.y < 0)
            // Tiles stacked in a column sit exactly one fall vector apart…
            let tiles = scene.subtree(band).filter { scene.nodes[$0].mesh != nil }
            #expect(!tiles.isEmpty)
            var translations: [Vec3] = []
            var scale: Float = 1
            for t in tiles {
                guard case .trs(let tr, _, let s) = scene.nodes[t].transform else { Issue.record("tile without TRS"); continue }
                translations.append(tr)
                scale = s.y
            }
            let stacked = translations.filter { t in translations.contains { length($0 - (t - d)) < 1e-3 } }
            #expect(stacked.count * 3 >= translations.count)
            // …and the tile's content fills exactly that period, so the loop wraps seamlessly.
            let tileMesh = try #require(scene.nodes[tiles[0]].mesh)
            let box = scene.bounds(mesh: tileMesh)
            let period = -d.y / scale
            #expect(box.max.y < period + 1e-3)
            #expect(box.max.y > period * 0.9)
        }
    }

    @Test func fogHasDriftingMistAndNoPrecipitation() throws {
        let scene = WorldGenerator.generate(weatherRecipe(.fog))
        let root = try #require(scene.node(named: "Weather"))
        let sheets = scene.subtree(root).filter { scene.nodes[$0].mesh != nil }
        #expect(sheets.count >= 3)
        #expect(!sheets.contains { scene.nodes[$0].name?.hasPrefix("Rain") == true || scene.nodes[$0].name?.hasPrefix("Snow") == true })
        let channels = scene.translationChannels
        for s in sheets {
            let drift = try #require(channels.first { $0.node == s })
            // A loop: the drift returns to where it started.
            #expect(length(drift.last - drift.first) < 1e-3)
            #expect(drift.duration > 10)
            // Sheets lie flat and face up (visible from above with single-sided materials).
            for p in scene.meshes[scene.nodes[s].mesh!].primitives {
                let normals = try #require(p.attributes["NORMAL"])
                #expect((0..<normals.count).allSatisfy { normals.vec3($0).y > 0.99 })
            }
        }
    }

    @Test func mistThickensWithWorseWeather() {
        func sheets(_ w: Weather) -> Int {
            let scene = WorldGenerator.generate(weatherRecipe(w), options: untextured)
            return scene.nodes.filter { $0.name?.hasPrefix("Mist_") == true && $0.mesh != nil }.count
        }
        let fog = sheets(.fog), rain = sheets(.rain), overcast = sheets(.overcast), clear = sheets(.clear)
        #expect(fog > rain)
        #expect(rain > overcast)
        #expect(overcast > clear)
        #expect(clear == 0)
    }

    @Test func clearWeatherAddsNothing() {
        let scene = WorldGenerator.generate(weatherRecipe(.clear))
        #expect(scene.node(named: "Weather") == nil)
        #expect(!scene.materials.contains { ["rain", "snowflake", "mist"].contains($0.name ?? "") })
        #expect(!scene.animations.contains { ["Rain", "Snow", "Mist"].contains($0.name ?? "") })
    }

    /// The establishing camera, or a camera far out in the unbounded world given as an option.
    @Test(arguments: [false, true])
    func rainFillsWhatTheCameraSees(givenCamera: Bool) throws {
        let recipe = weatherRecipe(.rain)
        var options = untextured
        let map = WorldMap(recipe: recipe)
        if givenCamera {
            let target = Vec3(900, map.height(900, -700) + 2, -700)
            options.weatherCamera = (target + Vec3(-60, 30, -40), target)
        }
        let scene = WorldGenerator.generate(recipe, options: options)
        let eye: Vec3, target: Vec3
        if let camera = options.weatherCamera { (eye, target) = camera } else {
            let node = try #require(scene.nodes.firstIndex { $0.name == "Camera" })
            let m = scene.worldMatrices()[node]
            eye = m.transformPoint(.zero)
            target = eye + normalize(m.transformDirection(Vec3(0, 0, -1))) * 50
        }
        let f = normalize(target - eye), r = normalize(cross(f, Vec3(0, 1, 0))), u = cross(r, f)
        let worldM = scene.worldMatrices()
        let tiles = scene.nodes.indices.filter { scene.nodes[$0].name?.hasPrefix("Rain_Band") == true && scene.nodes[$0].mesh != nil }
        let boxes = tiles.compactMap { t -> (Mat4, AABB)? in
            guard let inv = worldM[t].inverse, let m = scene.nodes[t].mesh else { return nil }
            return (inv, scene.bounds(mesh: m))
        }
        var inside = 0, total = 0
        // Points along rays through a grid over the picture, in the air and inside the world.
        for sy in -2...2 {
            for sx in -3...3 {
                let dir = normalize(f + r * (Float(sx) / 3 * 0.7) + u * (Float(sy) / 2 * 0.38))
                for step in 1...14 {
                    let p = eye + dir * (Float(step) * 10)
                    guard length(Vec2(p.x - eye.x, p.z - eye.z)) < 140 else { continue }
                    guard p.y > map.height(p.x, p.z) + 0.5, p.y < eye.y + 20 else { continue }
                    total += 1
                    if boxes.contains(where: { inv, box in
                        let q = inv.transformPoint(p)
                        // Streak tops are random within the tile: allow the gap to the tile's edge.
                        let e: Float = 0.25
                        return q.x >= box.min.x - e && q.x <= box.max.x + e && q.y >= box.min.y && q.y <= box.max.y
                            && q.z >= box.min.z - e && q.z <= box.max.z + e
                    }) { inside += 1 }
                }
            }
        }
        #expect(total > 50)
        #expect(Float(inside) >= Float(total) * 0.99)
    }

    @Test(arguments: [Weather.rain, .snow])
    func precipitationStaysWithinItsTriangleBudget(_ weather: Weather) throws {
        let scene = WorldGenerator.generate(weatherRecipe(weather), options: untextured)
        let root = try #require(scene.node(named: "Weather"))
        var rendered = 0
        for n in scene.subtree(root) where scene.nodes[n].name?.hasPrefix("Mist") == false {
            guard let m = scene.nodes[n].mesh else { continue }
            rendered += scene.meshes[m].primitives.reduce(0) { $0 + ($1.indices?.count ?? 0) / 3 }
        }
        #expect(rendered > 5000)
        #expect(rendered <= Precipitation.triangleBudget)
        // Shared tiles: far fewer meshes than nodes.
        let meshes = Set(scene.subtree(root).compactMap { scene.nodes[$0].mesh })
        #expect(meshes.count * 10 < scene.subtree(root).count)
    }

    @Test func weatherIsDeterministic() {
        let a = WorldGenerator.generate(weatherRecipe(.rain, seed: 9))
        let b = WorldGenerator.generate(weatherRecipe(.rain, seed: 9))
        #expect(a == b)
    }

    @Test(arguments: [Weather.rain, .snow, .fog])
    func weatherMaterialsBlendATexturedAlpha(_ weather: Weather) throws {
        let scene = WorldGenerator.generate(weatherRecipe(weather))
        let mats = scene.materials.filter { ["rain", "snowflake", "mist"].contains($0.name ?? "") }
        #expect(!mats.isEmpty)
        for m in mats {
            #expect(m.alphaMode == .blend || m.alphaMode == .mask)
            #expect(!m.doubleSided)
            let t = try #require(m.baseColorTexture?.texture)
            let source = try #require(scene.textures[t].source)
            let png = try #require(try scene.images[source].encodedData())
            // PNG IHDR colour type 6: RGBA, so the texture carries the shape in alpha.
            #expect(png.count > 26 && png[25] == 6)
        }
    }

    @Test func chunksCarryNoWeatherGeometry() {
        let scene = ChunkGenerator.generate(weatherRecipe(.rain), x: 0, z: 0, size: 32)
        #expect(scene.node(named: "Weather") == nil)
    }
}

private var untextured: WorldGenerator.Options {
    var o = WorldGenerator.Options()
    o.bakeTextures = false
    return o
}
