import OysterCore
import OysterOBJ

// MARK: - Codes of the validator's own OBJ/MTL line checks
// IDs shared with the OBJ reader come from `OBJDiagnosticCodes` so both report the same codes.

extension DiagnosticCode {
    static let objFileIndexOutOfRange = DiagnosticCode("OBJ_INDEX_OUT_OF_RANGE", .error, "Face or line refers to a vertex, texcoord or normal that does not exist.")
    static let objFileDegenerateFace = DiagnosticCode(OBJDiagnosticCodes.degenerateFace, .warning, "Face has fewer than 3 distinct vertices.")
    static let objFileUnknownStatement = DiagnosticCode(OBJDiagnosticCodes.unsupportedStatement, .warning, "Unknown statement.")
    static let objFileMalformedStatement = DiagnosticCode("OBJ_MALFORMED_STATEMENT", .error, "Statement has missing or non-numeric values.")
    static let objFileMissingMTL = DiagnosticCode(OBJDiagnosticCodes.missingMaterialLibrary, .error, "Referenced MTL file does not exist.")
    static let objFileMissingTexture = DiagnosticCode(OBJDiagnosticCodes.missingTexture, .error, "Referenced texture file does not exist.")
    static let objFilePathOutsideFolder = DiagnosticCode(OBJDiagnosticCodes.refusedPath, .error, "Referenced path leaves the asset's folder.")
    static let objFileUnknownMaterial = DiagnosticCode(OBJDiagnosticCodes.undefinedMaterial, .warning, "usemtl names a material no MTL file defines.")
}
