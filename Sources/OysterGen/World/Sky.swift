import OysterCore
import OysterJSON

/// Sun (or moon) and sky for a time of day and weather.
///
/// The sun follows a real solar path: latitude 45° N, declination +10° (late April or mid
/// August), solar noon at 12:39, halfway between dawn (6:00) and dusk (19:18), which both have
/// the sun on the horizon, east at dawn and west at dusk; sunrise (6:30) and sunset (18:48)
/// have it 5.5° up, noon 55°. Its light crosses the air mass of its elevation: blue is
/// scattered out first (Rayleigh, plus haze), so a low sun is orange to red and dimmer, and
/// over its last two degrees it fades out. Its intensity is the transmitted luminance to the
/// power 0.5, as a camera that opens up towards evening records it, not the hundredfold drop
/// a light meter sees. The sky's colours (overhead, at the horizon and the glow towards the
/// sun) follow the sun's elevation from keyframes: deep blue by day, a warm glow on the sun's
/// side and a dusky pink horizon under a darker blue around sunset and sunrise, dark blue by
/// night, when the moon (full, opposite the sun, at least 23° up) is the light in the sky.
struct Sky {
    /// Unit vector towards the sun.
    let sunDirection: Vec3
    let sunColor: Vec3
    /// Directional light illuminance (KHR_lights_punctual lux; Blender reads it as sun strength).
    let sunIntensity: Float
    let isNight: Bool
    /// The sky overhead, linear RGB radiance (Blender's world colour scale: a noon sun lights a
    /// white surface to about 1.3).
    let skyColor: Vec3
    /// The sky at the horizon (away from the sun), linear RGB radiance.
    let horizonColor: Vec3
    /// Added to the horizon towards the sun (see `Environment.sunGlowColor`).
    let sunGlowColor: Vec3
    let fogDensity: Float
    /// The hour this sky is for, 0–24.
    let hour: Float
    /// The sun's elevation in degrees (negative below the horizon, also by night).
    let sunElevation: Float

    /// Lamps, windows and torches are lit from dusk to dawn: the sun lower than this (degrees).
    static let lampsLitBelow: Float = 4
    /// Whether it is dark enough outdoors for lamps, lit windows and torches.
    var lampsLit: Bool { sunElevation < Sky.lampsLitBelow }

    init(recipe: Recipe) {
        self.init(hour: recipe.timeOfDay, weather: recipe.weather)
    }

    init(hour t: Float, weather: Weather) {
        hour = t
        let (pos, e) = Sky.sunPosition(hour: t)
        let elevation = Sky.degrees(e)
        sunElevation = elevation
        let night = e < -0.01
        isNight = night
        let clear = weather == .clear
        let dim: Float = clear ? 1 : weather == .snow ? 0.65 : weather == .overcast ? 0.5 : 0.42
        if night {
            // The full moon, opposite the sun, raised to at least ~23° so the night is lit from
            // above; cold and faint.
            sunDirection = normalize(Vec3(-pos.x, max(-pos.y, 0.42), -pos.z))
            sunColor = Vec3(0.62, 0.72, 1.0)
            sunIntensity = Sky.moonIntensity * (clear ? 1 : 0.7)
        } else {
            // Not quite grazing: a sun on the horizon would put every slope in shadow.
            sunDirection = normalize(Vec3(pos.x, max(pos.y, 0.025), pos.z))
            let (color, luminance) = Sky.sunlight(elevationSine: e)
            // Cloud scatters the light: a greyer sun under cloud.
            sunColor = clear ? color : mix(color, Vec3(repeating: (color.x + color.y + color.z) / 3), 0.5)
            // Over its last two degrees the disc sinks into the haze and behind the far horizon
            // (hills and woods beyond the world): at dusk and dawn its direct light is gone.
            let setting = smoothstep(-0.01, 0.035, e)
            sunIntensity = Sky.noonIntensity * luminance.squareRoot() * setting * dim
        }
        var zenith = Sky.keyed(elevation, Sky.zenithKeys)
        var horizon = Sky.keyed(elevation, Sky.horizonKeys)
        var glow = Sky.keyed(elevation, Sky.glowKeys)
        if !clear {
            // Cloud: one grey over the whole sky, tinted by the hour: by day a little brighter
            // than the clear sky's mean (cloud scatters the sun's light down), in twilight and by
            // night darker (no glow to pass on, and the cloud hides what sky light there is).
            let mean = (zenith + horizon) * 0.5
            let grey = Vec3(repeating: (mean.x + mean.y + mean.z) / 3)
            let cloud = mix(mean, grey, 0.75) * mix(0.55, 1.15, smoothstep(-2, 12, elevation))
            zenith = cloud * Vec3(0.97, 1.0, 1.05)
            horizon = cloud
            glow = glow * 0.3
        }
        skyColor = zenith
        horizonColor = horizon
        sunGlowColor = glow
        switch weather {
        case .fog: fogDensity = 0.025
        case .rain, .snow: fogDensity = 0.01
        case .overcast: fogDensity = 0.004
        case .clear: fogDensity = 0.0015
        }
    }

    // MARK: - Sun path

    /// Latitude and solar declination of the sun path (degrees), and the hour of solar noon.
    static let latitude: Float = 45
    static let declination: Float = 10
    static let solarNoon: Float = 12.65

    /// Direction towards the sun (east = +x, north = +z, so south = −z) and its elevation sine.
    static func sunPosition(hour t: Float) -> (Vec3, Float) {
        let h = (t - solarNoon) * (.pi / 12)
        let phi = latitude * .pi / 180, delta = declination * .pi / 180
        let up = ksin(phi) * ksin(delta) + kcos(phi) * kcos(delta) * kcos(h)
        let east = -kcos(delta) * ksin(h)
        let north = kcos(phi) * ksin(delta) - ksin(phi) * kcos(delta) * kcos(h)
        return (normalize(Vec3(east, up, north)), up)
    }

    /// Degrees above the horizon for an elevation sine.
    static func degrees(_ sine: Float) -> Float {
        let s = min(max(sine, -1), 1)
        return katan2(s, (1 - s * s).squareRoot()) * 180 / .pi
    }

    // MARK: - Sunlight

    /// Clear-sky illuminance of the noon-high sun (unitless; ×683 lm/W in the file).
    static let noonIntensity: Float = 5
    static let moonIntensity: Float = 0.6
    /// Optical depth of the clear atmosphere at the zenith for red, green and blue: Rayleigh
    /// (∝ λ⁻⁴: 0.05, 0.10, 0.22 at 650, 550, 450 nm) plus a little haze, less than the sum
    /// because the colours are relative to the sun at the zenith, which eyes and cameras take
    /// as white.
    static let opticalDepth = Vec3(0.08, 0.14, 0.28)

    /// Air mass along the way to a sun at this elevation sine (Rozenberg's formula: 1 at the
    /// zenith, about 40 at the horizon).
    static func airMass(elevationSine e: Float) -> Float {
        let s = max(e, 0)
        return 1 / (s + 0.025 * kexp(-11 * s))
    }

    /// The sun's colour (red = 1) after the air mass at this elevation, relative to the sun at
    /// the zenith, and the transmitted luminance (1 at the zenith).
    static func sunlight(elevationSine e: Float) -> (Vec3, Float) {
        let extra = airMass(elevationSine: e) - 1
        let t = Vec3(kexp(-opticalDepth.x * extra), kexp(-opticalDepth.y * extra), kexp(-opticalDepth.z * extra))
        let luminance = 0.2126 * t.x + 0.7152 * t.y + 0.0722 * t.z
        return (t / t.x, luminance)
    }

    // MARK: - Sky colours

    /// The sky overhead and at the horizon by sun elevation (degrees), linear radiance on
    /// Blender's world scale, for a clear sky.
    static let zenithKeys: [(Float, Vec3)] = [
        (-18, Vec3(0.022, 0.032, 0.085)),
        (-8, Vec3(0.03, 0.045, 0.12)),
        (-3, Vec3(0.08, 0.10, 0.25)),
        (0, Vec3(0.15, 0.20, 0.45)),
        (3, Vec3(0.17, 0.24, 0.50)),
        (8, Vec3(0.20, 0.31, 0.60)),
        (18, Vec3(0.25, 0.39, 0.74)),
        (35, Vec3(0.29, 0.46, 0.84)),
    ]
    static let horizonKeys: [(Float, Vec3)] = [
        (-18, Vec3(0.035, 0.042, 0.095)),
        (-8, Vec3(0.05, 0.055, 0.12)),
        (-3, Vec3(0.18, 0.12, 0.20)),
        (0, Vec3(0.42, 0.28, 0.34)),
        (3, Vec3(0.46, 0.33, 0.36)),
        (8, Vec3(0.50, 0.44, 0.46)),
        (18, Vec3(0.66, 0.70, 0.78)),
        (35, Vec3(0.64, 0.74, 0.88)),
    ]
    /// The glow added to the horizon towards the sun: light scattered forward by haze around
    /// a low sun, orange at sunset, fading as the sun climbs or sinks out of sight.
    static let glowKeys: [(Float, Vec3)] = [
        (-8, Vec3(0, 0, 0)),
        (-3, Vec3(0.18, 0.06, 0.02)),
        (0, Vec3(0.90, 0.40, 0.13)),
        (3, Vec3(0.90, 0.45, 0.15)),
        (8, Vec3(0.60, 0.38, 0.18)),
        (18, Vec3(0.20, 0.16, 0.10)),
        (30, Vec3(0, 0, 0)),
    ]

    /// Linear interpolation between keyframes, held beyond the first and last.
    static func keyed(_ x: Float, _ keys: [(Float, Vec3)]) -> Vec3 {
        guard let first = keys.first, let last = keys.last else { return .zero }
        if x <= first.0 { return first.1 }
        for (a, b) in zip(keys, keys.dropFirst()) where x <= b.0 {
            return mix(a.1, b.1, (x - a.0) / (b.0 - a.0))
        }
        return last.1
    }

    /// What `asset.extras.environment` records: the sky overhead, at the horizon and its glow, fog,
    /// night and the hour. The sun is the file's directional light (which axis and light-unit
    /// conversions keep right), so it is not repeated here.
    var environment: Environment {
        Environment(skyColor: skyColor, horizonColor: horizonColor, sunGlowColor: sunGlowColor, fogDensity: fogDensity, isNight: isNight, timeOfDay: hour)
    }
}

/// Deterministic eˣ (through `kpow`), for the sky's exponentials.
func kexp(_ x: Float) -> Float { kpow(2.7182817, x) }

extension Recipe {
    /// Whether lamps, lit windows and torches burn: from dusk to dawn outdoors (the sun lower
    /// than `Sky.lampsLitBelow`), always indoors, and in a dark mood.
    var lampsLit: Bool {
        scene == .interior || moods.contains(.dark) || Sky.degrees(Sky.sunPosition(hour: timeOfDay).1) < Sky.lampsLitBelow
    }
}
