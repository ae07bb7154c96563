#if canImport(Glibc)
import Glibc
#endif
import OysterCore

/// The light of one frame on one scale, where a noon sun is 1: the sun (the scene's first
/// directional light), the sky's colours and ambient, fog, and the point and spot lights
/// nearest the camera.
struct FrameLighting {
    var sunDirection: Vec3
    /// Sun colour × strength; zero when the scene's lights include no sun.
    var sunColor: Vec3
    var skyZenith: Vec3
    var skyHorizon: Vec3
    var skyGround: Vec3
    /// What a surface facing up receives from the sky (irradiance over π), before `ambient`.
    var skyUp: Vec3
    /// Radiance added to the horizon towards the sun (`Environment.sunGlowColor`).
    var sunGlow: Vec3
    var ambient: Float
    var night: Bool
    var fogDensity: Float
    /// Height where the environment's fog density holds (the scene's lowest ground) and how
    /// fast it thins above (1 / 80 m).
    var fogBase: Float = 0
    var fogFalloff: Float = 1 / 80
    var locals: [Local]
    /// The frame's light puts the lamps out (by day): their lights and the glow of materials
    /// that shine only while they burn (`EmissionSchedule.whileLampsLit`).
    var lampsOut = false

    struct Local {
        var position: Vec3
        var color: Vec3
        var range: Float
        var direction: Vec3
        /// cos(inner), cos(outer); (2, 2) for a point light.
        var cone: Vec2
    }

    /// What a light's intensity is divided by to give the shader's scale, where a white Lambert
    /// surface facing a light of 1 shows 1: illuminance over π, as Blender (W/m² from lux at
    /// 683 lm/W) and the Khronos sample viewer count it. Photometric: 683π lux per unit, so
    /// Oyster's noon sun (3,415 lux) is 1.59; unitless and unstated units: π.
    static func referenceIlluminance(_ scene: Scene) -> Float {
        scene.lightUnits == .photometric ? LightUnits.lumensPerWatt * .pi : .pi
    }

    init(_ scene: Scene, world: [Mat4], eye: Vec3, fog: Bool) {
        self.init([(scene, world)], eye: eye, fog: fog)
    }

    /// The light of scenes drawn together: the first gives the sun, the sky and the fog; the
    /// point and spot lights nearest the eye come from all of them.
    init(_ scenes: [(scene: Scene, world: [Mat4])], eye: Vec3, fog: Bool) {
        let (scene, world) = scenes.first ?? (Scene(), [])
        let environment = scene.asset.environment
        // glTF lights shine down their local −Z; the shader wants the way towards the sun.
        sunDirection = environment?.sunDirection.map(normalize) ?? normalize(Vec3(0.4, 0.8, 0.3))
        var color = environment?.sunColor ?? Vec3(1, 0.96, 0.9)
        // A scene without any light gets the sun its environment describes (a frame's light
        // made by `Renderer.prepareLight`), else a default sun so it is seen at all; one with
        // only point and spot lights is lit by them alone.
        var strength: Float = scene.lights.isEmpty
            ? environment?.sunIntensity.map { min(16, max(0, $0 / Self.referenceIlluminance(scene))) } ?? 1 : 0
        if let n = scene.nodes.indices.first(where: { i in scene.nodes[i].light.map { scene.lights.indices.contains($0) && scene.lights[$0].kind == .directional } ?? false }),
           let l = scene.nodes[n].light {
            sunDirection = normalize(world[n].transformDirection(Vec3(0, 0, 1)))
            color = scene.lights[l].color
            strength = min(16, max(0, scene.lights[l].intensity / Self.referenceIlluminance(scene)))
        }
        sunColor = color * strength
        night = environment?.isNight ?? false
        let sky = environment?.skyColor ?? Vec3(0.55, 0.7, 0.9)
        if let horizon = environment?.horizonColor {
            // The sky as the generator describes it: overhead, at the horizon, and the glow
            // towards a low sun. A surface facing up sees mostly the sky overhead (the
            // cosine-weighted mean of the gradient the sky pass draws, by the square root of
            // the height, is 0.2 horizon + 0.8 zenith); the glow lights what faces the sun (the
            // shader's `glowIrradiance`); the ground below returns the light falling on it
            // (sky, glow and sun) with an albedo of about 0.2.
            skyZenith = sky
            skyHorizon = horizon
            sunGlow = night ? .zero : environment?.sunGlowColor ?? .zero
            skyUp = horizon * 0.2 + sky * 0.8
            skyGround = Vec3(0.9, 0.85, 0.75) * 0.2 * (skyUp + sunGlow * 0.042 + color * strength * max(sunDirection.y, 0))
        } else {
            // Only a sky colour (older files, hand-made scenes): the horizon is paler than the
            // zenith; the ground below returns some of the light. Like Blender's world colour,
            // the sky's radiance is the environment's colour, so a surface open to it gets
            // that much light (ambient 1).
            let grey = (sky.x + sky.y + sky.z) / 3
            skyZenith = sky * 0.9
            skyHorizon = mix(sky, Vec3(repeating: grey) * 1.15 + Vec3(0.05, 0.05, 0.05) * min(strength, 1), 0.45)
            skyGround = Vec3(0.9, 0.85, 0.75) * grey * 0.6
            skyUp = mix(skyHorizon, skyZenith, 0.5)
            sunGlow = .zero
        }
        ambient = 1
        fogDensity = fog ? max(0, environment?.fogDensity ?? 0) : 0
        // Lamps out (a frame's light saying so by day): no point or spot light shines.
        lampsOut = environment?.lampsLit == false
        locals = lampsOut ? [] : Self.nearestLocals(scenes, eye: eye)
    }

    /// The point and spot lights nearest the camera (at most `Shaders.maxLocalLights`; ties
    /// by scene, then node order, so frames are deterministic), in the sun's scale: candela
    /// over the reference illuminance (the first scene's units).
    static func nearestLocals(_ scenes: [(scene: Scene, world: [Mat4])], eye: Vec3) -> [Local] {
        guard let first = scenes.first else { return [] }
        let scale = 1 / referenceIlluminance(first.scene)
        var found: [(distance: Float, scene: Int, node: Int, light: Int)] = []
        for (s, (scene, world)) in scenes.enumerated() {
            for (n, node) in scene.nodes.enumerated() {
                guard let l = node.light, scene.lights.indices.contains(l), scene.lights[l].kind != .directional else { continue }
                found.append((length(world[n].transformPoint(.zero) - eye), s, n, l))
            }
        }
        found.sort { ($0.distance, $0.scene, $0.node) < ($1.distance, $1.scene, $1.node) }
        return found.prefix(Shaders.maxLocalLights).map { c in
            let (scene, world) = scenes[c.scene]
            let light = scene.lights[c.light]
            var cone = Vec2(2, 2)
            if case .spot(let inner, let outer) = light.kind { cone = Vec2(cosf(inner), cosf(outer)) }
            return Local(position: world[c.node].transformPoint(.zero), color: light.color * (light.intensity * scale),
                         range: light.range ?? 0, direction: normalize(world[c.node].transformDirection(Vec3(0, 0, -1))), cone: cone)
        }
    }

    /// Sets the sky, sun, ambient and fog uniforms every lit program shares.
    func apply(to program: GLProgram, eye: Vec3, options: RenderOptions) {
        program.set("uSkyZenith", skyZenith)
        program.set("uSkyHorizon", skyHorizon)
        program.set("uSkyGround", skyGround)
        program.set("uSkyUp", skyUp)
        program.set("uSunGlow", sunGlow)
        program.set("uSunDirection", sunDirection)
        let across = Vec2(sunDirection.x, sunDirection.z)
        program.set("uSunAzimuth", length(across) > 1e-4 ? across / length(across) : Vec2(0, 0))
        program.set("uSunColor", sunColor)
        program.set("uAmbient", ambient)
        program.set("uNight", night)
        program.set("uEye", eye)
        program.set("uFogDensity", fogDensity)
        program.set("uFogBase", fogBase)
        program.set("uFogFalloff", fogFalloff)
        program.set("uFogAtEye", fogDensity * expf(-(eye.y - fogBase) * fogFalloff))
        program.set("uExposure", powf(2, options.exposure))
        program.set("uLocalCount", locals.count)
        for (i, l) in locals.enumerated() {
            program.set("uLocalPosition[\(i)]", l.position)
            program.set("uLocalColor[\(i)]", l.color)
            program.set("uLocalRange[\(i)]", l.range)
            program.set("uLocalDirection[\(i)]", l.direction)
            program.set("uLocalCone[\(i)]", l.cone)
        }
    }
}
