import OysterCore

/// Lights and camera: the sun or moon as a directional light (with a day-cycle animation),
/// point lights at kit light anchors when it is dark, and the establishing camera.
enum Lighting {
    /// At most this many point lights: engines slow down (or drop lights) beyond a few dozen.
    static let maxPointLights = 24
    /// Generated worlds are lit in photometric units (see `LightUnits`): the sky's and kits'
    /// intensities are set as a viewer without exposure control draws them (a noon sun of 5,
    /// a torch giving about 3 at 2.5 m), then scaled by 683 lm/W so that Blender's default
    /// import shows the same balance. `--light-units unitless` undoes the factor.
    static let units = LightUnits.photometric
    static let photometricScale = LightUnits.unitless.factor(to: units)

    /// `lamps`: the lamps' lights whatever the hour (for a renderer that puts them out by day,
    /// `Environment.lampsLit`), else only when `recipe.lampsLit`.
    static func add(sky: Sky, anchors: [(position: Vec3, kind: LightAnchorKind, owner: String)], recipe: Recipe, lamps: Bool = false,
                    into a: inout SceneAssembler) {
        let group = a.group(.lights)
        var sun = Light(name: sky.isNight ? "Moon" : "Sun", kind: .directional, color: sky.sunColor, intensity: sky.sunIntensity * photometricScale)
        if recipe.scene == .interior { sun.intensity = 0.2 * photometricScale; sun.name = "Ambient" }
        a.scene.lights.append(sun)
        var node = Node(name: sun.name, transform: .trs(translation: sky.sunDirection * 100, rotation: Orientation.look(-sky.sunDirection), scale: .one))
        node.light = a.scene.lights.count - 1
        let sunNode = a.add(node, under: group)
        if recipe.scene == .outdoor { dayCycle(node: sunNode, from: recipe.timeOfDay, weather: recipe.weather, into: &a) }
        // Point lights: from dusk to dawn (the sun below a few degrees), in interiors and in
        // dark moods.
        let dark = recipe.lampsLit || lamps
        let priority: [LightAnchorKind] = [.lava, .beacon, .torchFlame, .lantern, .windowGlow, .candle]
        var chosen: [(position: Vec3, kind: LightAnchorKind, owner: String)] = []
        for kind in priority {
            for anchor in anchors where anchor.kind == kind && chosen.count < maxPointLights {
                if !dark && kind != .torchFlame { continue }
                if !dark { continue }
                // One window light per building is enough to read as "lit".
                if kind == .windowGlow, chosen.contains(where: { $0.owner == anchor.owner && $0.kind == .windowGlow }) { continue }
                chosen.append(anchor)
            }
        }
        var counters: [LightAnchorKind: Int] = [:]
        for anchor in chosen {
            let n = counters[anchor.kind, default: 0] + 1
            counters[anchor.kind] = n
            let label: String
            switch anchor.kind {
            case .torchFlame: label = "Torch"
            case .windowGlow: label = "Window"
            case .lantern: label = "Lantern"
            case .beacon: label = "Beacon"
            case .candle: label = "Candle"
            case .lava: label = "Lava"
            }
            let light = Light(name: "\(label)_\(String(format2: n))", kind: .point, color: anchor.kind.suggestedColor,
                              intensity: anchor.kind.suggestedIntensity * photometricScale, range: anchor.kind.suggestedRange * 2.5)
            a.scene.lights.append(light)
            // Flames are closed meshes around their anchor: lift the light just above the flame
            // so the flame geometry does not swallow it. A lantern's flame sits in a closed glass
            // box (opaque to a path tracer or EEVEE's shadows): its light hangs just under the
            // box's base plate and beside a lamppost's pole, where it lights the ground and the
            // wall as the lantern would.
            let offset: Vec3
            switch anchor.kind {
            case .torchFlame, .candle: offset = Vec3(0, 0.45, 0)
            case .lantern: offset = Vec3(0.12, -0.3, 0)
            case .windowGlow, .beacon, .lava: offset = .zero
            }
            var ln = Node(name: light.name, transform: .trs(translation: anchor.position + offset, rotation: .identity, scale: .one))
            ln.light = a.scene.lights.count - 1
            a.add(ln, under: group)
        }
    }

    /// The light in the sky circling it: one key per hour over 48 s, starting at the recipe's
    /// hour, where the light's node already is (the moon by night, the sun by day, as `Sky`
    /// places them), so the animation's first frame is the scene as generated.
    static func dayCycle(node: Int, from hour: Float, weather: Weather, into a: inout SceneAssembler) {
        var times: [Float] = [], rotations: [Float] = [], translations: [Float] = []
        for k in 0...24 {
            let dir = Sky(hour: (hour + Float(k)).truncatingRemainder(dividingBy: 24), weather: weather).sunDirection
            let q = Orientation.look(-dir)
            times.append(Float(k) * 2)
            rotations += [q.x, q.y, q.z, q.w]
            translations += [dir.x * 100, dir.y * 100, dir.z * 100]
        }
        a.animate("DayCycle", node: node, path: .rotation, times: times, values: rotations)
        a.animate("DayCycle", node: node, path: .translation, times: times, values: translations)
    }

    static func addCamera(eye: Vec3, target: Vec3, into a: inout SceneAssembler) {
        a.scene.cameras.append(Camera(name: "Establishing", projection: .perspective(yfov: 0.8, aspectRatio: 16.0 / 9.0, znear: 0.2, zfar: 3000)))
        var node = Node(name: "Camera", transform: .trs(translation: eye, rotation: Orientation.look(target - eye), scale: .one))
        node.camera = a.scene.cameras.count - 1
        a.add(node, under: nil)
    }
}
