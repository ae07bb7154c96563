import OysterCore

/// A sequence of frames: how the camera and the animations move over a duration at a frame
/// rate. A still is a shot of one frame.
public struct Shot: Sendable {
    public enum Motion: Sendable {
        /// The viewpoint the base options give, animations playing.
        case fixed
        /// The camera follows a path (a turntable is one); animations play along.
        case path(CameraPath)
    }

    public var motion: Motion
    /// Seconds of the shot.
    public var duration: Float
    /// Frames per second.
    public var fps: Int

    /// Most frames one shot renders (25 minutes at 24 fps).
    public static let maxFrames = 36_000
    public static let fpsRange = 1...120

    public init(motion: Motion, duration: Float, fps: Int) throws(ShotError) {
        guard Self.fpsRange.contains(fps) else { throw .invalid("fps must be \(Self.fpsRange.lowerBound)...\(Self.fpsRange.upperBound)") }
        guard duration.isFinite, duration > 0 else { throw .invalid("a shot lasts more than 0 seconds") }
        let frames = (Double(duration) * Double(fps)).rounded()
        guard frames <= Double(Self.maxFrames) else {
            throw .invalid("\(Int(frames)) frames (\(duration) s at \(fps) fps) is over the cap of \(Self.maxFrames)")
        }
        self.motion = motion
        self.duration = duration
        self.fps = fps
    }

    /// Frames rendered: duration × fps, at least one.
    public var frameCount: Int { max(1, Int((Double(duration) * Double(fps)).rounded())) }

    /// The options of frame `index`: time advanced from `base.time`, the camera where the
    /// motion puts it.
    public func options(frame index: Int, base: RenderOptions) -> RenderOptions {
        var o = base
        let t = Float(index) / Float(fps)
        o.time = base.time + t
        if case .path(let path) = motion {
            let key = path.sample(at: t)
            o.eye = key.position
            o.target = key.target
            o.fieldOfView = key.fieldOfView
            o.camera = nil
        }
        return o
    }
}

public enum ShotError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let why): return why }
    }
}

extension Renderer {
    /// Renders every frame of `shot` in order, handing each to `frame` (index, image) on
    /// this thread; an error from `frame` stops the shot and is rethrown.
    public func render(_ prepared: PreparedScene, shot: Shot, base: RenderOptions,
                       frame: (Int, PixelImage) throws -> Void) throws {
        for i in 0..<shot.frameCount {
            try frame(i, try render(prepared, options: shot.options(frame: i, base: base)))
        }
    }
}
