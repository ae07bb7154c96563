import OysterCore

// MARK: - Codes of the validator's own OBJ/MTL line checks
// (The OBJ reader's codes live in OysterCore's DiagnosticCode+OBJ.swift.)

extension DiagnosticCode {
    static let objFileIndexOutOfRange = DiagnosticCode("OBJ_INDEX_OUT_OF_RANGE", .error, "Face or line refers to a vertex, texcoord or normal that does not exist.")
    static let objFileDegenerateFace = DiagnosticCode("OBJ_DEGENERATE_FACE", .warning, "Face has fewer than 3 distinct vertices.")
    static let objFileUnknownStatement = DiagnosticCode("OBJ_UNKNOWN_STATEMENT", .warning, "Unknown statement.")
    static let objFileMalformedStatement = DiagnosticCode("OBJ_MALFORMED_STATEMENT", .error, "Statement has missing or non-numeric values.")
    static let objFileMissingFile = DiagnosticCode("OBJ_MISSING_FILE", .error, "Referenced MTL or texture file does not exist.")
    static let objFilePathOutsideFolder = DiagnosticCode("OBJ_PATH_OUTSIDE_FOLDER", .error, "Referenced path leaves the asset's folder.")
    static let objFileUnknownMaterial = DiagnosticCode("OBJ_UNKNOWN_MATERIAL", .warning, "usemtl names a material no MTL file defines.")
}
