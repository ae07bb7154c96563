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
            /// Validating: a statement that could not be read (converting stops the slice instead).
            case malformed(String, badIndex: Bool)
        }
        var face: Int
        /// 0-based line within the slice.
        var line: Int
        var kind: Kind
    }

    /// x, y, z per `v`.
    var positions = PodBuffer<Float>()
    /// r, g, b per `v` once any vertex of the slice had colours; vertices without get NaN
    /// (white once the file's colour range is known).
    var colors: [Float] = []
    static let noColor: [Float] = [.nan, .nan, .nan]
    /// u, v per `vt` (v as written; the flip happens when buffers are built).
    var texcoords = PodBuffer<Float>()
    /// x, y, z per `vn`.
    var normals = PodBuffer<Float>()
    /// v, vt, vn per corner as written: > 0 absolute (1-based), < 0 relative, 0 absent (vt, vn).
    var corners = PodBuffer<Int32>()
    /// Corner count per face; the high bit says the face has an entry in `faceBases`.
    var faceCounts = PodBuffer<UInt32>()
    /// 0-based line of each face within the slice.
    var faceLines = PodBuffer<UInt32>()
    /// Slice-local v, vt, vn counts before the face, for faces with relative indices or more
    /// than three corners (triangulation needs to know which positions precede the face).
    var faceBases = PodBuffer<UInt32>()
    var events: [Event] = []
    /// Line feeds in the slice.
    var lineCount = 0
    /// The first malformed statement: parsing of the slice stopped there.
    var error: (line: Int, message: String)?
    /// Validating: malformed statements past the slice's event limit, only counted (bad
    /// syntax, bad index).
    var unlistedMalformed = (syntax: 0, index: 0)

    static let hasBaseFlag: UInt32 = 1 << 31

    var vertexCount: Int { positions.count / 3 }

    /// Empties the slice for reuse, sized for `byteCount` bytes of this file's typical line mix
    /// (buffers still grow if the guess is short).
    mutating func reset(forBytes n: Int) {
        positions.reset(reserving: n / 24)
        normals.reset(reserving: n / 24)
        texcoords.reset(reserving: n / 24)
        corners.reset(reserving: n / 8)
        faceCounts.reset(reserving: n / 64)
        faceLines.reset(reserving: n / 64)
        faceBases.reset(reserving: 64)
        colors = []
        events = []
        lineCount = 0
        error = nil
        unlistedMalformed = (0, 0)
    }

    /// Releases the buffers once the slice is merged (or dropped after an error).
    func free() {
        positions.free()
        texcoords.free()
        normals.free()
        corners.free()
        faceCounts.free()
        faceLines.free()
        faceBases.free()
    }
}
