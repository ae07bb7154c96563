import OysterCore

/// How the HDR light a frame gathers becomes display colour.
public enum ToneMapping: String, Sendable, CaseIterable {
    /// Khronos PBR Neutral: base colours under a noon sun come out as authored; highlights
    /// compress without hue shifts (the default, as in the Khronos sample viewer).
    case neutral
    /// ACES filmic (Stephen Hill's fit), with the sample viewer's 1/0.6 exposure: more
    /// contrast, highlights roll off to white.
    case aces
    /// Clamp only.
    case none
}

/// Which OpenGL device draws.
public enum RenderDevice: String, Sendable, CaseIterable {
    /// The GPU when its driver is there, else the CPU.
    case auto
    /// Mesa's llvmpipe on the CPU, even when a GPU is present.
    case cpu
    /// A GPU; an error when only a software rasterizer is found.
    case gpu
}

/// What to render: frame size, viewpoint, moment, animation and look.
public struct RenderOptions: Sendable {
    public var width = 640
    public var height = 360
    /// A camera by node or camera name; nil: the scene's first camera, else a view framing
    /// the scene's bounds.
    public var camera: String?
    /// An explicit viewpoint (overrides `camera`).
    public var eye: Vec3?
    public var target: Vec3?
    /// Vertical field of view of an explicit viewpoint, radians.
    public var fieldOfView: Float = 0.8
    /// Seconds into the animations.
    public var time: Float = 0
    /// Animations to play at `time` (indices into `scene.animations`); nil plays every one
    /// except those moving the sun, each looping over its own duration (a world's water,
    /// weather and windmills together; a video keeps the scene's hour unless its day cycle is
    /// asked for by index).
    public var animations: [Int]?
    public var toneMapping: ToneMapping = .neutral
    /// Exposure in stops (EV): +1 doubles the light, −1 halves it.
    public var exposure: Float = 0
    /// Sun shadows (cascaded shadow maps).
    public var shadows = true
    /// Side of each shadow cascade's depth map, texels; nil: from the frame size (1024 at
    /// 640×360, 2048 at 1280×720).
    public var shadowResolution: Int?
    /// How far from the camera the sun's shadows reach, metres.
    public var shadowDistance: Float = 250
    /// Distance fog from the scene's environment (`fogDensity`).
    public var fog = true
    /// Height (metres) where the environment's fog density holds, thinning above; nil: the
    /// lowest point of what is drawn. A streamed world fixes it, so the fog stays put as its
    /// tiles come and go.
    public var fogBase: Float?
    /// Samples per pixel (multisample anti-aliasing; 1 for none). Costly on llvmpipe: FXAA
    /// is the default smoothing.
    public var samples = 1
    /// FXAA on the finished frame (after multisampling, when both are asked).
    public var fxaa = true
    /// Light opaque geometry once per pixel from a G-buffer (`GBuffer`) rather than as each
    /// triangle is drawn; the same picture, much less shading on llvmpipe. Multisampled
    /// frames always draw forward.
    public var deferred = true
    /// Time each stage of the frame (`FrameStatistics.stageSeconds`), waiting for the device
    /// at each stage's end: a little slower, for finding where a frame's time goes.
    public var profile = false

    /// Largest side accepted (16384, the cap the tools share).
    public static let maxSide = 16384

    public init(width: Int = 640, height: Int = 360) {
        self.width = width
        self.height = height
    }
}
