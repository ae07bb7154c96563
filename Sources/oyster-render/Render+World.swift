import OysterCLI
import OysterCore
import OysterGen
import OysterImage
import OysterMotion
import OysterRender
import OysterStream
import OysterVideo

/// `--world`: an unbounded generated world, its tiles streamed round the camera
/// (`StreamedWorld`).
extension Render {
    /// The checks only `--world` needs (the shared ones follow in `validate`).
    func validateWorld() throws {
        if recipe != nil, input != nil { throw ValidationError("--world takes a prompt or --recipe, not both") }
        if let seed, seed < 0 { throw ValidationError("--seed must be 0 or more") }
        if camera != nil { throw ValidationError("--camera: a generated world has no named cameras; use --from X,Y,Z --at X,Y,Z") }
        if turntable != nil || animation != nil {
            throw ValidationError("--turntable and --animation need a scene file; a --world moves with --actions, --path or --duration")
        }
        guard (0...4).contains(worldRadius) else { throw ValidationError("--world-radius must be 0-4 tiles") }
        guard (0...8).contains(worldAhead) else { throw ValidationError("--world-ahead must be 0-8 tiles") }
        guard worldHorizon.isFinite, (0...8000).contains(worldHorizon) else { throw ValidationError("--world-horizon must be 0-8000 metres") }
        guard tileSize.isFinite, (16...256).contains(tileSize), tileSize.truncatingRemainder(dividingBy: 4) == 0 else {
            throw ValidationError("--tile-size must be 16-256 metres, a multiple of 4")
        }
    }

    /// The world's recipe: the file's, else the prompt's (as oyster-generate reads it), with
    /// `--seed` over either.
    func worldRecipe() throws -> Recipe {
        var data: [UInt8]?
        if let recipe {
            do { data = try FileIO.read(recipe, limit: 16 << 20) } catch { throw ToolFailure.unreadable(recipe, "cannot read recipe file: \(error)") }
        }
        do { return try Recipe.world(prompt: input, recipe: data, seed: seed.map { UInt64($0) }) } catch {
            throw ToolFailure.unreadable(recipe ?? inputName, "bad recipe: \(error)")
        }
    }

    func runWorld(console: Console) throws {
        let world: StreamedWorld
        do {
            world = try StreamedWorld(recipe: try worldRecipe(), window: TileWindow(size: tileSize, radius: worldRadius, ahead: worldAhead))
            world.horizonReach = worldHorizon > 0 ? worldHorizon : nil
        } catch let error as StreamedWorldError {
            throw ToolFailure(.usage, file: inputName, error.description)
        }
        var base = try renderOptions()
        // Without --from, the default scene's establishing camera; --from without --at looks
        // where that camera looks.
        let home = world.establishingCamera
        base.target = base.target ?? (base.eye == nil ? home.target : base.eye! + normalize(home.target - home.eye))
        base.eye = base.eye ?? home.eye
        let renderer = try mapped { () throws(RenderError) in try Renderer(device: device) }

        let still: Bool
        if case .still? = FrameOutput(path: output) { still = true } else { still = false }
        let shot: Shot
        var direction: WorldDirection?
        do {
            if let path {
                shot = try pathShot(try readCameraPath(path))
            } else if let actions {
                let walk = try world.direct(try readActionScript(actions), camera: (base.eye!, normalize(base.target! - base.eye!)), fps: fps)
                direction = walk.direction
                shot = try pathShot(walk.path)
            } else if let duration {
                shot = try Shot(motion: .fixed, duration: duration, fps: fps)
            } else if still {
                shot = try Shot(motion: .fixed, duration: 1, fps: 1)
            } else {
                throw ToolFailure(.usage, file: inputName, "a video of a world needs --actions, --path or --duration")
            }
        } catch let error as CameraPathError {
            throw ToolFailure(.usage, file: path ?? inputName, error.description)
        } catch let error as ShotError {
            throw ToolFailure(.usage, error.description)
        } catch let error as ActionScriptError {
            throw ToolFailure(.usage, file: actions, error.description)
        }

        if still {
            var image: PixelImage?
            do {
                try world.render(shot, base: base, renderer: renderer, levelsOfDetail: false, direction: direction) { _, frame in image = frame }
            } catch let error as RenderError {
                throw Self.failure(error, input: inputName)
            }
            try writeStill(image!, renderer: renderer, console: console)
        } else {
            try writeVideo(shot, width: base.width, height: base.height, renderer: renderer, console: console) { frame in
                try world.render(shot, base: base, renderer: renderer, levelsOfDetail: true, direction: direction, frame: frame)
            }
        }
        if stats {
            let s = world.statistics
            let n = Double(max(s.tilesStaged, 1))
            Console.writeStderr(String(format: "%@: stats: streamed %d tiles of %.0f m (at most %d loaded, %d staged ahead); per tile on %d worker threads %.1f ms generation, %.1f ms textures, %.1f ms staging; %.1f ms upload per tile; %.2f s waiting for tiles; %d texture kinds baked, at most %d textures on the GPU; %d weather fields, %.1f ms each; %d horizons, %.1f ms each\n",
                                       Self.toolName, s.tilesStaged, tileSize, s.peakTiles, s.peakWaiting, world.workers, s.generateSeconds / n * 1000,
                                       s.textureSeconds / n * 1000, s.stageSeconds / n * 1000, s.uploadSeconds / n * 1000, s.waitSeconds, s.bakedKinds, s.peakTextures, s.weatherFields, s.weatherSeconds / Double(max(s.weatherFields, 1)) * 1000,
                                       s.horizons, s.horizonSeconds / Double(max(s.horizons, 1)) * 1000))
        }
    }
}
