#ifndef OYSTER_CGL_H
#define OYSTER_CGL_H

// OpenGL 3.3 core on EGL's surfaceless platform: no window system. With glvnd, libOpenGL
// exports every core entry point, so prototypes are declared and linked directly.
#define GL_GLEXT_PROTOTYPES 1
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>

/// A headless context, current on the thread that made it.
typedef struct cgl_context {
    void *display;
    void *context;
} cgl_context;

/// Creates a surfaceless OpenGL 3.3 core context and makes it current on this thread.
/// Returns 0, or the failed step (1 display, 2 initialize, 3 bind API, 4 config, 5 context,
/// 6 make current); `renderer` receives GL_RENDERER (at most `length` bytes with the NUL).
int cgl_create(cgl_context *out, char *renderer, int length);

/// Makes the context current on this thread (nothing to do when it is): two renderers made on
/// one thread each draw into their own context. Returns 0, or 1 when EGL refuses.
int cgl_make_current(cgl_context *context);

/// Releases the context (the display stays initialized: other renderers in the process share it).
/// Another context current on this thread stays current.
void cgl_destroy(cgl_context *context);

#endif
