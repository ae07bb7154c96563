/*
 * JPEG over libjpeg(-turbo), API 6.2. Spec: ITU-T T.81, Adobe TN 5116 (APP14).
 * Every libjpeg call sits below a setjmp in the same function; error_exit
 * records a one-line message and longjmps back here. Source and destination
 * managers work on memory; running out of input is an error, not a warning.
 */
#include "codecs_internal.h"
#include <jpeglib.h>
#include <jerror.h>
#include <setjmp.h>
#include <stdlib.h>

// MARK: - Error manager

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    cc_error *err;
    int code;
} cc_jpeg_error_mgr;

/* Turns libjpeg's fatal error into a classified one-line message and jumps back. */
static void cc_jpeg_on_error(j_common_ptr cinfo) {
    cc_jpeg_error_mgr *mgr = (cc_jpeg_error_mgr *)cinfo->err;
    if (mgr->code == 0) {
        int code = mgr->base.msg_code;
        if (code == JERR_INPUT_EOF) {
            cc_set_error(mgr->err, "truncated JPEG data");
            mgr->code = CC_ERR_TRUNCATED;
        } else if (code == JERR_NO_SOI) {
            cc_set_error(mgr->err, "not a JPEG file (no SOI marker)");
            mgr->code = CC_ERR_CORRUPT;
        } else if (code == JERR_OUT_OF_MEMORY) {
            cc_set_error(mgr->err, "out of memory in JPEG codec");
            mgr->code = CC_ERR_MEMORY;
        } else if (code == JERR_IMAGE_TOO_BIG && cinfo->is_decompressor) {
            j_decompress_ptr d = (j_decompress_ptr)cinfo;
            cc_set_error(mgr->err, "image %u\xc3\x97%u exceeds the %u px limit of JPEG",
                         (unsigned)d->image_width, (unsigned)d->image_height, (unsigned)JPEG_MAX_DIMENSION);
            mgr->code = CC_ERR_LIMIT;
        } else {
            char text[JMSG_LENGTH_MAX];
            (*cinfo->err->format_message)(cinfo, text);
            int unsupported = code == JERR_BAD_PRECISION || code == JERR_NOTIMPL || code == JERR_ARITH_NOTIMPL
                || code == JERR_CONVERSION_NOTIMPL || code == JERR_BAD_J_COLORSPACE;
            cc_set_error(mgr->err, unsupported ? "unsupported JPEG: %s" : "corrupt JPEG data: %s", text);
            mgr->code = unsupported ? CC_ERR_UNSUPPORTED : CC_ERR_CORRUPT;
        }
    }
    longjmp(mgr->jump, 1);
}

/* Warnings and trace messages are dropped: never printed. */
static void cc_jpeg_on_message(j_common_ptr cinfo, int level) { (void)cinfo; (void)level; }
static void cc_jpeg_on_output(j_common_ptr cinfo) { (void)cinfo; }

static void cc_jpeg_errors(cc_jpeg_error_mgr *mgr, cc_error *err) {
    jpeg_std_error(&mgr->base);
    mgr->base.error_exit = cc_jpeg_on_error;
    mgr->base.emit_message = cc_jpeg_on_message;
    mgr->base.output_message = cc_jpeg_on_output;
    mgr->err = err;
    mgr->code = 0;
}

// MARK: - Memory source (end of data is an error)

static void cc_jpeg_src_init(j_decompress_ptr cinfo) { (void)cinfo; }
static void cc_jpeg_src_term(j_decompress_ptr cinfo) { (void)cinfo; }

static boolean cc_jpeg_src_fill(j_decompress_ptr cinfo) {
    ERREXIT(cinfo, JERR_INPUT_EOF);
    return FALSE;
}

static void cc_jpeg_src_skip(j_decompress_ptr cinfo, long count) {
    if (count <= 0) return;
    if ((size_t)count > cinfo->src->bytes_in_buffer) ERREXIT(cinfo, JERR_INPUT_EOF);
    cinfo->src->next_input_byte += count;
    cinfo->src->bytes_in_buffer -= (size_t)count;
}

static void cc_jpeg_source(struct jpeg_source_mgr *src, const uint8_t *data, size_t size) {
    src->next_input_byte = data;
    src->bytes_in_buffer = size;
    src->init_source = cc_jpeg_src_init;
    src->fill_input_buffer = cc_jpeg_src_fill;
    src->skip_input_data = cc_jpeg_src_skip;
    src->resync_to_restart = jpeg_resync_to_restart;
    src->term_source = cc_jpeg_src_term;
}

// MARK: - Memory destination (growable)

typedef struct {
    struct jpeg_destination_mgr base;
    cc_buffer *out;
    JOCTET staging[16384];
} cc_jpeg_dest;

static void cc_jpeg_dest_init(j_compress_ptr cinfo) {
    cc_jpeg_dest *dest = (cc_jpeg_dest *)cinfo->dest;
    dest->base.next_output_byte = dest->staging;
    dest->base.free_in_buffer = sizeof dest->staging;
}

static boolean cc_jpeg_dest_empty(j_compress_ptr cinfo) {
    cc_jpeg_dest *dest = (cc_jpeg_dest *)cinfo->dest;
    if (!cc_buffer_append(dest->out, dest->staging, sizeof dest->staging)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
    dest->base.next_output_byte = dest->staging;
    dest->base.free_in_buffer = sizeof dest->staging;
    return TRUE;
}

static void cc_jpeg_dest_term(j_compress_ptr cinfo) {
    cc_jpeg_dest *dest = (cc_jpeg_dest *)cinfo->dest;
    size_t used = sizeof dest->staging - dest->base.free_in_buffer;
    if (!cc_buffer_append(dest->out, dest->staging, used)) ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 1);
}

// MARK: - EXIF orientation (CIPA DC-008, TIFF 6.0 §2)

static unsigned cc_read16(const uint8_t *p, int little) {
    return little ? (unsigned)(p[0] | p[1] << 8) : (unsigned)(p[0] << 8 | p[1]);
}

static uint32_t cc_read32(const uint8_t *p, int little) {
    return little ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24
                  : (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Orientation tag 0x0112 of IFD0 in an APP1 "Exif" marker; 1 when absent or malformed. */
static int cc_exif_orientation(j_decompress_ptr cinfo) {
    for (jpeg_saved_marker_ptr m = cinfo->marker_list; m != NULL; m = m->next) {
        if (m->marker != JPEG_APP0 + 1 || m->data_length < 14 || memcmp(m->data, "Exif\0\0", 6) != 0) continue;
        const uint8_t *tiff = m->data + 6;
        size_t size = m->data_length - 6;
        int little;
        if (tiff[0] == 'I' && tiff[1] == 'I') little = 1;
        else if (tiff[0] == 'M' && tiff[1] == 'M') little = 0;
        else return 1;
        uint32_t ifd = cc_read32(tiff + 4, little);
        if (ifd > size || size - ifd < 2) return 1;
        unsigned entries = cc_read16(tiff + ifd, little);
        for (unsigned i = 0; i < entries; i++) {
            size_t at = (size_t)ifd + 2 + (size_t)i * 12;
            if (at + 12 > size) return 1;
            if (cc_read16(tiff + at, little) == 0x0112 && cc_read16(tiff + at + 2, little) == 3) {
                unsigned value = cc_read16(tiff + at + 8, little);
                return value >= 1 && value <= 8 ? (int)value : 1;
            }
        }
        return 1;
    }
    return 1;
}

// MARK: - Reading

/* Fills info from the parsed header; returns 0 when the color space is not decodable. */
static int cc_jpeg_describe(j_decompress_ptr cinfo, cc_info *info) {
    memset(info, 0, sizeof *info);
    info->width = cinfo->image_width;
    info->height = cinfo->image_height;
    info->source_bit_depth = cinfo->data_precision;
    info->interlaced = cinfo->progressive_mode ? 1 : 0;
    info->bit_depth = 8;
    info->orientation = cc_exif_orientation(cinfo);
    /* Huffman coding spends at least one bit per 8×8 block of the full-resolution component;
       arithmetic coding has no such floor. */
    if (!cinfo->arith_code) {
        uint64_t blocks = (((uint64_t)cinfo->image_width + 7) / 8) * (((uint64_t)cinfo->image_height + 7) / 8);
        info->min_data_size = blocks / 8;
    }
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE: info->color_type = CC_COLOR_GRAY;  info->channels = 1; return 1;
    case JCS_YCbCr:     info->color_type = CC_COLOR_YCBCR; info->channels = 3; return 1;
    case JCS_RGB:       info->color_type = CC_COLOR_RGB;   info->channels = 3; return 1;
    case JCS_CMYK:      info->color_type = CC_COLOR_CMYK;  info->channels = 3; return 1;
    case JCS_YCCK:      info->color_type = CC_COLOR_YCCK;  info->channels = 3; return 1;
    default:            return 0;
    }
}

/* Adobe APP14 CMYK is stored inverted (Photoshop); plain CMYK is not. */
static void cc_cmyk_to_rgb(const JSAMPLE *cmyk, uint8_t *rgb, JDIMENSION width, int inverted) {
    for (JDIMENSION x = 0; x < width; x++, cmyk += 4, rgb += 3) {
        unsigned c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
        if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
        /* (255-C')(255-K')/255 with C = 255-C', rounded. */
        unsigned r = c * k + 128, g = m * k + 128, b = y * k + 128;
        rgb[0] = (uint8_t)((r + (r >> 8)) >> 8);
        rgb[1] = (uint8_t)((g + (g >> 8)) >> 8);
        rgb[2] = (uint8_t)((b + (b >> 8)) >> 8);
    }
}

/* Header and, unless header_only, pixels: probe and decode share one guarded path. */
static int cc_jpeg_read(const uint8_t *data, size_t size, int header_only, const cc_limits *limits,
                        void *pixels, size_t capacity, cc_info *info, cc_error *err) {
    if (data == NULL || size < 4) { cc_set_error(err, "truncated JPEG data"); return CC_ERR_TRUNCATED; }
    struct jpeg_decompress_struct cinfo;
    cc_jpeg_error_mgr mgr;
    struct jpeg_source_mgr src;
    cc_jpeg_errors(&mgr, err);
    cinfo.err = &mgr.base;
    if (setjmp(mgr.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return mgr.code ? mgr.code : CC_ERR_CORRUPT;
    }
    jpeg_create_decompress(&cinfo);
    cc_jpeg_source(&src, data, size);
    cinfo.src = &src;
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    if (!cc_jpeg_describe(&cinfo, info)) {
        cc_set_error(err, "unsupported JPEG color space %d", (int)cinfo.jpeg_color_space);
        mgr.code = CC_ERR_UNSUPPORTED;
        longjmp(mgr.jump, 1);
    }
    if (header_only) {
        jpeg_destroy_decompress(&cinfo);
        return CC_OK;
    }

    /* Limits and capacity before libjpeg allocates image-sized buffers. */
    int status = cc_check_limits(info->width, info->height, limits, err);
    if (status != CC_OK) { mgr.code = status; longjmp(mgr.jump, 1); }
    size_t row_bytes = (size_t)info->width * (size_t)info->channels;
    if (pixels == NULL || capacity / row_bytes < info->height) {
        cc_set_error(err, "pixel buffer too small for %u\xc3\x97%u image", info->width, info->height);
        mgr.code = CC_ERR_ARGUMENT;
        longjmp(mgr.jump, 1);
    }

    int cmyk = info->color_type == CC_COLOR_CMYK || info->color_type == CC_COLOR_YCCK;
    cinfo.out_color_space = info->channels == 1 ? JCS_GRAYSCALE : (cmyk ? JCS_CMYK : JCS_RGB);
    jpeg_start_decompress(&cinfo);
    int expected = cmyk ? 4 : info->channels;
    if (cinfo.output_width != info->width || cinfo.output_height != info->height || cinfo.output_components != expected) {
        cc_set_error(err, "unexpected JPEG output layout");
        mgr.code = CC_ERR_UNSUPPORTED;
        longjmp(mgr.jump, 1);
    }

    // MARK: Scanlines straight into the caller's buffer (CMYK via one pool row)
    uint8_t *base = (uint8_t *)pixels;
    if (cmyk) {
        JSAMPARRAY scratch = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, cinfo.output_width * 4, 1);
        int inverted = cinfo.saw_Adobe_marker ? 1 : 0;
        while (cinfo.output_scanline < cinfo.output_height) {
            JDIMENSION y = cinfo.output_scanline;
            if (jpeg_read_scanlines(&cinfo, scratch, 1) != 1) break;
            cc_cmyk_to_rgb(scratch[0], base + (size_t)y * row_bytes, cinfo.output_width, inverted);
        }
    } else {
        JSAMPROW rows[16];
        while (cinfo.output_scanline < cinfo.output_height) {
            JDIMENSION y = cinfo.output_scanline;
            JDIMENSION count = cinfo.output_height - y;
            if (count > 16) count = 16;
            for (JDIMENSION i = 0; i < count; i++) rows[i] = base + (size_t)(y + i) * row_bytes;
            if (jpeg_read_scanlines(&cinfo, rows, count) == 0) break;
        }
    }
    if (cinfo.output_scanline < cinfo.output_height) {
        cc_set_error(err, "truncated JPEG data");
        mgr.code = CC_ERR_TRUNCATED;
        longjmp(mgr.jump, 1);
    }
    /* No jpeg_finish_decompress: trailing bytes after the last scanline are not needed. */
    jpeg_destroy_decompress(&cinfo);
    return CC_OK;
}

int cc_jpeg_probe(const uint8_t *data, size_t size, cc_info *info, cc_error *err) {
    return cc_jpeg_read(data, size, 1, NULL, NULL, 0, info, err);
}

int cc_jpeg_decode(const uint8_t *data, size_t size, const cc_limits *limits,
                   void *pixels, size_t capacity, cc_info *info, cc_error *err) {
    return cc_jpeg_read(data, size, 0, limits, pixels, capacity, info, err);
}

// MARK: - Writing

int cc_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, int channels,
                   int quality, int subsample420, cc_buffer *out, cc_error *err) {
    if (pixels == NULL || out == NULL || width == 0 || height == 0 || (channels != 1 && channels != 3)) {
        cc_set_error(err, "invalid JPEG encode request (%u\xc3\x97%u, %d channels)", width, height, channels);
        return CC_ERR_ARGUMENT;
    }
    if (width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION) {
        cc_set_error(err, "image %u\xc3\x97%u exceeds the %u px limit of JPEG", width, height, (unsigned)JPEG_MAX_DIMENSION);
        return CC_ERR_LIMIT;
    }
    if (quality < 1) quality = 1;
    if (quality > 100) quality = 100;
    out->data = NULL; out->size = 0; out->capacity = 0;

    struct jpeg_compress_struct cinfo;
    cc_jpeg_error_mgr mgr;
    cc_jpeg_dest *dest = (cc_jpeg_dest *)malloc(sizeof(cc_jpeg_dest));
    if (dest == NULL) { cc_set_error(err, "out of memory in JPEG codec"); return CC_ERR_MEMORY; }
    dest->out = out;
    cc_jpeg_errors(&mgr, err);
    cinfo.err = &mgr.base;
    if (setjmp(mgr.jump)) {
        jpeg_destroy_compress(&cinfo);
        free(dest);
        cc_buffer_free(out);
        return mgr.code ? mgr.code : CC_ERR_CORRUPT;
    }
    jpeg_create_compress(&cinfo);
    dest->base.init_destination = cc_jpeg_dest_init;
    dest->base.empty_output_buffer = cc_jpeg_dest_empty;
    dest->base.term_destination = cc_jpeg_dest_term;
    cinfo.dest = &dest->base;

    cinfo.image_width = width;
    cinfo.image_height = height;
    cinfo.input_components = channels;
    cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;  /* smaller files, still deterministic */
    if (channels == 3 && !subsample420) {
        cinfo.comp_info[0].h_samp_factor = 1;
        cinfo.comp_info[0].v_samp_factor = 1;
    }
    jpeg_start_compress(&cinfo, TRUE);

    size_t row_bytes = (size_t)width * (size_t)channels;
    JSAMPROW rows[16];
    while (cinfo.next_scanline < cinfo.image_height) {
        JDIMENSION y = cinfo.next_scanline;
        JDIMENSION count = cinfo.image_height - y;
        if (count > 16) count = 16;
        for (JDIMENSION i = 0; i < count; i++) rows[i] = (JSAMPROW)(uintptr_t)(pixels + (size_t)(y + i) * row_bytes);
        (void)jpeg_write_scanlines(&cinfo, rows, count);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    free(dest);
    return CC_OK;
}
