import Foundation
import OysterCore
import OysterExport
import OysterGen
import OysterMotion
import OysterStream

/// The page's Export: an engine package of the region a session visited (the tiles its
/// frames drew, nearest the player first, at most `maxTiles`) with the things the player
/// spawned, made by `OysterExport` as `oyster-export` makes one (processed, every file
/// validated, manifest last) and zipped. Runs on any thread but the session's: it generates
/// the tiles again rather than touching what the renderer holds.
public struct RegionExport: Sendable {
    /// Tiles exported at most: the region is bounded so an export takes seconds, not minutes,
    /// on two cores (the nearest to the player are kept, and the reply says how many were left).
    public static let maxTiles = 16
    /// The zip's name as the page saves it, and the package's folder and file stem inside it.
    public static let fileName = "world-export.zip"
    public static let packageName = "world"

    public var target: ExportTarget
    /// The tiles exported, and how many the session visited.
    public var tiles: [TileKey]
    public var visited: Int
    /// The things the player spawned, where they were placed.
    public var spawned: [PlacedSpawn]
    /// The session's calls to gather: the people they took stand where they were taken.
    public var gatherings: [GatherCall]
    /// The hour and weather to light the package by (the session's at the moment of the
    /// export); nil: the world's own.
    public var light: (hour: Float, weather: Weather)?

    /// Chooses the tiles: of `visited`, the `maxTiles` whose centres are nearest `feet`
    /// (ties in row order, so the same visit gives the same region).
    public init(target: ExportTarget, visited: Set<TileKey>, around feet: Vec3, tileSize: Float, spawned: [PlacedSpawn],
                gatherings: [GatherCall] = [], light: (hour: Float, weather: Weather)? = nil) {
        self.gatherings = gatherings
        self.target = target
        self.visited = visited.count
        func distance(_ k: TileKey) -> Float {
            let dx = (Float(k.x) + 0.5) * tileSize - feet.x, dz = (Float(k.z) + 0.5) * tileSize - feet.z
            return dx * dx + dz * dz
        }
        tiles = visited.sorted { (distance($0), $0) < (distance($1), $1) }.prefix(Self.maxTiles).sorted()
        self.spawned = spawned
        self.light = light
    }

    /// What an export made.
    public struct Result: Sendable {
        public var zip: [UInt8]
        public var files: Int
        public var triangles: Int
        public var seconds: Double
    }

    /// Makes the package in a temporary folder (removed after), zips it under
    /// `world/`, and returns the zip. `progress` hears each stage; `cancelled` is asked between
    /// them (a closed page stops the work).
    public func run(world: StreamedWorld, progress: (String) -> Void, cancelled: () -> Bool = { false }) throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        struct Refused: Error, CustomStringConvertible { var description: String }
        guard !tiles.isEmpty else { throw Refused(description: "nothing visited yet: no frame has been drawn") }
        let cancel = Refused(description: "cancelled: the page closed")
        progress("generating \(tiles.count) tiles and \(spawned.count) spawned things")
        let gathered = gatherings.isEmpty ? [] : world.gatheredPeople(gatherings)
        let scene = try world.region(tiles: tiles, spawned: spawned, light: light, gathered: gathered)
        if cancelled() { throw cancel }
        progress("processing and validating the \(target.rawValue) package (\(scene.statistics.triangles) triangles)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("oyster-play-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Exporter.export(scene, name: Self.packageName, options: ExportOptions(target: target), to: folder)
        if cancelled() { throw cancel }
        progress("zipping \(result.written.files.count) files")
        var zip = ZipArchive()
        for path in result.written.files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            try zip.add(path: Self.packageName + "/" + path, contents: bytes)
        }
        return Result(zip: zip.finished(), files: result.written.files.count, triangles: scene.statistics.triangles,
                      seconds: (clock.now - start).seconds)
    }

    /// Words for the page: what was exported and what was left out.
    public var summary: String {
        var s = "\(tiles.count) tiles"
        if visited > tiles.count { s += " of the \(visited) visited (the \(Self.maxTiles) nearest you: an export is capped at \(Self.maxTiles))" }
        s += " and \(spawned.count) spawned things"
        if !gatherings.isEmpty { s += ", people where \(gatherings.count == 1 ? "the call" : "the \(gatherings.count) calls") to gather took them" }
        s += ", \(target.rawValue) package"
        if let light { s += ", lit at \(DirectCommand.clock(light.hour)) in \(light.weather.rawValue) weather" }
        return s
    }
}
