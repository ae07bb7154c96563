import OysterCore
import OysterJSON

/// Writes a `Scene` as `.glb` (one BIN chunk, images in buffer views) or `.gltf` (a `.bin`
/// and image files beside it, or everything in data URIs with `embed`).
///
/// Output is valid glTF 2.0 and deterministic: bufferViews and accessors 4-byte aligned,
/// vertex attributes on 4-byte strides, targets only on vertex and index views, min/max on
/// POSITION and animation inputs, no empty arrays, defaults omitted, extensionsUsed and
/// extensionsRequired computed from what is written.
public struct GLTFWriter: Sendable {
    public var options: GLTFWriteOptions

    public init(options: GLTFWriteOptions = GLTFWriteOptions()) {
        self.options = options
    }

    /// Writes `scene` to `path` (format from its extension, `.glb` or `.gltf`), each file
    /// atomically; returns the paths written, companions first and `path` last. The scene is
    /// checked first (`GLTFWriter.check`) so an invalid scene fails instead of writing an
    /// invalid file.
    @discardableResult
    public func write(_ scene: Scene, to path: String) throws -> [String] {
        try Self.check(scene)
        let lower = path.lowercased()
        if lower.hasSuffix(".glb") {
            try AtomicFile.write(encodeGLB(scene), to: path)
            return [path]
        }
        guard lower.hasSuffix(".gltf") else {
            throw GLTFError("\(path): unknown output format (expected .gltf or .glb)", code: .ioError)
        }
        let folder = parentDirectory(of: path)
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = ImageNaming.sanitize(String(file.dropLast(5)))
        let files = encodeGLTF(scene, binName: (stem.isEmpty ? "scene" : stem) + ".bin", reserved: [file])
        var written: [String] = []
        for resource in files.resources {
            let target = folder.isEmpty ? resource.name : folder + "/" + resource.name
            try AtomicFile.write(resource.bytes, to: target)
            written.append(target)
        }
        try AtomicFile.write(files.json, to: path)
        written.append(path)
        return written
    }

    /// The bytes of a `.glb` file.
    public func encodeGLB(_ scene: Scene) -> [UInt8] {
        var encoder = SceneEncoder(scene: scene, options: options, images: .bufferView)
        let root = encoder.encode()
        let binLength = encoder.layout.paddedLength
        var buffer = JSONObject()
        buffer["byteLength"] = .int(Int64(binLength))
        let json = encoder.finish(root, buffer: binLength > 0 ? buffer : nil)
        let jsonPadded = (json.count + 3) & ~3
        let total = GLB.headerSize + GLB.chunkHeaderSize + jsonPadded + (binLength > 0 ? GLB.chunkHeaderSize + binLength : 0)
        let layout = encoder.layout
        // One allocation: header, JSON chunk, then the BIN chunk written in place.
        return [UInt8](unsafeUninitializedCapacity: total) { out, count in
            guard let base = out.baseAddress else { count = 0; return }
            var header: [UInt8] = []
            GLB.appendUInt32(&header, GLB.magic)
            GLB.appendUInt32(&header, 2)
            GLB.appendUInt32(&header, UInt32(total))
            GLB.appendUInt32(&header, UInt32(jsonPadded))
            GLB.appendUInt32(&header, GLB.jsonChunkType)
            var o = 0
            for b in header { base[o] = b; o += 1 }
            for b in json { base[o] = b; o += 1 }
            while o < GLB.headerSize + GLB.chunkHeaderSize + jsonPadded { base[o] = 0x20; o += 1 }
            if binLength > 0 {
                var chunk: [UInt8] = []
                GLB.appendUInt32(&chunk, UInt32(binLength))
                GLB.appendUInt32(&chunk, GLB.binChunkType)
                for b in chunk { base[o] = b; o += 1 }
                layout.write(into: UnsafeMutableRawPointer(base + o))
                o += binLength
            }
            count = o
        }
    }

    /// The files of a `.gltf` output: the JSON plus `binName` and image files (none with `embed`).
    /// `reserved` lists names image files must not take (e.g. the JSON file's own name).
    public func encodeGLTF(_ scene: Scene, binName: String, reserved: Set<String> = []) -> GLTFFiles {
        let placement: ImagePlacement = options.embed ? .dataURI : .files(reserved: reserved.union([binName]))
        var encoder = SceneEncoder(scene: scene, options: options, images: placement)
        let root = encoder.encode()
        var resources: [(name: String, bytes: [UInt8])] = []
        var buffer: JSONObject?
        if encoder.layout.length > 0 {
            let bin = encoder.layout.bytes()
            var b = JSONObject()
            b["byteLength"] = .int(Int64(bin.count))
            if options.embed {
                b["uri"] = .string(URIPolicy.dataURI(mimeType: "application/octet-stream", bytes: bin))
            } else {
                b["uri"] = .string(binName)
                resources.append((binName, bin))
            }
            buffer = b
        }
        resources.append(contentsOf: encoder.imageFiles)
        return GLTFFiles(json: encoder.finish(root, buffer: buffer), resources: resources)
    }
}
