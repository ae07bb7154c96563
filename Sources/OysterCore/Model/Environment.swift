import OysterJSON

/// A world's sky, sun, fog, time of day and weather: what a renderer needs to light and fog a
/// generated scene, typed.
///
/// Stored in glTF as `asset.extras.environment` (see `AssetInfo.environment`). Every field is
/// optional: a field that is nil is not written, so files keep exactly the keys they had.
public struct Environment: Hashable, Sendable {
    /// Sky colour, linear RGB radiance (on the scale where a noon sun lights a white surface to 1
    /// after dividing by π, as Blender reads a world colour). Without `horizonColor` it is the
    /// whole sky's (and the ambient's) colour; with it, the sky overhead.
    public var skyColor: Vec3?
    /// Sky radiance at the horizon, linear RGB: with `skyColor` overhead, a gradient between
    /// them (warm at dawn and dusk). Optional, for files written before it existed.
    public var horizonColor: Vec3?
    /// Radiance added to the horizon on the sun's side (light scattered forward around a low
    /// sun), linear RGB: all of it towards the sun, falling off as the cube of the cosine of
    /// the azimuth from it, none on the far side. Optional, as `horizonColor`.
    public var sunGlowColor: Vec3?
    /// Exponential fog density per metre.
    public var fogDensity: Float?
    /// Whether the light in the sky is the moon.
    public var isNight: Bool?
    /// Unit vector from the scene towards the sun (or moon), glTF's Y-up space.
    public var sunDirection: Vec3?
    /// Sun (or moon) colour, linear RGB.
    public var sunColor: Vec3?
    /// Sun illuminance in the file's light units (see `asset.extras.lightUnits`).
    public var sunIntensity: Float?
    /// Hour of the day, 0–24.
    public var timeOfDay: Float?
    /// Weather kind as the recipe names it: `clear`, `overcast`, `rain`, `snow`, `fog`.
    public var weather: String?
    /// Strength of the weather, 0–1.
    public var weatherIntensity: Float?
    /// Whether the scene's lamps (its point and spot lights: lanterns, torches, lit windows)
    /// burn. Nil: they do as the file has them. A frame's light can say false to put them out
    /// by day in a world made with them (an action script's `set-time`).
    public var lampsLit: Bool?
    /// Members Oyster does not model, kept in their place.
    public var other = JSONObject()

    /// An environment with the given fields.
    public init(skyColor: Vec3? = nil, horizonColor: Vec3? = nil, sunGlowColor: Vec3? = nil, fogDensity: Float? = nil, isNight: Bool? = nil, sunDirection: Vec3? = nil,
                sunColor: Vec3? = nil, sunIntensity: Float? = nil, timeOfDay: Float? = nil, weather: String? = nil,
                weatherIntensity: Float? = nil, lampsLit: Bool? = nil) {
        self.skyColor = skyColor
        self.horizonColor = horizonColor
        self.sunGlowColor = sunGlowColor
        self.fogDensity = fogDensity
        self.isNight = isNight
        self.sunDirection = sunDirection
        self.sunColor = sunColor
        self.sunIntensity = sunIntensity
        self.timeOfDay = timeOfDay
        self.weather = weather
        self.weatherIntensity = weatherIntensity
        self.lampsLit = lampsLit
    }
}
