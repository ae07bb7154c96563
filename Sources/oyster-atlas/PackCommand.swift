import ArgumentParser
import Foundation
import OysterAtlas

/// `oyster-atlas pack`: images -> atlas pages + TexturePacker JSON (Hash) manifests.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack", abstract: "Pack images into atlas pages with JSON (Hash) manifests."
    )

    @Argument(help: "Image files (PNG, JPEG) or folders of them.") var inputs: [String]
    @Option(name: .shortAndLong, help: "Output folder.") var output: String
    @Option(name: .long, help: "Largest page side.") var maxSize = 2048
    @Option(name: .long, help: "Empty pixels between frames.") var padding = 2
    @Option(name: .long, help: "Pixels of edge repetition around each frame.") var extrude = 0
    @Flag(name: .long, help: "Allow turning frames 90° clockwise.") var rotate = false
    @Flag(name: .long, help: "Power-of-two page sides.") var pot = false
    @Flag(name: .long, help: "Square pages.") var square = false
    @Option(name: .long, help: "Page format: png or jpeg.") var format = "png"
    @Option(name: .long, help: "JPEG quality (1-100).") var quality = 90
    @Flag(name: .shortAndLong, help: "Print nothing on success.") var quiet = false

    func run() throws {
        throw ToolError.usage("pack", "image support is not built yet")
    }
}
