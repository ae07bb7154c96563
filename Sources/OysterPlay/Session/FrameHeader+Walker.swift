import OysterMotion

extension FrameHeader {
    /// The header of a frame of `player` (where its walker stands, which way it faces, whether
    /// it flies, wades or swims, whether the camera orbits): one place for the live and the
    /// headless session.
    init(frame: Int, lastInput: UInt32, time: Float, player: ActionPlayer, hour: Float) {
        let w = player.walker
        self.init(frame: UInt32(frame), lastInput: lastInput, time: time, position: (w.feet.x, w.feet.y, w.feet.z),
                  heading: w.heading * 180 / .pi, hour: hour, flying: w.flying,
                  wading: w.medium == .wading, swimming: w.medium == .swimming, orbiting: player.isOrbiting)
    }
}
