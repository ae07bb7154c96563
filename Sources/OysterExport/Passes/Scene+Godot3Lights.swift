import OysterCore
import OysterProcess

extension Scene {
    /// The candela of a torch in unitless values (the generator's reference point light).
    static let referencePointCandela: Float = 20

    /// Godot 3's glTF importer ignores a point or spot light's intensity as brightness: it
    /// sets energy 1 and attenuation = 100 × range / intensity (measured with Godot 3.5), so a
    /// 20 cd torch with a 25 m range gets attenuation 125 and lights nothing beyond a hand's
    /// width. This scales each ranged point and spot light (already unitless) to
    /// 100 × range × intensity / 20, so the reference torch gets Godot's default attenuation
    /// of 1 and brighter or dimmer lights a flatter or steeper falloff.
    mutating func adaptLightsForGodot3() -> PassReport {
        var adapted = 0
        for i in lights.indices where lights[i].kind != .directional {
            guard let range = lights[i].range, range > 0 else { continue }
            lights[i].intensity = 100 * range * lights[i].intensity / Self.referencePointCandela
            adapted += 1
        }
        return PassReport(name: "godotLights", figures: ["lightsAdapted": Double(adapted)])
    }
}
