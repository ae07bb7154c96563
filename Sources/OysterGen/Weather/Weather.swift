import OysterCore

/// Weather made visible as ordinary, animated glTF geometry under a `Weather` group node:
/// falling rain streaks or snowflakes around the establishing camera's view, and drifting
/// ground-mist banks in valleys and over water. Engines without fog or particles (Blender,
/// Godot, three.js) show it as is; the fog values stay in `asset.extras.environment` too.
///
/// It is placed for one camera: the establishing camera by default, or any camera the caller
/// names (`WorldGenerator.Options.weatherCamera`, `oyster-generate --weather-camera`), so a
/// moving camera gets weather where it looks. Chunks get none unless a camera is given: a
/// streaming engine renders weather round its own camera from `asset.extras.environment`.
struct WeatherEffects {
    let recipe: Recipe
    let sky: Sky
    /// Establishing camera: eye, target, vertical field of view (radians), aspect ratio.
    let eye: Vec3
    let target: Vec3
    let yfov: Float
    let aspect: Float

    /// The kinds of this file's surfaces (textured by `WeatherTextures`, not `MaterialBaker`),
    /// and a volcano's smoke, which is drawn the same way.
    static let kinds: [SurfaceKind] = [.rain, .snowflake, .mist, .smoke]

    /// Mist layers by weather: fog > rain/snow > overcast; clear: none ("misty" adds one).
    var mistLayers: Int {
        var n: Int
        switch recipe.weather {
        case .clear: n = 0
        case .overcast: n = 1
        case .rain, .snow: n = 2
        case .fog: n = 4
        }
        if recipe.moods.contains(.misty) { n = min(4, n + 1) }
        return n
    }

    /// Adds the `Weather` group (nothing at all in clear weather without mist).
    func add(on ground: WeatherGround, into a: inout SceneAssembler) {
        switch recipe.weather {
        case .rain: precipitation(.rain, ground: ground, into: &a)
        case .snow: precipitation(.snow, ground: ground, into: &a)
        default: break
        }
        if mistLayers > 0 { mist(ground: ground, into: &a) }
    }

    // MARK: - Materials

    /// Gives the weather materials their RGBA textures and blending. Call after
    /// `SceneAssembler.finishMaterials` (which leaves weather kinds untextured).
    static func finishMaterials(_ a: inout SceneAssembler, recipe: Recipe, sky: Sky, textured: Bool) {
        for kind in kinds {
            guard let m = a.materialOf[kind] else { continue }
            var mat = Material(name: kind.rawValue)
            mat.alphaMode = .blend
            mat.doubleSided = false
            mat.metallicFactor = 0
            if textured, let pixels = WeatherTextures.pixels(kind, seed: recipe.seed) {
                let name = "\(kind.rawValue)_baseColor"
                a.scene.images.append(Image(name: name, pixels: pixels, encoding: WeatherTextures.encoding, uri: "textures/\(name).png"))
                let sampler = a.scene.samplers.firstIndex(of: Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear))
                    ?? { a.scene.samplers.append(Sampler(magFilter: Sampler.linear, minFilter: Sampler.linearMipmapLinear)); return a.scene.samplers.count - 1 }()
                a.scene.textures.append(Texture(name: name, source: a.scene.images.count - 1, sampler: sampler))
                mat.baseColorTexture = TextureRef(texture: a.scene.textures.count - 1)
            }
            switch kind {
            case .rain:
                // Glints a little on its own so it still reads at night and under dark clouds.
                mat.baseColorFactor = Vec4(0.85, 0.9, 1.0, 0.4)
                mat.roughnessFactor = 0.25
                mat.emissiveTexture = mat.baseColorTexture
                mat.emissiveFactor = sky.lampsLit ? Vec3(0.08, 0.09, 0.12) : Vec3(0.12, 0.13, 0.15)
            case .snowflake:
                mat.baseColorFactor = Vec4(1, 1, 1, 0.95)
                mat.roughnessFactor = 0.9
                mat.emissiveTexture = mat.baseColorTexture
                mat.emissiveFactor = sky.lampsLit ? Vec3(0.08, 0.09, 0.12) : Vec3(0.3, 0.3, 0.32)
            case .smoke:
                // Grey-brown and dense; at night faintly lit from below by the lava's glow
                // (the lava lights do the rest), seen from both sides of its cards.
                mat.baseColorFactor = Vec4(0.46, 0.43, 0.41, 0.72)
                mat.roughnessFactor = 1
                mat.doubleSided = true
                mat.emissiveTexture = mat.baseColorTexture
                mat.emissiveFactor = sky.lampsLit ? Vec3(0.16, 0.05, 0.02) : .zero
            default:
                // Mist scatters the light of the sky low down: a faint glow tinted like the sky at
                // the horizon (warm at dusk, blue-grey at noon) keeps it from going grey.
                let tint = mix(Vec3(0.9, 0.92, 0.95), sky.horizonColor, 0.35)
                let opacity: Float = recipe.weather == .fog ? 0.42 : recipe.weather == .overcast ? 0.2 : 0.28
                mat.baseColorFactor = Vec4(tint.x, tint.y, tint.z, opacity)
                mat.roughnessFactor = 1
                mat.emissiveTexture = mat.baseColorTexture
                let glow: Float = sky.lampsLit ? 0.05 : 0.25
                mat.emissiveFactor = tint * glow
            }
            a.scene.materials[m] = mat
        }
    }
}

/// The ground weather settles on, as functions of world position (any region of the world).
struct WeatherGround {
    let height: (Float, Float) -> Float
    let waterLevel: (Float, Float) -> Float?
}

extension SurfaceKind {
    /// Rain, snowflakes, mist and smoke: alpha-blended, textured by `WeatherTextures`.
    var isWeather: Bool { WeatherEffects.kinds.contains(self) }
}
