// The shading paths, after the Khronos glTF-Sample-Renderer: one vertex shader for every pass
// (instancing always; skinning and morphing as compile-time variants), a metallic-roughness
// PBR fragment shader, a depth-only fragment shader for shadow maps and a sky shader. Feature
// variants are `#define`s, so llvmpipe JIT-compiles only what a draw uses.

enum Shaders {
    /// Point and spot lights shaded per frame (the nearest to the camera).
    static let maxLocalLights = 16
    /// Morph targets read per primitive (more are ignored, as most engines do past 8).
    static let maxMorphTargets = 32
    /// Sun shadow cascades.
    static let maxCascades = 4

    /// A compile-time variant: what a draw's vertices, material and frame use. Everything a
    /// draw does not use is compiled out rather than branched over: llvmpipe runs a shader
    /// eight pixels at a time, and code behind a false uniform test, or both sides of a
    /// select, still costs (measured: the derivative-tangent fallback alone took a quarter of
    /// a frame of the default world whose meshes all carry tangents).
    struct Variant: Hashable {
        var skinned = false
        var morphed = false
        /// Alpha mask: the only variant that discards fragments, because a shader that can
        /// discard loses llvmpipe's (and most GPUs') early depth test.
        var masked = false
        /// Vertex normals and tangents (else face normals and screen-space tangents).
        var normals = true
        var tangents = false
        /// Bit i: texture slot i (`slots`) is bound.
        var textures = 0
        /// Occlusion is the red channel of the metallic-roughness texture (one lookup for both).
        var occlusionInMetallicRoughness = false
        /// Some slot reads TEXCOORD_1 or has a KHR_texture_transform.
        var transformedUV = false
        var unlit = false
        var blend = false
        /// Frame features: sun shadow cascades, point or spot lights, the tone curve.
        var shadows = false
        var localLights = false
        var toneMapping = ToneMapping.neutral
        /// A far mesh drawn as a billboard from its baked views (`Impostor`).
        var impostor = false
        /// Baking those views: material inputs out, no lighting.
        var impostorBake = false
        /// Material inputs into the deferred pass's G-buffer, no lighting.
        var gBuffer = false
        /// The deferred lighting pass itself (a full-screen triangle, `deferredLighting`).
        var deferredLighting = false

        /// The variant of the depth pass: only what shapes coverage (vertex motion and a
        /// masked base colour's alpha) matters there.
        var depthOnly: Variant {
            var v = Variant(skinned: skinned, morphed: morphed, masked: masked)
            v.impostor = impostor
            if masked {
                v.textures = textures & 1
                v.transformedUV = transformedUV
            }
            return v
        }

        var defines: String {
            var d = ""
            func flag(_ on: Bool, _ name: String) { if on { d += "#define \(name) 1\n" } }
            flag(skinned, "SKIN")
            flag(morphed, "MORPH")
            flag(masked, "ALPHA_MASK")
            flag(normals, "HAS_NORMALS")
            flag(tangents, "HAS_TANGENTS")
            flag(occlusionInMetallicRoughness, "OCCLUSION_IN_MR")
            flag(transformedUV, "TRANSFORMED_UV")
            flag(unlit, "UNLIT")
            flag(blend, "BLEND")
            flag(shadows, "SHADOWS")
            flag(localLights, "LOCAL_LIGHTS")
            flag(impostor, "IMPOSTOR")
            flag(impostorBake, "IMPOSTOR_BAKE")
            flag(gBuffer, "GBUFFER")
            d += "#define TEXTURE_MASK \(textures)\n"
            return d + Shaders.toneMappingDefine(toneMapping)
        }
    }

    static func header(_ variant: Variant) -> String {
        "#version 330 core\n" + variant.defines + "#define MAX_MORPH \(maxMorphTargets)\n"
    }

    static func toneMappingDefine(_ t: ToneMapping) -> String {
        "#define TONE_MAPPING \([ToneMapping.neutral: 0, .aces: 1, ToneMapping.none: 2][t] ?? 0)\n"
    }

    static let vertex = """
    layout(location = 0) in vec3 aPosition;
    layout(location = 1) in vec3 aNormal;
    layout(location = 2) in vec2 aUV0;
    layout(location = 3) in vec4 aColor;
    layout(location = 4) in vec4 aTangent;
    layout(location = 5) in vec2 aUV1;
    layout(location = 6) in uvec4 aJoints;
    layout(location = 7) in vec4 aWeights;
    layout(location = 8) in mat4 aModel;
    uniform mat4 uViewProjection;
    #ifdef SKIN
    uniform samplerBuffer uJointMatrices;
    mat4 jointMatrix(uint j) {
        int b = int(j) * 4;
        return mat4(texelFetch(uJointMatrices, b), texelFetch(uJointMatrices, b + 1),
                    texelFetch(uJointMatrices, b + 2), texelFetch(uJointMatrices, b + 3));
    }
    #endif
    #ifdef MORPH
    uniform samplerBuffer uMorphTargets;
    uniform int uMorphCount;
    uniform int uMorphVertexCount;
    uniform float uMorphWeights[MAX_MORPH];
    #endif
    out vec3 vWorld;
    out vec3 vNormal;
    out vec4 vTangent;
    out vec2 vUV0;
    out vec2 vUV1;
    out vec4 vColor;
    #ifdef IMPOSTOR
    uniform vec3 uImpostorCentre;      // of the mesh's bounds, mesh space
    uniform float uImpostorRadius;     // half the side of a baked view, mesh units
    uniform vec2 uImpostorGrid;        // baked azimuths, elevations
    uniform float uImpostorElevationStep;
    uniform vec4 uImpostorViewer;      // w 0: a point (the eye); w 1: a direction (the sun)
    flat out mat3 vRotation;           // mesh → world rotation (normals)
    flat out vec3 vImpostorForward;    // towards the viewer, one baked depth unit long
    // A quad through the mesh's centre facing the viewer, showing the baked view nearest to
    // the viewer's direction in the mesh's own frame (so a turned instance shows its side).
    void impostor() {
        mat3 linear = mat3(aModel);
        vec3 scales = vec3(length(linear[0]), length(linear[1]), length(linear[2]));
        mat3 rotation = mat3(linear[0] / scales.x, linear[1] / scales.y, linear[2] / scales.z);
        float scale = max(scales.x, max(scales.y, scales.z));
        vec3 centre = (aModel * vec4(uImpostorCentre, 1.0)).xyz;
        vec3 toViewer = uImpostorViewer.w > 0.5 ? uImpostorViewer.xyz : uImpostorViewer.xyz - centre;
        vec3 d = normalize(transpose(rotation) * toViewer);
        const float TAU = 6.2831853;
        float a = mod(floor(atan(d.x, d.z) / TAU * uImpostorGrid.x + 0.5), uImpostorGrid.x);
        float e = clamp(floor(asin(clamp(d.y, -1.0, 1.0)) / uImpostorElevationStep + 0.5), 0.0, uImpostorGrid.y - 1.0);
        // The bake camera's axes (Mat4.lookAt with +Y up), for the viewer's direction.
        vec3 right = abs(d.y) > 0.999 ? vec3(1.0, 0.0, 0.0) : normalize(cross(vec3(0.0, 1.0, 0.0), d));
        vec3 up = cross(d, right);
        const vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
        vec2 c = corners[gl_VertexID % 6];
        vec4 world = aModel * vec4(uImpostorCentre + (right * c.x + up * c.y) * uImpostorRadius, 1.0);
        vWorld = world.xyz;
        vUV0 = (vec2(a, e) + c * 0.5 + 0.5) / uImpostorGrid;
        vUV1 = vUV0;
        vNormal = rotation * d;
        vTangent = vec4(0.0);
        vColor = vec4(1.0);
        vRotation = rotation;
        vImpostorForward = normalize(rotation * d) * uImpostorRadius * scale;
        gl_Position = uViewProjection * world;
    }
    #endif
    void main() {
    #ifdef IMPOSTOR
        impostor();
        return;
    #endif
        vec3 position = aPosition;
        vec3 normal = aNormal;
        vec3 tangent = aTangent.xyz;
    #ifdef MORPH
        for (int t = 0; t < uMorphCount; t++) {
            float w = uMorphWeights[t];
            if (w == 0.0) continue;
            int base = t * 3 * uMorphVertexCount + gl_VertexID;
            position += w * texelFetch(uMorphTargets, base).xyz;
            normal += w * texelFetch(uMorphTargets, base + uMorphVertexCount).xyz;
            tangent += w * texelFetch(uMorphTargets, base + 2 * uMorphVertexCount).xyz;
        }
    #endif
        mat4 model = aModel;
    #ifdef SKIN
        // glTF: the joint matrices already carry the inverse of the mesh node's world matrix.
        model = aModel * (aWeights.x * jointMatrix(aJoints.x) + aWeights.y * jointMatrix(aJoints.y)
                        + aWeights.z * jointMatrix(aJoints.z) + aWeights.w * jointMatrix(aJoints.w));
    #endif
        vec4 world = model * vec4(position, 1.0);
        mat3 linear = mat3(model);
        vNormal = transpose(inverse(linear)) * normal;
        vTangent = vec4(linear * tangent, aTangent.w);
        vWorld = world.xyz;
        vUV0 = aUV0;
        vUV1 = aUV1;
        vColor = aColor;
        gl_Position = uViewProjection * world;
    }
    """

    /// Texture slots, in the order of `uTextureTransform` and the texture units 0–4.
    static let slots = ["Base", "MetallicRoughness", "Normal", "Occlusion", "Emissive"]

    /// The material inputs both the colour and the depth pass read.
    static let materialInputs = """
    in vec3 vWorld;
    in vec3 vNormal;
    in vec4 vTangent;
    in vec2 vUV0;
    in vec2 vUV1;
    in vec4 vColor;
    uniform vec4 uBaseColor;
    uniform float uAlphaCutoff;      // with ALPHA_MASK
    uniform int uTexCoord[5];        // TEXCOORD set per slot (with TRANSFORMED_UV)
    uniform mat3 uTextureTransform[5];
    uniform sampler2D uBaseTexture;
    #ifdef IMPOSTOR
    flat in mat3 vRotation;
    flat in vec3 vImpostorForward;
    #endif
    vec2 slotUV(int slot) {
    #ifdef TRANSFORMED_UV
        vec2 uv = uTexCoord[slot] == 1 ? vUV1 : vUV0;
        return (uTextureTransform[slot] * vec3(uv, 1.0)).xy;
    #else
        return vUV0;
    #endif
    }
    // A constant once inlined (slot is always a literal): absent slots compile away.
    bool hasTexture(int slot) { return (TEXTURE_MASK & (1 << slot)) != 0; }
    vec4 baseColor() {
        vec4 base = uBaseColor * vColor;
        if (hasTexture(0)) base *= texture(uBaseTexture, slotUV(0));
        return base;
    }
    """

    /// Depth only (shadow maps): masked materials cut out their holes, so leaves cast leaf
    /// shadows.
    static let depthFragment = materialInputs + """
    void main() {
    #if defined(IMPOSTOR)
        // The atlas's coverage (base colour unit).
        if (texture(uBaseTexture, vUV0).a < 0.5) discard;
    #elif defined(ALPHA_MASK)
        if (baseColor().a < uAlphaCutoff) discard;
    #endif
    }
    """

    /// The sky's radiance in a direction: zenith to horizon gradient above, ground below.
    /// Shared by the sky pass, the ambient light and fog.
    static let skyFunctions = """
    uniform vec3 uSkyZenith;
    uniform vec3 uSkyHorizon;
    uniform vec3 uSkyGround;
    uniform vec3 uSkyUp;             // what a surface facing up gets from the sky
    uniform vec3 uSunGlow;           // added to the horizon towards the sun (cos³ of azimuth)
    uniform vec3 uSunDirection;      // towards the sun (or moon)
    uniform vec3 uSunColor;          // illuminance, a noon sun = 1
    uniform vec2 uSunAzimuth;        // the sun's direction across the ground, unit (0 overhead)
    // The horizon in direction d: the glow of a low sun on its side.
    vec3 skyHorizon(vec3 d) {
        float le = length(d.xz);
        float side = le > 1e-4 ? max(dot(uSunAzimuth, d.xz) / le, 0.0) : 0.0;
        return uSkyHorizon + uSunGlow * (side * side * side);
    }
    // What the glow gives a surface facing n (irradiance over π): the cosine-weighted
    // integral of skyHorizon's glow term over the sky and the ground band below it, fitted in
    // the cosine x between n and the sun's azimuth (0.146 facing it, 0.031 side on, 0 facing
    // away, 0.042 facing up).
    vec3 glowIrradiance(vec3 n) {
        float x = dot(n.xz, uSunAzimuth);
        return uSunGlow * max(0.031 + 0.073 * x + 0.042 * x * x + 0.011 * n.y, 0.0);
    }
    vec3 skyRadiance(vec3 d) {
        float h = d.y;
        if (h >= 0.0) return mix(skyHorizon(d), uSkyZenith, sqrt(h));
        return mix(skyHorizon(d), uSkyGround, clamp(-h * 6.0, 0.0, 1.0));
    }
    uniform float uExposure;         // linear multiplier
    // Khronos PBR Neutral tone mapping.
    vec3 neutral(vec3 color) {
        const float startCompression = 0.8 - 0.04;
        const float desaturation = 0.15;
        float x = min(color.r, min(color.g, color.b));
        float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
        color -= offset;
        float peak = max(color.r, max(color.g, color.b));
        if (peak < startCompression) return color;
        const float d = 1.0 - startCompression;
        float newPeak = 1.0 - d * d / (peak + d - startCompression);
        color *= newPeak / peak;
        float g = 1.0 - 1.0 / (desaturation * (peak - newPeak) + 1.0);
        return mix(color, vec3(newPeak), g);
    }
    // ACES filmic, Stephen Hill's fit (as in the Khronos sample viewer).
    vec3 acesHill(vec3 color) {
        const mat3 inputMatrix = mat3(0.59719, 0.07600, 0.02840, 0.35458, 0.90834, 0.13383, 0.04823, 0.01566, 0.83777);
        const mat3 outputMatrix = mat3(1.60475, -0.10208, -0.00327, -0.53108, 1.10813, -0.07276, -0.07367, -0.00605, 1.07602);
        color = inputMatrix * (color / 0.6);
        vec3 a = color * (color + 0.0245786) - 0.000090537;
        vec3 b = color * (0.983729 * color + 0.4329510) + 0.238081;
        return outputMatrix * (a / b);
    }
    vec3 sRGB(vec3 linear) {
        linear = clamp(linear, 0.0, 1.0);
        return mix(linear * 12.92, 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, linear));
    }
    vec3 display(vec3 hdr) {
        hdr *= uExposure;
    #if TONE_MAPPING == 0
        hdr = neutral(hdr);
    #elif TONE_MAPPING == 1
        hdr = acesHill(hdr);
    #endif
        return sRGB(hdr);
    }
    uniform vec3 uEye;
    uniform float uFogDensity;       // per metre at uFogBase
    uniform float uFogBase;          // height where the density is uFogDensity
    uniform float uFogFalloff;       // 1 / scale height: haze thins with altitude
    uniform float uFogAtEye;         // the density at the eye's height
    // Exponential height fog: the density falls off as exp(-(y - base) * falloff), integrated
    // exactly along the ray from the eye, so views from above see through the haze that fills
    // a valley seen from inside it. The haze's colour is the sky just over the horizon that
    // way: skyRadiance of (x, 0.02, z) normalized, written out (what llvmpipe spent most of
    // the fog's time on, every pixel, was that sky lookup's normalizing).
    vec3 applyFog(vec3 color, vec3 world) {
        if (uFogDensity <= 0.0) return color;
        vec3 toPoint = world - uEye;
        float d = length(toPoint);
        float rise = toPoint.y * uFogFalloff;
        float along = abs(rise) > 1e-4 ? (1.0 - exp(-rise)) / rise : 1.0;
        float f = exp(-uFogAtEye * d * along);
        vec2 across = toPoint.xz / max(d, 1e-4);
        float height = 0.02 * inversesqrt(dot(across, across) + 0.0004);
        vec3 fogColor = mix(skyHorizon(vec3(across.x, 0.0, across.y)), uSkyZenith, sqrt(height));
        return mix(fogColor, color, f);
    }
    """

    /// Metallic-roughness PBR after the Khronos sample renderer: GGX specular with the
    /// height-correlated Smith visibility, Lambert diffuse, Schlick Fresnel; hemisphere sky
    /// ambient with an analytic split-sum specular term; a sun with cascaded shadows; point
    /// and spot lights with KHR_lights_punctual's range window and cones; fog; tone mapping.
    /// How a surface point is lit: the uniforms and functions the forward colour pass and the
    /// deferred lighting pass share (one lighting path, two ways of feeding it).
    static let lighting = """
    uniform float uAmbient;          // hemisphere ambient scale
    // Sun shadows: cascades by distance from the eye.
    uniform int uCascadeCount;       // with SHADOWS, 1 or more
    uniform sampler2DArrayShadow uShadowMap;
    uniform mat4 uShadowMatrix[4];
    uniform float uCascadeEnd[4];    // radius of each cascade's sphere round the eye
    uniform float uShadowTexel[4];   // world size of a shadow texel per cascade
    // Point and spot lights: colour × intensity (scaled like the sun), range (0: none),
    // spot direction (where it shines) and cone cosines (outer > 1: a point light).
    uniform int uLocalCount;
    uniform vec3 uLocalPosition[16];
    uniform vec3 uLocalColor[16];
    uniform float uLocalRange[16];
    uniform vec3 uLocalDirection[16];
    uniform vec2 uLocalCone[16];
    const float PI = 3.14159265;

    float sunVisibility(vec3 world, vec3 n, float nDotL) {
    #ifndef SHADOWS
        return 1.0;
    #else
        // Cascades are spheres round the eye (ShadowMaps).
        float depth = length(world - uEye);
        int c = 0;
        while (c < uCascadeCount - 1 && depth > uCascadeEnd[c]) c++;
        if (depth > uCascadeEnd[uCascadeCount - 1]) return 1.0;
        // Normal offset: push the lookup off the surface by about a texel, more at grazing sun.
        vec3 offset = n * uShadowTexel[c] * (1.5 + 2.0 * (1.0 - nDotL));
        vec4 p = uShadowMatrix[c] * vec4(world + offset, 1.0);
        vec3 uvz = p.xyz / p.w;
        if (uvz.z >= 1.0) return 1.0;
        vec2 texel = vec2(1.0) / vec2(textureSize(uShadowMap, 0).xy);
        float lit = 0.0;
        // Four bilinear compares: a 3×3 texel footprint.
        lit += texture(uShadowMap, vec4(uvz.xy + vec2(-0.5, -0.5) * texel, float(c), uvz.z));
        lit += texture(uShadowMap, vec4(uvz.xy + vec2(0.5, -0.5) * texel, float(c), uvz.z));
        lit += texture(uShadowMap, vec4(uvz.xy + vec2(-0.5, 0.5) * texel, float(c), uvz.z));
        lit += texture(uShadowMap, vec4(uvz.xy + vec2(0.5, 0.5) * texel, float(c), uvz.z));
        return lit * 0.25;
    #endif
    }

    // Schlick Fresnel, GGX distribution and height-correlated Smith visibility (glTF spec, appendix B).
    vec3 fresnel(vec3 f0, float vDotH) {
        float x = clamp(1.0 - vDotH, 0.0, 1.0), x2 = x * x;
        return f0 + (1.0 - f0) * (x2 * x2 * x);
    }
    float distributionGGX(float nDotH, float a2) {
        float f = nDotH * nDotH * (a2 - 1.0) + 1.0;
        return a2 / (PI * f * f);
    }
    float visibilitySmith(float nDotL, float nDotV, float a2) {
        float v = nDotL * sqrt(nDotV * nDotV * (1.0 - a2) + a2);
        float l = nDotV * sqrt(nDotL * nDotL * (1.0 - a2) + a2);
        float s = v + l;
        return s > 0.0 ? 0.5 / s : 0.0;
    }
    // Light arriving from direction l with illuminance e (a noon sun = 1, so a white Lambert
    // surface facing it shows 1: the BRDF is scaled by π).
    vec3 shade(vec3 n, vec3 v, vec3 l, vec3 e, vec3 diffuseColor, vec3 f0, float a2) {
        float nDotL = clamp(dot(n, l), 0.0, 1.0);
        if (nDotL <= 0.0) return vec3(0.0);
        vec3 h = normalize(l + v);
        float nDotV = clamp(abs(dot(n, v)), 1e-3, 1.0);
        float nDotH = clamp(dot(n, h), 0.0, 1.0);
        vec3 F = fresnel(f0, clamp(dot(v, h), 0.0, 1.0));
        vec3 diffuse = (1.0 - F) * diffuseColor;
        vec3 specular = F * distributionGGX(nDotH, a2) * visibilitySmith(nDotL, nDotV, a2) * PI;
        return e * nDotL * (diffuse + specular);
    }
    // Karis' analytic fit of the split-sum environment BRDF.
    vec2 environmentBRDF(float roughness, float nDotV) {
        const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
        const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
        vec4 r = roughness * c0 + c1;
        float a004 = min(r.x * r.x, exp2(-9.28 * nDotV)) * r.x + r.y;
        return vec2(-1.04, 1.04) * a004 + r.zw;
    }

    // The light a surface at `world` with normal n sends to the eye (HDR, before emission,
    // fog and tone mapping): sky ambient, the sun with its shadows, the local lights.
    vec3 lit(vec3 world, vec3 n, vec3 base, float metallic, float roughness, float occlusion) {
        float a2 = roughness * roughness * roughness * roughness;
        vec3 diffuseColor = mix(base.rgb, vec3(0.0), metallic);
        vec3 f0 = mix(vec3(0.04), base.rgb, metallic);
        vec3 v = normalize(uEye - world);

        // Ambient: the sky hemisphere (diffuse) and the sky seen in the reflection (specular).
        float nDotV = clamp(abs(dot(n, v)), 1e-3, 1.0);
        vec3 irradiance = (mix(uSkyGround, uSkyUp, 0.5 + 0.5 * n.y) + glowIrradiance(n)) * uAmbient;
        vec2 brdf = environmentBRDF(roughness, nDotV);
        vec3 reflected = mix(skyRadiance(reflect(-v, n)), irradiance, roughness) * uAmbient;
        vec3 color = (irradiance * diffuseColor + reflected * (f0 * brdf.x + brdf.y)) * occlusion;

        float sunNDotL = dot(n, uSunDirection);
        if (sunNDotL > 0.0 && dot(uSunColor, uSunColor) > 0.0) {
            color += shade(n, v, uSunDirection, uSunColor * sunVisibility(world, n, sunNDotL), diffuseColor, f0, a2);
        }
    #ifdef LOCAL_LIGHTS
        for (int i = 0; i < uLocalCount; i++) {
            vec3 toLight = uLocalPosition[i] - world;
            float d2 = max(dot(toLight, toLight), 1e-4);
            vec3 l = toLight * inversesqrt(d2);
            // KHR_lights_punctual's recommended falloff: inverse square, windowed by range.
            float falloff = 1.0 / d2;
            if (uLocalRange[i] > 0.0) {
                float r = sqrt(d2) / uLocalRange[i];
                float w = clamp(1.0 - r * r * r * r, 0.0, 1.0);
                falloff *= w * w;
            }
            if (uLocalCone[i].y <= 1.0) {
                float cd = dot(uLocalDirection[i], -l);
                float t = clamp((cd - uLocalCone[i].y) / max(uLocalCone[i].x - uLocalCone[i].y, 1e-4), 0.0, 1.0);
                falloff *= t * t;
            }
            if (falloff > 0.0) color += shade(n, v, l, uLocalColor[i] * falloff, diffuseColor, f0, a2);
        }
    #endif
        return color;
    }
    """

    /// The G-buffer's one texel a pixel (RGBA32UI, `GBuffer`), written by the material pass and
    /// read by the lighting pass:
    /// - x: base colour, 10 bits a channel of its square root (finer than sRGB's 8 bits at
    ///   every level, and a square root where sRGB's curve costs two transcendentals);
    /// - y: the shading normal, octahedral, 16 bits a coordinate;
    /// - z: roughness, 12 bits; metallic, 8 bits; occlusion, 8 bits; the top bit set for unlit
    ///   (the base colour is the colour);
    /// - w: emission, RGB9E5 (9-bit mantissas with a shared exponent, up to 65408).
    static let gBufferPacking = """
    uint unorm(float v, float steps) { return uint(clamp(v, 0.0, 1.0) * steps + 0.5); }
    // A unit vector on the octahedron |x| + |y| + |z| = 1, its lower half folded out over the
    // corners, into [0, 1]²: even precision in every direction.
    vec2 octahedral(vec3 n) {
        n /= abs(n.x) + abs(n.y) + abs(n.z);
        vec2 e = n.z >= 0.0 ? n.xy : (1.0 - abs(n.yx)) * vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
        return e * 0.5 + 0.5;
    }
    vec3 fromOctahedral(vec2 e) {
        e = e * 2.0 - 1.0;
        vec3 n = vec3(e, 1.0 - abs(e.x) - abs(e.y));
        float t = max(-n.z, 0.0);
        n.xy -= vec2(n.x >= 0.0 ? t : -t, n.y >= 0.0 ? t : -t);
        return normalize(n);
    }
    // EXT_texture_shared_exponent's encoding: the largest channel sets the exponent.
    uint packRGB9E5(vec3 rgb) {
        vec3 c = clamp(rgb, 0.0, 65408.0);
        float m = max(c.r, max(c.g, c.b));
        int e = max(-16, int(floor(log2(max(m, 1e-30))))) + 16;
        float step = exp2(float(e - 24));
        if (floor(m / step + 0.5) >= 512.0) { e += 1; step *= 2.0; }
        uvec3 q = uvec3(floor(c / step + 0.5));
        return q.r | (q.g << 9u) | (q.b << 18u) | (uint(e) << 27u);
    }
    vec3 unpackRGB9E5(uint v) {
        return vec3(uvec3(v, v >> 9u, v >> 18u) & 511u) * exp2(float(int(v >> 27u)) - 24.0);
    }
    uvec4 packGBuffer(vec3 base, float occlusion, vec3 n, float roughness, float metallic, vec3 emissive, bool unlit) {
        vec3 root = sqrt(base);
        vec2 o = octahedral(n);
        return uvec4(unorm(root.r, 1023.0) | (unorm(root.g, 1023.0) << 10u) | (unorm(root.b, 1023.0) << 20u),
                     unorm(o.x, 65535.0) | (unorm(o.y, 65535.0) << 16u),
                     unorm(roughness, 4095.0) | (unorm(metallic, 255.0) << 12u) | (unorm(occlusion, 255.0) << 20u)
                         | (unlit ? 0x80000000u : 0u),
                     packRGB9E5(emissive));
    }
    // The inputs packGBuffer packed (to its precision).
    struct GBufferTexel { vec3 base; float occlusion; vec3 n; float roughness; float metallic; vec3 emissive; bool unlit; };
    GBufferTexel unpackGBuffer(uvec4 g) {
        vec3 root = vec3(uvec3(g.x, g.x >> 10u, g.x >> 20u) & 1023u) / 1023.0;
        return GBufferTexel(root * root, float((g.z >> 20u) & 255u) / 255.0,
                            fromOctahedral(vec2(float(g.y & 65535u), float(g.y >> 16u)) / 65535.0),
                            float(g.z & 4095u) / 4095.0, float((g.z >> 12u) & 255u) / 255.0,
                            unpackRGB9E5(g.w), (g.z & 0x80000000u) != 0u);
    }
    """

    /// The material colour pass: forward (lit here), into the deferred pass's G-buffer
    /// (`GBUFFER`), or into an impostor's atlases (`IMPOSTOR_BAKE`).
    static let fragment = materialInputs + skyFunctions + lighting + gBufferPacking + """
    uniform float uMetallic;
    uniform float uRoughness;
    uniform float uNormalScale;
    uniform float uOcclusionStrength;
    uniform float uUntexturedOcclusion;  // an averaged material's (`AveragedMaterial`), else 1
    uniform vec3 uEmissive;
    uniform sampler2D uMetallicRoughnessTexture;
    uniform sampler2D uNormalTexture;
    uniform sampler2D uOcclusionTexture;
    uniform sampler2D uEmissiveTexture;
    uniform mat4 uViewProjection;
    #ifdef GBUFFER
    layout(location = 0) out uvec4 gBufferOut;
    vec4 fragColor;                  // what the forward path (compiled, never reached) writes
    #else
    layout(location = 0) out vec4 fragColor;
    #endif
    #ifdef IMPOSTOR_BAKE
    layout(location = 1) out vec4 outNormal;
    layout(location = 2) out vec4 outMaterial;
    #endif

    // The shading normal: the vertex normal (or the face's, without normals), bent by the
    // normal map with the vertex tangents or, without them, tangents from screen-space
    // derivatives of position and UV (as the sample renderer does); back faces flip all three.
    vec3 surfaceNormal() {
    #ifdef HAS_NORMALS
        // A zero normal (invalid glTF) faces up rather than turning the pixel black.
        float nl = length(vNormal);
        vec3 ng = nl > 0.0 ? vNormal / nl : vec3(0.0, 1.0, 0.0);
    #else
        vec3 ng = normalize(cross(dFdx(vWorld), dFdy(vWorld)));
    #endif
        if (!hasTexture(2)) return gl_FrontFacing ? ng : -ng;
        vec2 uv = slotUV(2);
        vec3 t, b;
    #ifdef HAS_TANGENTS
        {
            // A zero tangent (invalid glTF) leaves the normal map out.
            vec3 tt = vTangent.xyz - ng * dot(ng, vTangent.xyz);
            if (dot(tt, tt) <= 0.0) return gl_FrontFacing ? ng : -ng;
            t = normalize(tt);
            b = cross(ng, t) * (vTangent.w < 0.0 ? -1.0 : 1.0);
        }
    #else
        {
            vec2 duvx = dFdx(uv), duvy = dFdy(uv);
            float det = duvx.x * duvy.y - duvy.x * duvx.y;
            vec3 tt = (duvy.y * dFdx(vWorld) - duvx.y * dFdy(vWorld)) / (det == 0.0 ? 1.0 : det);
            if (det == 0.0 || length(tt) == 0.0) return gl_FrontFacing ? ng : -ng;
            t = normalize(tt - ng * dot(ng, tt));
            b = cross(ng, t);
        }
    #endif
        if (!gl_FrontFacing) { t = -t; b = -b; ng = -ng; }
        vec3 m = texture(uNormalTexture, uv).xyz * 2.0 - 1.0;
        m.xy *= uNormalScale;
        return normalize(mat3(t, b, ng) * m);
    }

    void main() {
    #ifdef IMPOSTOR
        // A far mesh's baked view: base colour and coverage, normal (mesh space) and
        // roughness, occlusion, metallic and the surface's depth before or behind the quad,
        // which puts the shaded point (shadows, lights, fog) back on the mesh's surface.
        vec4 base = texture(uBaseTexture, vUV0);
        if (base.a < 0.5) discard;
        vec4 normalRoughness = texture(uNormalTexture, vUV0);
        vec4 baked = texture(uMetallicRoughnessTexture, vUV0);
        float alpha = 1.0;
        float roughness = clamp(normalRoughness.a, 0.03, 1.0);
        float metallic = baked.g;
        float occlusion = baked.r;
        vec3 n = normalize(vRotation * (normalRoughness.xyz * 2.0 - 1.0));
        vec3 world = vWorld + vImpostorForward * (baked.b * 2.0 - 1.0);
        vec3 emissive = vec3(0.0);
    #else
        vec4 base = baseColor();
    #ifdef ALPHA_MASK
        if (base.a < uAlphaCutoff) discard;
    #endif
    #ifdef BLEND
        float alpha = base.a;
    #else
        float alpha = 1.0;
    #endif
        vec3 world = vWorld;
    #if defined(UNLIT) && !defined(GBUFFER)
        fragColor = vec4(display(applyFog(base.rgb, world)), alpha);
        return;
    #endif
        float metallic = uMetallic, roughness = uRoughness;
        vec4 mr = vec4(1.0);
        if (hasTexture(1)) {
            mr = texture(uMetallicRoughnessTexture, slotUV(1));
            roughness *= mr.g;
            metallic *= mr.b;
        }
        metallic = clamp(metallic, 0.0, 1.0);
        roughness = clamp(roughness, 0.03, 1.0);
        vec3 n = surfaceNormal();
    #ifdef OCCLUSION_IN_MR
        float occlusion = 1.0 + uOcclusionStrength * (mr.r - 1.0);
    #else
        float occlusion = hasTexture(3) ? 1.0 + uOcclusionStrength * (texture(uOcclusionTexture, slotUV(3)).r - 1.0) : uUntexturedOcclusion;
    #endif
        vec3 emissive = uEmissive;
        if (hasTexture(4)) emissive *= texture(uEmissiveTexture, slotUV(4)).rgb;
    #endif
    #ifdef IMPOSTOR_BAKE
        // Material inputs for an impostor atlas (mesh space: the bake draws with identity
        // models): depth 0.5 is the quad through the centre, 0 and 1 a baked radius behind
        // and before it (the bake's orthographic depth runs over four radii, centre at 0.5).
        fragColor = vec4(base.rgb, 1.0);
        outNormal = vec4(n * 0.5 + 0.5, roughness);
        outMaterial = vec4(occlusion, metallic, 1.5 - 2.0 * gl_FragCoord.z, 1.0);
        return;
    #endif
    #ifdef GBUFFER
        // The material inputs, packed (`gBufferPacking`). An impostor's depth is its surface's,
        // not its quad's.
    #ifdef UNLIT
        gBufferOut = packGBuffer(base.rgb, 1.0, vec3(0.0, 0.0, 1.0), 1.0, 0.0, vec3(0.0), true);
    #else
        gBufferOut = packGBuffer(base.rgb, occlusion, n, roughness, metallic, emissive, false);
    #endif
    #ifdef IMPOSTOR
        vec4 clip = uViewProjection * vec4(world, 1.0);
        gl_FragDepth = clamp(clip.z / clip.w * 0.5 + 0.5, 0.0, 1.0);
    #endif
        return;
    #endif
        vec3 color = lit(world, n, base.rgb, metallic, roughness, occlusion) + emissive;
        fragColor = vec4(display(applyFog(color, world)), alpha);
    }
    """

    /// The deferred lighting pass: a full-screen triangle lighting each pixel the G-buffer
    /// covers once, however many triangles drew into it (llvmpipe shades whole 4×4 blocks per
    /// triangle, so small triangles shaded the full lighting many times per pixel).
    static let deferredLighting = skyFunctions + lighting + gBufferPacking + """
    uniform usampler2D uGBuffer;
    uniform sampler2D uGDepth;
    uniform mat4 uInverseViewProjection;
    uniform vec2 uViewport;
    out vec4 fragColor;
    void main() {
        ivec2 p = ivec2(gl_FragCoord.xy);
        GBufferTexel g = unpackGBuffer(texelFetch(uGBuffer, p, 0));
        float depth = texelFetch(uGDepth, p, 0).r;
        vec4 h = uInverseViewProjection * vec4(gl_FragCoord.xy / uViewport * 2.0 - 1.0, depth * 2.0 - 1.0, 1.0);
        vec3 world = h.xyz / h.w;
        vec3 color = g.unlit ? g.base : lit(world, g.n, g.base, g.metallic, g.roughness, g.occlusion) + g.emissive;
        fragColor = vec4(display(applyFog(color, world)), 1.0);
    }
    """

    /// A full-screen triangle at the far plane.
    static let skyVertex = """
    #version 330 core
    out vec2 vClip;
    void main() {
        vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
        vClip = p;
        gl_Position = vec4(p, 1.0, 1.0);
    }
    """

    /// The sky behind everything: the gradient, the sun's disc and glow (or the moon's disc).
    static func skyFragment(_ toneMapping: ToneMapping) -> String { "#version 330 core\n" + toneMappingDefine(toneMapping) + skyFunctions + skyMain }
    private static let skyMain = """
    in vec2 vClip;
    uniform mat4 uInverseViewProjection;
    uniform bool uNight;
    out vec4 fragColor;
    void main() {
        vec4 far = uInverseViewProjection * vec4(vClip, 1.0, 1.0);
        vec4 near = uInverseViewProjection * vec4(vClip, -1.0, 1.0);
        vec3 d = normalize(far.xyz / far.w - near.xyz / near.w);
        // Below the horizon the backdrop is the haze at the horizon (what a viewer sees past the
        // world's edge, as Blender shows its world colour); ambient light keeps the ground's.
        vec3 color = d.y >= 0.0 ? skyRadiance(d) : skyHorizon(d) * mix(1.0, 0.8, clamp(-d.y * 4.0, 0.0, 1.0));
        float c = dot(d, uSunDirection);
        if (uSunDirection.y > -0.05) {
            // The disc is 0.53° across (the sun's and the moon's); the glow widens at dusk.
            float disc = smoothstep(0.99995, 0.99998, c);
            vec3 light = uNight ? vec3(0.9, 0.92, 1.0) * 3.0 : uSunColor * 40.0 + vec3(4.0);
            color += disc * light;
            if (!uNight) color += uSunColor * (pow(max(c, 0.0), 256.0) * 0.8 + pow(max(c, 0.0), 8.0) * 0.12);
        }
        fragColor = vec4(display(color), 1.0);
    }
    """

    /// FXAA (Timothy Lottes' console variant): blends along the edge direction where luma
    /// changes, on the display-referred frame. About a millisecond where 4× multisampling costs
    /// llvmpipe most of a second.
    static let fxaaFragment = """
    #version 330 core
    uniform sampler2D uScene;
    uniform vec2 uTexel;
    out vec4 fragColor;
    float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }
    // The centre and its four diagonal neighbours are whole texels: fetched, not filtered
    // (llvmpipe's filtered lookups cost several times a fetch), clamped at the frame's edge
    // as the filtered lookups are.
    vec4 at(ivec2 p) { return texelFetch(uScene, clamp(p, ivec2(0), textureSize(uScene, 0) - 1), 0); }
    void main() {
        vec2 uv = gl_FragCoord.xy * uTexel;
        ivec2 p = ivec2(gl_FragCoord.xy);
        vec4 centre = texelFetch(uScene, p, 0);
        float lNW = luma(at(p + ivec2(-1, -1)).rgb);
        float lNE = luma(at(p + ivec2(1, -1)).rgb);
        float lSW = luma(at(p + ivec2(-1, 1)).rgb);
        float lSE = luma(at(p + ivec2(1, 1)).rgb);
        float lM = luma(centre.rgb);
        float lMin = min(lM, min(min(lNW, lNE), min(lSW, lSE)));
        float lMax = max(lM, max(max(lNW, lNE), max(lSW, lSE)));
        if (lMax - lMin < max(0.0312, lMax * 0.125)) { fragColor = centre; return; }
        vec2 dir = vec2(-((lNW + lNE) - (lSW + lSE)), (lNW + lSW) - (lNE + lSE));
        float reduce = max((lNW + lNE + lSW + lSE) * 0.25 * (1.0 / 8.0), 1.0 / 128.0);
        float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + reduce);
        dir = clamp(dir * scale, vec2(-8.0), vec2(8.0)) * uTexel;
        vec3 a = 0.5 * (texture(uScene, uv + dir * (1.0 / 3.0 - 0.5)).rgb + texture(uScene, uv + dir * (2.0 / 3.0 - 0.5)).rgb);
        vec3 b = a * 0.5 + 0.25 * (texture(uScene, uv - dir * 0.5).rgb + texture(uScene, uv + dir * 0.5).rgb);
        float lB = luma(b);
        fragColor = vec4((lB < lMin || lB > lMax) ? a : b, centre.a);
    }
    """
}
