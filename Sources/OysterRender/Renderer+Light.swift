import OysterCore

extension Renderer {
    /// The light of a frame as a scene with nothing to draw: put first in
    /// `render([PreparedScene])`, its environment gives the frame's sun (`sunDirection`,
    /// `sunColor` and `sunIntensity` in `units`), sky, ambient, night and fog instead of the
    /// first drawn scene's. This is how a frame's light is changed without touching what is
    /// drawn (an action script's `set-time` and `weather`): nothing is uploaded, so making one
    /// for every frame of a blend costs next to nothing. `units` should be those of the scenes
    /// drawn with it, whose point and spot lights are read on its scale.
    public func prepareLight(_ environment: Environment, units: LightUnits) -> PreparedScene {
        var scene = Scene()
        scene.asset.extras = .object([LightUnits.extrasKey: .string(units.rawValue)])
        scene.asset.environment = environment
        return prepare(scene)
    }
}
