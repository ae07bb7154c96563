import OysterCore
import ArgumentParser
import Foundation
import OysterAtlas

/// Hidden: packs rectangle sizes from a file (`w h` per line) and prints occupancy and time,
/// for Benchmarks/atlas.sh.
struct BenchPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-pack", abstract: "Pack rectangle sizes read from a file (benchmark).",
        shouldDisplay: false
    )

    @Argument(help: "File with one `width height` pair a line.") var sizesFile: String
    @Option(name: .long) var maxSize = 2048
    @Option(name: .long) var padding = 0
    @Flag(name: .long) var rotate = false
    @Flag(name: .long) var pot = false
    @Flag(name: .long) var square = false
    @Option(name: .long, help: "Repeat and keep the fastest run.") var repeats = 3
    @Option(name: .long, help: "Only these heuristics (comma-separated).") var heuristics: String?

    func run() throws {
        guard let bytes = try? FileIO.read(sizesFile, limit: 64 << 20), let text = String(validating: bytes, as: UTF8.self) else {
            throw ToolError.input(sizesFile, "cannot read")
        }
        var sizes: [PackSize] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ").compactMap { Int($0) }
            if parts.count >= 2 { sizes.append(PackSize(width: parts[0], height: parts[1])) }
        }
        var options = PackOptions(maxWidth: maxSize, maxHeight: maxSize, padding: padding,
                                  allowRotation: rotate, powerOfTwo: pot, square: square)
        if let heuristics {
            options.heuristics = heuristics.split(separator: ",").compactMap { PackHeuristic(rawValue: String($0)) }
        }
        // Wall time, and this thread's CPU time (what the packer costs on a shared machine).
        var best = Double.infinity, bestCPU = Double.infinity
        var result: PackResult?
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = threadCPUTime()
            do { result = try packRectangles(sizes, options: options) } catch { throw ToolError.input(sizesFile, "\(error)") }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            bestCPU = min(bestCPU, (threadCPUTime() - cpuStart) * 1000)
        }
        guard let result else { return }
        let pageArea = result.pages.reduce(0) { $0 + $1.width * $1.height }
        let used = result.placements.reduce(0) { $0 + $1.width * $1.height }
        let pageSizes = result.pages.map { "\($0.width)x\($0.height)" }.joined(separator: ",")
        print(#"{"rects": \#(sizes.count), "pages": \#(result.pages.count), "used": \#(used), "pageArea": \#(pageArea), "occupancy": \#(String(format: "%.4f", result.occupancy)), "ms": \#(String(format: "%.2f", best)), "cpuMs": \#(String(format: "%.2f", bestCPU)), "sizes": "\#(pageSizes)", "heuristic": "\#(result.heuristic?.rawValue ?? "")"}"#)
    }
}

/// Seconds of CPU time this thread has used.
func threadCPUTime() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
