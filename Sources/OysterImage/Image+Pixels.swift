import OysterCore

// MARK: - Scene images <-> pixels

extension Image {
    /// Decodes the carried PNG or JPEG bytes.
    public func decodePixels(limits: ImageLimits = .init(), reduceTo8Bit: Bool = false) throws -> PixelImage {
        guard let data else {
            throw ImageError(.invalidArgument, "image \(name ?? uri ?? "(unnamed)") has no data")
        }
        return try ImageCodec.decode(data, limits: limits, reduceTo8Bit: reduceTo8Bit)
    }

    /// A scene image holding `pixels` encoded as `format` (`quality` applies to JPEG).
    public init(encoding pixels: PixelImage, as format: ImageFormat, quality: Int = 90, name: String? = nil) throws {
        self.init(name: name, mimeType: format.mimeType, data: try ImageCodec.encode(pixels, as: format, quality: quality))
    }
}
