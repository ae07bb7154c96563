#ifndef CCODECS_H
#define CCODECS_H

/*
 * CCodecs: a setjmp-safe shim over libpng and libjpeg(-turbo).
 *
 * Both libraries report errors by longjmp. Every call into them happens in C
 * below a setjmp taken in the same C function, so a longjmp never crosses a
 * Swift frame. Errors are recorded as one-line messages (never printed) and
 * every allocation is freed on every path.
 *
 * Decoding is two-phase: probe (header only, no pixel memory) tells the caller
 * the output layout; the caller allocates `height * row_bytes` and decodes
 * into it. Decoding re-checks the header against the caller's limits and
 * buffer capacity before touching pixel memory.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* MARK: - Result codes */
enum {
    CC_OK = 0,
    CC_ERR_CORRUPT = 1,      /* malformed data (bad CRC, bad marker, zlib error) */
    CC_ERR_TRUNCATED = 2,    /* data ended early */
    CC_ERR_LIMIT = 3,        /* dimensions or pixel count over the caller's limits */
    CC_ERR_UNSUPPORTED = 4,  /* valid but unsupported (e.g. 12-bit JPEG) */
    CC_ERR_ARGUMENT = 5,     /* caller error: bad layout, too small buffer */
    CC_ERR_MEMORY = 6        /* allocation failed */
};

/* MARK: - Source color models */
enum {
    CC_COLOR_GRAY = 0,
    CC_COLOR_GRAY_ALPHA = 1,
    CC_COLOR_RGB = 2,
    CC_COLOR_RGBA = 3,
    CC_COLOR_PALETTE = 4,
    CC_COLOR_YCBCR = 5,
    CC_COLOR_CMYK = 6,
    CC_COLOR_YCCK = 7
};

/* MARK: - Types */

/** What a header says, and the layout decoding will produce. */
typedef struct {
    uint32_t width;
    uint32_t height;
    int source_bit_depth;   /* bits per sample in the file (PNG 1..16, JPEG 8) */
    int color_type;         /* CC_COLOR_* as stored in the file */
    int interlaced;         /* PNG Adam7 or progressive JPEG */
    int has_transparency;   /* PNG tRNS chunk present */
    int channels;           /* decoded channels: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA */
    int bit_depth;          /* decoded bits per sample: 8 or 16 */
    uint64_t min_data_size; /* fewest bytes that can hold this image (0: no bound) */
    int orientation;        /* EXIF orientation 1-8 (JPEG APP1), 1 when absent */
} cc_info;

/** Caller limits checked before pixel memory is touched. */
typedef struct {
    uint32_t max_dimension;
    uint64_t max_pixels;
} cc_limits;

/** A one-line error message. */
typedef struct {
    char message[256];
} cc_error;

/** A growable output buffer owned by C; release with cc_buffer_free. */
typedef struct {
    uint8_t *data;
    size_t size;
    size_t capacity;
} cc_buffer;

/* MARK: - PNG */

/** Reads the PNG header; keep16 selects 16-bit output for 16-bit files. */
int cc_png_probe(const uint8_t *data, size_t size, int keep16, cc_info *info, cc_error *err);

/** Decodes into `pixels` (capacity bytes); 16-bit samples come out in native byte order. */
int cc_png_decode(const uint8_t *data, size_t size, int keep16, const cc_limits *limits,
                  void *pixels, size_t capacity, cc_info *info, cc_error *err);

/** Encodes 8/16-bit (native-order) samples with 1-4 channels; compression 0-9. */
int cc_png_encode(const void *pixels, uint32_t width, uint32_t height, int channels,
                  int bit_depth, int compression, cc_buffer *out, cc_error *err);

/* MARK: - JPEG */

/** Reads the JPEG header (through the first SOS marker). */
int cc_jpeg_probe(const uint8_t *data, size_t size, cc_info *info, cc_error *err);

/** Decodes to 8-bit gray or RGB (CMYK/YCCK converted to RGB). */
int cc_jpeg_decode(const uint8_t *data, size_t size, const cc_limits *limits,
                   void *pixels, size_t capacity, cc_info *info, cc_error *err);

/** Encodes 8-bit gray (1) or RGB (3); quality 1-100; subsample420 selects 4:2:0 over 4:4:4. */
int cc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int channels,
                   int quality, int subsample420, cc_buffer *out, cc_error *err);

/* MARK: - DEFLATE */

/**
 * Compresses `size` bytes as raw DEFLATE (RFC 1951: no zlib header or checksum, what a zip
 * entry of method 8 holds) at `level` 0-9 into `out`. CC_OK, else CC_ERR_MEMORY or
 * CC_ERR_ARGUMENT with `err` set.
 */
int cc_deflate_raw(const uint8_t *data, size_t size, int level, cc_buffer *out, cc_error *err);

/* MARK: - Buffers */

/** Frees a buffer filled by an encoder. */
void cc_buffer_free(cc_buffer *buffer);

#ifdef __cplusplus
}
#endif

#endif
