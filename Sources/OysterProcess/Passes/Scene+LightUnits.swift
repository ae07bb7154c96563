import OysterCore
import OysterJSON

/// Light-unit conversion between the two ways tools read KHR_lights_punctual intensities
/// (see `LightUnits`).
extension Scene {
    /// Rescales every light's intensity from the recorded units to `units` and records the
    /// new units. A scene that records none is left alone: its convention is unknown, and
    /// guessing would make a correct file wrong.
    public mutating func convertLights(to units: LightUnits) -> PassReport {
        guard let from = lightUnits else {
            let notes = lights.isEmpty ? [] : ["lights: units not recorded in asset.extras.\(LightUnits.extrasKey); intensities kept"]
            return PassReport(name: "lightUnits", figures: ["lightsScaled": 0], notes: notes)
        }
        let f = from.factor(to: units)
        if f != 1 {
            for i in lights.indices { lights[i].intensity *= f }
        }
        if case .object(var o)? = asset.extras {
            o[LightUnits.extrasKey] = .string(units.rawValue)
            asset.extras = .object(o)
        }
        return PassReport(name: "lightUnits", figures: ["lightsScaled": f == 1 ? 0 : Double(lights.count), "factor": Double(f)])
    }
}
