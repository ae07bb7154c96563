import OysterCore
import Testing
@testable import OysterGen

/// The bird and fish kits: skeletons, skinned meshes and their clips.
@Suite("Bird and fish kits")
struct BirdAndFishKitTests {
    @Test func jointsAreNamedConsistentlyParentsFirst() {
        #expect(BirdBone.allCases.count == 15)
        #expect(FishBone.allCases.map(\.rawValue) == ["head", "spine", "tail", "tailFin"])
        func check<B: SkeletonJoint>(_: B.Type) {
            for bone in B.allCases {
                if let p = bone.parent { #expect(p.index < bone.index, "\(bone) before its parent \(p)") }
                #expect(bone.rawValue.allSatisfy { $0.isLetter } && bone.rawValue.first!.isLowercase, "\(bone): lower camel case")
            }
            #expect(B.allCases.filter { $0.parent == nil }.count == 1, "one root")
        }
        check(BirdBone.self)
        check(FishBone.self)
        for wing in BirdWing.allCases {
            let b = wing.bones
            #expect([b.upper, b.lower, b.tip].map(\.rawValue) == ["UpperWing", "LowerWing", "WingTip"].map { wing.rawValue + $0 })
            #expect(b.upper.parent == .chest && b.lower.parent == b.upper && b.tip.parent == b.lower)
        }
    }

    @Test(arguments: BirdSpecies.allCases)
    func aBirdPerchesOnItsToesWithWingsSpreadToItsSpan(_ species: BirdSpecies) {
        let s = BirdSkeleton(species: species)
        for wing in BirdWing.allCases {
            #expect(abs(s.tip(wing.leg.foot).y) < 1e-5, "toes on the ground")
            #expect((s.position(wing.bones.upper).x > 0) == (wing.sign > 0), "the bird's left is +X")
        }
        let span = s.tip(.leftWingTip).x - s.tip(.rightWingTip).x
        #expect(abs(span - species.proportions.wingspan) < 1e-4)
    }

    @Test(arguments: BirdSpecies.allCases)
    func everyBirdIsOneSmallSkinnedMesh(_ species: BirdSpecies) {
        var r = Recipe()
        for k in 0..<2 {
            r.seed = UInt64(k + 1)
            let bird = Characters.make(species, index: k, recipe: r)
            #expect((300...2000).contains(bird.triangleCount), "\(species): \(bird.triangleCount) triangles")
            #expect(kitGeometryProblems(bird.body.mesh).isEmpty)
            let problems = skinWeightProblems(bird.body.makeMesh(name: species.rawValue) { _ in 0 }, joints: BirdBone.allCases.count)
            #expect(problems.isEmpty, "\(species): \(problems)")
        }
    }

    @Test(arguments: FishSpecies.allCases)
    func everyFishIsOneSmallSkinnedMesh(_ species: FishSpecies) {
        let fish = Characters.make(species, index: 0, recipe: Recipe())
        #expect((300...2000).contains(fish.triangleCount), "\(species): \(fish.triangleCount) triangles")
        #expect(kitGeometryProblems(fish.body.mesh).isEmpty)
        let problems = skinWeightProblems(fish.body.makeMesh(name: species.rawValue) { _ in 0 }, joints: FishBone.allCases.count)
        #expect(problems.isEmpty, "\(species): \(problems)")
    }

    func norm(_ v: Vec4) -> Float { dot(v, v).squareRoot() }

    /// The largest difference between two poses' joint rotations (as 4-vectors, either sign).
    func difference<B: SkeletonJoint>(_ a: SkeletonPose<B>, _ b: SkeletonPose<B>) -> Float {
        var worst = length(a.root - b.root)
        for bone in B.allCases {
            let d = min(norm(a[bone].vector - b[bone].vector), norm(a[bone].vector + b[bone].vector))
            worst = max(worst, d)
        }
        return worst
    }

    @Test(arguments: BirdSpecies.allCases)
    func birdClipsLoopAndTheWingBeatIsDeterministic(_ species: BirdSpecies) {
        let bird = Characters.make(species, index: 0, recipe: Recipe())
        for clip in BirdClip.allCases {
            let T = clip.duration(species)
            let ends = bird.poses(clip, at: [0, T])
            #expect(difference(ends[0], ends[1]) < 1e-5, "\(species) \(clip) does not close: \(difference(ends[0], ends[1]))")
            let times = (0..<10).map { Float($0) * T / 10 }
            let again = Characters.make(species, index: 0, recipe: Recipe()).poses(clip, at: times)
            #expect(zip(bird.poses(clip, at: times), again).allSatisfy { difference($0, $1) == 0 }, "same time, same pose")
        }
    }

    @Test(arguments: BirdSpecies.allCases)
    func theWingsBeatUpAndDownTogetherAsMirrorImages(_ species: BirdSpecies) {
        let bird = Characters.make(species, index: 0, recipe: Recipe())
        let T = BirdClip.fly.duration(species)
        let tips = bird.poses(.fly, at: (0..<16).map { Float($0) * T / 16 }).map { pose -> (Vec3, Vec3) in
            let (r, p) = pose.world(bird.skeleton)
            func end(_ b: BirdBone) -> Vec3 { p[b.index] + r[b.index].rotate(bird.skeleton.tip(b) - bird.skeleton.position(b)) }
            return (end(.leftWingTip), end(.rightWingTip))
        }
        let heights = tips.map { $0.0.y }
        let half = species.proportions.wingspan / 2
        // A real beat: the tip sweeps more than half the half-span up and down.
        #expect(heights.max()! - heights.min()! > 0.5 * half, "\(species) tip travels \(heights.max()! - heights.min()!) m")
        #expect(heights.firstIndex(of: heights.max()!)! < 3, "the beat starts at the top")
        for (l, r) in tips {
            #expect(abs(l.y - r.y) < 1e-4 && abs(l.z - r.z) < 1e-4 && abs(l.x + r.x) < 1e-4, "the wings mirror each other")
        }
        // Gliding, the wings stay out: the tips within a quarter of the half-span of level.
        let glide = bird.poses(.glide, at: [0, 0.5, 1, 1.5])
        for pose in glide {
            let (r, p) = pose.world(bird.skeleton)
            let tip = p[BirdBone.leftWingTip.index] + r[BirdBone.leftWingTip.index].rotate(bird.skeleton.tip(.leftWingTip) - bird.skeleton.position(.leftWingTip))
            #expect(abs(tip.y - bird.skeleton.position(.leftUpperWing).y) < 0.25 * half)
        }
    }

    @Test(arguments: FishSpecies.allCases)
    func aFishSwimsWithAWaveThatTravelsToTheTail(_ species: FishSpecies) {
        let fish = Characters.make(species, index: 0, recipe: Recipe())
        let T = FishClip.swim.duration(species)
        let ends = fish.poses(.swim, at: [0, T])
        #expect(difference(ends[0], ends[1]) < 1e-5, "\(species) swim does not close")
        // Sideways (x) excursion of the spine's and the fin's ends over a loop: the fin swings
        // further, and reaches its peak later than the spine does.
        let n = 64
        let xs = fish.poses(.swim, at: (0..<n).map { Float($0) * T / Float(n) }).map { pose -> (Float, Float) in
            let (r, p) = pose.world(fish.skeleton)
            func end(_ b: FishBone) -> Float { (p[b.index] + r[b.index].rotate(fish.skeleton.tip(b) - fish.skeleton.position(b))).x }
            return (end(.spine), end(.tailFin))
        }
        let spine = xs.map(\.0), fin = xs.map(\.1)
        #expect(fin.max()! > 2 * spine.max()!, "the tail swings wider than mid-body")
        let lag = (fin.firstIndex(of: fin.max()!)! - spine.firstIndex(of: spine.max()!)! + n) % n
        #expect(lag > 0 && lag < n / 2, "the fin's peak follows the spine's by \(lag)/\(n) of a loop")
    }
}

/// The loop flocks and shoals fly and swim.
@Suite("Circle routes")
struct CircleRouteTests {
    @Test func aBankedLoopClosesAndLeansIntoTheTurnAsALevelTurnNeeds() {
        let route = CircleRoute(centre: Vec2(10, -5), radius: 20, duration: 14, start: 1, height: 40, swell: 2.5, waves: 2, banks: true)
        let times = (0...280).map { Float($0) / 280 * 14 }
        let (t, q) = route.keys(at: times)
        #expect(Array(t.prefix(3)) == Array(t.suffix(3)), "back where it began")
        let first = Vec4(q[0], q[1], q[2], q[3]), last = Vec4(q[q.count - 4], q[q.count - 3], q[q.count - 2], q[q.count - 1])
        #expect(min(dot(first - last, first - last), dot(first + last, first + last)) < 1e-8, "facing the way it began")
        for k in stride(from: 0, to: times.count - 1, by: 7) {
            let p = route.position(times[k]), r = route.rotation(times[k])
            #expect(abs(length(Vec2(p.x, p.z) - route.centre) - 20) < 1e-3)
            #expect(abs(p.y - 40) <= 2.5 + 1e-4)
            // Forward along the loop (toward the next position), up leaning to the middle by
            // atan(v² / g r) (2.0 m/s² / 9.81 here: 11.3°).
            let ahead = route.position(times[k] + 0.01) - p
            #expect(dot(normalize(r.rotate(Vec3(0, 0, 1))), normalize(ahead)) > 0.999)
            let up = r.rotate(Vec3(0, 1, 0)), inward = normalize(Vec3(route.centre.x - p.x, 0, route.centre.y - p.z))
            let lean = katan2(dot(up, inward), up.y)
            #expect(abs(lean - katan2(route.speed * route.speed / 20, 9.81)) < deg(1.5), "banks \(lean / deg(1))°")
        }
        // A fish does not roll: its up stays in the vertical plane of its path (it only pitches
        // with its dips).
        let level = CircleRoute(centre: .init(0, 0), radius: 3, duration: 27, start: 0, height: 0, swell: 0.1, waves: 2, banks: false)
        for k in 0..<27 {
            let p = level.position(Float(k)), up = level.rotation(Float(k)).rotate(Vec3(0, 1, 0))
            #expect(abs(dot(up, normalize(Vec3(p.x, 0, p.z)))) < 1e-4 && up.y > 0.99)
        }
    }
}
