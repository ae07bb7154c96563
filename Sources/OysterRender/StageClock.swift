import CGL

/// The stages of a frame, in drawing order, as `RenderOptions.profile` times them.
public enum FrameStage: String, Sendable, CaseIterable, Comparable {
    case shadows, culling, geometry, lighting, skyAndBlended, post, readback

    public static func < (a: FrameStage, b: FrameStage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Times the stages of one frame when on: each lap waits for the device to finish what was
/// asked so far (glFinish), so a stage's time is its own and not the next one's. With a
/// `fragmentQuery` (a query object, where the device counts fragments) it also counts the
/// fragment shader's invocations in each stage, the work a software rasterizer's time follows.
struct StageClock {
    let on: Bool
    private let fragmentQuery: GLuint?
    private var last = ContinuousClock.now

    /// GL_FRAGMENT_SHADER_INVOCATIONS_ARB (the enum is newer than the GL 3.3 headers).
    static let fragmentInvocations = GLenum(0x82F4)

    init(on: Bool, fragmentQuery: GLuint? = nil) {
        self.on = on
        self.fragmentQuery = on ? fragmentQuery : nil
        guard let query = self.fragmentQuery else { return }
        // A frame that threw mid-way left its stage's query running.
        var running: GLint = 0
        glGetQueryiv(Self.fragmentInvocations, GLenum(GL_CURRENT_QUERY), &running)
        if running != 0 { glEndQuery(Self.fragmentInvocations) }
        glBeginQuery(Self.fragmentInvocations, query)
    }

    mutating func lap(_ stage: FrameStage, into statistics: inout FrameStatistics) {
        guard on else { return }
        glFinish()
        let now = ContinuousClock.now
        let d = now - last
        statistics.stageSeconds[stage, default: 0] += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        last = now
        if let query = fragmentQuery {
            glEndQuery(Self.fragmentInvocations)
            var count: GLuint64 = 0
            glGetQueryObjectui64v(query, GLenum(GL_QUERY_RESULT), &count)
            statistics.stageFragments[stage, default: 0] += Int(count)
            // Readback is the frame's last stage: nothing is counted after it.
            if stage != .readback { glBeginQuery(Self.fragmentInvocations, query) }
        }
    }
}
