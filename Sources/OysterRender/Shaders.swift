// The first shading path: base colour (factor × vertex colour × texture), alpha mask and blend,
// a sun with hemisphere ambient from the sky, emissive, sRGB output. PBR, shadows, point
// lights, fog and tone mapping come in later slices of issue 13.

enum Shaders {
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
    void main() {
        vNormal = uNormalMatrix * aNormal;
        vUV = aUV;
        vColor = aColor;
        gl_Position = uViewProjection * (uModel * vec4(aPosition, 1.0));
    }
    """

    static let fragment = """
    #version 330 core
    in vec3 vNormal;
    in vec2 vUV;
    in vec4 vColor;
    uniform vec4 uBaseColor;
    uniform sampler2D uBaseTexture;
    uniform bool uHasTexture;
    uniform float uAlphaCutoff;   // < 0: no mask
    uniform vec3 uEmissive;
    uniform vec3 uSunDirection;   // towards the sun
    uniform vec3 uSunColor;
    uniform vec3 uSkyAmbient;
    uniform vec3 uGroundAmbient;
    out vec4 fragColor;
    void main() {
        vec4 base = uBaseColor * vColor;
        if (uHasTexture) base *= texture(uBaseTexture, vUV);
        if (uAlphaCutoff >= 0.0 && base.a < uAlphaCutoff) discard;
        vec3 n = length(vNormal) > 0.0 ? normalize(vNormal) : vec3(0.0, 1.0, 0.0);
        if (!gl_FrontFacing) n = -n;
        float sun = max(dot(n, uSunDirection), 0.0);
        vec3 ambient = mix(uGroundAmbient, uSkyAmbient, 0.5 + 0.5 * n.y);
        vec3 color = base.rgb * (uSunColor * sun + ambient) + uEmissive;
        color = color / (1.0 + 0.15 * color);
        fragColor = vec4(pow(clamp(color, 0.0, 1.0), vec3(1.0 / 2.2)), base.a);
    }
    """
}
