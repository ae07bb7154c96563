import OysterCore
import OysterJSON

/// Sun (or moon) and sky for a time of day and weather.
struct Sky {
    /// Unit vector towards the sun.
    let sunDirection: Vec3
    let sunColor: Vec3
    /// Directional light illuminance (KHR_lights_punctual lux; Blender reads it as sun strength).
    let sunIntensity: Float
    let isNight: Bool
    let skyColor: Vec3
    let fogDensity: Float

    init(recipe: Recipe) {
        self.init(hour: recipe.timeOfDay, weather: recipe.weather)
    }

    init(hour t: Float, weather: Weather) {
        let (pos, elevation) = Sky.sunPosition(hour: t)
        let night = elevation < -0.01
        isNight = night
        let dim: Float = weather == .clear ? 1 : weather == .snow ? 0.65 : weather == .overcast ? 0.5 : 0.42
        if night {
            // The moon: high in the opposite sky, cold and faint.
            sunDirection = normalize(Vec3(-pos.x, 0.6, -pos.z + 0.3))
            sunColor = Vec3(0.62, 0.72, 1.0)
            sunIntensity = 0.7 * (weather == .clear ? 1 : 0.7)
        } else {
            sunDirection = normalize(Vec3(pos.x, max(pos.y, 0.04), pos.z))
            let warm = smoothstep(0.03, 0.45, elevation)
            sunColor = mix(Vec3(1.0, 0.55, 0.28), Vec3(1.0, 0.96, 0.90), warm)
            sunIntensity = (1.5 + 3.5 * smoothstep(0.0, 0.35, elevation)) * dim
        }
        let dayBlue = weather == .clear ? Vec3(0.45, 0.62, 0.90) : Vec3(0.62, 0.65, 0.70)
        if night { skyColor = Vec3(0.05, 0.07, 0.16) }
        else if elevation < 0.2 { skyColor = mix(Vec3(0.85, 0.50, 0.35), dayBlue, elevation / 0.2) }
        else { skyColor = dayBlue }
        switch weather {
        case .fog: fogDensity = 0.025
        case .rain, .snow: fogDensity = 0.01
        case .overcast: fogDensity = 0.004
        case .clear: fogDensity = 0.0015
        }
    }

    /// Direction towards the sun (east = +x, south = -z) and its elevation sine.
    static func sunPosition(hour t: Float) -> (Vec3, Float) {
        // Day from about 5:30 to 19:30 (sun above the horizon), noon at 12:30.
        let h = Float.pi * (t - 12.5) / 14
        let e = kcos(h)
        let cosE = (1 - min(1, e * e)).squareRoot()
        let p = Vec3(-ksin(h) * cosE, e, -0.45 * cosE)
        return (normalize(p), e)
    }

    /// What `asset.extras.environment` records. Only sky colour, fog and night are set, so the
    /// JSON (and generated files' bytes) stay as they were before `Environment` was typed.
    var environment: Environment {
        Environment(skyColor: skyColor, fogDensity: fogDensity, isNight: isNight)
    }
}
