// MARK: - Projection matrix

extension Camera {
    /// This camera's projection matrix; `aspectRatio` is used when the camera gives none
    /// (glTF: "the aspect ratio of the rendering viewport").
    public func projectionMatrix(aspectRatio viewport: Float) -> Mat4 {
        switch projection {
        case .perspective(let yfov, let aspect, let znear, let zfar):
            return .perspective(yfov: yfov, aspectRatio: aspect ?? viewport, znear: znear, zfar: zfar)
        case .orthographic(let xmag, let ymag, let znear, let zfar):
            return .orthographic(xmag: xmag, ymag: ymag, znear: znear, zfar: zfar)
        }
    }
}
