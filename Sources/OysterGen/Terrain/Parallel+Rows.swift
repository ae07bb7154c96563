import Foundation
import OysterCore

extension Parallel {
    /// Fills a `rows × width` Float array, rows split into core-sized bands (each band fills its
    /// own rows, so the result does not depend on the band count).
    static func rows(_ rows: Int, width: Int, _ body: @Sendable (Int, inout [Float]) -> Void) -> [Float] {
        let bands = min(rows, min(coreCount, 8) * 4)
        let parts: [[Float]] = map(bands) { b in
            let lo = b * rows / bands, hi = (b + 1) * rows / bands
            var out: [Float] = []
            out.reserveCapacity((hi - lo) * width)
            var row = [Float](repeating: 0, count: width)
            for j in lo..<hi {
                body(j, &row)
                out.append(contentsOf: row)
            }
            return out
        }
        return parts.flatMap { $0 }
    }
}
