import OysterMotion

extension FrameHeader {
    /// The header of a frame showing `walker` (where it stands, which way it faces, whether it
    /// flies, wades or swims): one place for the live and the headless session.
    init(frame: Int, lastInput: UInt32, time: Float, walker w: Walker, hour: Float) {
        self.init(frame: UInt32(frame), lastInput: lastInput, time: time, position: (w.feet.x, w.feet.y, w.feet.z),
                  heading: w.heading * 180 / .pi, hour: hour, flying: w.flying,
                  wading: w.medium == .wading, swimming: w.medium == .swimming)
    }
}
