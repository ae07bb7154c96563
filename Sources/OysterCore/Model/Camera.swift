import OysterJSON

/// A camera's projection (glTF `camera`).
public enum Projection: Hashable, Sendable {
    /// `zfar` nil means an infinite projection.
    case perspective(yfov: Float, aspectRatio: Float?, znear: Float, zfar: Float?)
    case orthographic(xmag: Float, ymag: Float, znear: Float, zfar: Float)
}

public struct Camera: Hashable, Sendable {
    public var name: String?
    public var projection: Projection
    public var extensions = JSONObject()
    public var extras: JSONValue?

    public init(name: String? = nil, projection: Projection) {
        self.name = name
        self.projection = projection
    }
}
