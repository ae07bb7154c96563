import Dispatch
import Foundation
import OysterCore
import OysterGLTF

// MARK: - Data stage: accessor contents against declarations and uses

private let unitThreshold3 = 0.00674
private let unitThreshold4 = 0.00769
private let unitSumStep = 0.0039216

extension GLTFValidator {
    /// Checks every accessor's data, in parallel; issues keep accessor order.
    func checkAccessorData() {
        let count = doc.accessors.count
        let results = IssueSlots(count: count)
        let work: @Sendable (Int) -> Void = { i in
            guard let a = self.doc.accessors[i] else { return }
            guard let el = AccessorView(a, self) else {
                // Say so when only the size of an unbacked claim kept the data from being checked.
                if a.valid, AccessorView.claimIsTooLargeToCheck(a), let c = a.count {
                    results.set(i, [DiagnosticCode.accessorDataNotChecked.diagnostic(
                        "\(c) elements with no bufferView behind them are over the \(AccessorView.maxUnbackedBytes >> 20) MiB checked; their data is not checked.",
                        at: .pointer(a.p))])
                }
                return
            }
            let local = IssueContext()
            self.checkAccessor(a, el, self.doc.accessorUses[i], triangles: self.doc.triangleIndices.contains(i), ctx: local)
            results.set(i, local.issues)
        }
        if count > 1 && (options.threads != 1) {
            DispatchQueue.concurrentPerform(iterations: count, execute: work)
        } else {
            for i in 0..<count { work(i) }
        }
        for list in results.values { ctx.issues.append(contentsOf: list) }
        checkSkinWeights()
    }

    private func checkAccessor(_ a: Accessor, _ el: AccessorView, _ use: (use: AccessorUse, pointer: String, limit: Int?)?, triangles: Bool, ctx: IssueContext) {
        if el.isDense && fastCheck(a, el, use, triangles: triangles, ctx: ctx) { return }
        let n = el.components
        let isFloat = el.componentType == .float32
        var mins = [Double](repeating: .infinity, count: n)
        var maxs = [Double](repeating: -.infinity, count: n)
        var belowMin = [Int](repeating: 0, count: n)
        var aboveMax = [Int](repeating: 0, count: n)
        let dmin = a.min.map { $0.map { isFloat ? Double(Float($0)) : $0 } }
        let dmax = a.max.map { $0.map { isFloat ? Double(Float($0)) : $0 } }
        var invalidFloats: [Int] = []
        let u = use?.use
        let up = use?.pointer ?? a.p
        var issues: [(DiagnosticCode, String)] = []
        var prevTime = 0.0
        let cubic = a.cubicOutput
        var degenerate = 0
        var tri = (0.0, 0.0)
        let restart: Double = el.componentType == .uint8 ? 255 : el.componentType == .uint16 ? 65535 : 4294967295
        el.forEachElement { i, c in
            for k in 0..<n {
                let x = c[k]
                if isFloat && !x.isFinite { invalidFloats.append(i); continue }
                if x < mins[k] { mins[k] = x }
                if x > maxs[k] { maxs[k] = x }
                if let dmin, k < dmin.count, x < dmin[k] { belowMin[k] += 1 }
                if let dmax, k < dmax.count, x > dmax[k] { aboveMax[k] += 1 }
            }
            guard let u else { return }
            switch u {
            case .normal where n == 3:
                let x = el.normalize(c[0]), y = el.normalize(c[1]), z = el.normalize(c[2])
                let len = (x * x + y * y + z * z).squareRoot()
                if abs(len - 1) > unitThreshold3 { issues.append((.accessorVector3NonUnit, "Vector3 at index \(i) has length \(len).")) }
            case .tangent where n == 4:
                let x = el.normalize(c[0]), y = el.normalize(c[1]), z = el.normalize(c[2]), w = el.normalize(c[3])
                let len = (x * x + y * y + z * z).squareRoot()
                if abs(len - 1) > unitThreshold3 { issues.append((.accessorVector3NonUnit, "Tangent at index \(i) has length \(len).")) }
                if w != 1 && w != -1 { issues.append((.accessorInvalidSign, "Tangent at index \(i) has w \(w), not 1 or -1.")) }
            case .color:
                for k in 0..<n {
                    let x = el.normalize(c[k])
                    if x < 0 || x > 1 { issues.append((.accessorNonClamped, "Color element \(i * n + k) is \(x), outside 0..1.")) }
                }
            case .indices:
                let x = c[0]
                if x == restart {
                    issues.append((.accessorIndexPrimitiveRestart, "Index \(i) is the primitive restart value \(integerText(x))."))
                } else if let limit = use?.limit, x >= Double(limit) {
                    issues.append((.accessorIndexOob, "Index \(i) has value \(integerText(x)), past the last vertex \(limit - 1)."))
                }
                switch i % 3 {
                case 0: tri.0 = x
                case 1: tri.1 = x
                default: if x == tri.0 || x == tri.1 || tri.0 == tri.1 { degenerate += 1 }
                }
            case .inverseBindMatrices where n == 16:
                for (k, want) in [(3, 0.0), (7, 0.0), (11, 0.0), (15, 1.0)] where c[k] != want {
                    issues.append((.accessorInvalidIbm, "Matrix \(i) component \(k) is \(c[k]), expected \(want)."))
                }
            case .animationInput:
                let t = c[0]
                if t < 0 {
                    issues.append((.accessorAnimationInputNegative, "Keyframe \(i) time is negative: \(t)."))
                } else {
                    if i > 0 && t <= prevTime { issues.append((.accessorAnimationInputNonIncreasing, "Keyframe \(i) time \(t) is not after \(prevTime).")) }
                    prevTime = t
                }
            case .animationOutput(path: "rotation") where n == 4 && (!cubic || i % 3 == 1):
                let x = el.normalize(c[0]), y = el.normalize(c[1]), z = el.normalize(c[2]), w = el.normalize(c[3])
                let len = (x * x + y * y + z * z + w * w).squareRoot()
                if abs(len - 1) > unitThreshold4 { issues.append((.accessorNonNormalizedQuaternion, "Rotation keyframe \(i) has length \(len).")) }
            default: break
            }
        }
        for i in invalidFloats { ctx.add(.accessorInvalidFloat, a.p, "Element \(i) is NaN or infinite.") }
        if let dmin {
            for k in 0..<min(n, dmin.count) where mins[k].isFinite {
                if mins[k] != dmin[k] { ctx.add(.accessorMinMismatch, ptr(ptr(a.p, "min"), k), "Declared minimum \(dmin[k]) differs from the actual \(mins[k]).") }
                if belowMin[k] > 0 { ctx.add(.accessorElementOutOfMinBound, ptr(ptr(a.p, "min"), k), "\(belowMin[k]) element(s) below the declared minimum \(dmin[k]).") }
            }
        }
        if let dmax {
            for k in 0..<min(n, dmax.count) where maxs[k].isFinite {
                if maxs[k] != dmax[k] { ctx.add(.accessorMaxMismatch, ptr(ptr(a.p, "max"), k), "Declared maximum \(dmax[k]) differs from the actual \(maxs[k]).") }
                if aboveMax[k] > 0 { ctx.add(.accessorElementOutOfMaxBound, ptr(ptr(a.p, "max"), k), "\(aboveMax[k]) element(s) above the declared maximum \(dmax[k]).") }
            }
        }
        for (code, msg) in issues { ctx.add(code, up, msg) }
        if degenerate > 0 && u == .indices && triangles {
            ctx.add(.accessorIndexTriangleDegenerate, up, "Indices form \(degenerate) degenerate triangle(s) out of \(el.count / 3).")
        }
    }

    /// Joint indices and weights per vertex, across all JOINTS_n/WEIGHTS_n sets of each primitive.
    private func checkSkinWeights() {
        for m in doc.meshes {
            guard let m else { continue }
            for pr in m.primitives {
                let ap = ptr(pr.p, "attributes")
                var sets: [(j: AccessorView?, jp: String, w: AccessorView, wp: String, limit: Int?)] = []
                var k = 0
                while let wi = pr.attributes.first(where: { $0.name == "WEIGHTS_\(k)" })?.accessor {
                    let ji = pr.attributes.first(where: { $0.name == "JOINTS_\(k)" })?.accessor
                    guard let wa = accessor(wi), let w = AccessorView(wa, self), w.components == 4 else { break }
                    let j = ji.flatMap(accessor).flatMap { AccessorView($0, self) }
                    sets.append((j, ptr(ap, "JOINTS_\(k)"), w, ptr(ap, "WEIGHTS_\(k)"), ji.flatMap { doc.accessorUses[$0]?.limit }))
                    k += 1
                }
                guard !sets.isEmpty else { continue }
                let count = sets.map { $0.w.count }.min() ?? 0
                var weights = [Double](repeating: 0, count: count * 4 * sets.count)
                var joints = [Double](repeating: 0, count: count * 4 * sets.count)
                let stride = 4 * sets.count
                for (s, set) in sets.enumerated() {
                    set.w.forEachElement { i, c in
                        guard i < count else { return }
                        for q in 0..<4 { weights[i * stride + s * 4 + q] = set.w.normalize(c[q]) }
                    }
                    set.j?.forEachElement { i, c in
                        guard i < count else { return }
                        for q in 0..<4 { joints[i * stride + s * 4 + q] = c[q] }
                    }
                }
                var reported = Set<String>()
                func once(_ code: DiagnosticCode, _ p: String, _ msg: String) {
                    if reported.insert(code.id + p).inserted { ctx.add(code, p, msg) }
                }
                let tolerance = unitSumStep * Double(max(0, (stride + 1) / 2 - 1))
                for i in 0..<count {
                    var sum = 0.0
                    var seen = Set<Double>()
                    for s in 0..<sets.count {
                        var stopped = false
                        for q in 0..<4 {
                            let w = weights[i * stride + s * 4 + q]
                            let j = joints[i * stride + s * 4 + q]
                            // Like the reference validator, a negative weight ends the element's sum.
                            if !stopped {
                                if w < 0 {
                                    once(.accessorWeightsNegative, sets[s].wp, "Weight \(w) at vertex \(i) is negative.")
                                    stopped = true
                                } else {
                                    sum += w
                                }
                            }
                            if sets[s].j == nil { continue }
                            if w == 0 {
                                if j != 0 { once(.accessorJointsUsedZeroWeight, sets[s].jp, "Joint \(integerText(j)) at vertex \(i) has zero weight.") }
                            } else {
                                if let limit = sets[s].limit, j >= Double(limit) {
                                    once(.accessorJointsIndexOob, sets[s].jp, "Joint \(integerText(j)) at vertex \(i) is past the skin's \(limit) joints.")
                                }
                                if !seen.insert(j).inserted { once(.accessorJointsIndexDuplicate, sets[s].jp, "Joint \(integerText(j)) repeats at vertex \(i).") }
                            }
                        }
                    }
                    if abs(sum - 1) > tolerance + 0.0000005 {
                        for s in sets.indices { once(.accessorWeightsNonNormalized, sets[s].wp, "Weights at vertex \(i) sum to \(sum).") }
                    }
                }
            }
        }
    }
}

/// One slot of issues per accessor, filled by concurrent workers.
final class IssueSlots: @unchecked Sendable {
    private(set) var values: [[Diagnostic]]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [Diagnostic]) { lock.lock(); values[i] = v; lock.unlock() }
}

/// An index or joint value as text: an integer when it is one, else as stored. Indices and
/// joints of a float accessor (invalid, reported elsewhere) can be huge, infinite or
/// fractional, and `Int(_:)` traps on those.
private func integerText(_ x: Double) -> String {
    Int(exactly: x).map { String($0) } ?? "\(x)"
}
