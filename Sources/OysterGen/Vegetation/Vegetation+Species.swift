import OysterCore

// MARK: - Species

extension Vegetation {
    static func broadleaf(_ b: inout MeshBuilder, height h: Float, detail: Int, foliage: Foliage, rng: inout KitRandom) {
        let around = [5, 7, 8][detail]
        let styles = [
            BranchStyle(children: 0...0, spread: 0.5...0.9, lengthRatio: 0.6...0.8, radiusRatio: 0.6, upward: 0.12, jitter: 0.18, around: max(4, around - 2), pathSegments: 2),
            BranchStyle(children: 2...3, spread: 0.5...0.9, lengthRatio: 0.6...0.8, radiusRatio: 0.62, upward: 0.1, jitter: 0.15, around: around - 1, pathSegments: 3),
            BranchStyle(children: 3...4, spread: 0.6...0.95, lengthRatio: 0.55...0.7, radiusRatio: 0.6, upward: 0.08, jitter: 0.12, around: around, pathSegments: 3),
            BranchStyle(children: 3...5, spread: 0.45...0.75, lengthRatio: 0.75...0.9, radiusRatio: 0.62, upward: 0.05, jitter: 0.06, around: around, pathSegments: 4),
        ]
        // detail 0: two levels, clumps on the main limbs; 1: two levels, clumps on the tips;
        // 2: three levels with more, smaller clumps.
        let depth = detail == 2 ? 3 : 2
        let trunkLen = h * rng.float(in: 0.36...0.44)
        let crownR = h * [0.3, 0.19, 0.15][detail]
        let leafLevel = detail == 0 ? 1 : 0
        var levels = Array(styles.suffix(depth + 1))
        if detail == 2 { levels[1].children = 1...2; levels[2].children = 2...3; levels[3].children = 3...4 }
        let lean = deflect(Vec3(0, 1, 0), angle: rng.float(in: 0...0.08), azimuth: rng.float(in: 0...6.28))
        grow(&b, rng: &rng, start: .zero, dir: lean, length: trunkLen, radius: h * 0.05, depth: depth, styles: levels) { b, rng, p, d, len, left in
            guard left == leafLevel else { return }
            let r = crownR * rng.float(in: 0.85...1.15)
            crownClump(&b, foliage, center: p + d * r * 0.3, radii: Vec3(r, r * 0.78, r), subdivisions: 1, rng: &rng)
        }
        // Root flare: a short wide cone hides the trunk's join with the ground.
        b.cylinder(.bark, from: Vec3(0, -0.2, 0), to: Vec3(0, h * 0.08, 0), radiusBottom: h * 0.085, radiusTop: h * 0.048, segments: around, capBottom: false, capTop: false)
    }

    static func birch(_ b: inout MeshBuilder, height h: Float, detail: Int, foliage: Foliage, rng: inout KitRandom) {
        let around = [4, 6, 7][detail]
        // Trunk: a gentle S-curve.
        let n = 6
        var trunk: [Vec3] = [], radii: [Float] = []
        let bendA = rng.float(in: 0...6.28), bend = h * 0.04
        for i in 0...n {
            let t = Float(i) / Float(n)
            trunk.append(Vec3(kcos(bendA) * ksin(t * 3) * bend, t * h, ksin(bendA) * ksin(t * 3) * bend))
            radii.append(mix(h * 0.022, h * 0.006, t))
        }
        b.tube(.birchBark, path: trunk, radii: radii, segments: around + 1)
        let branchCount = [5, 8, 11][detail]
        let blobSub = detail == 2 ? 1 : (detail == 1 ? 1 : 0)
        for i in 0..<branchCount {
            let t = 0.4 + 0.55 * Float(i) / Float(branchCount)
            let at = Vec3(kcos(bendA) * ksin(t * 3) * bend, t * h, ksin(bendA) * ksin(t * 3) * bend)
            let az = Float(i) * 2.4 + rng.float(in: -0.3...0.3)
            let dir = deflect(Vec3(0, 1, 0), angle: rng.float(in: 0.55...0.9), azimuth: az)
            let len = h * 0.22 * (1.2 - t * 0.6)
            let style = BranchStyle(children: 1...2, spread: 0.3...0.6, lengthRatio: 0.5...0.7, radiusRatio: 0.7, upward: 0.06, jitter: 0.1, around: max(3, around - 2), pathSegments: 2, kind: .birchBark)
            grow(&b, rng: &rng, start: at, dir: dir, length: len, radius: h * 0.008 * (1.3 - t * 0.5), depth: detail == 0 ? 0 : 1, styles: [style, style]) { b, rng, p, d, len, left in
                guard left == 0 else { return }
                let r = h * rng.float(in: 0.075...0.1)
                crownClump(&b, foliage, center: p + d * r * 0.2 - Vec3(0, r * 0.2, 0), radii: Vec3(r, r * 0.9, r), subdivisions: blobSub, rng: &rng, warmth: 0.08)
            }
        }
        // Crown top.
        let r = h * 0.09
        crownClump(&b, foliage, center: Vec3(0, h * 0.97, 0), radii: Vec3(r, r * 1.3, r), subdivisions: blobSub, rng: &rng, warmth: 0.08)
    }

    /// `snowLaden`: winter snow lies on the upper face of every tier.
    static func conifer(_ b: inout MeshBuilder, height h: Float, detail: Int, snowLaden: Bool = false, rng: inout KitRandom) {
        let around = [5, 6, 8][detail]
        b.tube(.bark, path: [Vec3(0, -0.2, 0), Vec3(0, h * 0.5, 0), Vec3(0, h * 0.95, 0)], radii: [h * 0.035, h * 0.022, h * 0.006], segments: around)
        let tiers = [6, 8, 11][detail]
        let segs = [8, 12, 16][detail]
        let baseY = h * rng.float(in: 0.14...0.22)
        let tint = leafTint(&rng)
        let old = b.color
        b.color = tint
        for i in 0..<tiers {
            let t = Float(i) / Float(tiers - 1)
            let y = mix(baseY, h * 0.82, t)
            let r = mix(h * 0.3, h * 0.07, t) * rng.float(in: 0.9...1.08)
            let tierH = (h - baseY) / Float(tiers) * 1.9
            let apex = Vec3(0, y + tierH, 0)
            let inner = Vec3(0, y + tierH * 0.22, 0)
            let phase = rng.float(in: 0...6.28)
            var rim: [Vec3] = []
            for j in 0..<segs {
                let a = phase + Float(j) / Float(segs) * 2 * .pi
                let rr = r * (j % 2 == 0 ? 1.0 : 0.78) * rng.float(in: 0.9...1.1)
                let droop = (j % 2 == 0 ? -0.18 : 0.0) * tierH
                rim.append(Vec3(kcos(a) * rr, y + droop, ksin(a) * rr))
            }
            // Winter: snow on the tier's upper faces (untinted: white, not needle green).
            let top: SurfaceKind = snowLaden ? .snow : .needles
            if detail == 0 {
                for j in 0..<segs {
                    let p = rim[j], q = rim[(j + 1) % segs]
                    b.color = snowLaden && j % 2 == 0 ? nil : tint
                    b.addTriangle(snowLaden && j % 2 == 0 ? .snow : .needles, apex, q, p)
                    b.color = tint
                    b.addTriangle(.needles, inner, p, q)
                }
            } else {
                // A middle ring bulges the tier so it reads as a soft, full bough.
                let mid = rim.map { p -> Vec3 in
                    let m = mix(apex, p, 0.5)
                    return m + Vec3(p.x, 0, p.z) * 0.12 + Vec3(0, tierH * 0.06, 0)
                }
                for j in 0..<segs {
                    let k = (j + 1) % segs
                    b.color = snowLaden ? nil : tint
                    b.addTriangle(top, apex, mid[k], mid[j])
                    // The tier above hides most of its top: snow shows on every other wedge
                    // of the outer bough too.
                    let outer: SurfaceKind = snowLaden && j % 2 == 0 ? .snow : .needles
                    b.color = outer == .snow ? nil : tint
                    b.addQuad(outer, mid[j], mid[k], rim[k], rim[j], facing: Vec3(rim[j].x + rim[k].x, tierH, rim[j].z + rim[k].z))
                    b.color = tint
                    b.addTriangle(.needles, inner, rim[j], rim[k])
                }
            }
        }
        b.color = old
    }

    static func palm(_ b: inout MeshBuilder, height h: Float, detail: Int, rng: inout KitRandom) {
        let around = [5, 6, 8][detail]
        let rings = [6, 10, 14][detail]
        let leanAz = rng.float(in: 0...6.28), lean = h * rng.float(in: 0.12...0.25)
        let leanDir = Vec3(kcos(leanAz), 0, ksin(leanAz))
        var path: [Vec3] = [], radii: [Float] = []
        for i in 0...rings {
            let t = Float(i) / Float(rings)
            path.append(leanDir * (lean * t * t) + Vec3(0, t * h, 0))
            let ring: Float = i % 2 == 0 ? 1 : 0.9
            radii.append(mix(h * 0.04, h * 0.026, t) * ring * (i == 0 ? 1.4 : 1))
        }
        b.tube(.bark, path: path, radii: radii, segments: around, capEnd: true)
        let top = path[rings]
        // Coconuts under the crown.
        for k in 0..<3 {
            let a = Float(k) * 2.1 + rng.float(in: 0...0.5)
            b.sphere(.bark, center: top + Vec3(kcos(a) * h * 0.03, -h * 0.035, ksin(a) * h * 0.03), radius: h * 0.022, rings: 3 + detail, segments: 4 + detail * 2)
        }
        let fronds = [7, 9, 11][detail]
        let steps = [4, 6, 8][detail]
        for f in 0..<fronds {
            let az = Float(f) / Float(fronds) * 2 * .pi + rng.float(in: -0.2...0.2)
            let out = Vec3(kcos(az), 0, ksin(az))
            let side = Vec3(-out.z, 0, out.x)
            let len = h * rng.float(in: 0.38...0.5)
            let rise = rng.float(in: 0.3...0.8)
            var spine: [Vec3] = []
            for s in 0...steps {
                let t = Float(s) / Float(steps)
                let x = t * len
                spine.append(top + out * x + Vec3(0, rise * x * 0.8 - x * x / len * (0.9 + rise * 0.5), 0))
            }
            b.color = leafTint(&rng)
            if detail == 0 {
                for s in 0..<steps {
                    let t0 = Float(s) / Float(steps), t1 = Float(s + 1) / Float(steps)
                    let w0 = len * 0.16 * ksin(.pi * min(t0 * 1.15, 1)), w1 = len * 0.16 * ksin(.pi * min(t1 * 1.15, 1))
                    let a = spine[s], c = spine[s + 1]
                    let drop0 = Vec3(0, -w0 * 0.45, 0), drop1 = Vec3(0, -w1 * 0.45, 0)
                    let uv = { (t: Float, u: Float) in Vec2(u, -t * len) }
                    // Two leaf halves folded down from the spine (a V), both sides visible.
                    b.addDoubleSidedQuad(.palmLeaves, a, c, c + side * w1 + drop1, a + side * w0 + drop0,
                                         uvs: (uv(t0, 0), uv(t1, 0), uv(t1, w1), uv(t0, w0)))
                    b.addDoubleSidedQuad(.palmLeaves, a - side * w0 + drop0, c - side * w1 + drop1, c, a,
                                         uvs: (uv(t0, -w0), uv(t1, -w1), uv(t1, 0), uv(t0, 0)))
                }
            } else {
                // Pinnate frond: a thin rachis with long drooping leaflets on both sides.
                b.tube(.palmLeaves, path: spine, radii: spine.indices.map { i in len * 0.012 * (1 - Float(i) / Float(steps + 1)) }, segments: 3)
                let perStep = 2
                for s in 0..<steps {
                    for k in 0..<perStep {
                        let t = (Float(s) + Float(k) / Float(perStep)) / Float(steps)
                        let a = mix(spine[s], spine[s + 1], Float(k) / Float(perStep))
                        let tan = normalize(spine[s + 1] - spine[s])
                        let lf = len * 0.28 * ksin(.pi * min(0.12 + t * 1.0, 1)) + len * 0.03
                        let wd = len * 0.05
                        for sd in [Float(1), -1] {
                            let tip = a + side * (sd * lf * 0.9) + tan * (lf * 0.3) - Vec3(0, lf * 0.33, 0)
                            let uv = { (u: Float, v: Float) in Vec2(u, -v) }
                            let q = (a, a + tan * wd, tip + tan * (wd * 0.25), tip)
                            if sd > 0 {
                                b.addDoubleSidedQuad(.palmLeaves, q.0, q.1, q.2, q.3, uvs: (uv(0, 0), uv(0, wd), uv(lf, wd), uv(lf, 0)))
                            } else {
                                b.addDoubleSidedQuad(.palmLeaves, q.3, q.2, q.1, q.0, uvs: (uv(lf, 0), uv(lf, wd), uv(0, wd), uv(0, 0)))
                            }
                        }
                    }
                }
            }
            b.color = nil
        }
    }

    static func deadTree(_ b: inout MeshBuilder, height h: Float, detail: Int, rng: inout KitRandom) {
        let around = [4, 6, 7][detail]
        let styles = [
            BranchStyle(children: 0...0, spread: 0.5...1.0, lengthRatio: 0.5...0.7, radiusRatio: 0.6, upward: 0.05, jitter: 0.3, around: max(3, around - 2), pathSegments: 2),
            BranchStyle(children: 2...3, spread: 0.5...1.0, lengthRatio: 0.55...0.75, radiusRatio: 0.6, upward: 0.05, jitter: 0.28, around: around - 1, pathSegments: 3),
            BranchStyle(children: 2...3, spread: 0.5...0.9, lengthRatio: 0.6...0.75, radiusRatio: 0.6, upward: 0.04, jitter: 0.22, around: around, pathSegments: 3),
            BranchStyle(children: 2...3, spread: 0.4...0.7, lengthRatio: 0.7...0.85, radiusRatio: 0.6, upward: 0.02, jitter: 0.12, around: around, pathSegments: 4),
        ]
        let old = b.color
        b.color = Vec4(0.62, 0.6, 0.58, 1)  // weathered grey
        grow(&b, rng: &rng, start: .zero, dir: deflect(Vec3(0, 1, 0), angle: rng.float(in: 0.02...0.15), azimuth: rng.float(in: 0...6.28)),
             length: h * 0.45, radius: h * 0.045, depth: detail == 0 ? 2 : 3, styles: Array(styles.prefix((detail == 0 ? 2 : 3) + 1))) { _, _, _, _, _, _ in }
        b.cylinder(.bark, from: Vec3(0, -0.2, 0), to: Vec3(0, h * 0.06, 0), radiusBottom: h * 0.08, radiusTop: h * 0.044, segments: around, capBottom: false, capTop: false)
        b.color = old
    }
}
