import OysterCore

/// The codes of OBJ/MTL reader findings (declared in OysterCore's `DiagnosticCode` table), by
/// the names this module uses.
public enum OBJDiagnosticCodes {
    public static let degenerateFace = DiagnosticCode.objDegenerateFace.id
    public static let unsupportedStatement = DiagnosticCode.objUnsupportedStatement.id
    public static let missingMaterialLibrary = DiagnosticCode.objMaterialLibraryMissing.id
    public static let undefinedMaterial = DiagnosticCode.objMaterialUndefined.id
    public static let missingTexture = DiagnosticCode.objTextureMissing.id
    public static let refusedPath = DiagnosticCode.objPathRefused.id
    public static let partialAttribute = DiagnosticCode.objPartialAttribute.id
    public static let mtlSyntax = DiagnosticCode.mtlSyntax.id
    public static let mtlUnsupported = DiagnosticCode.mtlUnsupported.id
    public static let mtlNotApplied = DiagnosticCode.mtlNotApplied.id
    public static let duplicateMaterial = DiagnosticCode.mtlDuplicateMaterial.id
}
