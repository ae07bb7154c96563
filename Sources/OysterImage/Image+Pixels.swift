import OysterCore

// MARK: - Scene images <-> pixels

extension Image {
    /// The image's pixels: `pixels` when it carries them (no decoding), else the decoded
    /// PNG or JPEG bytes.
    ///
    /// With `reduceTo8Bit`, carried 16-bit pixels are converted with
    /// `PixelImage.converted(toBitDepth:)`.
    public func decodePixels(limits: ImageLimits = .init(), reduceTo8Bit: Bool = false) throws -> PixelImage {
        if let pixels {
            return reduceTo8Bit && pixels.bitDepth == 16 ? pixels.converted(toBitDepth: 8) : pixels
        }
        guard let data else {
            throw ImageError(.invalidArgument, "image \(name ?? uri ?? "(unnamed)") has no data")
        }
        return try ImageCodec.decode(data, limits: limits, reduceTo8Bit: reduceTo8Bit)
    }

    /// A scene image holding `pixels` encoded as `format` (`quality` applies to JPEG).
    public init(encoding pixels: PixelImage, as format: ImageFormat, quality: Int = 90, name: String? = nil) throws {
        self.init(name: name, mimeType: format.mimeType, data: try ImageCodec.encode(pixels, as: format, quality: quality))
    }

    /// The bytes a writer stores: `data` when present, else `pixels` encoded as
    /// `pixelEncoding`; nil when the image has neither.
    public func encodedData() throws -> [UInt8]? {
        if let data { return data }
        guard let pixels else { return nil }
        return try ImageCodec.encode(pixels, using: pixelEncoding)
    }

    /// Fills `data` from `pixels` when it is missing (keeping the pixels).
    public mutating func encodePixels() throws {
        guard data == nil, pixels != nil else { return }
        data = try encodedData()
        mimeType = pixelEncoding.mimeType
    }
}

extension ImageCodec {
    /// Encodes `image` as a scene image's `ImageEncoding` says.
    public static func encode(_ image: PixelImage, using encoding: ImageEncoding) throws -> [UInt8] {
        switch encoding {
        case .png(let compression): return try encodePNG(image, compression: compression)
        case .jpeg(let quality): return try encode(image, as: .jpeg, quality: quality)
        }
    }
}

// MARK: - Encoding on write

extension Scene {
    /// This scene with every image that has only pixels encoded (in parallel, in image
    /// order, so the bytes do not depend on thread count). Writers call it so images are
    /// encoded only when written. An image that fails to encode is left without data, which
    /// writers treat like an image that could not be loaded.
    public func encodingPixelImages() -> Scene {
        let pending = images.indices.filter { images[$0].data == nil && images[$0].pixels != nil }
        guard !pending.isEmpty else { return self }
        let source = images
        let encoded = Parallel.map(pending) { i in try? source[i].encodedData() }
        var out = self
        for (k, i) in pending.enumerated() where encoded[k] != nil {
            out.images[i].data = encoded[k]
            out.images[i].mimeType = source[i].pixelEncoding.mimeType
        }
        return out
    }
}
