import ArgumentParser
import Foundation
import OysterAtlas
import OysterCore
import OysterImage

/// `oyster-atlas pack`: images -> atlas pages + TexturePacker JSON (Hash) manifests.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Pack images into atlas pages with TexturePacker JSON (Hash) manifests.",
        discussion: "Writes atlas-<n>.png (or .jpg) and atlas-<n>.json per page into the output folder."
    )

    @Argument(help: "Image files (PNG, JPEG) or folders of them.") var inputs: [String]
    @Option(name: .shortAndLong, help: "Output folder.") var output: String
    @Option(name: .long, help: "Largest page side in pixels.") var maxSize = 2048
    @Option(name: .long, help: "Empty pixels between frames.") var padding = 2
    @Option(name: .long, help: "Pixels of edge repetition around each frame.") var extrude = 0
    @Flag(name: .long, help: "Allow turning frames 90° clockwise.") var rotate = false
    @Flag(name: .long, help: "Power-of-two page sides.") var pot = false
    @Flag(name: .long, help: "Square pages.") var square = false
    @Option(name: .long, help: "Page format: png or jpeg.") var format = "png"
    @Option(name: .long, help: "JPEG quality, 1-100.") var quality = 90
    @Flag(name: .shortAndLong, help: "Print nothing on success.") var quiet = false
    @Flag(name: .long, help: "Print the summary as JSON.") var json = false

    func validate() throws {
        guard maxSize >= 1 && maxSize <= 16384 else { throw ValidationError("--max-size must be 1-16384") }
        guard padding >= 0 && padding <= 256 else { throw ValidationError("--padding must be 0-256") }
        guard extrude >= 0 && extrude <= 256 else { throw ValidationError("--extrude must be 0-256") }
        guard ImageFormat(fileExtension: format) != nil else { throw ValidationError("--format must be png or jpeg") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1-100") }
    }

    func run() throws {
        let imageFormat = ImageFormat(fileExtension: format) ?? .png
        let files = try collectImageFiles(inputs)
        guard !files.isEmpty else { throw ToolError.input(inputs.joined(separator: " "), "no PNG or JPEG images found") }
        var seen: [String: String] = [:]
        for f in files {
            if let other = seen[f.name] { throw ToolError.usage(f.path, "frame name \(f.name) also used by \(other)") }
            seen[f.name] = f.path
        }

        // Decode.
        var sprites: [Sprite] = []
        for f in files {
            let data: [UInt8]
            do { data = try FileIO.read(f.path, limit: 1 << 30) } catch { throw ToolError.input(f.path, "cannot read: \(error)") }
            do {
                // No image larger than a page can be packed: refuse it before allocating pixels.
                let limits = ImageLimits(maxDimension: maxSize, maxPixels: maxSize * maxSize)
                sprites.append(Sprite(name: f.name, bitmap: try AtlasBitmap.decode([UInt8](data), limits: limits)))
            } catch {
                throw ToolError.input(f.path, "\(error)")
            }
        }

        // Pack and draw.
        let options = PackOptions(maxWidth: maxSize, maxHeight: maxSize, padding: padding, extrude: extrude,
                                  allowRotation: rotate, powerOfTwo: pot, square: square)
        let atlas: SpriteAtlas
        do {
            atlas = try buildSpriteAtlas(sprites, options: options)
        } catch PackError.tooLarge(let index, let w, let h) {
            throw ToolError.input(files[index].path, "\(w)x\(h) (with padding and extrusion) does not fit in a \(maxSize) page")
        }

        // Write.
        do { try AtomicFile.makeDirectories(output) } catch { throw ToolError.output(output, "cannot create folder: \(error)") }
        let formatName = imageFormat == .png ? "RGBA8888" : "RGB888"
        var lines: [String] = []
        for (n, page) in atlas.pages.enumerated() {
            let imageName = "atlas-\(n).\(imageFormat.fileExtension)"
            let imagePath = (output as NSString).appendingPathComponent(imageName)
            let jsonPath = (output as NSString).appendingPathComponent("atlas-\(n).json")
            let bytes: [UInt8]
            do {
                bytes = try ImageCodec.encode(page.bitmap.pixelImage, as: imageFormat, quality: quality)
            } catch {
                throw ToolError.output(imagePath, "cannot encode: \(error)")
            }
            do {
                try AtomicFile.write(bytes, to: imagePath)
                try AtomicFile.write(atlas.manifest(page: n, sprites: sprites, imageName: imageName, format: formatName), to: jsonPath)
            } catch let e as OutputError {
                throw ToolError.output(e.path, e.reason)
            }
            let used = page.sprites.reduce(0) { $0 + sprites[$1].bitmap.width * sprites[$1].bitmap.height }
            let occ = Double(used) / Double(max(1, page.bitmap.width * page.bitmap.height))
            lines.append(json
                ? #"{"image": "\#(imageName)", "width": \#(page.bitmap.width), "height": \#(page.bitmap.height), "frames": \#(page.sprites.count), "occupancy": \#(fixed(occ))}"#
                : "\(imageName): \(page.bitmap.width)x\(page.bitmap.height), \(page.sprites.count) frames, occupancy \(fixed(occ))")
        }
        guard !quiet else { return }
        if json {
            print(#"{"pages": [\#(lines.joined(separator: ", "))], "frames": \#(sprites.count), "occupancy": \#(fixed(atlas.packing.occupancy))}"#)
        } else {
            lines.forEach { print($0) }
            print("\(atlas.pages.count) page\(atlas.pages.count == 1 ? "" : "s"), \(sprites.count) frames, occupancy \(fixed(atlas.packing.occupancy))")
        }
    }
}

/// `v` with 4 decimals, the same on every platform.
func fixed(_ v: Double) -> String { String(format: "%.4f", v) }
