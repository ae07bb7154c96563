import OysterCore
import OysterGLTF
import OysterJSON

// MARK: - Raw document model (what the schema stage keeps for the later stages)

/// Where a glTF property object can sit; extensions are allowed per kind.
enum ObjectKind {
    case root, asset, accessor, animation, animationChannel, animationChannelTarget, animationSampler
    case buffer, bufferView, camera, image, material, mesh, primitive, node, sampler, scene, skin, texture
    case textureInfo, pbrMetallicRoughness, other
}

let accessorTypes: [String: Int] = ["SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16]

struct AccessorSparse {
    var count: Int?
    var indicesView: Int?
    var indicesOffset = 0
    var indicesType: ComponentType?
    var valuesView: Int?
    var valuesOffset = 0
}

struct Accessor {
    var p: String
    var bufferView: Int?
    var byteOffset = 0
    var componentType: ComponentType?
    var normalized = false
    var count: Int?
    var type: String?
    var min: [Double]?
    var max: [Double]?
    var sparse: AccessorSparse?
    /// Output of a CUBICSPLINE sampler (in-tangent, value, out-tangent triplets).
    var cubicOutput = false
    /// True when the accessor's own fields are consistent enough to read its data.
    var valid = true

    var components: Int? { type.flatMap { accessorTypes[$0] } }
    var isMatrix: Bool { type?.hasPrefix("MAT") ?? false }
    /// The element's byte layout in a buffer (OysterGLTF's, shared with the reader).
    var layout: ElementLayout? {
        guard let c = componentType, let e = type.flatMap(ElementType.init(rawValue:)) else { return nil }
        return ElementLayout(c, e)
    }
    /// Element size in bytes, with the column padding matrices of small components need (the
    /// default stride).
    var elementSize: Int? { layout?.paddedSize }
    /// Bytes the last element needs, without the padding after its last column: what length
    /// and stride checks use (the reference validator's `Accessor.elementLength`).
    var elementLength: Int? { layout?.lastElementSize }
    var format: String { "{\(type ?? "?"), \(componentType?.glName ?? "?")\(normalized ? " normalized" : "")}" }
}

struct BufferView {
    var p: String
    var buffer: Int?
    var byteOffset = 0
    var byteLength: Int?
    var byteStride: Int?
    var target: Int?
    /// Target implied by use (34962 vertex, 34963 index, 0 other non-vertex use).
    var usage: Int?
}

struct Buffer {
    var p: String
    var uri: String?
    var byteLength: Int?
    var data: ArraySlice<UInt8>?
}

struct TextureRef {
    var p: String
    var index: Int?
    var texCoord: Int
    /// texCoord before KHR_texture_transform overrides it.
    var baseTexCoord: Int
}

struct Material {
    var p: String
    var textures: [TextureRef] = []
    var hasNormalTexture = false
    var needsTangentSpace = false
    var extensionNames: [String] = []
    var hasUnknownExtensions = false
    var doubleSided = false
    /// emissiveFactor is [0, 0, 0], given or by default (false when it is invalid).
    var emissiveFactorIsZero = true
}

struct Primitive {
    var p: String
    var attributes: [(name: String, accessor: Int?)] = []
    var indices: Int?
    var material: Int?
    var mode = 4
    var targets: [[(name: String, accessor: Int?)]]?
    var variantMappings: [(p: String, variants: [Int?], material: Int?)] = []
}

struct Mesh {
    var p: String
    var primitives: [Primitive] = []
    var weights: [Double]?
    var hasPrimitiveErrors = false
}

struct Node {
    var p: String
    var camera: Int?
    var children: [Int?] = []
    var skin: Int?
    var matrix: [Double]?
    var mesh: Int?
    var rotation: [Double]?
    var scale: [Double]?
    var translation: [Double]?
    var weights: [Double]?
    var light: Int?
    /// EXT_mesh_gpu_instancing attributes: name, accessor, pointer.
    var instanceAttributes: [(name: String, accessor: Int?, p: String)]?
    /// The node has a KHR_lights_punctual object (with or without a valid `light`).
    var hasLightsExtension = false
    var hasExtensions = false
    var hasExtras = false
    var parent: Int?
    var isJoint = false

    /// Whether the node's transform differs from identity (absent or identity values do not count).
    var hasTransform: Bool {
        let identity: [Double] = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]
        return !((matrix == nil || matrix == identity) && (translation == nil || translation == [0, 0, 0])
                 && (rotation == nil || rotation == [0, 0, 0, 1]) && (scale == nil || scale == [1, 1, 1]))
    }
}

struct Skin {
    var p: String
    var inverseBindMatrices: Int?
    var skeleton: Int?
    var joints: [Int?] = []
}

struct Texture {
    var p: String
    var sampler: Int?
    var source: Int?
    var webpSource: Int?
}

struct Image {
    var p: String
    var uri: String?
    var mimeType: String?
    var bufferView: Int?
}

struct AnimationSampler {
    var p: String
    var input: Int?
    var output: Int?
    var interpolation = "LINEAR"
}

struct AnimationChannel {
    var p: String
    var sampler: Int?
    var node: Int?
    var path: String?
    var pointer: String?
}

struct Animation {
    var p: String
    var channels: [AnimationChannel?] = []
    var samplers: [AnimationSampler?] = []
}

struct Scene {
    var p: String
    var nodes: [Int?] = []
}

struct Light {
    var p: String
    var type: String?
}

/// How an accessor is used; decides which data checks run.
enum AccessorUse: Equatable {
    case position, normal, tangent, color, texcoord, joints, weights, indices
    case morphPosition, morphNormal, morphTangent
    case inverseBindMatrices, animationInput, animationOutput(path: String), other
}

/// The parsed raw document: one slot per array element (nil for non-object elements).
struct Document {
    var isGLB = false
    var extensionsUsed: [String] = []
    var extensionsRequired: [String] = []
    var accessors: [Accessor?] = []
    var animations: [Animation?] = []
    var buffers: [Buffer?] = []
    var bufferViews: [BufferView?] = []
    var cameras: [Int?] = []
    var images: [Image?] = []
    var materials: [Material?] = []
    var meshes: [Mesh?] = []
    var nodes: [Node?] = []
    var samplers: [Int?] = []
    var scenes: [Scene?] = []
    var scene: Int?
    var skins: [Skin?] = []
    var textures: [Texture?] = []
    var lights: [Light?] = []
    var variantsCount = 0
    var rootExtensions: Set<String> = []
    /// The asset version cannot be validated (unknown major version or malformed).
    var versionUnusable = false
    /// The whole JSON document (animation pointers are resolved against it).
    var root: JSONValue?
    /// Index accessors drawn as triangle lists (degenerate triangles are counted for these).
    var triangleIndices: Set<Int> = []
    /// Extension names of the material being parsed (for MULTIPLE_EXTENSIONS).
    var currentExtensionNames: [String]?
    var generator: String?
    var version: String?
    var minVersion: String?

    // Usage marks for the unused-object stage.
    var usedAccessors: [Bool] = []
    var usedBuffers: [Bool] = []
    var usedBufferViews: [Bool] = []
    var usedCameras: [Bool] = []
    var usedImages: [Bool] = []
    var usedMaterials: [Bool] = []
    var usedMeshes: [Bool] = []
    var usedNodes: [Bool] = []
    var usedSamplers: [Bool] = []
    var usedSkins: [Bool] = []
    var usedTextures: [Bool] = []
    var usedLights: [Bool] = []
    var usedVariants: [Bool] = []

    /// First use of each accessor, with the pointer data issues are reported at.
    var accessorUses: [Int: (use: AccessorUse, pointer: String, limit: Int?)] = [:]
    /// Image metadata gathered by the image stage, for the report's resource list.
    var resources: [ResourceInfo] = []
}
