import OysterCore
import OysterGLTF

// MARK: - Data stage fast paths: typed loops over dense accessor bytes
// The general path decodes every element to Doubles through a closure; these loops read the
// component type directly. They report exactly what the general path would.

private let unitThreshold3 = 0.00674

extension GLTFValidator {
    /// Checks a dense accessor with typed loops; returns false when its use needs the general path.
    func fastCheck(_ a: Accessor, _ el: AccessorView, _ use: (use: AccessorUse, pointer: String, limit: Int?)?, triangles: Bool, ctx: IssueContext) -> Bool {
        let u = use?.use
        let isFloat = el.componentType == .float32
        switch u {
        case nil, .position?, .texcoord?, .joints?, .weights?, .morphPosition?, .morphNormal?, .morphTangent?, .other?: break
        case .animationOutput(let path)? where path != "rotation": break
        case .normal? where isFloat && el.components == 3: break
        case .tangent? where isFloat && el.components == 4: break
        case .indices? where el.components == 1: break
        default: return false
        }
        // Integer data without declared bounds has nothing for a min/max pass to find.
        if isFloat || a.min != nil || a.max != nil {
            guard let scan = el.withDenseBytes({ raw, offset, stride, offs in
                scanMinMax(raw, offset, stride, el.count, offs, el.componentType)
            }) else { return false }
            for i in scan.nonFinite { ctx.add(.accessorInvalidFloat, a.p, "Element \(i) is NaN or infinite.") }
            reportBounds(a, el, scan.mins, scan.maxs, ctx)
        }
        let up = use?.pointer ?? a.p
        switch u {
        case .normal?, .tangent?:
            let tangent = u == .tangent
            _ = el.withDenseBytes { raw, offset, stride, _ in
                for i in 0..<el.count {
                    let p = offset + i * stride
                    let x = Double(loadFloat(raw, p)), y = Double(loadFloat(raw, p + 4)), z = Double(loadFloat(raw, p + 8))
                    let len = (x * x + y * y + z * z).squareRoot()
                    if abs(len - 1) > unitThreshold3 {
                        ctx.add(.accessorVector3NonUnit, up, "\(tangent ? "Tangent" : "Vector3") at index \(i) has length \(len).")
                    }
                    if tangent {
                        let w = Double(loadFloat(raw, p + 12))
                        if w != 1 && w != -1 { ctx.add(.accessorInvalidSign, up, "Tangent at index \(i) has w \(w), not 1 or -1.") }
                    }
                }
            }
        case .indices?:
            let limit = use?.limit
            _ = el.withDenseBytes { raw, offset, stride, _ in
                switch el.componentType {
                case .uint8: scanIndices(raw, offset, stride, el.count, UInt8.self, limit, triangles, up, ctx)
                case .uint16: scanIndices(raw, offset, stride, el.count, UInt16.self, limit, triangles, up, ctx)
                default: scanIndices(raw, offset, stride, el.count, UInt32.self, limit, triangles, up, ctx)
                }
            }
        default: break
        }
        return true
    }

    /// Declared min/max against the actual ones (float bounds compared in single precision).
    func reportBounds(_ a: Accessor, _ el: AccessorView, _ mins: [Double], _ maxs: [Double], _ ctx: IssueContext) {
        let isFloat = el.componentType == .float32
        let n = el.components
        let dmin = a.min.map { $0.map { isFloat ? Double(Float($0)) : $0 } }
        let dmax = a.max.map { $0.map { isFloat ? Double(Float($0)) : $0 } }
        var below = [Int](repeating: 0, count: n), above = [Int](repeating: 0, count: n)
        let needBelow = dmin.map { d in (0..<min(n, d.count)).contains { mins[$0] < d[$0] } } ?? false
        let needAbove = dmax.map { d in (0..<min(n, d.count)).contains { maxs[$0] > d[$0] } } ?? false
        if needBelow || needAbove {
            // Only when a bound is crossed: count the elements past it.
            el.forEachElement { _, c in
                for k in 0..<n {
                    let x = c[k]
                    if isFloat && !x.isFinite { continue }
                    if let dmin, k < dmin.count, x < dmin[k] { below[k] += 1 }
                    if let dmax, k < dmax.count, x > dmax[k] { above[k] += 1 }
                }
            }
        }
        if let dmin {
            for k in 0..<min(n, dmin.count) where mins[k].isFinite {
                if mins[k] != dmin[k] { ctx.add(.accessorMinMismatch, ptr(ptr(a.p, "min"), k), "Declared minimum \(dmin[k]) differs from the actual \(mins[k]).") }
                if below[k] > 0 { ctx.add(.accessorElementOutOfMinBound, ptr(ptr(a.p, "min"), k), "\(below[k]) element(s) below the declared minimum \(dmin[k]).") }
            }
        }
        if let dmax {
            for k in 0..<min(n, dmax.count) where maxs[k].isFinite {
                if maxs[k] != dmax[k] { ctx.add(.accessorMaxMismatch, ptr(ptr(a.p, "max"), k), "Declared maximum \(dmax[k]) differs from the actual \(maxs[k]).") }
                if above[k] > 0 { ctx.add(.accessorElementOutOfMaxBound, ptr(ptr(a.p, "max"), k), "\(above[k]) element(s) above the declared maximum \(dmax[k]).") }
            }
        }
    }
}

// MARK: - Typed kernels

@inline(__always)
private func loadFloat(_ raw: UnsafeRawBufferPointer, _ p: Int) -> Float {
    Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
}

struct MinMaxScan {
    var mins: [Double]
    var maxs: [Double]
    var nonFinite: [Int]
}

func scanMinMax(_ raw: UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ count: Int, _ offs: [Int], _ ct: ComponentType) -> MinMaxScan {
    switch ct {
    case .float32: return scanFloat(raw, offset, stride, count, offs)
    case .int8: return scanInt(raw, offset, stride, count, offs, Int8.self)
    case .uint8: return scanInt(raw, offset, stride, count, offs, UInt8.self)
    case .int16: return scanInt(raw, offset, stride, count, offs, Int16.self)
    case .uint16: return scanInt(raw, offset, stride, count, offs, UInt16.self)
    case .uint32: return scanInt(raw, offset, stride, count, offs, UInt32.self)
    }
}

private func scanFloat(_ raw: UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ count: Int, _ offs: [Int]) -> MinMaxScan {
    let n = offs.count
    var mins = [Float](repeating: .infinity, count: n), maxs = [Float](repeating: -.infinity, count: n)
    var nonFinite: [Int] = []
    offs.withUnsafeBufferPointer { o in
        mins.withUnsafeMutableBufferPointer { mn in
            maxs.withUnsafeMutableBufferPointer { mx in
                for i in 0..<count {
                    let p = offset + i * stride
                    for k in 0..<n {
                        let x = loadFloat(raw, p + o[k])
                        if !x.isFinite { nonFinite.append(i); continue }
                        if x < mn[k] { mn[k] = x }
                        if x > mx[k] { mx[k] = x }
                    }
                }
            }
        }
    }
    return MinMaxScan(mins: mins.map(Double.init), maxs: maxs.map(Double.init), nonFinite: nonFinite)
}

private func scanInt<T: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ count: Int, _ offs: [Int], _: T.Type) -> MinMaxScan {
    let n = offs.count
    var mins = [T](repeating: .max, count: n), maxs = [T](repeating: .min, count: n)
    offs.withUnsafeBufferPointer { o in
        mins.withUnsafeMutableBufferPointer { mn in
            maxs.withUnsafeMutableBufferPointer { mx in
                for i in 0..<count {
                    let p = offset + i * stride
                    for k in 0..<n {
                        let x = T(littleEndian: raw.loadUnaligned(fromByteOffset: p + o[k], as: T.self))
                        if x < mn[k] { mn[k] = x }
                        if x > mx[k] { mx[k] = x }
                    }
                }
            }
        }
    }
    return MinMaxScan(mins: mins.map { Double($0) }, maxs: maxs.map { Double($0) }, nonFinite: [])
}

private func scanIndices<T: FixedWidthInteger & UnsignedInteger>(
    _ raw: UnsafeRawBufferPointer, _ offset: Int, _ stride: Int, _ count: Int, _: T.Type,
    _ limit: Int?, _ triangles: Bool, _ p: String, _ ctx: IssueContext
) {
    let restart = T.max
    let lim = limit.map { UInt64($0) } ?? UInt64.max
    var degenerate = 0
    var a: T = 0, b: T = 0
    for i in 0..<count {
        let x = T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + i * stride, as: T.self))
        if x == restart {
            ctx.add(.accessorIndexPrimitiveRestart, p, "Index \(i) is the primitive restart value \(x).")
        } else if UInt64(x) >= lim {
            ctx.add(.accessorIndexOob, p, "Index \(i) has value \(x), past the last vertex \(lim - 1).")
        }
        switch i % 3 {
        case 0: a = x
        case 1: b = x
        default: if x == a || x == b || a == b { degenerate += 1 }
        }
    }
    if degenerate > 0 && triangles {
        ctx.add(.accessorIndexTriangleDegenerate, p, "Indices form \(degenerate) degenerate triangle(s) out of \(count / 3).")
    }
}
