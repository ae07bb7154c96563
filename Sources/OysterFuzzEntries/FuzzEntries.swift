import OysterCore
import OysterGLTF
import OysterGen
import OysterImage
import OysterOBJ
import OysterValidate

/// What one fuzz input did: accepted (a scene, image, recipe or report came out) or
/// rejected with an error. Anything else — a trap, a sanitizer report, a hang — is a bug.
public enum FuzzOutcome: Hashable, Sendable {
    case accepted
    case rejected(String)

    /// True when the input was refused with an error.
    public var isRejected: Bool { if case .rejected = self { true } else { false } }
}

/// One fuzz target: its name (the folder under `Fixtures/fuzz/` and the `Fuzz/` executable
/// suffix) and the function that feeds it untrusted bytes.
public struct FuzzTarget: Sendable {
    public let name: String
    public let run: @Sendable ([UInt8]) -> FuzzOutcome
}

/// The fuzz entry points: each does with untrusted bytes what a tool does with a file —
/// read it through the in-memory API and use the result — so the libFuzzer shims in `Fuzz/`
/// and the regression tests run exactly the same code.
///
/// The bodies are here, in an ordinary library, rather than in the shims: the normal build
/// compiles and tests them, and only `make fuzz` builds the instrumented executables.
/// Each entry also asserts properties the tools promise (no read outside the asset's folder,
/// the same output for any thread count); a broken promise traps, which the fuzzer reports.
public enum FuzzEntries {
    /// Every target, in the order `make fuzz` runs them.
    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "gltf", run: gltfJSON),
        FuzzTarget(name: "glb", run: glb),
        FuzzTarget(name: "obj", run: obj),
        FuzzTarget(name: "mtl", run: mtl),
        FuzzTarget(name: "image", run: image),
        FuzzTarget(name: "recipe", run: recipe),
        FuzzTarget(name: "validate", run: validate),
    ]

    /// The target called `name`, or nil.
    public static func target(named name: String) -> FuzzTarget? { all.first { $0.name == name } }

    // MARK: - glTF and GLB (oyster-convert model.gltf|glb out.glb)

    /// A `.gltf` document: parse, resolve into a `Scene` (external URIs answered by
    /// `ConfinedLoader`), then encode it as GLB, as `oyster-convert` does.
    @Sendable public static func gltfJSON(_ bytes: [UInt8]) -> FuzzOutcome {
        readAndConvertGLTF(bytes)
    }

    /// A `.glb` container: the same path as `gltfJSON`, but only for inputs with the GLB
    /// magic, so this target's time goes to the container and its chunks.
    @Sendable public static func glb(_ bytes: [UInt8]) -> FuzzOutcome {
        guard GLB.isGLB(bytes) else { return .rejected("not a GLB") }
        return readAndConvertGLTF(bytes)
    }

    /// Reader and writer defaults, as the tools use them.
    static func readAndConvertGLTF(_ bytes: [UInt8]) -> FuzzOutcome {
        do {
            let result = try GLTFReader().read(bytes: bytes, loader: ConfinedLoader())
            _ = GLTFWriter().encodeGLB(result.scene)
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    // MARK: - OBJ and MTL (oyster-convert model.obj out.glb)

    /// OBJ text: read with one thread and large slices (the tool's shape on small files) and
    /// again with two threads and tiny slices; both must agree (the reader promises the same
    /// scene for any thread count) and the scene must encode as GLB.
    @Sendable public static func obj(_ bytes: [UInt8]) -> FuzzOutcome {
        let whole: (scene: Scene, diagnostics: [Diagnostic])
        do {
            whole = try OBJReader(options: OBJReader.Options(threads: 1, sliceSize: 1 << 20)).read(bytes: bytes)
        } catch {
            // Slicing must not change whether a file is accepted either.
            if (try? OBJReader(options: OBJReader.Options(threads: 2, sliceSize: 64)).read(bytes: bytes)) != nil {
                fatalError("OBJ accepted in 64-byte slices but rejected whole: \(error)")
            }
            return .rejected("\(error)")
        }
        let sliced: (scene: Scene, diagnostics: [Diagnostic])
        do {
            sliced = try OBJReader(options: OBJReader.Options(threads: 2, sliceSize: 64)).read(bytes: bytes)
        } catch {
            fatalError("OBJ accepted whole but rejected in 64-byte slices: \(error)")
        }
        let a = GLTFWriter().encodeGLB(whole.scene), b = GLTFWriter().encodeGLB(sliced.scene)
        precondition(a == b, "OBJ read whole and in 64-byte slices gave different scenes")
        return .accepted
    }

    /// An MTL library on its own: parsed and mapped to materials (textures path-checked,
    /// not loaded).
    @Sendable public static func mtl(_ bytes: [UInt8]) -> FuzzOutcome {
        let result = OBJReader.readMaterialLibrary(bytes)
        return result.materials.isEmpty ? .rejected("no materials") : .accepted
    }

    // MARK: - Images (oyster-convert a.png b.jpg; textures in every reader)

    /// PNG or JPEG bytes through CCodecs: probe, decode at the file's depth and reduced to
    /// 8 bits, as `ImageConverter` does for PNG and JPEG output.
    @Sendable public static func image(_ bytes: [UInt8]) -> FuzzOutcome {
        do {
            let info = try ImageCodec.probe(bytes)
            let pixels = try ImageCodec.decode(bytes, limits: imageLimits)
            precondition(pixels.width == info.width && pixels.height == info.height, "decode disagrees with probe")
            if pixels.bitDepth == 16 { _ = try ImageCodec.decode(bytes, limits: imageLimits, reduceTo8Bit: true) }
            _ = pixels.applyingEXIFOrientation(info.exifOrientation)
            return .accepted
        } catch {
            return .rejected("\(error)")
        }
    }

    /// 4 Mpx: a fuzz input can declare a legitimately huge image that compresses to almost
    /// nothing; decoding 256 Mpx (the tools' limit) is correct but would trip libFuzzer's
    /// memory limit and time out, hiding real bugs.
    static let imageLimits = ImageLimits(maxDimension: 16384, maxPixels: 4 << 20)

    // MARK: - Recipes (oyster-generate --recipe r.json --explain)

    /// Recipe JSON: parsed and validated; an accepted recipe must survive its own
    /// `--explain` output (the JSON written back reads as the same recipe).
    @Sendable public static func recipe(_ bytes: [UInt8]) -> FuzzOutcome {
        let recipe: Recipe
        do { recipe = try Recipe.parse(bytes) } catch { return .rejected("\(error)") }
        let text = recipe.jsonText
        do {
            let again = try Recipe.parse(Array(text.utf8))
            precondition(again.jsonText == text, "recipe JSON does not round-trip:\n\(text)\n\(again.jsonText)")
        } catch {
            fatalError("a recipe's own JSON is refused: \(error)\n\(text)")
        }
        return .accepted
    }

    // MARK: - Validator (oyster-validate FILE)

    /// The validator's in-memory entry point. The first byte picks the file kind (the
    /// extension `oyster-validate` would see), the rest is the file; no base folder, so
    /// external URIs can never be read.
    @Sendable public static func validate(_ bytes: [UInt8]) -> FuzzOutcome {
        guard let first = bytes.first else { return .rejected("empty input") }
        let kinds = ["gltf", "glb", "obj", "mtl", "png", "jpg"]
        var options = ValidationOptions()
        options.threads = 1
        let report = Validator.validate(bytes: Array(bytes.dropFirst()), uri: "fuzz." + kinds[Int(first) % kinds.count],
                                        baseDirectory: nil, options: options)
        return report.issues.contains { $0.severity == .error } ? .rejected("validation errors") : .accepted
    }

    /// The first byte `validate` reads for each file kind, for building seed corpora.
    public static let validateKindByte: [String: UInt8] = ["gltf": 0, "glb": 1, "obj": 2, "mtl": 3, "png": 4, "jpg": 5, "jpeg": 5]
}

// MARK: - Resource loading oracle

/// Answers every relative path with the same small buffer, and traps on a path the URI
/// policy should have refused: the fuzzer's check that a reader never leaves the asset's
/// folder. (A real file loader would only fail to find the file, which hides the bug.)
struct ConfinedLoader: ResourceLoader {
    static let content = [UInt8](repeating: 0, count: 256)

    func size(of path: String) throws -> Int? {
        check(path)
        return Self.content.count
    }

    func read(_ path: String) throws -> [UInt8] {
        check(path)
        return Self.content
    }

    func check(_ path: String) {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        precondition(!path.hasPrefix("/") && !path.hasPrefix("\\") && !parts.contains("..") && !path.utf8.contains(0),
                     "reader asked for '\(path)', outside the asset's folder")
    }
}
