// oyster-generate: prompt or recipe + seed -> a complete glTF/GLB world (or one chunk of it).
import Foundation
import OysterCLI
import OysterCore
import OysterGen
import OysterGLTF
import OysterJSON
import OysterProcess

extension LightUnits: ExpressibleByArgument {}

struct Generate: OysterTool {
    static let toolName = "oyster-generate"
    static let configuration = CommandConfiguration(
        commandName: "oyster-generate",
        abstract: "Generate a textured, lit, animated 3D world from a prompt or a recipe.",
        discussion: """
            Same prompt (or recipe) and seed give byte-identical output. Without a prompt or recipe the
            default world is a temperate valley with a lake, a river, a forest, a small village and a road.
            Exit status: 0 ok, 2 usage, 3 bad recipe, 4 output not writable.
            """)

    @Argument(help: "What to generate, in plain words (e.g. \"a snowy village by a lake at dusk\").")
    var prompt: String?

    @Option(name: .long, help: "A recipe JSON file (see docs/recipe.schema.json) instead of a prompt.")
    var recipe: String?

    @Option(name: .long, help: "Seed for every random decision (0…2^63-1); overrides the recipe's.")
    var seed: Int64?

    @Option(name: .shortAndLong, help: "Output file: .gltf (with .bin and PNGs beside it) or .glb.")
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "Generate rigged, animated characters standing in a row instead of a world: roles and animals separated by commas (villager, farmer, merchant, guard, knight, monk, adventurer, skeleton; deer, sheep, cow, horse, dog; crow, gull, pigeon; trout, carp), 'all' (every role), 'animals' (every quadruped), 'birds' or 'fish' (every species of the kit); the prompt or recipe gives their biome and seed.",
        valueName: "roles"))
    var characters: String?

    // `.unconditional`: tile coordinates may start with a minus sign (`--chunk -1,2`).
    @Option(name: .long, parsing: .unconditional, help: "Generate only tile X,Z of an unbounded world (e.g. --chunk -1,2).")
    var chunk: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Generate every tile from X0,Z0 to X1,Z1 inclusive in one run; -o tiles/chunk.glb writes tiles/chunk_X_Z.glb.",
        valueName: "X0,Z0:X1,Z1"))
    var chunks: String?

    // `.unconditional`: so `--shard -1/4` reaches the range check instead of reading as an option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "With --chunks: write only shard K of N (0 ≤ K < N), the tiles whose row-major index in the block is K mod N; "
            + "runs K = 0…N-1 together write exactly the files of one unsharded run (e.g. --shard $JOB_COMPLETION_INDEX/8).",
        valueName: "K/N"))
    var shard: String?

    @Flag(name: .long, help: "With --chunks: check the arguments, print the tile files this run (or shard) would write, one per line, and stop.")
    var dryRun = false

    @Option(name: .long, help: "Side of a chunk in metres (default 64).")
    var chunkSize: Float = 64

    @Flag(name: .long, help: "Print the resolved recipe (JSON, stdout) with each prompt word's reading in \"words\" (lexicon, nearest or none).")
    var explain = false

    @Flag(name: .long, help: "Write vegetation and rocks as EXT_mesh_gpu_instancing batches.")
    var instancing = false

    @Option(name: .long, help: ArgumentHelp(
        "Light intensity units: photometric (lux/candela at 683 lm/W; Blender's default import, Unity, Unreal) or unitless (three.js, Godot).",
        valueName: "units"))
    var lightUnits: LightUnits = .photometric

    // `.unconditional`: coordinates may start with a minus sign.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Place rain, snow and mist for this camera instead of the establishing one (chunks get weather only with it).",
        valueName: "X,Y,Z:X,Y,Z"))
    var weatherCamera: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    // For scripts/vocabulary/build_table.py: the lexicon's concepts, so the nearest-meaning
    // table follows the lexicon.
    @Flag(name: .long, help: .hidden)
    var dumpLexicon = false

    func run() throws {
        let console = Console(toolName: Self.toolName, quiet: quiet)
        let share = try shard.map { try Shard(parsing: $0) } ?? .whole
        if shard != nil, chunks == nil { throw ToolFailure.usage("--shard splits a block of tiles: give --chunks X0,Z0:X1,Z1 with it") }
        if dryRun, chunks == nil { throw ToolFailure.usage("--dry-run lists the tiles of --chunks X0,Z0:X1,Z1: give --chunks with it") }
        if dumpLexicon {
            Console.writeStdout(NearestMeanings.lexiconListing)
            return
        }
        var (resolved, interpretation) = try resolveRecipe(console)
        if instancing { resolved.instancing = true }
        if explain {
            // The resolved recipe with its cast spelled out (the people and animals its
            // features imply, when it names none), and for a prompt how each word was read
            // (Recipe reads the "words" key back as provenance, so the output still works as
            // a --recipe file, giving the same world).
            var shown = resolved
            shown.characters = resolved.cast
            var json = shown.json
            if let words = interpretation?.wordsJSON, var object = json.objectValue {
                object["words"] = words
                json = .object(object)
            }
            Console.writeStdout(JSONWriter.string(json, pretty: true) + "\n")
        }
        guard let output else {
            if explain { return }
            throw ToolFailure.usage("missing output file (-o scene.gltf or -o scene.glb)")
        }
        let lower = output.lowercased()
        guard lower.hasSuffix(".gltf") || lower.hasSuffix(".glb") else {
            throw ToolFailure.usage("output must end in .gltf or .glb: \(output)")
        }
        if chunk != nil, chunks != nil { throw ToolFailure.usage("give --chunk or --chunks, not both") }
        if characters != nil, chunk != nil || chunks != nil { throw ToolFailure.usage("--characters makes a lineup, not tiles: give it without --chunk or --chunks") }
        if let chunks { return try runTiles(chunks, shard: share, recipe: resolved, output: output, console: console) }
        var start = Date()
        var cpuStart = clock()
        var scene: Scene
        if let characters {
            scene = Characters.lineup(try kinds(characters), recipe: resolved)
        } else if let chunk {
            try checkChunkSize()
            let (cx, cz) = try tile(chunk, option: "--chunk")
            let textures = try writeSharedTextures(resolved, beside: output)
            start = Date()
            cpuStart = clock()
            scene = ChunkGenerator.Stream(resolved, size: chunkSize).tile(x: cx, z: cz, weatherCamera: try parsedWeatherCamera())
            try point(&scene, at: textures, output: output)
        } else {
            var options = WorldGenerator.Options()
            options.weatherCamera = try parsedWeatherCamera()
            if ProcessInfo.processInfo.environment["OYSTER_GENERATE_TIMINGS"] != nil {
                // Stage timings for benchmarking (Benchmarks/generate.sh).
                let t0 = Date()
                options.progress = { stage, _ in
                    Console.writeStderr(String(format: "%7.3f s  %@\n", Date().timeIntervalSince(t0), stage))
                }
            } else if !quiet && Console.stderrIsTerminal {
                options.progress = { stage, fraction in
                    Console.writeStderr("\r\u{1B}[K[\(Int(fraction * 100))%] \(stage)")
                    if fraction >= 1 { Console.writeStderr("\r\u{1B}[K") }
                }
            }
            scene = WorldGenerator.generate(resolved, options: options)
        }
        _ = scene.convertLights(to: lightUnits)
        let generated = Date()
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        try write(scene, to: output)
        let s = scene.statistics
        let seconds = Date().timeIntervalSince(start), generation = generated.timeIntervalSince(start)
        console.info("oyster-generate: wrote \(output): \(s.triangles) triangles, \(s.meshes) meshes, \(s.materials) materials, "
            + "\(s.textures) textures, \(s.lights) lights, \(s.animations) animations in \(String(format: "%.3f", seconds)) s "
            + "(generation \(String(format: "%.3f", generation)) s, \(String(format: "%.3f", cpu)) s CPU)")
    }

    func write(_ scene: Scene, to output: String) throws {
        var writeOptions = GLTFWriteOptions()
        writeOptions.generator = "Oyster oyster-generate \(OysterGen.version)"
        do {
            try GLTFWriter(options: writeOptions).write(scene, to: output)
        } catch {
            throw ToolFailure.unwritable(output, "cannot write: \(error)")
        }
    }

    /// `--characters`: role and species names separated by commas, `all` (every role),
    /// `animals` (every quadruped), `birds` or `fish` (every bird or fish), at most `Recipe.maxCharacters` people and `Recipe.maxAnimals` animals.
    func kinds(_ text: String) throws -> [CharacterKind] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var kinds: [CharacterKind] = []
        for name in names {
            if name == "all" { kinds += CharacterRole.allCases.map { .person($0) }; continue }
            if name == "animals" { kinds += AnimalSpecies.allCases.map { .animal($0) }; continue }
            if name == "birds" { kinds += BirdSpecies.allCases.map { .bird($0) }; continue }
            if name == "fish" { kinds += FishSpecies.allCases.map { .fish($0) }; continue }
            guard let kind = CharacterKind(name: name) else {
                throw ToolFailure.usage("--characters: '\(name)' is not a role or an animal; one of \(CharacterRole.allCases.map(\.rawValue).joined(separator: ", ")), "
                    + "\(CharacterKind.allAnimals.map(\.name).joined(separator: ", ")), all, animals, birds or fish")
            }
            kinds.append(kind)
        }
        let people = kinds.filter { if case .person = $0 { return true } else { return false } }.count
        guard people <= Recipe.maxCharacters, kinds.count - people <= Recipe.maxAnimals else {
            throw ToolFailure.usage("--characters: \(people) people and \(kinds.count - people) animals asked, at most \(Recipe.maxCharacters) and \(Recipe.maxAnimals) in one lineup")
        }
        return kinds
    }

    /// `X,Z` as two tile coordinates within ±`ChunkGenerator.maxTile(size:)` (the tile's
    /// far corner stays within 2^20 m of the origin, where Floats still hold the terrain lattice).
    func tile(_ text: Substring, option: String) throws -> (Int, Int) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let z = parts[1] else {
            throw ToolFailure.usage("\(option) expects two integers X,Z (e.g. \(option) 3,-2)")
        }
        let limit = ChunkGenerator.maxTile(size: chunkSize)
        guard abs(x) <= limit, abs(z) <= limit else {
            throw ToolFailure.usage("\(option) \(x),\(z) is beyond the world: tile coordinates of \(Int(chunkSize)) m chunks run from -\(limit) to \(limit) "
                + "(about ±1,048 km, where 32-bit floats still hold the terrain grid)")
        }
        return (x, z)
    }

    func tile(_ text: String, option: String) throws -> (Int, Int) { try tile(text[...], option: option) }

    /// Chunk sides are whole multiples of 4 m (the water lattice) from 8 to 1024 m.
    func checkChunkSize() throws {
        guard chunkSize >= 8, chunkSize <= 1024, chunkSize.truncatingRemainder(dividingBy: 4) == 0 else {
            throw ToolFailure.usage("--chunk-size must be a multiple of 4 metres between 8 and 1024 (got \(chunkSize))")
        }
    }

    /// At most this many tiles per run (a 64 × 64 block, 16 km² at 64 m): a guard against a
    /// mistyped range running for hours, not a memory limit (tiles are written one by one).
    /// With `--shard` it bounds the shard's share, so a larger block (a 10 km world is 157 × 157
    /// tiles of 64 m) is baked by enough shards that each stays under it.
    static let maxTiles = 4096

    /// `--chunks X0,Z0:X1,Z1`: a block of tiles in one process, as a streaming game would
    /// generate them, sharing one baked texture folder and the kit cache; with `--shard K/N`
    /// only the tiles whose row-major index (Z outer, X inner: the order of an unsharded run)
    /// is K mod N. Round-robin rather than N contiguous bands of rows because cost clusters in
    /// space (a village, a mountain range, open water): interleaving gives every shard its part
    /// of each cluster, so shards finish together. Each tile is a pure function of
    /// (recipe, X, Z, size), so which process makes it cannot change its bytes, and the shared
    /// textures are content-addressed: N shards write exactly the files of one run.
    func runTiles(_ range: String, shard: Shard, recipe: Recipe, output: String, console: Console) throws {
        let ends = range.split(separator: ":", omittingEmptySubsequences: false)
        guard ends.count == 2 else { throw ToolFailure.usage("--chunks expects X0,Z0:X1,Z1 (e.g. --chunks -1,-1:1,1)") }
        try checkChunkSize()
        let (x0, z0) = try tile(ends[0], option: "--chunks"), (x1, z1) = try tile(ends[1], option: "--chunks")
        guard x0 <= x1, z0 <= z1 else { throw ToolFailure.usage("--chunks: X0 must not exceed X1, nor Z0 Z1") }
        // Coordinates are within ±2^20 m / size, so the block's tile count fits an Int easily.
        let width = x1 - x0 + 1, total = width * (z1 - z0 + 1)
        let count = total / shard.count + (shard.index < total % shard.count ? 1 : 0)
        guard count <= Self.maxTiles else {
            let needed = (total + Self.maxTiles - 1) / Self.maxTiles
            throw ToolFailure.usage("--chunks: \(count) tiles asked\(shard.count > 1 ? " for shard \(shard)" : ""), at most \(Self.maxTiles) per run "
                + "(split the \(total) tiles with --shard K/N, N ≥ \(needed))")
        }
        let ext = (output as NSString).pathExtension, stem = (output as NSString).deletingPathExtension
        let what = shard.count > 1 ? " (shard \(shard) of \(total) tiles)" : ""
        // Index i of the block in row-major order is tile (x0 + i mod width, z0 + i / width);
        // stepping by N visits this shard's tiles without walking the whole block.
        let indices = stride(from: shard.index, to: total, by: shard.count)
        func path(_ i: Int) -> String { "\(stem)_\(x0 + i % width)_\(z0 + i / width).\(ext)" }
        if dryRun {
            Console.writeStdout(indices.map { path($0) + "\n" }.joined())
            return
        }
        guard count > 0 else {
            // More shards than tiles: this one has nothing to do, which is not an error (a Job
            // may have more completions than a small block has tiles).
            console.info("oyster-generate: wrote 0 tiles\(what)")
            return
        }
        let textures = try writeSharedTextures(recipe, beside: output)
        let start = Date()
        var generation = 0.0, triangles = 0
        let camera = try parsedWeatherCamera()
        // One world plan for the whole run: tiles share its cells and kits, bytes as if alone.
        let stream = ChunkGenerator.Stream(recipe, size: chunkSize)
        for i in indices {
            let x = x0 + i % width, z = z0 + i / width
            let t0 = Date()
            var scene = stream.tile(x: x, z: z, weatherCamera: camera)
            _ = scene.convertLights(to: lightUnits)
            generation += Date().timeIntervalSince(t0)
            triangles += scene.statistics.triangles
            try point(&scene, at: textures, output: path(i))
            try write(scene, to: path(i))
        }
        let seconds = Date().timeIntervalSince(start)
        console.info("oyster-generate: wrote \(count) tiles \(stem)_X_Z.\(ext)\(what) (\(triangles) triangles) in \(String(format: "%.3f", seconds)) s: "
            + "\(String(format: "%.1f", seconds / Double(count) * 1000)) ms per tile, \(String(format: "%.1f", generation / Double(count) * 1000)) ms of it generation")
    }

    /// `--weather-camera EYE:TARGET`, each `X,Y,Z` in metres within the world's range.
    func parsedWeatherCamera() throws -> (eye: Vec3, target: Vec3)? {
        guard let text = weatherCamera else { return nil }
        let points = text.split(separator: ":", omittingEmptySubsequences: false).map { part in
            part.split(separator: ",", omittingEmptySubsequences: false).compactMap { Float($0.trimmingCharacters(in: .whitespaces)) }
        }
        guard points.count == 2, points.allSatisfy({ $0.count == 3 && $0.allSatisfy { $0.isFinite && abs($0) < 1_048_576 } }) else {
            throw ToolFailure.usage("--weather-camera expects EYE:TARGET as X,Y,Z:X,Y,Z in metres (e.g. --weather-camera 10,40,-80:0,5,0)")
        }
        let eye = Vec3(points[0][0], points[0][1], points[0][2]), target = Vec3(points[1][0], points[1][1], points[1][2])
        guard eye != target else { throw ToolFailure.usage("--weather-camera: the eye and the target must differ") }
        return (eye, target)
    }

    /// The recipe to generate, and for a prompt how it was read.
    func resolveRecipe(_ console: Console) throws -> (Recipe, PromptInterpretation?) {
        if recipe != nil, prompt != nil { throw ToolFailure.usage("give a prompt or --recipe, not both") }
        var r: Recipe
        var interpretation: PromptInterpretation?
        if let path = recipe {
            let data: [UInt8]
            do { data = try FileIO.read(path, limit: 16 << 20) } catch {
                throw ToolFailure.unreadable(path, "cannot read recipe file: \(error)")
            }
            do { r = try Recipe.parse(data) } catch {
                throw ToolFailure.unreadable(path, "bad recipe: \(error)")
            }
        } else if let prompt {
            let read = PromptInterpreter.interpret(prompt, seed: 1)
            r = read.recipe
            interpretation = read
            // Never silent: one line of what was understood and what was not.
            if read.understoodAnything {
                console.info("oyster-generate: " + read.summary)
            } else {
                console.warning(read.summary)
            }
        } else {
            r = Recipe()
            console.info("oyster-generate: no prompt: the default world (a temperate valley with a lake, a river, a forest, a village and a road)")
        }
        if let seed {
            guard seed >= 0 else { throw ToolFailure.usage("--seed must be ≥ 0") }
            r.seed = UInt64(seed)
        }
        for w in r.warnings { console.warning(w) }
        return (r, interpretation)
    }

    /// Chunks reference textures in `materials/` beside them. The folder is content-addressed
    /// (`SharedTextures`): each texture is named by the hash of its bytes and written only
    /// when missing, so tiles of several worlds, and shards of one bake on several machines,
    /// share one folder without a stamp, a lock or a mismatched texture.
    func writeSharedTextures(_ recipe: Recipe, beside output: String) throws -> SharedTextures {
        let folder = AtomicFile.parentDirectory(of: output)
        let dir = (folder.isEmpty ? "." : folder) + "/" + ChunkGenerator.materialFolder
        do {
            return try SharedTextures.prepare(recipe, in: dir, build: Self.buildIdentity)
        } catch {
            throw ToolFailure.unwritable(dir, "cannot write shared textures: \(error)")
        }
    }

    /// What changes whenever this executable does (its size and modification time), so a
    /// texture index written by another build of the baker is never trusted; nil when the
    /// executable cannot be found, and then every run bakes.
    static let buildIdentity: String? = {
        guard let path = Bundle.main.executablePath, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date else { return nil }
        return "\(size) \(modified.timeIntervalSince1970)"
    }()

    /// Points a tile's images at the content-addressed texture names.
    func point(_ scene: inout Scene, at textures: SharedTextures, output: String) throws {
        let unknown = textures.rewrite(&scene)
        // A texture the generator references but does not bake would be a missing file in
        // every engine; refuse to write such a tile rather than ship it.
        guard unknown.isEmpty else {
            throw ToolFailure.unwritable(output, "the tile references shared textures that were not baked: \(unknown.joined(separator: ", "))")
        }
    }
}

Generate.runAsTool()
