/// A route as glTF keys: a loop of `CharacterRoute.strides` walk strides round a centre, so
/// its length is a whole number of walk loops and the walk clip repeated under it closes.
enum CharacterRoute {
    static let strides = 16
    /// Most characters walking routes in one world (each route repeats the walk's keys over
    /// its whole loop).
    static let maxWalkers = 4
    static var duration: Float { Float(strides) * CharacterClip.walk.duration }
    static var radius: Float { Float(strides) * CharacterClip.walk.rootSpeed * CharacterClip.walk.duration / (2 * .pi) }
}
