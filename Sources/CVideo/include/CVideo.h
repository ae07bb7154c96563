#ifndef CVIDEO_H
#define CVIDEO_H

/*
 * CVideo: a small shim over FFmpeg's libavformat, libavcodec, libswscale and libavutil
 * (Debian bookworm: FFmpeg 5.1) that encodes 8-bit RGB(A) frames to H.264 in MP4 or VP9 in
 * WebM/Matroska.
 *
 * Errors are returned as codes with one-line messages (never printed: the shim installs an
 * av_log callback that keeps FFmpeg's last error line for its own messages and drops the
 * rest). Nothing aborts; every allocation is freed on every path by cv_encoder_free.
 *
 * Frames are converted to yuv420p with swscale (BT.709 matrix, limited range, tagged so).
 * yuv420p needs an even width and height: odd sizes are refused with CV_ERR_ARGUMENT, never
 * padded or cropped, so a video is always the size that was asked for.
 *
 * Output is deterministic: the same frames and configuration give the same bytes on the same
 * machine and thread count (the bitexact flags are set on the muxer and the encoder, so no
 * version string, timestamp or random UID varies).
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* MARK: - Result codes */
enum {
    CV_OK = 0,
    CV_ERR_ARGUMENT = 1,    /* caller error: bad size, rate, layout, call order */
    CV_ERR_NO_ENCODER = 2,  /* no usable encoder for the codec in this FFmpeg build */
    CV_ERR_OUTPUT = 3,      /* the file could not be created or written */
    CV_ERR_ENCODE = 4,      /* the encoder or muxer failed */
    CV_ERR_MEMORY = 5       /* allocation failed */
};

/* MARK: - Containers and codecs */
enum {
    CV_CONTAINER_MP4 = 0,   /* H.264 in MP4 (moov first: "faststart", so browsers start at once) */
    CV_CONTAINER_WEBM = 1,  /* VP9 in WebM */
    CV_CONTAINER_MKV = 2    /* H.264 or VP9 in Matroska */
};

enum {
    CV_CODEC_H264 = 0,      /* libx264, then libopenh264, then any other H.264 encoder that opens */
    CV_CODEC_VP9 = 1        /* libvpx-vp9 */
};

/* MARK: - Types */

/** An open encoder writing one file. Opaque; free with cv_encoder_free. */
typedef struct cv_encoder cv_encoder;

/** A one-line error message. */
typedef struct {
    char message[512];
} cv_error;

/** What to encode. */
typedef struct {
    int container;        /* CV_CONTAINER_* */
    int codec;            /* CV_CODEC_* (MP4 takes H.264 only, WebM VP9 only) */
    uint32_t width;       /* even, 2...16384 */
    uint32_t height;      /* even, 2...16384 */
    int fps_num;          /* frame rate as a rational, e.g. 24/1 or 30000/1001 */
    int fps_den;
    int crf;              /* constant rate factor: H.264 0...51, VP9 0...63 (lower is better) */
    int threads;          /* encoder threads, >= 1 (explicit, so output is deterministic) */
    int speed;            /* 0 best/slowest ... 2 fastest: x264 preset medium/faster/veryfast; VP9 good cpu-used 2, realtime cpu-used 5, realtime 8 */
} cv_config;

/* MARK: - Encoding */

/**
 * Creates `path` (truncating it) and opens an encoder for `config`. On success *out is a new
 * handle; on failure *out is NULL, nothing is left allocated, and the caller removes any
 * file that was created.
 */
int cv_encoder_open(const char *path, const cv_config *config, cv_encoder **out, cv_error *err);

/** The FFmpeg name of the encoder in use ("libx264", "libvpx-vp9", ...). */
const char *cv_encoder_name(const cv_encoder *encoder);

/** Frames written so far. */
int64_t cv_encoder_frame_count(const cv_encoder *encoder);

/**
 * Converts one frame of `channels` (3 RGB or 4 RGBA; alpha is ignored) 8-bit samples,
 * top row first, rows `stride` bytes apart, and sends it to the encoder; packets that are
 * ready are written to the file.
 */
int cv_encoder_write(cv_encoder *encoder, const uint8_t *pixels, size_t stride, int channels, cv_error *err);

/** Flushes the encoder, writes the trailer and closes the file. Call once, then free. */
int cv_encoder_finish(cv_encoder *encoder, cv_error *err);

/**
 * Frees everything. When cv_encoder_finish did not succeed the file is closed as it is
 * (incomplete); the caller removes it.
 */
void cv_encoder_free(cv_encoder *encoder);

/** Whether an encoder for `codec` can be opened here; fills `name` (if given) with its name. */
int cv_encoder_available(int codec, char *name, size_t name_size);

#ifdef __cplusplus
}
#endif

#endif
