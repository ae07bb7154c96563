import Foundation
import OysterCore
import OysterImage
import OysterTestSupport
@testable import OysterVideo

/// The executable `name` on PATH, or nil.
func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

let ffprobe = executable("ffprobe")
let ffmpeg = executable("ffmpeg")
let h264Encoder = VideoWriter.encoder(for: .mp4)
let vp9Encoder = VideoWriter.encoder(for: .webm)

/// The four quadrant colours of a synthetic frame (top-left, top-right, bottom-left,
/// bottom-right) and the moving box's: all different in every channel order, so a swap of R
/// and B or a flipped frame shows.
let quadrantColors: [[UInt8]] = [[220, 30, 30], [30, 200, 40], [40, 50, 210], [230, 230, 230]]
let boxColor: [UInt8] = [240, 220, 20]

/// Frame `index` of a synthetic clip: four flat quadrants and a 1/6-height yellow box moving
/// left to right along the middle, RGBA, fully opaque.
func syntheticFrame(_ index: Int, width: Int = 320, height: Int = 180, frames: Int = 48) -> PixelImage {
    var samples = [UInt8](repeating: 255, count: width * height * 4)
    let box = max(2, height / 6)
    let boxX = (width - box) * index / max(frames - 1, 1)
    let boxY = (height - box) / 2
    for y in 0..<height {
        for x in 0..<width {
            let inBox = x >= boxX && x < boxX + box && y >= boxY && y < boxY + box
            let color = inBox ? boxColor : quadrantColors[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]
            let i = (y * width + x) * 4
            samples[i] = color[0]
            samples[i + 1] = color[1]
            samples[i + 2] = color[2]
        }
    }
    return PixelImage(width: width, height: height, channels: 4, samples8: samples)
}

/// Encodes `frames` synthetic frames to `path`.
@discardableResult
func encodeClip(_ path: String, options: VideoOptions, frames: Int = 48) throws -> FrameSinkSummary {
    let writer = try VideoWriter(path: path, options: options)
    for i in 0..<frames { try writer.append(syntheticFrame(i, width: options.width, height: options.height, frames: frames)) }
    return try writer.finish()
}

/// What ffprobe says about a video's first stream, counting decoded frames.
struct Probe {
    var codec: String
    var width: Int
    var height: Int
    var frames: Int
    var duration: String
}

func probe(_ path: String) throws -> Probe {
    let run = try ToolRun.run(ffprobe!, ["-v", "error", "-select_streams", "v:0", "-count_frames",
                                         "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                                         "-show_entries", "format=duration", "-of", "json", path])
    guard run.status == 0 else { throw ProbeError(message: "ffprobe failed: \(run.stderr)") }
    let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    guard let stream = (json?["streams"] as? [[String: Any]])?.first, let format = json?["format"] as? [String: Any] else {
        throw ProbeError(message: "unexpected ffprobe output: \(run.stdout)")
    }
    return Probe(codec: stream["codec_name"] as? String ?? "", width: stream["width"] as? Int ?? 0,
                 height: stream["height"] as? Int ?? 0, frames: Int(stream["nb_read_frames"] as? String ?? "") ?? -1,
                 duration: format["duration"] as? String ?? "")
}

struct ProbeError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Frame `index` of a video, decoded by the ffmpeg tool to RGB.
func decodeFrame(_ path: String, index: Int, into dir: TemporaryDirectory) throws -> PixelImage {
    let png = dir.file("decoded-\(index).png")
    let run = try ToolRun.run(ffmpeg!, ["-v", "error", "-i", path, "-vf", "select=eq(n\\,\(index))", "-frames:v", "1",
                                        "-pix_fmt", "rgb24", "-y", png])
    guard run.status == 0 else { throw ProbeError(message: "ffmpeg failed: \(run.stderr)") }
    return try ImageCodec.decode(try FileIO.read(png))
}

/// The files in a folder, hidden ones included.
func listing(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }
