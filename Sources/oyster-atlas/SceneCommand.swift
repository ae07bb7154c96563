import OysterJSON
import ArgumentParser
import Foundation
import OysterAtlas
import OysterCore
import OysterGLTF

/// `oyster-atlas scene`: a glTF/GLB scene -> the same scene with its materials' textures atlased.
struct SceneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scene",
        abstract: "Atlas a scene's textures so materials that differ only in textures become one.",
        discussion: """
            Materials that differ only in their textures share per-channel atlases (base color, \
            metallic-roughness, normal, occlusion, emissive); UVs are remapped (KHR_texture_transform \
            respected) and primitives that now share a material are merged. UVs repeating beyond [0, 1] \
            are baked into the tile up to --max-repeat times per axis; beyond that, with a REPEAT sampler, \
            triangles are cut at whole UV values (--no-split leaves such materials out with a note). Prints draw calls and texture memory before and after.
            """
    )

    @Argument(help: "Input scene (.gltf or .glb).") var input: String
    @Argument(help: "Output scene (.gltf or .glb).") var output: String
    @Option(name: .long, help: "Largest atlas page side.") var maxSize = 4096
    @Option(name: .long, help: "Mip levels kept free of bleeding (tile grid 2^N, gutter 2^(N-1)).") var mipLevels = 3
    @Option(name: .long, help: "Most UV repeats per axis baked into a tile.") var maxRepeat = 2
    @Flag(name: .long, help: "Power-of-two atlas pages.") var pot = false
    @Flag(name: .long, help: "Also merge across nodes: bake static transforms (meshes used 4+ times stay instanced) and merge per material.") var mergeNodes = false
    @Option(name: .long, help: "Most triangles cutting repeating UVs may add, as a fraction of the scene's.") var maxTriangleGrowth = 0.5
    @Flag(name: .long, help: "Do not merge primitives that end up sharing a material.") var noMerge = false
    @Flag(name: .long, help: "Leave out materials whose UVs repeat too often instead of cutting their triangles.") var noSplit = false
    @Flag(name: .shortAndLong, help: "Print nothing on success.") var quiet = false
    @Flag(name: .long, help: "Print the report as JSON.") var json = false

    func validate() throws {
        guard (16...16384).contains(maxSize) else { throw ValidationError("--max-size must be 16-16384") }
        guard (0...8).contains(mipLevels) else { throw ValidationError("--mip-levels must be 0-8") }
        guard (1...64).contains(maxRepeat) else { throw ValidationError("--max-repeat must be 1-64") }
        guard maxTriangleGrowth >= 0 && maxTriangleGrowth.isFinite else { throw ValidationError("--max-triangle-growth must be 0 or more") }
        let lower = output.lowercased()
        guard lower.hasSuffix(".gltf") || lower.hasSuffix(".glb") else { throw ValidationError("output must end in .gltf or .glb") }
    }

    func run() throws {
        var scene: Scene
        do {
            scene = try GLTFReader().read(path: input).scene
        } catch {
            throw ToolError.input(input, "\(error)")
        }
        let options = SceneAtlasOptions(maxSize: maxSize, mipLevels: mipLevels, maxRepeat: maxRepeat, splitRepeats: !noSplit,
                                        maxTriangleGrowth: maxTriangleGrowth,
                                        mergePrimitives: !noMerge, mergeAcrossNodes: mergeNodes, powerOfTwo: pot)
        let report: AtlasReport
        do {
            report = try atlasScene(&scene, options: options)
        } catch {
            throw ToolError.output(output, "\(error)")
        }
        do {
            try GLTFWriter().write(scene, to: output)
        } catch let e as OutputError {
            throw ToolError.output(e.path, e.reason)
        } catch {
            throw ToolError.output(output, "\(error)")
        }
        guard !quiet else { return }
        if json {
            let pages = report.pages.map {
                #"{"width": \#($0.width), "height": \#($0.height), "materials": \#($0.materials), "slots": [\#($0.slots.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))], "occupancy": \#(fixed($0.occupancy))}"#
            }
            let notes = report.notes.map { JSONWriter.quoted($0) }
            print(#"{"drawCalls": [\#(report.drawCallsBefore), \#(report.drawCallsAfter)], "triangles": [\#(report.trianglesBefore), \#(report.trianglesAfter)], "primitivesSplit": \#(report.primitivesSplit), "materials": [\#(report.materialsBefore), \#(report.materialsAfter)], "images": [\#(report.imagesBefore), \#(report.imagesAfter)], "textureBytes": [\#(report.textureBytesBefore), \#(report.textureBytesAfter)], "pages": [\#(pages.joined(separator: ", "))], "notes": [\#(notes.joined(separator: ", "))]}"#)
            return
        }
        for (i, p) in report.pages.enumerated() {
            print("atlas \(i): \(p.width)x\(p.height), \(p.materials) materials, \(p.slots.map(\.rawValue).joined(separator: "+")), occupancy \(fixed(p.occupancy))")
        }
        print("draw calls: \(report.drawCallsBefore) -> \(report.drawCallsAfter)")
        print("materials: \(report.materialsBefore) -> \(report.materialsAfter)")
        if report.primitivesSplit > 0 {
            print("triangles: \(report.trianglesBefore) -> \(report.trianglesAfter) (\(report.primitivesSplit) primitives cut at UV repeats)")
        }
        print("images: \(report.imagesBefore) -> \(report.imagesAfter)")
        print("texture memory: \(megabytes(report.textureBytesBefore)) -> \(megabytes(report.textureBytesAfter)) (RGBA8 with mips)")
        for note in report.notes { print("note: \(note)") }
    }
}

func megabytes(_ bytes: Int) -> String { String(format: "%.2f MiB", Double(bytes) / 1_048_576) }

