// MARK: - OBJ/MTL codes (OysterOBJ's reader and its validation mode)
//
// Every OBJ and MTL finding, whether the reader converts or validates. When converting, a
// malformed statement or a bad index is not a diagnostic but a thrown `OBJError` with
// file:line (the scene would be wrong); when validating, they are the two error codes below and
// reading goes on at the next line.

extension DiagnosticCode {
    public static let objIndexOutOfRange = DiagnosticCode("OBJ_INDEX_OUT_OF_RANGE", .error, "Face refers to a vertex, texture coordinate or normal that does not exist (or uses index 0).")
    public static let objMalformedStatement = DiagnosticCode("OBJ_MALFORMED_STATEMENT", .error, "Statement has missing, extra or non-numeric values.")
    public static let objDegenerateFace = DiagnosticCode("OBJ_DEGENERATE_FACE", .warning, "Face has fewer than 3 (distinct) vertices.")
    public static let objUnsupportedStatement = DiagnosticCode("OBJ_UNSUPPORTED_STATEMENT", .information, "Statement or element (l, p, curv, …) read past; not converted.")
    public static let objMaterialLibraryMissing = DiagnosticCode("OBJ_MTL_MISSING", .warning, "Material library could not be read; its materials get default factors.")
    public static let objMaterialUndefined = DiagnosticCode("OBJ_MATERIAL_UNDEFINED", .warning, "usemtl names a material no loaded library defines; default factors used.")
    public static let objTextureMissing = DiagnosticCode("OBJ_TEXTURE_MISSING", .warning, "Texture file could not be read; the material keeps its factors.")
    public static let objPathRefused = DiagnosticCode("OBJ_PATH_REFUSED", .warning, "Referenced path is absolute or leaves the model's folder; not read.")
    public static let objPartialAttribute = DiagnosticCode("OBJ_PARTIAL_ATTRIBUTE", .warning, "Some face corners lack normals or texture coordinates others have; defaults filled in.")
    public static let mtlSyntax = DiagnosticCode("MTL_SYNTAX", .warning, "MTL statement could not be parsed; ignored.")
    public static let mtlUnsupported = DiagnosticCode("MTL_UNSUPPORTED", .information, "MTL statement unknown, or without a glTF counterpart; ignored.")
    public static let mtlNotApplied = DiagnosticCode("MTL_NOT_APPLIED", .warning, "MTL texture that glTF could only use after pixel repacking (separate alpha or metallic map); not applied.")
    public static let mtlDuplicateMaterial = DiagnosticCode("MTL_DUPLICATE_MATERIAL", .information, "Material defined again; the first definition is used.")
}
