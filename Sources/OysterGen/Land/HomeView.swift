import OysterCore

/// The establishing shot of the home region: what it looks at and where the camera stands.
struct HomeView {
    let home: HomePlan
    let features: LocalFeatures
    let recipe: Recipe

    /// The volcano the camera frames: the world's, when no village or town is the subject.
    var volcano: Volcano? {
        home.villageCenter == nil && home.town == nil ? features.terrain.volcano : nil
    }

    /// What the camera looks at: the village (with a castle, the point between them, so both
    /// are in frame), else a volcano (half-way up its cone), else the first structure, else
    /// the lake, else the centre.
    var focus: Vec3 {
        var p = Vec2(0, 0)
        if let v = volcano { return Vec3(v.center.x, v.rimTop - v.height * 0.5, v.center.y) }
        if let v = home.villageCenter ?? home.town?.centre {
            p = v
            if let castle = home.sites.first(where: { $0.kind == .castle }) { p = (v + castle.position) * 0.5 }
        }
        else if let s = home.sites.first {
            // A landmark by the prompt's lake (an oasis with ruins): frame both.
            p = s.position
            if let l = home.lake, length(l.center - p) < recipe.size * 0.7 { p = (p + l.center) * 0.5 }
        }
        else if let l = home.lake { p = l.center }
        return Vec3(p.x, features.height(p.x, p.y) + 2, p.y)
    }

    /// An elevated viewpoint with a clear line of sight to `target`: the best of 16 directions
    /// at three distances. The eye sits about 20° above the target (an establishing shot, not a
    /// map, with the horizon in the top of the frame), higher only where its own ground demands; views that look down more steeply than
    /// ~35° (an eye on a mountainside above a valley) or through the ground lose. The world goes
    /// on past the home region, so the frame's edges no longer matter; the eye stays inside it
    /// (or, for a volcano, inside the square that holds its ring of viewpoints).
    func cameraPose(looking target: Vec3) -> (Vec3, Vec3) {
        // A volcano is seen whole with its plume and its foot, from about three times its
        // radius out (over the sea round an island), looking down into its crater.
        let far = volcano.map { $0.radius * 2.9 } ?? min(recipe.size * 0.42, 140)
        let half = max(recipe.size / 2, volcano.map { length($0.center) + far * 1.05 } ?? 0)
        let sun = Sky.sunPosition(hour: recipe.timeOfDay).0
        var best: (Vec3, Float)?
        // A village reads from close by (its houses are a few metres tall); land from afar.
        // A town's houses stand three storeys high in rows: it reads from farther out.
        let closeBonus: Float = home.villageCenter != nil ? 3 : home.town != nil ? -2 : 0
        for distance in volcano == nil ? [far * 0.5, far * 0.7, far] : [far] {
            for k in 0..<16 {
                let ang = Float(k) / 16 * 2 * .pi + 0.3
                var xz = Vec2(target.x, target.z) + Vec2(kcos(ang), ksin(ang)) * distance
                xz = Vec2(clamp(xz.x, -half * 0.95, half * 0.95), clamp(xz.y, -half * 0.95, half * 0.95))
                let ground = max(features.height(xz.x, xz.y), features.waterLevel(xz.x, xz.y) ?? -.infinity)
                let eye = Vec3(xz.x, max(target.y + distance * 0.36, ground + 6), xz.y)
                let run = length(xz - Vec2(target.x, target.z))
                // Rise over run of the sight line (0.7 ≈ 35°); no atan2, to stay bit-identical everywhere.
                let steepness = (eye.y - target.y) / max(run, 1)
                // Clearance along the sight line (the last stretch may graze the target's ground).
                var clearance: Float = .infinity
                for s in 1..<24 {
                    let t = Float(s) / 24
                    let p = eye + (target - eye) * t
                    clearance = min(clearance, p.y - features.height(p.x, p.z))
                }
                var score = min(clearance, 12) - (clearance < 1.5 ? 30 : 0) - max(0, steepness - 0.7) * 30
                // Prefer the sun behind the viewer (lit faces) and some water in frame: the
                // prompt's lake, or the sea (or any water) beyond the target.
                if let lake = home.lake {
                    let mid = (xz + Vec2(target.x, target.z)) * 0.5
                    score += length(mid - lake.center) < lake.radius * 2 ? 3 : 0
                } else {
                    let beyond = Vec2(target.x, target.z) + normalize2(Vec2(target.x, target.z) - xz) * run * 0.8
                    if let w = features.waterLevel(beyond.x, beyond.y), features.height(beyond.x, beyond.y) < w { score += 9 }
                }
                score += 4 * dot(normalize(Vec3(eye.x - target.x, 0, eye.z - target.z)), normalize(Vec3(sun.x, 0, sun.z)))
                // A volcano beside the village: look past the village towards the cone.
                if volcano == nil, let v = features.terrain.volcano {
                    score += 8 * dot(normalize2(Vec2(target.x, target.z) - xz), normalize2(v.center - Vec2(target.x, target.z)))
                }
                if distance < far { score += closeBonus * (distance < far * 0.6 ? 1 : 0.5) }
                if best == nil || score > best!.1 { best = (eye, score) }
            }
        }
        return (best!.0, target)
    }
}
