/// What one worker extracts from a line-aligned slice of an OBJ file: raw vertex data and face
/// corners as written, plus the state statements in face order. Indices stay unresolved
/// (relative ones need the vertex counts of earlier slices); `OBJAssembler` merges slices in
/// file order, so the result does not depend on how the file was split.
struct OBJChunk: @unchecked Sendable {
    /// A statement other than v/vt/vn/f, positioned before face number `face` of the slice.
    struct Event {
        enum Kind {
            case object(String)
            case group(String)
            case useMaterial(String)
            case library(String)
            /// An element or statement that is read past (l, p, curv, …): keyword.
            case skipped(String)
            case warning(String)
        }
        var face: Int
        /// 0-based line within the slice.
        var line: Int
        var kind: Kind
    }

    /// x, y, z per `v`.
    var positions: [Float] = []
    /// r, g, b per `v` once any vertex of the slice had colours (earlier ones get white).
    var colors: [Float] = []
    /// u, v per `vt` (v as written; the flip happens when buffers are built).
    var texcoords: [Float] = []
    /// x, y, z per `vn`.
    var normals: [Float] = []
    /// v, vt, vn per corner as written: > 0 absolute (1-based), < 0 relative, 0 absent (vt, vn).
    var corners: [Int32] = []
    /// Corner count per face; the high bit says the face has an entry in `faceBases`.
    var faceCounts: [UInt32] = []
    /// 0-based line of each face within the slice.
    var faceLines: [UInt32] = []
    /// Slice-local v, vt, vn counts before the face, for faces with relative indices or more
    /// than three corners (triangulation needs to know which positions precede the face).
    var faceBases: [UInt32] = []
    var events: [Event] = []
    /// Line feeds in the slice.
    var lineCount = 0
    /// The first malformed statement: parsing of the slice stopped there.
    var error: (line: Int, message: String)?

    static let hasBaseFlag: UInt32 = 1 << 31

    var vertexCount: Int { positions.count / 3 }
}
