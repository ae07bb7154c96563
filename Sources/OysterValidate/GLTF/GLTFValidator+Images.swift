import OysterCore
import OysterImage

// MARK: - Image stage: sources, formats against MIME types, sizes

extension GLTFValidator {
    func checkImages() {
        var mimes: [Int: String] = [:]
        defer { checkTextureSources(mimes) }
        for i in doc.images.indices {
            guard let im = doc.images[i] else { continue }
            var res = ResourceInfo(pointer: im.p, mimeType: im.mimeType)
            var data: ArraySlice<UInt8>?
            var declared = im.mimeType
            var p: String
            if let uri = im.uri {
                p = ptr(im.p, "uri")
                if doc.isGLB { ctx.add(.uriGlb, p) }
                switch classifyURI(uri) {
                case .invalid(let why):
                    ctx.add(.invalidUri, p, "Invalid URI '\(uri)': \(why)")
                case .absolute:
                    ctx.add(.nonRelativeUri, p, "Non-relative URI found: '\(uri)'.")
                    res.storage = "external"
                    res.uri = uri
                case .data(let media, let bytes):
                    res.storage = "data-uri"
                    if doc.isGLB { ctx.add(.dataUriGlb, p) }
                    guard let bytes else { ctx.add(.invalidUri, p, "Invalid URI data."); break }
                    let sniffed = OysterCore.Image.sniffMimeType(Array(bytes.prefix(16)))
                    if media.hasPrefix("image/"), let sniffed, sniffed != media {
                        ctx.add(.invalidUri, p, "Data URI media type '\(media)' does not match its content (\(sniffed)).")
                        break
                    }
                    // A data URI's media type is not checked against a list: only that it matches the
                    // content (above); whether the decoded format is enabled is checked with the
                    // data (IMAGE_NON_ENABLED_MIME_TYPE), as the reference's resources_loader.dart does.
                    if media.hasPrefix("image/"), declared == nil { declared = media }
                    data = bytes[...]
                case .relative:
                    res.storage = "external"
                    res.uri = uri
                    do { data = try loader.read(uri)[...] } catch { ctx.add(.ioError, p, error.description) }
                    // Decoding problems of external images point at the image itself.
                    p = im.p
                }
            } else {
                p = im.p
                res.storage = "buffer-view"
                data = viewData(im.bufferView)
            }
            if let data {
                do {
                    let h = try ImageHeader.read(data)
                    res.mimeType = h.mimeType
                    res.imageWidth = h.width
                    res.imageHeight = h.height
                    res.imageFormat = h.format
                    res.imageBits = h.bits
                    mimes[i] = declared ?? h.mimeType
                    if let declared, declared != h.mimeType {
                        ctx.add(.imageMimeTypeInvalid, p, "Image is '\(h.mimeType)' but declared '\(declared)'.")
                    }
                    if h.mimeType == "image/webp" && !doc.extensionsUsed.contains("EXT_texture_webp") {
                        ctx.add(.imageNonEnabledMimeType, im.p, "'image/webp' needs EXT_texture_webp.")
                    }
                    if h.width & (h.width - 1) != 0 || h.height & (h.height - 1) != 0 {
                        ctx.add(.imageNpotDimensions, p, "Image has non-power-of-two dimensions: \(h.width)x\(h.height).")
                    }
                } catch .unrecognized {
                    ctx.add(.imageUnrecognizedFormat, p)
                } catch .truncated {
                    ctx.add(.imageUnexpectedEos, p)
                } catch let e {
                    guard case .invalid(let why) = e else { continue }
                    ctx.add(.imageDataInvalid, p, "Image data is invalid: \(why)")
                }
            }
            doc.resources.append(res)
        }
    }

    /// Texture sources must be PNG/JPEG; EXT_texture_webp sources must be WebP.
    private func checkTextureSources(_ mimes: [Int: String]) {
        for t in doc.textures {
            guard let t else { continue }
            if let s = t.source, let m = mimes[s], m != "image/png" && m != "image/jpeg" {
                ctx.add(.textureInvalidImageMimeType, ptr(t.p, "source"), "Invalid MIME type '\(m)' for the texture source; expected image/jpeg or image/png.")
            }
            if let s = t.webpSource, let m = mimes[s], m != "image/webp" {
                ctx.add(.textureInvalidImageMimeType, ptr(ptr(ptr(t.p, "extensions"), "EXT_texture_webp"), "source"), "Invalid MIME type '\(m)' for the texture source; expected image/webp.")
            }
        }
    }
}
