// The first shading path: base colour (factor × vertex colour × texture), alpha mask and blend,
// a sun with hemisphere ambient from the sky, up to `maxLocalLights` point and spot lights
// (KHR_lights_punctual falloff and cones), emissive, sRGB output. PBR, shadows, fog and tone
// mapping come in later slices of issue 13.

enum Shaders {
    /// Point and spot lights shaded per frame (the nearest to the camera).
    static let maxLocalLights = 16

    static let vertex = """
    #version 330 core
    layout(location = 0) in vec3 aPosition;
    layout(location = 1) in vec3 aNormal;
    layout(location = 2) in vec2 aUV;
    layout(location = 3) in vec4 aColor;
    uniform mat4 uModel;
    uniform mat4 uViewProjection;
    uniform mat3 uNormalMatrix;
    out vec3 vNormal;
    out vec2 vUV;
    out vec4 vColor;
    out vec3 vWorld;
    void main() {
        vNormal = uNormalMatrix * aNormal;
        vUV = aUV;
        vColor = aColor;
        vec4 world = uModel * vec4(aPosition, 1.0);
        vWorld = world.xyz;
        gl_Position = uViewProjection * world;
    }
    """

    static let fragment = """
    #version 330 core
    in vec3 vNormal;
    in vec2 vUV;
    in vec4 vColor;
    in vec3 vWorld;
    uniform vec4 uBaseColor;
    uniform sampler2D uBaseTexture;
    uniform bool uHasTexture;
    uniform float uAlphaCutoff;   // < 0: no mask
    uniform vec3 uEmissive;
    uniform vec3 uSunDirection;   // towards the sun
    uniform vec3 uSunColor;
    uniform vec3 uSkyAmbient;
    uniform vec3 uGroundAmbient;
    // Point and spot lights: colour × intensity (scaled like the sun), range (0: none),
    // spot direction (towards where it shines) and cone cosines (outer > 1: a point light).
    uniform int uLocalCount;
    uniform vec3 uLocalPosition[16];
    uniform vec3 uLocalColor[16];
    uniform float uLocalRange[16];
    uniform vec3 uLocalDirection[16];
    uniform vec2 uLocalCone[16];
    out vec4 fragColor;
    void main() {
        vec4 base = uBaseColor * vColor;
        if (uHasTexture) base *= texture(uBaseTexture, vUV);
        if (uAlphaCutoff >= 0.0 && base.a < uAlphaCutoff) discard;
        vec3 n = length(vNormal) > 0.0 ? normalize(vNormal) : vec3(0.0, 1.0, 0.0);
        if (!gl_FrontFacing) n = -n;
        float sun = max(dot(n, uSunDirection), 0.0);
        vec3 ambient = mix(uGroundAmbient, uSkyAmbient, 0.5 + 0.5 * n.y);
        vec3 light = uSunColor * sun + ambient;
        for (int i = 0; i < uLocalCount; i++) {
            vec3 toLight = uLocalPosition[i] - vWorld;
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
                falloff *= clamp((cd - uLocalCone[i].y) / max(uLocalCone[i].x - uLocalCone[i].y, 1e-4), 0.0, 1.0);
            }
            light += uLocalColor[i] * max(dot(n, l), 0.0) * falloff;
        }
        vec3 color = base.rgb * light + uEmissive;
        color = color / (1.0 + 0.15 * color);
        fragColor = vec4(pow(clamp(color, 0.0, 1.0), vec3(1.0 / 2.2)), base.a);
    }
    """
}
