/*
 * PNG over libpng 1.6. Spec: https://www.w3.org/TR/png-3/
 * Every libpng call sits below a setjmp in the same function; the error
 * callback records a one-line message and longjmps back here.
 */
#include "codecs_internal.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>

// MARK: - Context

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
    cc_buffer *out;
    cc_error *err;
    int code;          /* CC_ERR_* decided before png_error, or 0 */
    png_bytepp rows;   /* freed on every path */
    char warning[96];  /* last libpng warning, to explain "Invalid IHDR data" */
} cc_png_ctx;

static int cc_is_little_endian(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

// MARK: - Callbacks

/* Records libpng's message as a one-line error, mapping the common cases. */
static void cc_png_on_error(png_structp png, png_const_charp message) {
    cc_png_ctx *ctx = (cc_png_ctx *)png_get_error_ptr(png);
    if (ctx->code != 0) {
        /* Message already chosen by our own callbacks. */
    } else if (message != NULL && strstr(message, "CRC error") != NULL) {
        const char *colon = strchr(message, ':');
        int length = colon ? (int)(colon - message) : 4;
        if (length > 4) length = 4;
        cc_set_error(ctx->err, "bad CRC in %.*s chunk", length, message);
        ctx->code = CC_ERR_CORRUPT;
    } else if (message != NULL && strstr(message, "Not a PNG file") != NULL) {
        cc_set_error(ctx->err, "not a PNG file (bad signature)");
        ctx->code = CC_ERR_CORRUPT;
    } else if (message != NULL && strstr(message, "out of memory") != NULL) {
        cc_set_error(ctx->err, "out of memory while decoding PNG");
        ctx->code = CC_ERR_MEMORY;
    } else if (message != NULL && strstr(message, "IHDR") != NULL && ctx->warning[0] != '\0') {
        cc_set_error(ctx->err, "corrupt PNG data: %s", ctx->warning);
        ctx->code = CC_ERR_CORRUPT;
    } else {
        cc_set_error(ctx->err, "corrupt PNG data: %s", message ? message : "unknown libpng error");
        ctx->code = CC_ERR_CORRUPT;
    }
    png_longjmp(png, 1);
}

/* Warnings are not errors and are never printed; the last one is kept to explain a following error. */
static void cc_png_on_warning(png_structp png, png_const_charp message) {
    cc_png_ctx *ctx = (cc_png_ctx *)png_get_error_ptr(png);
    if (ctx != NULL && message != NULL) snprintf(ctx->warning, sizeof ctx->warning, "%s", message);
}

static void cc_png_read(png_structp png, png_bytep dest, size_t count) {
    cc_png_ctx *ctx = (cc_png_ctx *)png_get_io_ptr(png);
    if (count > ctx->size - ctx->offset) {
        ctx->code = CC_ERR_TRUNCATED;
        cc_set_error(ctx->err, "truncated PNG data");
        png_error(png, "truncated PNG data");
    }
    memcpy(dest, ctx->data + ctx->offset, count);
    ctx->offset += count;
}

static void cc_png_write(png_structp png, png_bytep src, size_t count) {
    cc_png_ctx *ctx = (cc_png_ctx *)png_get_io_ptr(png);
    if (!cc_buffer_append(ctx->out, src, count)) {
        ctx->code = CC_ERR_MEMORY;
        cc_set_error(ctx->err, "out of memory while encoding PNG");
        png_error(png, "out of memory");
    }
}

static void cc_png_flush(png_structp png) { (void)png; }

// MARK: - Reading

/* Creates the read struct with our callbacks and safety settings. */
static png_structp cc_png_create_reader(cc_png_ctx *ctx) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, ctx, cc_png_on_error, cc_png_on_warning);
    if (png == NULL) return NULL;
    png_set_read_fn(png, ctx, cc_png_read);
    return png;
}

/* Configures limits and chunk handling; must run below the caller's setjmp. */
static void cc_png_configure(png_structp png) {
    /* Our own limits are checked after the header; libpng's default 1e6 px cap would mask them. */
    png_set_user_limits(png, 0x7fffffffU, 0x7fffffffU);
    png_set_chunk_malloc_max(png, 8u << 20);
    /* Text and ICC chunks are not used; skipping them saves time and bounds memory. */
    static const png_byte ignored[] = { 't','E','X','t','\0', 'z','T','X','t','\0', 'i','T','X','t','\0', 'i','C','C','P','\0' };
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, ignored, 4);
#ifdef PNG_MAXIMUM_INFLATE_WINDOW
    png_set_option(png, PNG_MAXIMUM_INFLATE_WINDOW, PNG_OPTION_ON);
#endif
}

/* Fills info from IHDR/tRNS: what the file holds and what decoding yields. */
static void cc_png_describe(png_structp png, png_infop pinfo, int keep16, cc_info *info) {
    png_uint_32 width = 0, height = 0;
    int depth = 0, color = 0, interlace = 0;
    png_get_IHDR(png, pinfo, &width, &height, &depth, &color, &interlace, NULL, NULL);
    int trns = png_get_valid(png, pinfo, PNG_INFO_tRNS) != 0;
    memset(info, 0, sizeof *info);
    info->width = width;
    info->height = height;
    info->source_bit_depth = depth;
    info->interlaced = interlace != PNG_INTERLACE_NONE;
    info->has_transparency = trns;
    switch (color) {
    case PNG_COLOR_TYPE_GRAY:       info->color_type = CC_COLOR_GRAY;       info->channels = trns ? 2 : 1; break;
    case PNG_COLOR_TYPE_GRAY_ALPHA: info->color_type = CC_COLOR_GRAY_ALPHA; info->channels = 2; break;
    case PNG_COLOR_TYPE_RGB:        info->color_type = CC_COLOR_RGB;        info->channels = trns ? 4 : 3; break;
    case PNG_COLOR_TYPE_RGBA:       info->color_type = CC_COLOR_RGBA;       info->channels = 4; break;
    default:                        info->color_type = CC_COLOR_PALETTE;    info->channels = trns ? 4 : 3; break;
    }
    info->bit_depth = (depth == 16 && keep16) ? 16 : 8;
    /* Filtered scanlines as stored (PNG §7.3), and deflate's 1032:1 best case (RFC 1951). */
    static const int source_channels[7] = { 1, 0, 3, 1, 2, 0, 4 };
    int stored = color >= 0 && color < 7 ? source_channels[color] : 1;
    uint64_t row = ((uint64_t)width * (uint64_t)(stored ? stored : 1) * (uint64_t)depth + 7) / 8 + 1;
    info->min_data_size = row * (uint64_t)height / 1100;
    info->orientation = 1;
}

/* Header and, unless header_only, pixels: probe and decode share one guarded path. */
static int cc_png_load(const uint8_t *data, size_t size, int keep16, int header_only, const cc_limits *limits,
                       void *pixels, size_t capacity, cc_info *info, cc_error *err) {
    cc_png_ctx ctx = { data, size, 0, NULL, err, 0, NULL, "" };
    if (data == NULL || size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        cc_set_error(err, size < 8 ? "truncated PNG data" : "not a PNG file (bad signature)");
        return size < 8 ? CC_ERR_TRUNCATED : CC_ERR_CORRUPT;
    }
    png_structp png = cc_png_create_reader(&ctx);
    if (png == NULL) { cc_set_error(err, "out of memory while decoding PNG"); return CC_ERR_MEMORY; }
    png_infop pinfo = png_create_info_struct(png);
    if (pinfo == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        cc_set_error(err, "out of memory while decoding PNG");
        return CC_ERR_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        free(ctx.rows);
        png_destroy_read_struct(&png, &pinfo, NULL);
        return ctx.code ? ctx.code : CC_ERR_CORRUPT;
    }
    cc_png_configure(png);
    png_read_info(png, pinfo);
    cc_png_describe(png, pinfo, keep16, info);
    if (header_only) {
        png_destroy_read_struct(&png, &pinfo, NULL);
        return CC_OK;
    }

    /* Limits and capacity before any pixel memory is used. */
    int status = cc_check_limits(info->width, info->height, limits, err);
    if (status != CC_OK) { ctx.code = status; png_longjmp(png, 1); }
    size_t sample_bytes = info->bit_depth == 16 ? 2 : 1;
    size_t row_bytes = (size_t)info->width * (size_t)info->channels * sample_bytes;
    if (pixels == NULL || capacity / row_bytes < info->height) {
        cc_set_error(err, "pixel buffer too small for %u\xc3\x97%u image", info->width, info->height);
        ctx.code = CC_ERR_ARGUMENT;
        png_longjmp(png, 1);
    }

    // MARK: Transforms to 8/16-bit gray, gray+alpha, RGB or RGBA
    int color = png_get_color_type(png, pinfo);
    int depth = png_get_bit_depth(png, pinfo);
    if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (info->has_transparency) png_set_tRNS_to_alpha(png);
    if (depth == 16) {
        if (!keep16) png_set_scale_16(png);
        else if (cc_is_little_endian()) png_set_swap(png);
    }
    if (info->interlaced) (void)png_set_interlace_handling(png);
    png_read_update_info(png, pinfo);
    if ((int)png_get_channels(png, pinfo) != info->channels || png_get_rowbytes(png, pinfo) != row_bytes) {
        cc_set_error(err, "unexpected PNG layout after transforms");
        ctx.code = CC_ERR_UNSUPPORTED;
        png_longjmp(png, 1);
    }

    // MARK: Rows straight into the caller's buffer
    ctx.rows = (png_bytepp)malloc(sizeof(png_bytep) * info->height);
    if (ctx.rows == NULL) {
        cc_set_error(err, "out of memory while decoding PNG");
        ctx.code = CC_ERR_MEMORY;
        png_longjmp(png, 1);
    }
    for (uint32_t y = 0; y < info->height; y++) ctx.rows[y] = (png_bytep)(uintptr_t)pixels + (size_t)y * row_bytes;
    png_read_image(png, ctx.rows);
    png_read_end(png, NULL);

    free(ctx.rows);
    ctx.rows = NULL;
    png_destroy_read_struct(&png, &pinfo, NULL);
    return CC_OK;
}

int cc_png_probe(const uint8_t *data, size_t size, int keep16, cc_info *info, cc_error *err) {
    return cc_png_load(data, size, keep16, 1, NULL, NULL, 0, info, err);
}

int cc_png_decode(const uint8_t *data, size_t size, int keep16, const cc_limits *limits,
                  void *pixels, size_t capacity, cc_info *info, cc_error *err) {
    return cc_png_load(data, size, keep16, 0, limits, pixels, capacity, info, err);
}

// MARK: - Writing

int cc_png_encode(const void *pixels, uint32_t width, uint32_t height, int channels,
                  int bit_depth, int compression, cc_buffer *out, cc_error *err) {
    if (pixels == NULL || out == NULL || width == 0 || height == 0 || width > 0x7fffffffU || height > 0x7fffffffU
        || channels < 1 || channels > 4 || (bit_depth != 8 && bit_depth != 16)) {
        cc_set_error(err, "invalid PNG encode request (%u\xc3\x97%u, %d channels, %d-bit)", width, height, channels, bit_depth);
        return CC_ERR_ARGUMENT;
    }
    static const int color_types[4] = { PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGBA };
    if (compression < 0) compression = 0;
    if (compression > 9) compression = 9;
    out->data = NULL; out->size = 0; out->capacity = 0;
    cc_png_ctx ctx = { NULL, 0, 0, out, err, 0, NULL, "" };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &ctx, cc_png_on_error, cc_png_on_warning);
    if (png == NULL) { cc_set_error(err, "out of memory while encoding PNG"); return CC_ERR_MEMORY; }
    png_infop pinfo = png_create_info_struct(png);
    if (pinfo == NULL) {
        png_destroy_write_struct(&png, NULL);
        cc_set_error(err, "out of memory while encoding PNG");
        return CC_ERR_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        free(ctx.rows);
        png_destroy_write_struct(&png, &pinfo);
        cc_buffer_free(out);
        return ctx.code ? ctx.code : CC_ERR_CORRUPT;
    }
    png_set_write_fn(png, &ctx, cc_png_write, cc_png_flush);
    png_set_compression_level(png, compression);
    /* Level 0-1 favour speed: a single cheap filter instead of adaptive filtering. */
    png_set_filter(png, PNG_FILTER_TYPE_BASE, compression <= 1 ? PNG_FILTER_SUB : PNG_ALL_FILTERS);
    png_set_IHDR(png, pinfo, width, height, bit_depth, color_types[channels - 1],
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_write_info(png, pinfo);
    if (bit_depth == 16 && cc_is_little_endian()) png_set_swap(png);

    size_t row_bytes = (size_t)width * (size_t)channels * (size_t)(bit_depth / 8);
    ctx.rows = (png_bytepp)malloc(sizeof(png_bytep) * height);
    if (ctx.rows == NULL) {
        cc_set_error(err, "out of memory while encoding PNG");
        ctx.code = CC_ERR_MEMORY;
        png_longjmp(png, 1);
    }
    for (uint32_t y = 0; y < height; y++) ctx.rows[y] = (png_bytep)(uintptr_t)pixels + (size_t)y * row_bytes;
    png_write_image(png, ctx.rows);
    png_write_end(png, NULL);

    free(ctx.rows);
    ctx.rows = NULL;
    png_destroy_write_struct(&png, &pinfo);
    return CC_OK;
}
