// OysterProcess: passes over `OysterCore.Scene`, each an Options struct with documented
// defaults plus a function (glTF-Transform's shape), chained by `Pipeline` in a fixed order
// (gltfpack's shape). Every pass is deterministic and returns a `PassReport`.
//
// | pass                      | function                         | file                         |
// |---------------------------|----------------------------------|------------------------------|
// | compaction                | `Scene.compact`                  | Passes/Scene+Compaction      |
// | flatten (bake transforms) | `Scene.flatten`                  | Passes/Scene+Flatten         |
// | weld                      | `Scene.weld`, `Primitive.welded` | Passes/Scene+Weld            |
// | merge by material         | `Scene.mergeByMaterial`          | Passes/Scene+MergeByMaterial |
// | normals / tangents        | `Scene.generateNormals/Tangents` | Passes/Scene+Normals, +Tangents |
// | simplify / LOD chains     | `Scene.simplify`, `addLODChains`, `attachLODNodes` | Simplify/ |
// | colliders                 | `Scene.addColliders`, `Mesh.collider`, `ConvexHull`, `OrientedBox` | Colliders/ |
// | axis and units            | `Scene.convertAxes`              | Passes/Scene+AxisConversion  |
// | textures                  | `Scene.resizeTextures`           | Passes/Scene+TextureResize   |
// | quantization              | `Scene.quantize`                 | Passes/Scene+Quantize        |
// | GPU instancing            | `Scene.instance`                 | Passes/Scene+Instancing      |
// | statistics                | `ProcessStatistics`              | Pipeline/ProcessStatistics   |
//
// A good order for an export:
//   convertAxes → dedupe → instance (web) → flatten (with `keepSharedMeshesUsedAtLeast` when
//   instancing) → weld → generateNormals → generateTangents → addColliders → addLODChains /
//   attachLODNodes → mergeByMaterial (`excludedNodes`: the collider and LOD nodes) → compact →
//   resizeTextures → quantize.
// Node indices from `addColliders`/`attachLODNodes` stay valid until a pass removes nodes
// (`instance`, `compact`); quantize goes last because it folds dequantization into node
// transforms, which flatten would bake again.
