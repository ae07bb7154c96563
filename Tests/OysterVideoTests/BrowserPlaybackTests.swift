import Foundation
import OysterCore
import OysterTestSupport
import Testing
@testable import OysterVideo

/// Whether headless Chromium can be driven here: Debian's chromium and chromium-driver, and
/// selenium for python3 (`make client-deps` installs all three).
let browserAvailable: Bool = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
          FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
          let python = executable("python3") else { return false }
    return (try? ToolRun.run(python, ["-c", "import selenium"]).status) == 0
}()

/// One video as `video_plays.py` saw it.
struct PlayReport: Sendable, CustomStringConvertible {
    var status: String
    var width: Int
    var height: Int
    var chromium: String
    /// The whole JSON line.
    var description: String
}

/// What `scripts/clients/video_plays.py` reported for a WebM and an MP4 of 48 frames at
/// 24 fps, 320x180 (keyed by extension), made once for the suite: one browser session.
let browserReports: Result<[String: PlayReport], ProbeError> = {
    let dir = TemporaryDirectory("oyster-browser")
    var reports: [String: PlayReport] = [:]
    do {
        let options = VideoOptions(width: 320, height: 180, fps: 24)
        try encodeClip(dir.file("clip.webm"), options: options)
        try encodeClip(dir.file("clip.mp4"), options: options)
        let run = try ToolRun.run(executable("python3")!, [RepoPaths.root + "/scripts/clients/video_plays.py", "--size", "320x180",
                                                            "--frames", "48", dir.file("clip.webm"), dir.file("clip.mp4")], timeout: 180)
        for line in run.stdout.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let video = object["video"] as? String else { continue }
            reports[URL(fileURLWithPath: video).pathExtension] = PlayReport(
                status: object["status"] as? String ?? "", width: object["videoWidth"] as? Int ?? 0,
                height: object["videoHeight"] as? Int ?? 0, chromium: object["chromium"] as? String ?? "?", description: String(line))
        }
        if reports.count != 2 { return .failure(ProbeError(message: "video_plays.py exited \(run.status): \(run.stdout) \(run.stderr)")) }
        return .success(reports)
    } catch {
        return .failure(ProbeError(message: "\(error)"))
    }
}()

/// The real client: Chromium plays what VideoWriter writes.
@Suite(.enabled(if: browserAvailable, "needs chromium, chromium-driver and python3 selenium (make client-deps)"))
struct BrowserPlaybackTests {
    @Test(.enabled(if: vp9Encoder != nil, "no VP9 encoder"))
    func chromiumPlaysTheWebM() throws {
        let report = try #require(try browserReports.get()["webm"])
        #expect(report.status == "plays", "\(report)")
        #expect(report.width == 320 && report.height == 180)
    }

    /// Debian's chromium is built with H.264 (156 here); a build without it is a visible skip.
    @Test(.enabled(if: h264Encoder != nil, "no H.264 encoder"))
    func chromiumPlaysTheMP4WhereItHasH264() throws {
        let report = try #require(try browserReports.get()["mp4"])
        if report.status == "unsupported" {
            try Test.cancel("H.264 not supported by this chromium build (\(report.chromium))")
        }
        #expect(report.status == "plays", "\(report)")
    }
}
