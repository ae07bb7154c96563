/// Stable codes of OBJ/MTL findings (moved into `DiagnosticCode` once that table lands).
public enum OBJDiagnosticCodes {
    public static let degenerateFace = "OBJ_DEGENERATE_FACE"
    public static let unsupportedStatement = "OBJ_UNSUPPORTED_STATEMENT"
    public static let missingMaterialLibrary = "OBJ_MTL_MISSING"
    public static let undefinedMaterial = "OBJ_MATERIAL_UNDEFINED"
    public static let missingTexture = "OBJ_TEXTURE_MISSING"
    public static let refusedPath = "OBJ_PATH_OUTSIDE_FOLDER"
    public static let partialAttribute = "OBJ_PARTIAL_ATTRIBUTE"
    public static let mtlSyntax = "MTL_SYNTAX"
    public static let mtlUnsupported = "MTL_UNSUPPORTED"
    public static let duplicateMaterial = "MTL_DUPLICATE_MATERIAL"
}
