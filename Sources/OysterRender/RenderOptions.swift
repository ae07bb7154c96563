import OysterCore

/// What to render: the frame size, the viewpoint and the time.
public struct RenderOptions: Sendable {
    public var width = 640
    public var height = 360
    /// A camera by node or camera name; nil: the scene's first camera, else a view framing
    /// the scene's bounds.
    public var camera: String?
    /// An explicit viewpoint (overrides `camera`).
    public var eye: Vec3?
    public var target: Vec3?
    /// Largest side accepted (16384, the cap the tools share).
    public static let maxSide = 16384

    public init(width: Int = 640, height: Int = 360) {
        self.width = width
        self.height = height
    }
}
