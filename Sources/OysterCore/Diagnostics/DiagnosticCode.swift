/// A stable issue code with its default severity and a one-line description.
///
/// Every code any Oyster reader or the validator can report is declared as a static member of
/// this type: glTF codes (the Khronos glTF-Validator's codes and severities) here, other formats
/// in `DiagnosticCode+<Format>.swift` extensions. Severities can be overridden per run.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    /// The code as reported (`ACCESSOR_MIN_MISMATCH`).
    public let id: String
    /// The severity used unless a configuration overrides it.
    public let severity: Severity
    /// What the code means, in a short sentence.
    public let summary: String

    public init(_ id: String, _ severity: Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    public var description: String { id }

    /// A diagnostic of this code.
    public func diagnostic(_ message: String? = nil, at location: DiagnosticLocation = .none, file: String? = nil) -> Diagnostic {
        Diagnostic(code: id, severity: severity, message: message ?? summary, location: location, file: file)
    }
}

// MARK: - glTF: data (buffers, accessors, images)

extension DiagnosticCode {
    public static let bufferEmbeddedBytelengthMismatch = DiagnosticCode("BUFFER_EMBEDDED_BYTELENGTH_MISMATCH", .error, "Decoded data URI length differs from the declared byteLength.")
    public static let bufferExternalBytelengthMismatch = DiagnosticCode("BUFFER_EXTERNAL_BYTELENGTH_MISMATCH", .error, "External buffer is shorter than its declared byteLength.")
    public static let bufferByteLengthMismatch = DiagnosticCode("BUFFER_BYTE_LENGTH_MISMATCH", .error, "Buffer data length differs from the declared byteLength.")
    public static let bufferGlbChunkTooBig = DiagnosticCode("BUFFER_GLB_CHUNK_TOO_BIG", .warning, "GLB BIN chunk holds more padding than needed.")
    public static let accessorMinMismatch = DiagnosticCode("ACCESSOR_MIN_MISMATCH", .error, "Declared minimum differs from the actual minimum.")
    public static let accessorMaxMismatch = DiagnosticCode("ACCESSOR_MAX_MISMATCH", .error, "Declared maximum differs from the actual maximum.")
    public static let accessorElementOutOfMinBound = DiagnosticCode("ACCESSOR_ELEMENT_OUT_OF_MIN_BOUND", .error, "Elements are below the declared minimum.")
    public static let accessorElementOutOfMaxBound = DiagnosticCode("ACCESSOR_ELEMENT_OUT_OF_MAX_BOUND", .error, "Elements are above the declared maximum.")
    public static let accessorVector3NonUnit = DiagnosticCode("ACCESSOR_VECTOR3_NON_UNIT", .error, "A direction vector is not of unit length.")
    public static let accessorInvalidSign = DiagnosticCode("ACCESSOR_INVALID_SIGN", .error, "Tangent w component is not 1 or -1.")
    public static let accessorNonNormalizedQuaternion = DiagnosticCode("ACCESSOR_ANIMATION_SAMPLER_OUTPUT_NON_NORMALIZED_QUATERNION", .error, "Rotation keyframe is not a unit quaternion.")
    public static let accessorNonClamped = DiagnosticCode("ACCESSOR_NON_CLAMPED", .error, "Color component outside 0..1.")
    public static let accessorInvalidFloat = DiagnosticCode("ACCESSOR_INVALID_FLOAT", .error, "Element is NaN or infinite.")
    public static let accessorIndexOob = DiagnosticCode("ACCESSOR_INDEX_OOB", .error, "Index refers past the last vertex.")
    public static let accessorIndexTriangleDegenerate = DiagnosticCode("ACCESSOR_INDEX_TRIANGLE_DEGENERATE", .information, "Indices form degenerate triangles.")
    public static let accessorIndexPrimitiveRestart = DiagnosticCode("ACCESSOR_INDEX_PRIMITIVE_RESTART", .error, "Indices contain the primitive restart value.")
    public static let accessorAnimationInputNegative = DiagnosticCode("ACCESSOR_ANIMATION_INPUT_NEGATIVE", .error, "Keyframe time is negative.")
    public static let accessorAnimationInputNonIncreasing = DiagnosticCode("ACCESSOR_ANIMATION_INPUT_NON_INCREASING", .error, "Keyframe times do not strictly increase.")
    public static let accessorSparseIndicesNonIncreasing = DiagnosticCode("ACCESSOR_SPARSE_INDICES_NON_INCREASING", .error, "Sparse indices do not strictly increase.")
    public static let accessorSparseIndexOob = DiagnosticCode("ACCESSOR_SPARSE_INDEX_OOB", .error, "Sparse index is past the accessor's count.")
    public static let accessorInvalidIbm = DiagnosticCode("ACCESSOR_INVALID_IBM", .error, "Inverse bind matrix is not affine.")
    public static let imageDataInvalid = DiagnosticCode("IMAGE_DATA_INVALID", .error, "Image data is invalid.")
    public static let imageMimeTypeInvalid = DiagnosticCode("IMAGE_MIME_TYPE_INVALID", .error, "Image format differs from the declared MIME type.")
    public static let imageUnexpectedEos = DiagnosticCode("IMAGE_UNEXPECTED_EOS", .error, "Image data ends early.")
    public static let imageUnrecognizedFormat = DiagnosticCode("IMAGE_UNRECOGNIZED_FORMAT", .warning, "Image format not recognized.")
    public static let imageNonEnabledMimeType = DiagnosticCode("IMAGE_NON_ENABLED_MIME_TYPE", .error, "Image MIME type requires an extension.")
    public static let imageNpotDimensions = DiagnosticCode("IMAGE_NPOT_DIMENSIONS", .information, "Image has non-power-of-two dimensions.")
    public static let imageFeaturesUnsupported = DiagnosticCode("IMAGE_FEATURES_UNSUPPORTED", .warning, "Image uses unsupported features (color space, aspect, animation).")
    public static let dataUriGlb = DiagnosticCode("DATA_URI_GLB", .warning, "Data URI used inside a GLB container.")
    public static let uriGlb = DiagnosticCode("URI_GLB", .information, "URI used inside a GLB container.")
    public static let accessorJointsIndexOob = DiagnosticCode("ACCESSOR_JOINTS_INDEX_OOB", .error, "Joint index is past the skin's joints.")
    public static let accessorJointsIndexDuplicate = DiagnosticCode("ACCESSOR_JOINTS_INDEX_DUPLICATE", .error, "Joint index repeats within a vertex.")
    public static let accessorWeightsNegative = DiagnosticCode("ACCESSOR_WEIGHTS_NEGATIVE", .error, "Skin weight is negative.")
    public static let accessorWeightsNonNormalized = DiagnosticCode("ACCESSOR_WEIGHTS_NON_NORMALIZED", .error, "Skin weights of a vertex do not sum to 1.")
    public static let accessorJointsUsedZeroWeight = DiagnosticCode("ACCESSOR_JOINTS_USED_ZERO_WEIGHT", .warning, "Non-zero joint index with zero weight.")
    public static let ioError = DiagnosticCode("IO_ERROR", .error, "A resource could not be read.")
}

// MARK: - glTF: schema

extension DiagnosticCode {
    public static let arrayLengthNotInList = DiagnosticCode("ARRAY_LENGTH_NOT_IN_LIST", .error, "Array has an invalid length.")
    public static let arrayTypeMismatch = DiagnosticCode("ARRAY_TYPE_MISMATCH", .error, "Array element has the wrong type.")
    public static let duplicateElements = DiagnosticCode("DUPLICATE_ELEMENTS", .error, "Array holds duplicate elements.")
    public static let invalidIndex = DiagnosticCode("INVALID_INDEX", .error, "Index must be a non-negative integer.")
    public static let invalidJson = DiagnosticCode("INVALID_JSON", .error, "JSON syntax error.")
    public static let invalidUri = DiagnosticCode("INVALID_URI", .error, "URI is malformed.")
    public static let emptyEntity = DiagnosticCode("EMPTY_ENTITY", .error, "Entity cannot be empty.")

    // EXT_mesh_gpu_instancing: Oyster's own codes (the Khronos validator does not check the extension).
    public static let extMeshGpuInstancingWithoutMesh = DiagnosticCode("EXT_MESH_GPU_INSTANCING_WITHOUT_MESH", .warning, "Instancing on a node without a mesh has no defined behaviour.")
    public static let extMeshGpuInstancingInvalidAttribute = DiagnosticCode("EXT_MESH_GPU_INSTANCING_INVALID_ATTRIBUTE", .error, "Instance attributes are TRANSLATION, ROTATION, SCALE or start with '_'.")
    public static let extMeshGpuInstancingInvalidFormat = DiagnosticCode("EXT_MESH_GPU_INSTANCING_INVALID_FORMAT", .error, "Invalid accessor format for an instance attribute.")
    public static let extMeshGpuInstancingUnequalCount = DiagnosticCode("EXT_MESH_GPU_INSTANCING_UNEQUAL_COUNT", .error, "All instance attribute accessors of a node must have the same count.")
    public static let extMeshGpuInstancingNotRequired = DiagnosticCode("EXT_MESH_GPU_INSTANCING_NOT_REQUIRED", .information, "The extension has no fallback and should be listed in extensionsRequired.")
    public static let oneOfMismatch = DiagnosticCode("ONE_OF_MISMATCH", .error, "Exactly one of several properties must be defined.")
    public static let patternMismatch = DiagnosticCode("PATTERN_MISMATCH", .error, "Value does not match the required pattern.")
    public static let typeMismatch = DiagnosticCode("TYPE_MISMATCH", .error, "Property has the wrong type.")
    public static let valueNotInList = DiagnosticCode("VALUE_NOT_IN_LIST", .warning, "Value is not one of the allowed values.")
    public static let valueNotInRange = DiagnosticCode("VALUE_NOT_IN_RANGE", .error, "Value is out of range.")
    public static let valueMultipleOf = DiagnosticCode("VALUE_MULTIPLE_OF", .error, "Value is not a multiple of the required step.")
    public static let undefinedProperty = DiagnosticCode("UNDEFINED_PROPERTY", .error, "A required property is missing.")
    public static let unexpectedProperty = DiagnosticCode("UNEXPECTED_PROPERTY", .warning, "Unexpected property.")
    public static let unsatisfiedDependency = DiagnosticCode("UNSATISFIED_DEPENDENCY", .error, "A property needs another one that is missing.")
}

// MARK: - glTF: semantics

extension DiagnosticCode {
    public static let unknownAssetMajorVersion = DiagnosticCode("UNKNOWN_ASSET_MAJOR_VERSION", .error, "Unknown glTF major version.")
    public static let unknownAssetMinorVersion = DiagnosticCode("UNKNOWN_ASSET_MINOR_VERSION", .warning, "Unknown glTF minor version.")
    public static let assetMinVersionGreaterThanVersion = DiagnosticCode("ASSET_MIN_VERSION_GREATER_THAN_VERSION", .error, "minVersion is greater than version.")
    public static let invalidGlValue = DiagnosticCode("INVALID_GL_VALUE", .error, "Invalid GL enum value.")
    public static let accessorNormalizedInvalid = DiagnosticCode("ACCESSOR_NORMALIZED_INVALID", .error, "Only 8- and 16-bit integer accessors can be normalized.")
    public static let accessorOffsetAlignment = DiagnosticCode("ACCESSOR_OFFSET_ALIGNMENT", .error, "Accessor offset is not a multiple of the component size.")
    public static let accessorMatrixAlignment = DiagnosticCode("ACCESSOR_MATRIX_ALIGNMENT", .error, "Matrix columns must be 4-byte aligned.")
    public static let accessorSparseCountOutOfRange = DiagnosticCode("ACCESSOR_SPARSE_COUNT_OUT_OF_RANGE", .error, "Sparse count exceeds the accessor's count.")
    public static let animationChannelTargetNodeSkin = DiagnosticCode("ANIMATION_CHANNEL_TARGET_NODE_SKIN", .warning, "Animated transforms do not affect a skinned mesh.")
    public static let bufferDataUriMimeTypeInvalid = DiagnosticCode("BUFFER_DATA_URI_MIME_TYPE_INVALID", .error, "Buffer data URI has an invalid MIME type.")
    public static let bufferViewTooBigByteStride = DiagnosticCode("BUFFER_VIEW_TOO_BIG_BYTE_STRIDE", .error, "byteStride exceeds byteLength.")
    public static let bufferViewInvalidByteStride = DiagnosticCode("BUFFER_VIEW_INVALID_BYTE_STRIDE", .error, "Only vertex buffer views may have byteStride.")
    public static let cameraXmagYmagNegative = DiagnosticCode("CAMERA_XMAG_YMAG_NEGATIVE", .warning, "xmag and ymag should not be negative.")
    public static let cameraXmagYmagZero = DiagnosticCode("CAMERA_XMAG_YMAG_ZERO", .error, "xmag and ymag must not be zero.")
    public static let cameraYfovGequalPi = DiagnosticCode("CAMERA_YFOV_GEQUAL_PI", .warning, "yfov should be less than pi.")
    public static let cameraZfarLequalZnear = DiagnosticCode("CAMERA_ZFAR_LEQUAL_ZNEAR", .error, "zfar must be greater than znear.")
    public static let materialAlphaCutoffInvalidMode = DiagnosticCode("MATERIAL_ALPHA_CUTOFF_INVALID_MODE", .warning, "alphaCutoff only applies in MASK mode.")
    public static let meshPrimitiveInvalidAttribute = DiagnosticCode("MESH_PRIMITIVE_INVALID_ATTRIBUTE", .error, "Invalid attribute name.")
    public static let meshPrimitivesUnequalTargetsCount = DiagnosticCode("MESH_PRIMITIVES_UNEQUAL_TARGETS_COUNT", .error, "Primitives of a mesh have different numbers of morph targets.")
    public static let meshPrimitiveNoPosition = DiagnosticCode("MESH_PRIMITIVE_NO_POSITION", .warning, "Primitive has no POSITION.")
    public static let meshPrimitiveIndexedSemanticContinuity = DiagnosticCode("MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY", .error, "Indexed attribute sets must start at 0 and be continuous.")
    public static let meshPrimitiveTangentWithoutNormal = DiagnosticCode("MESH_PRIMITIVE_TANGENT_WITHOUT_NORMAL", .warning, "TANGENT without NORMAL.")
    public static let meshPrimitiveJointsWeightsMismatch = DiagnosticCode("MESH_PRIMITIVE_JOINTS_WEIGHTS_MISMATCH", .error, "JOINTS and WEIGHTS sets differ in number.")
    public static let meshInvalidWeightsCount = DiagnosticCode("MESH_INVALID_WEIGHTS_COUNT", .error, "Mesh weights differ from the number of morph targets.")
    public static let nodeMatrixTrs = DiagnosticCode("NODE_MATRIX_TRS", .error, "Node has both matrix and TRS properties.")
    public static let nodeMatrixDefault = DiagnosticCode("NODE_MATRIX_DEFAULT", .information, "Default matrix need not be written.")
    public static let nodeMatrixNonTrs = DiagnosticCode("NODE_MATRIX_NON_TRS", .error, "Matrix is not decomposable to TRS.")
    public static let rotationNonUnit = DiagnosticCode("ROTATION_NON_UNIT", .error, "Rotation quaternion is not normalized.")
    public static let unusedExtensionRequired = DiagnosticCode("UNUSED_EXTENSION_REQUIRED", .error, "A required extension is not used.")
    public static let nonRequiredExtension = DiagnosticCode("NON_REQUIRED_EXTENSION", .error, "Extension must be required.")
    public static let unreservedExtensionPrefix = DiagnosticCode("UNRESERVED_EXTENSION_PREFIX", .warning, "Extension prefix is not reserved.")
    public static let invalidExtensionNameFormat = DiagnosticCode("INVALID_EXTENSION_NAME_FORMAT", .warning, "Extension name has an invalid format.")
    public static let nodeEmpty = DiagnosticCode("NODE_EMPTY", .information, "Node has no content.")
    public static let nodeSkinnedMeshNonRoot = DiagnosticCode("NODE_SKINNED_MESH_NON_ROOT", .information, "Node with a skinned mesh is not root. Parent transforms will not affect a skinned mesh.")
    public static let nodeSkinnedMeshParentTransforms = DiagnosticCode("NODE_SKINNED_MESH_PARENT_TRANSFORMS", .warning, "Node with a skinned mesh has parent nodes with transforms. Parent transforms will not affect a skinned mesh.")
    public static let nodeSkinnedMeshLocalTransforms = DiagnosticCode("NODE_SKINNED_MESH_LOCAL_TRANSFORMS", .warning, "Local transforms do not affect a skinned mesh.")
    public static let nodeSkinNoScene = DiagnosticCode("NODE_SKIN_NO_SCENE", .error, "Skinned mesh used in a scene without its joints.")
    public static let skinNoCommonRoot = DiagnosticCode("SKIN_NO_COMMON_ROOT", .error, "Joints have no common root.")
    public static let skinSkeletonInvalid = DiagnosticCode("SKIN_SKELETON_INVALID", .error, "Skeleton node is not a common root.")
    public static let nonRelativeUri = DiagnosticCode("NON_RELATIVE_URI", .warning, "URI is not relative.")
    public static let multipleExtensions = DiagnosticCode("MULTIPLE_EXTENSIONS", .warning, "Extension may conflict with others on the object.")
    public static let nonObjectExtras = DiagnosticCode("NON_OBJECT_EXTRAS", .information, "extras should be a JSON object.")
    public static let extraProperty = DiagnosticCode("EXTRA_PROPERTY", .information, "Property is not used.")
    public static let khrLightsPunctualLightSpotAngles = DiagnosticCode("KHR_LIGHTS_PUNCTUAL_LIGHT_SPOT_ANGLES", .error, "outerConeAngle must exceed innerConeAngle.")
    public static let khrMaterialsClearcoatNormalTextureTexcoord = DiagnosticCode("KHR_MATERIALS_CLEARCOAT_CLEARCOAT_NORMAL_TEXTURE_TEXCOORD", .warning, "Clearcoat normal texture uses a different texcoord than the normal texture.")
    public static let khrMaterialsDispersionNoVolume = DiagnosticCode("KHR_MATERIALS_DISPERSION_NO_VOLUME", .warning, "Dispersion without KHR_materials_volume.")
    public static let khrMaterialsVolumeNoTransmission = DiagnosticCode("KHR_MATERIALS_VOLUME_NO_TRANSMISSION", .warning, "Volume without transmission or diffuse transmission.")
    public static let khrMaterialsAnisotropyNoTangentSpace = DiagnosticCode("MESH_PRIMITIVE_NO_TANGENT_SPACE", .error, "Material needs tangent space the primitive lacks.")
    public static let meshPrimitiveGeneratedTangentSpace = DiagnosticCode("MESH_PRIMITIVE_GENERATED_TANGENT_SPACE", .warning, "Material needs tangent space the primitive lacks; generated tangents may differ between clients.")
    public static let integerWrittenAsFloat = DiagnosticCode("INTEGER_WRITTEN_AS_FLOAT", .warning, "Integer value written with a fractional part.")
    public static let khrMaterialsIridescenceThicknessRangeWithoutTexture = DiagnosticCode("KHR_MATERIALS_IRIDESCENCE_THICKNESS_RANGE_WITHOUT_TEXTURE", .information, "Thickness minimum has no effect without a thickness texture.")
    public static let khrMaterialsIridescenceThicknessRangeInvalid = DiagnosticCode("KHR_MATERIALS_IRIDESCENCE_THICKNESS_RANGE_INVALID", .error, "Thickness maximum is less than the thickness minimum.")
    public static let khrMaterialsVolumeDoubleSided = DiagnosticCode("KHR_MATERIALS_VOLUME_DOUBLE_SIDED", .warning, "Volume should not be used with double-sided materials.")
    public static let khrMaterialsAnisotropyTextureTexcoord = DiagnosticCode("KHR_MATERIALS_ANISOTROPY_ANISOTROPY_TEXTURE_TEXCOORD", .warning, "Normal and anisotropy textures should use the same texture coordinates.")
    public static let khrMaterialsEmissiveStrengthZeroFactor = DiagnosticCode("KHR_MATERIALS_EMISSIVE_STRENGTH_ZERO_FACTOR", .warning, "Emissive strength has no effect with a zero or missing emissive factor.")
    public static let khrMaterialsIridescenceThicknessTextureUnused = DiagnosticCode("KHR_MATERIALS_IRIDESCENCE_THICKNESS_TEXTURE_UNUSED", .information, "Thickness texture has no effect when minimum equals maximum.")
    public static let khrAnimationPointerChannelTargetNode = DiagnosticCode("KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_NODE", .error, "Channel target node must not be set with KHR_animation_pointer.")
    public static let khrAnimationPointerChannelTargetPath = DiagnosticCode("KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_PATH", .error, "Channel target path must be 'pointer' with KHR_animation_pointer.")
    public static let incompleteExtensionSupport = DiagnosticCode("INCOMPLETE_EXTENSION_SUPPORT", .information, "Extension is only partly validated.")
}

// MARK: - glTF: links between objects

extension DiagnosticCode {
    public static let accessorTotalOffsetAlignment = DiagnosticCode("ACCESSOR_TOTAL_OFFSET_ALIGNMENT", .error, "Accessor total offset is not a multiple of the component size.")
    public static let accessorSmallBytestride = DiagnosticCode("ACCESSOR_SMALL_BYTESTRIDE", .error, "byteStride is smaller than the element size.")
    public static let accessorTooLong = DiagnosticCode("ACCESSOR_TOO_LONG", .error, "Accessor does not fit its buffer view.")
    public static let accessorUsageOverride = DiagnosticCode("ACCESSOR_USAGE_OVERRIDE", .error, "Accessor used in incompatible ways.")
    public static let animationDuplicateTargets = DiagnosticCode("ANIMATION_DUPLICATE_TARGETS", .error, "Two channels target the same property.")
    public static let animationChannelTargetNodeMatrix = DiagnosticCode("ANIMATION_CHANNEL_TARGET_NODE_MATRIX", .error, "Channel targets TRS of a node with a matrix.")
    public static let animationChannelTargetNodeWeightsNoMorphs = DiagnosticCode("ANIMATION_CHANNEL_TARGET_NODE_WEIGHTS_NO_MORPHS", .error, "Channel targets weights of a mesh without morph targets.")
    public static let animationSamplerInputAccessorWithoutBounds = DiagnosticCode("ANIMATION_SAMPLER_INPUT_ACCESSOR_WITHOUT_BOUNDS", .error, "Animation input accessor needs min and max.")
    public static let animationSamplerInputAccessorInvalidFormat = DiagnosticCode("ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT", .error, "Animation input accessor must be SCALAR float.")
    public static let animationSamplerOutputAccessorInvalidFormat = DiagnosticCode("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_FORMAT", .error, "Animation output accessor format does not fit the path.")
    public static let animationSamplerInputAccessorTooFewElements = DiagnosticCode("ANIMATION_SAMPLER_INPUT_ACCESSOR_TOO_FEW_ELEMENTS", .error, "Too few keyframes for the interpolation.")
    public static let animationSamplerOutputAccessorInvalidCount = DiagnosticCode("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_COUNT", .error, "Animation output count does not match input count.")
    public static let animationSamplerAccessorWithBytestride = DiagnosticCode("ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE", .error, "Animation accessors must not use byteStride.")
    public static let bufferMissingGlbData = DiagnosticCode("BUFFER_MISSING_GLB_DATA", .error, "Buffer refers to a missing GLB BIN chunk.")
    public static let bufferViewTooLong = DiagnosticCode("BUFFER_VIEW_TOO_LONG", .error, "Buffer view does not fit its buffer.")
    public static let bufferViewTargetOverride = DiagnosticCode("BUFFER_VIEW_TARGET_OVERRIDE", .error, "Buffer view used with different targets.")
    public static let bufferViewTargetMissing = DiagnosticCode("BUFFER_VIEW_TARGET_MISSING", .hint, "bufferView.target should be set for vertex or index data.")
    public static let imageBufferViewWithBytestride = DiagnosticCode("IMAGE_BUFFER_VIEW_WITH_BYTESTRIDE", .error, "Image buffer views must not use byteStride.")
    public static let invalidIbmAccessorCount = DiagnosticCode("INVALID_IBM_ACCESSOR_COUNT", .error, "Too few inverse bind matrices for the joints.")
    public static let meshPrimitiveAttributesAccessorInvalidFormat = DiagnosticCode("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT", .error, "Accessor format is invalid for the attribute.")
    public static let meshPrimitiveAttributesAccessorUnsignedInt = DiagnosticCode("MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_UNSIGNED_INT", .error, "Attributes cannot use UNSIGNED_INT.")
    public static let meshPrimitivePositionAccessorWithoutBounds = DiagnosticCode("MESH_PRIMITIVE_POSITION_ACCESSOR_WITHOUT_BOUNDS", .error, "POSITION accessor needs min and max.")
    public static let meshPrimitiveAccessorWithoutBytestride = DiagnosticCode("MESH_PRIMITIVE_ACCESSOR_WITHOUT_BYTESTRIDE", .error, "Shared vertex buffer view needs byteStride.")
    public static let meshPrimitiveAccessorUnaligned = DiagnosticCode("MESH_PRIMITIVE_ACCESSOR_UNALIGNED", .error, "Vertex attribute data must be 4-byte aligned.")
    public static let meshPrimitiveIndicesAccessorWithBytestride = DiagnosticCode("MESH_PRIMITIVE_INDICES_ACCESSOR_WITH_BYTESTRIDE", .error, "Index buffer views must not use byteStride.")
    public static let meshPrimitiveIndicesAccessorInvalidFormat = DiagnosticCode("MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT", .error, "Indices accessor format is invalid.")
    public static let meshPrimitiveIncompatibleMode = DiagnosticCode("MESH_PRIMITIVE_INCOMPATIBLE_MODE", .warning, "Vertex or index count does not fit the drawing mode.")
    public static let meshPrimitiveTooFewTexcoords = DiagnosticCode("MESH_PRIMITIVE_TOO_FEW_TEXCOORDS", .error, "Material needs a TEXCOORD set the primitive lacks.")
    public static let meshPrimitiveUnequalAccessorCount = DiagnosticCode("MESH_PRIMITIVE_UNEQUAL_ACCESSOR_COUNT", .error, "Attribute accessors differ in count.")
    public static let meshPrimitiveMorphTargetNoBaseAccessor = DiagnosticCode("MESH_PRIMITIVE_MORPH_TARGET_NO_BASE_ACCESSOR", .error, "Morph target attribute missing from the base primitive.")
    public static let meshPrimitiveMorphTargetInvalidAttributeCount = DiagnosticCode("MESH_PRIMITIVE_MORPH_TARGET_INVALID_ATTRIBUTE_COUNT", .error, "Morph target accessor count differs from the base.")
    public static let nodeLoop = DiagnosticCode("NODE_LOOP", .error, "Node is part of a loop.")
    public static let nodeParentOverride = DiagnosticCode("NODE_PARENT_OVERRIDE", .error, "Node has more than one parent.")
    public static let nodeWeightsInvalid = DiagnosticCode("NODE_WEIGHTS_INVALID", .error, "Node weights differ from the number of morph targets.")
    public static let nodeSkinWithNonSkinnedMesh = DiagnosticCode("NODE_SKIN_WITH_NON_SKINNED_MESH", .error, "Node has a skin but its mesh has no joints.")
    public static let nodeSkinnedMeshWithoutSkin = DiagnosticCode("NODE_SKINNED_MESH_WITHOUT_SKIN", .warning, "Skinned mesh used without a skin.")
    public static let sceneNonRootNode = DiagnosticCode("SCENE_NON_ROOT_NODE", .error, "Scene lists a node that is not a root.")
    public static let skinIbmInvalidFormat = DiagnosticCode("SKIN_IBM_INVALID_FORMAT", .error, "Inverse bind matrices must be MAT4 float.")
    public static let skinIbmAccessorWithBytestride = DiagnosticCode("SKIN_IBM_ACCESSOR_WITH_BYTESTRIDE", .error, "Inverse bind matrix views must not use byteStride.")
    public static let textureInvalidImageMimeType = DiagnosticCode("TEXTURE_INVALID_IMAGE_MIME_TYPE", .error, "Texture source has an invalid MIME type.")
    public static let undeclaredExtension = DiagnosticCode("UNDECLARED_EXTENSION", .error, "Extension is not declared in extensionsUsed.")
    public static let unexpectedExtensionObject = DiagnosticCode("UNEXPECTED_EXTENSION_OBJECT", .error, "Extension is not allowed on this object.")
    public static let unresolvedReference = DiagnosticCode("UNRESOLVED_REFERENCE", .error, "Reference to a missing object.")
    public static let unsupportedExtension = DiagnosticCode("UNSUPPORTED_EXTENSION", .information, "Extension is not checked by this validator.")
    public static let unusedObject = DiagnosticCode("UNUSED_OBJECT", .information, "Object may be unused.")
    public static let unusedMeshWeights = DiagnosticCode("UNUSED_MESH_WEIGHTS", .information, "Mesh weights are always overridden by node weights.")
    public static let unusedMeshTangent = DiagnosticCode("UNUSED_MESH_TANGENT", .information, "Tangents unused: the material has no normal texture.")
    public static let khrMaterialsVariantsNonUniqueVariant = DiagnosticCode("KHR_MATERIALS_VARIANTS_NON_UNIQUE_VARIANT", .error, "Variant used more than once in a primitive.")
}

// MARK: - GLB container

extension DiagnosticCode {
    public static let glbInvalidMagic = DiagnosticCode("GLB_INVALID_MAGIC", .error, "Invalid GLB magic.")
    public static let glbInvalidVersion = DiagnosticCode("GLB_INVALID_VERSION", .error, "Invalid GLB version.")
    public static let glbLengthTooSmall = DiagnosticCode("GLB_LENGTH_TOO_SMALL", .error, "Declared GLB length is too small.")
    public static let glbChunkLengthUnaligned = DiagnosticCode("GLB_CHUNK_LENGTH_UNALIGNED", .error, "Chunk length is not 4-byte aligned.")
    public static let glbLengthMismatch = DiagnosticCode("GLB_LENGTH_MISMATCH", .error, "Declared GLB length differs from the file length.")
    public static let glbChunkTooBig = DiagnosticCode("GLB_CHUNK_TOO_BIG", .error, "Chunk does not fit the GLB.")
    public static let glbEmptyChunk = DiagnosticCode("GLB_EMPTY_CHUNK", .error, "Chunk cannot be empty.")
    public static let glbEmptyBinChunk = DiagnosticCode("GLB_EMPTY_BIN_CHUNK", .information, "Empty BIN chunk should be omitted.")
    public static let glbDuplicateChunk = DiagnosticCode("GLB_DUPLICATE_CHUNK", .error, "Chunk type appears twice.")
    public static let glbUnexpectedEndOfChunkHeader = DiagnosticCode("GLB_UNEXPECTED_END_OF_CHUNK_HEADER", .error, "Chunk header ends early.")
    public static let glbUnexpectedEndOfChunkData = DiagnosticCode("GLB_UNEXPECTED_END_OF_CHUNK_DATA", .error, "Chunk data ends early.")
    public static let glbUnexpectedEndOfHeader = DiagnosticCode("GLB_UNEXPECTED_END_OF_HEADER", .error, "GLB header ends early.")
    public static let glbUnexpectedFirstChunk = DiagnosticCode("GLB_UNEXPECTED_FIRST_CHUNK", .error, "First chunk must be JSON.")
    public static let glbUnexpectedBinChunk = DiagnosticCode("GLB_UNEXPECTED_BIN_CHUNK", .error, "BIN chunk must be the second chunk.")
    public static let glbExtraData = DiagnosticCode("GLB_EXTRA_DATA", .warning, "Data follows the end of the GLB.")
    public static let glbUnknownChunkType = DiagnosticCode("GLB_UNKNOWN_CHUNK_TYPE", .warning, "Unknown GLB chunk type.")
    /// Oyster's validator only: a sparse accessor without a bufferView claims more elements
    /// than are expanded for checking (a few bytes can claim billions).
    public static let accessorDataNotChecked = DiagnosticCode("ACCESSOR_DATA_NOT_CHECKED", .information, "Accessor data over the checking limit was not checked.")
    /// Oyster's reader and writer: a glTF problem no more specific code describes.
    public static let gltfError = DiagnosticCode("GLTF_ERROR", .error, "The glTF could not be read or written.")
    /// Oyster's reader only: a .gltf buffer without uri is valid, but its data does not exist.
    public static let bufferWithoutData = DiagnosticCode("BUFFER_WITHOUT_DATA", .warning, "Buffer has no uri; its bytes are read as zeros.")
    /// Oyster's reader only (the validator reports such a chunk as INVALID_JSON, as Khronos does).
    public static let glbJsonPadding = DiagnosticCode("GLB_JSON_PADDING", .warning, "GLB JSON chunk is padded with NUL bytes instead of spaces; read past them.")
}

// MARK: - Standalone images (PNG, JPEG, WebP files checked directly)

extension DiagnosticCode {
    public static let imageBadCrc = DiagnosticCode("IMAGE_BAD_CRC", .error, "PNG chunk CRC does not match its data.")
    public static let imageUnsupportedColorType = DiagnosticCode("IMAGE_UNSUPPORTED_COLOR_TYPE", .error, "Image color type or bit depth is not supported.")
    public static let imageOversized = DiagnosticCode("IMAGE_OVERSIZED", .warning, "Image dimensions exceed the configured limit.")
}
