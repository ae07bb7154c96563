import CGL

/// The stages of a frame, in drawing order, as `RenderOptions.profile` times them.
public enum FrameStage: String, Sendable, CaseIterable, Comparable {
    case shadows, culling, geometry, lighting, skyAndBlended, post, readback

    public static func < (a: FrameStage, b: FrameStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Times the stages of one frame when on: each lap waits for the device to finish what was
/// asked so far (glFinish), so a stage's time is its own and not the next one's.
struct StageClock {
    let on: Bool
    private var last = ContinuousClock.now

    init(on: Bool) { self.on = on }

    mutating func lap(_ stage: FrameStage, into statistics: inout FrameStatistics) {
        guard on else { return }
        glFinish()
        let now = ContinuousClock.now
        let d = now - last
        statistics.stageSeconds[stage, default: 0] += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        last = now
    }
}
