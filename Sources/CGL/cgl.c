#include "cgl.h"
#include <string.h>

#ifndef EGL_PLATFORM_SURFACELESS_MESA
#define EGL_PLATFORM_SURFACELESS_MESA 0x31DD
#endif

int cgl_create(cgl_context *out, char *renderer, int length) {
    out->display = NULL;
    out->context = NULL;
    // eglGetPlatformDisplay is core EGL 1.5; glvnd's libEGL does not export the ...EXT variant.
    EGLDisplay display = eglGetPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
    if (display == EGL_NO_DISPLAY) return 1;
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) return 2;
    // The display is never terminated: EGL gives every caller in a process the same display
    // for the same platform, and eglTerminate by one renderer would pull it from under
    // another's context (seen as "no OpenGL config" when renderers are made on two threads).
    if (!eglBindAPI(EGL_OPENGL_API)) return 3;
    // The default EGL_SURFACE_TYPE is EGL_WINDOW_BIT, which a surfaceless display has none
    // of; ask for pbuffer configs, else create the context without a config
    // (EGL_KHR_no_config_context): it only ever renders into framebuffer objects.
    const EGLint configAttributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLConfig config = (EGLConfig)0;
    EGLint count = 0;
    if (!eglChooseConfig(display, configAttributes, &config, 1, &count) || count < 1) {
        const char *extensions = eglQueryString(display, EGL_EXTENSIONS);
        if (!extensions || !strstr(extensions, "EGL_KHR_no_config_context")) return 4;
        config = (EGLConfig)0;  /* EGL_NO_CONFIG_KHR */
    }
    const EGLint contextAttributes[] = {
        EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
    if (context == EGL_NO_CONTEXT) return 5;
    if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
        eglDestroyContext(display, context);
        return 6;
    }
    out->display = display;
    out->context = context;
    if (renderer && length > 0) {
        const char *name = (const char *)glGetString(GL_RENDERER);
        strncpy(renderer, name ? name : "unknown", (size_t)length - 1);
        renderer[length - 1] = 0;
    }
    return 0;
}

int cgl_make_current(cgl_context *context) {
    if (!context->display || !context->context) return 1;
    if (eglGetCurrentContext() == context->context) return 0;
    return eglMakeCurrent(context->display, EGL_NO_SURFACE, EGL_NO_SURFACE, context->context) ? 0 : 1;
}

void cgl_destroy(cgl_context *context) {
    if (!context->display) return;
    int current = eglGetCurrentContext() == context->context;
    if (current) eglMakeCurrent(context->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (context->context) eglDestroyContext(context->display, context->context);
    if (current) eglReleaseThread();
    context->display = NULL;
    context->context = NULL;
}
