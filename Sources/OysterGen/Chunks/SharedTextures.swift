import Foundation
import OysterCore

/// The shared chunk textures as a content-addressed folder: each PNG is named by the SHA-256
/// of its bytes (`materials/<32 hex digits>.png`), and chunk scenes are pointed at those names.
///
/// `ChunkGenerator` refers to textures by kind and slot (`materials/grass_baseColor.png`),
/// but what those files hold depends on the world (biome, seed, texture resolution, baker
/// version). Naming files by content instead means:
/// - any number of writers (shards of one bake, on one machine or many over a shared volume)
///   can write into one folder without coordination: a name is only ever written with the
///   same bytes, each write is atomic (temp file + rename), and a file already present is kept;
/// - two worlds writing into the same folder coexist: their textures differ, so their names
///   differ, and neither can overwrite or reuse the other's;
/// - no stamp or lock is needed to tell whether the folder matches the world.
public struct SharedTextures: Sendable {
    /// One texture: the name `ChunkGenerator` references and its content-addressed name.
    public struct File: Sendable, Hashable {
        /// The name the chunk generator uses, e.g. `grass_baseColor.png`.
        public let name: String
        /// The content-addressed file name, e.g. `3f9c…e1.png` (32 hex digits, 128 bits).
        public let hashedName: String
        public let bytes: [UInt8]
    }

    /// Hex digits of the SHA-256 kept in a name: 128 bits, so an accidental collision among
    /// even billions of textures is out of reach, while names stay short.
    public static let hashDigits = 32

    /// The baked files, in `ChunkGenerator.sharedTextureFiles` order; empty when the names
    /// came from a folder's index (`prepare`) and nothing needed baking.
    public let files: [File]
    /// `ChunkGenerator` name → content-addressed name.
    public let hashedNames: [String: String]

    /// Bakes the shared textures of `recipe`'s world (what its chunks reference) and names them.
    public init(_ recipe: Recipe) {
        self.init(files: ChunkGenerator.sharedTextureFiles(recipe))
    }

    /// Names already baked files by their content.
    public init(files: [(name: String, bytes: [UInt8])]) {
        let named = files.map { File(name: $0.name, hashedName: Self.hashedName(of: $0.bytes, extension: Self.fileExtension($0.name)), bytes: $0.bytes) }
        self.files = named
        hashedNames = Dictionary(named.map { ($0.name, $0.hashedName) }, uniquingKeysWith: { a, _ in a })
    }

    init(names: [String: String]) {
        files = []
        hashedNames = names
    }

    /// The content-addressed name of `bytes`: the first `hashDigits` hex digits of their
    /// SHA-256, then the extension (`png`).
    public static func hashedName(of bytes: [UInt8], extension ext: String = "png") -> String {
        String(SHA256.hex(bytes).prefix(hashDigits)) + (ext.isEmpty ? "" : "." + ext)
    }

    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    // MARK: - Scenes

    /// Points a chunk scene's images from `materials/<name>` to `materials/<hash>.png`.
    /// Returns the shared-folder URIs it found no texture for (none for a scene from
    /// `ChunkGenerator.generate` with the same recipe); those are left as they were.
    @discardableResult
    public func rewrite(_ scene: inout Scene) -> [String] {
        let prefix = ChunkGenerator.materialFolder + "/"
        let hashed = Set(hashedNames.values)
        var unknown: [String] = []
        for i in scene.images.indices {
            guard let uri = scene.images[i].uri, uri.hasPrefix(prefix) else { continue }
            let name = String(uri.dropFirst(prefix.count))
            if let target = hashedNames[name] {
                scene.images[i].uri = prefix + target
            } else if !hashed.contains(name) {
                unknown.append(uri)
            }
        }
        return unknown
    }

    // MARK: - Folder

    /// Writes every baked texture not yet in `folder` (the `materials` folder beside the
    /// tiles), each atomically; returns how many it wrote. A file already there under its
    /// hash is the same texture and is kept (its size is checked, so a truncated copy made
    /// outside Oyster is replaced). Safe to run from many processes or machines at once.
    @discardableResult
    public func write(into folder: String) throws -> Int {
        var written = 0
        for file in files where !Self.present(folder + "/" + file.hashedName, size: file.bytes.count) {
            try AtomicFile.write(file.bytes, to: folder + "/" + file.hashedName)
            written += 1
        }
        return written
    }

    static func present(_ path: String, size: Int) -> Bool {
        FileIO.isFile(path) && (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == size
    }

    // MARK: - Index

    /// Folder (inside the textures folder) of the name indexes `prepare` keeps.
    public static let indexFolder = ".index"

    /// The shared textures of `recipe`'s world in `folder`, baking and writing only what is
    /// not there yet.
    ///
    /// Baking every texture only to learn its hash would cost a single-tile run seconds, so
    /// after writing the textures this records their names in `folder/.index/<key>.txt`, the
    /// key being the SHA-256 of the whole resolved recipe and `build`, and a later run with
    /// the same key takes the names from there when every file they name is present at its
    /// size. The index is only a shortcut to names: the files stay content-addressed, a
    /// missing or damaged index or texture just means baking again, and keying on the whole
    /// recipe plus the build (pass something that changes whenever the executable does, e.g.
    /// its size and modification time; nil keeps no index) means a changed baker or recipe
    /// never reuses another bake's names.
    public static func prepare(_ recipe: Recipe, in folder: String, build: String?) throws -> SharedTextures {
        let indexPath = build.map { folder + "/" + indexFolder + "/" + indexKey(recipe, build: $0) + ".txt" }
        if let indexPath, let known = readIndex(indexPath, folder: folder) { return known }
        let textures = SharedTextures(recipe)
        try textures.write(into: folder)
        if let indexPath { try AtomicFile.write(textures.indexText, to: indexPath) }
        return textures
    }

    /// The index file name for a recipe and build: 32 hex digits of a SHA-256.
    public static func indexKey(_ recipe: Recipe, build: String) -> String {
        let key = "oyster-gen \(OysterGen.version)\nbuild \(build)\nrecipe \(recipe.jsonText)\n"
        return String(SHA256.hex(Array(key.utf8)).prefix(hashDigits))
    }

    /// One line per file: `<chunk name> <hashed name> <size>`, in bake order.
    var indexText: String {
        files.map { "\($0.name) \($0.hashedName) \($0.bytes.count)\n" }.joined()
    }

    /// The names an index records, when its every line is well formed and names a file present
    /// at its size; nil otherwise (then the caller bakes).
    static func readIndex(_ path: String, folder: String) -> SharedTextures? {
        guard let bytes = try? FileIO.read(path, limit: 1 << 20), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var names: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let size = Int(parts[2]) else { return nil }
            let name = String(parts[0]), hashed = String(parts[1])
            // Names stay inside the folder: no separators, no dot-files.
            guard !hashed.contains("/"), !hashed.hasPrefix("."), present(folder + "/" + hashed, size: size) else { return nil }
            names[name] = hashed
        }
        return names.isEmpty ? nil : SharedTextures(names: names)
    }
}
