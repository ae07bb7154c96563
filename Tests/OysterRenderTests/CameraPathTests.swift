import Foundation
import OysterCore
import OysterRender
import OysterTestSupport
import Testing

/// Camera paths and shots: pure arithmetic, no OpenGL needed.
struct CameraPathTests {
    func path(_ text: String) throws(CameraPathError) -> CameraPath { try CameraPath(json: Array(text.utf8)) }

    @Test func theSchemaExampleReadsAndPassesThroughEveryKey() throws {
        let p = try CameraPath(json: try FileIO.read(RepoPaths.fixture("paths/flyover.json")))
        #expect(p.keys.count == 3 && p.duration == 8 && p.interpolation == .smooth)
        for k in p.keys {
            let s = p.sample(at: k.time)
            #expect(length(s.position - k.position) < 1e-4 && length(s.target - k.target) < 1e-4)
        }
        #expect(abs(p.sample(at: 4).fieldOfView - 40 * .pi / 180) < 1e-5)
        // Held before the first and after the last key.
        #expect(p.sample(at: 100).position == p.keys[2].position)
    }

    @Test func linearPathsMoveInStraightLinesAndSmoothOnesCurve() throws {
        let text = """
        {"interpolation": "%@", "keys": [
          {"time": 0, "position": [0, 0, 0], "target": [0, 0, -1]},
          {"time": 1, "position": [10, 0, 0], "target": [10, 0, -1]},
          {"time": 2, "position": [10, 0, 10], "target": [10, 0, 9]}]}
        """
        let linear = try path(text.replacingOccurrences(of: "%@", with: "linear"))
        #expect(length(linear.sample(at: 0.5).position - Vec3(5, 0, 0)) < 1e-5)
        let smooth = try path(text.replacingOccurrences(of: "%@", with: "smooth"))
        // Catmull-Rom overshoots the corner's straight line towards the next key.
        #expect(smooth.sample(at: 0.5).position.z < -0.1)
    }

    @Test func malformedPathsAreRefusedNamingTheKeyAndField() throws {
        let cases: [(String, String)] = [
            ("[]", "JSON object"),
            ("{\"keys\": []}", "at least one key"),
            ("{\"keys\": [{\"time\": 0, \"position\": [0,0], \"target\": [0,0,1]}]}", "keys[0].position"),
            ("{\"keys\": [{\"time\": 0, \"position\": [0,0,0], \"target\": [0,0,0]}]}", "same point"),
            ("{\"keys\": [{\"time\": 1, \"position\": [0,0,0], \"target\": [0,0,1]}, {\"time\": 1, \"position\": [1,0,0], \"target\": [0,0,1]}]}", "keys[1].time must be later"),
            ("{\"keys\": [{\"time\": 0, \"position\": [0,0,0], \"target\": [0,0,1], \"fov\": 0}]}", "fov"),
            ("{\"keys\": [{\"time\": 1e9, \"position\": [0,0,0], \"target\": [0,0,1]}]}", "keys[0].time"),
            ("{\"keys\": [{\"time\": 0, \"position\": [1e30,0,0], \"target\": [0,0,1]}]}", "keys[0].position"),
            ("{\"interpolation\": \"bouncy\", \"keys\": []}", "interpolation"),
            ("{\"keys\": [", "not JSON"),
        ]
        for (text, expected) in cases {
            #expect {
                _ = try path(text)
            } throws: { error in
                "\(error)".contains(expected)
            }
        }
    }

    @Test func aTurntableOrbitsTheBoundsAtOneDistanceAndComesBackToItsStart() throws {
        let bounds = AABB(min: Vec3(-10, 0, -10), max: Vec3(10, 5, 10))
        let p = try CameraPath.turntable(around: bounds, seconds: 8)
        let distances = stride(from: Float(0), through: 8, by: 0.25).map { length(p.sample(at: $0).position - bounds.center) }
        #expect((distances.max()! - distances.min()!) / distances.max()! < 0.01)
        #expect(length(p.sample(at: 0).position - p.sample(at: 8).position) < 1e-3)
        #expect(length(p.sample(at: 4).position - p.sample(at: 0).position) > distances[0])
        #expect(throws: CameraPathError.self) { _ = try CameraPath.turntable(around: bounds, seconds: 0) }
        // Every corner of the box stays in view, and the orbit is no farther than it must be:
        // 5 % closer and some corner leaves the frame at some angle.
        func inView(_ scale: Float) -> Bool {
            (0..<64).allSatisfy { s in
                let key = p.sample(at: Float(s) / 8)
                let eye = bounds.center + (key.position - bounds.center) * scale
                let clip = Mat4.perspective(yfov: 0.8, aspectRatio: 16.0 / 9.0, znear: 0.1, zfar: 1000) * Mat4.lookAt(eye: eye, target: bounds.center)
                return (0..<8).allSatisfy { i in
                    let c = Vec3(i & 1 == 0 ? -10 : 10, i & 2 == 0 ? 0 : 5, i & 4 == 0 ? -10 : 10)
                    let q = clip.projectPoint(c)
                    return abs(q.x) <= 1 && abs(q.y) <= 1
                }
            }
        }
        #expect(inView(1))
        #expect(!inView(0.95))
    }

    @Test func aShotCountsItsFramesAndAdvancesTimeAndCamera() throws {
        let p = try CameraPath.turntable(around: AABB(min: -.one, max: .one), seconds: 2)
        let shot = try Shot(motion: .path(p), duration: 2, fps: 24)
        #expect(shot.frameCount == 48)
        var base = RenderOptions()
        base.time = 1
        base.camera = "Ignored"
        let frame = shot.options(frame: 12, base: base)
        #expect(frame.time == 1.5 && frame.camera == nil)
        #expect(frame.eye == p.sample(at: 0.5).position)
        #expect(throws: ShotError.self) { _ = try Shot(motion: .fixed, duration: 3600, fps: 120) }
        #expect(throws: ShotError.self) { _ = try Shot(motion: .fixed, duration: 1, fps: 0) }
    }
}
