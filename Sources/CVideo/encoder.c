/*
 * Encoding over FFmpeg 5.1 (libavformat 59, libavcodec 59, libswscale 6, libavutil 57).
 * The send/receive API: each frame goes in with avcodec_send_frame, every packet that is
 * ready comes out with avcodec_receive_packet and is muxed at once; finish sends the NULL
 * frame that drains the encoder's delay (B-frames, lookahead, VP9's alt-ref lag).
 */
#include "CVideo.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// MARK: - Handle

struct cv_encoder {
    AVFormatContext *format;
    AVCodecContext *codec;
    AVStream *stream;
    struct SwsContext *scaler;
    int scaler_channels;     /* 3 or 4: the layout `scaler` was made for */
    AVFrame *frame;          /* yuv420p, reused for every frame */
    AVPacket *packet;
    int64_t frames;          /* frames sent, and the pts of the next one */
    int finished;
    int failed;              /* an error happened: nothing more is accepted */
    char name[64];
};

// MARK: - Messages

/* FFmpeg's last error line on this thread, to explain a failing call (FFmpeg logs the
 * reason, e.g. "width not divisible by 2", and returns only a generic code). */
static _Thread_local char cv_last_log[256];

static void cv_log_callback(void *context, int level, const char *format, va_list args) {
    (void)context;
    if (level > AV_LOG_ERROR || format == NULL) return;
    va_list copy;
    va_copy(copy, args);
    vsnprintf(cv_last_log, sizeof cv_last_log, format, copy);
    va_end(copy);
    size_t length = strlen(cv_last_log);
    while (length > 0 && (cv_last_log[length - 1] == '\n' || cv_last_log[length - 1] == ' ')) cv_last_log[--length] = '\0';
}

static pthread_once_t cv_once = PTHREAD_ONCE_INIT;

/* Nothing in this process prints through FFmpeg's default logger from now on. */
static void cv_install_logger(void) { av_log_set_callback(cv_log_callback); }

static void cv_set_error(cv_error *err, const char *format, ...) {
    if (err == NULL) return;
    va_list args;
    va_start(args, format);
    vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
    for (char *p = err->message; *p; p++) {
        if (*p == '\n' || *p == '\r') *p = ' ';
    }
}

/* "what: FFmpeg's reason (last log line)" for an AVERROR code. */
static void cv_set_av_error(cv_error *err, int code, const char *what) {
    char reason[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, reason, sizeof reason);
    if (cv_last_log[0] != '\0' && strstr(reason, cv_last_log) == NULL) {
        cv_set_error(err, "%s: %s (%s)", what, reason, cv_last_log);
    } else {
        cv_set_error(err, "%s: %s", what, reason);
    }
}

// MARK: - Encoder choice

static int cv_supports_yuv420p(const AVCodec *codec) {
    if (codec->pix_fmts == NULL) return 1;
    for (const enum AVPixelFormat *p = codec->pix_fmts; *p != AV_PIX_FMT_NONE; p++) {
        if (*p == AV_PIX_FMT_YUV420P) return 1;
    }
    return 0;
}

/* Sets a private option, ignoring encoders that do not have it. */
static void cv_option(AVCodecContext *context, const char *key, const char *value) {
    av_opt_set(context->priv_data, key, value, 0);
}

/* A bit rate for encoders without a constant-quality mode, from the CRF: about 0.1 bit per
 * pixel at CRF 23, doubling every 6 steps down (as x264's CRF roughly does). */
static int64_t cv_bit_rate(const cv_config *config) {
    double fps = (double)config->fps_num / (double)config->fps_den;
    double bpp = 0.1 * pow(2.0, (23.0 - (double)config->crf) / 6.0);
    double rate = (double)config->width * (double)config->height * fps * bpp;
    if (rate < 100000.0) rate = 100000.0;
    if (rate > 200000000.0) rate = 200000000.0;
    return (int64_t)rate;
}

/* Opens `codec` for `config` into *out; on failure fills err with a reason and frees. */
static int cv_open_codec(const AVCodec *codec, const cv_config *config, int global_header,
                         AVCodecContext **out, cv_error *err) {
    *out = NULL;
    AVCodecContext *context = avcodec_alloc_context3(codec);
    if (context == NULL) {
        cv_set_error(err, "%s: out of memory", codec->name);
        return CV_ERR_MEMORY;
    }
    context->width = (int)config->width;
    context->height = (int)config->height;
    context->pix_fmt = AV_PIX_FMT_YUV420P;
    context->time_base = (AVRational){config->fps_den, config->fps_num};
    context->framerate = (AVRational){config->fps_num, config->fps_den};
    context->sample_aspect_ratio = (AVRational){1, 1};
    /* A keyframe every two seconds or so: seeking in a player stays quick. */
    int gop = (int)((2.0 * config->fps_num) / config->fps_den + 0.5);
    context->gop_size = gop < 1 ? 1 : gop;
    context->thread_count = config->threads;
    context->flags |= AV_CODEC_FLAG_BITEXACT;
    if (global_header) context->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    /* swscale converts with the BT.709 matrix into limited range; say so in the stream. */
    context->color_range = AVCOL_RANGE_MPEG;
    context->colorspace = AVCOL_SPC_BT709;
    context->color_primaries = AVCOL_PRI_BT709;
    context->color_trc = AVCOL_TRC_BT709;

    char number[32];
    int speed = config->speed < 0 ? 0 : (config->speed > 2 ? 2 : config->speed);
    if (strcmp(codec->name, "libx264") == 0) {
        static const char *presets[] = {"medium", "faster", "veryfast"};
        cv_option(context, "preset", presets[speed]);
        snprintf(number, sizeof number, "%d", config->crf);
        cv_option(context, "crf", number);
        /* x264 0.164 (Debian bookworm) reads uninitialised memory in the macroblock tree with
         * B-frames: the same frames encoded twice in one process can differ (seen at 160x90,
         * 320x176, 96x64; MALLOC_PERTURB_ shows it with the ffmpeg tool too). Without mbtree
         * every size tried is repeatable, for about 3% more bytes at the same CRF. */
        cv_option(context, "mbtree", "0");
    } else if (strcmp(codec->name, "libvpx-vp9") == 0) {
        /* Constant quality: CRF with no target bit rate. */
        context->bit_rate = 0;
        snprintf(number, sizeof number, "%d", config->crf);
        cv_option(context, "crf", number);
        /* Row-based multithreading and up to four tile columns (libvpx keeps tiles at least
         * 256 px wide), so both cores work even at 640x360. */
        cv_option(context, "row-mt", "1");
        cv_option(context, "tile-columns", "2");
        static const char *deadlines[] = {"good", "realtime", "realtime"};
        static const char *cpu_used[] = {"2", "5", "8"};
        cv_option(context, "deadline", deadlines[speed]);
        cv_option(context, "cpu-used", cpu_used[speed]);
    } else {
        /* libopenh264 and any other H.264 encoder: a bit rate from the CRF. */
        context->bit_rate = cv_bit_rate(config);
        cv_option(context, "allow_skip_frames", "0");
    }

    cv_last_log[0] = '\0';
    int status = avcodec_open2(context, codec, NULL);
    if (status < 0) {
        cv_set_av_error(err, status, codec->name);
        avcodec_free_context(&context);
        return CV_ERR_ENCODE;
    }
    *out = context;
    return CV_OK;
}

/* Appends "; name: reason" to the list of encoders that were tried. */
static void cv_note_failure(char *tried, size_t size, const char *name, const char *reason) {
    size_t used = strlen(tried);
    if (used + 1 >= size) return;
    snprintf(tried + used, size - used, "%s%s: %s", used ? "; " : "", name, reason);
}

/* The first encoder for config->codec that opens: by name in order of preference, then (for
 * H.264) any other encoder of the codec that takes yuv420p. */
static int cv_choose_encoder(const cv_config *config, int global_header, AVCodecContext **out,
                             const AVCodec **chosen, cv_error *err) {
    static const char *h264[] = {"libx264", "libopenh264", NULL};
    static const char *vp9[] = {"libvpx-vp9", NULL};
    const char **names = config->codec == CV_CODEC_H264 ? h264 : vp9;
    char tried[400] = {0};
    cv_error reason;
    for (const char **name = names; *name != NULL; name++) {
        const AVCodec *codec = avcodec_find_encoder_by_name(*name);
        if (codec == NULL) {
            cv_note_failure(tried, sizeof tried, *name, "not in this FFmpeg build");
            continue;
        }
        int status = cv_open_codec(codec, config, global_header, out, &reason);
        if (status == CV_OK) {
            *chosen = codec;
            return CV_OK;
        }
        if (status == CV_ERR_MEMORY) {
            *err = reason;
            return status;
        }
        cv_note_failure(tried, sizeof tried, *name, reason.message);
    }
    if (config->codec == CV_CODEC_H264) {
        void *opaque = NULL;
        const AVCodec *codec;
        while ((codec = av_codec_iterate(&opaque)) != NULL) {
            if (!av_codec_is_encoder(codec) || codec->id != AV_CODEC_ID_H264) continue;
            if (strcmp(codec->name, "libx264") == 0 || strcmp(codec->name, "libopenh264") == 0) continue;
            /* Hardware encoders take their own frame formats; experimental ones are not for output. */
            if (!cv_supports_yuv420p(codec) || (codec->capabilities & AV_CODEC_CAP_EXPERIMENTAL)) continue;
            int status = cv_open_codec(codec, config, global_header, out, &reason);
            if (status == CV_OK) {
                *chosen = codec;
                return CV_OK;
            }
            cv_note_failure(tried, sizeof tried, codec->name, reason.message);
        }
    }
    cv_set_error(err, "no %s encoder could be opened (%s)", config->codec == CV_CODEC_H264 ? "H.264" : "VP9",
                 tried[0] ? tried : "none in this FFmpeg build");
    return CV_ERR_NO_ENCODER;
}

// MARK: - Checks

static int cv_check_config(const cv_config *config, cv_error *err) {
    if (config == NULL) {
        cv_set_error(err, "no configuration");
        return CV_ERR_ARGUMENT;
    }
    if (config->width < 2 || config->height < 2 || config->width > 16384 || config->height > 16384) {
        cv_set_error(err, "size %ux%u is outside 2...16384 on a side", config->width, config->height);
        return CV_ERR_ARGUMENT;
    }
    if (config->width % 2 != 0 || config->height % 2 != 0) {
        cv_set_error(err, "size %ux%u is odd: yuv420p video needs an even width and height", config->width,
                     config->height);
        return CV_ERR_ARGUMENT;
    }
    if (config->fps_num <= 0 || config->fps_den <= 0 || (int64_t)config->fps_num > 1000 * (int64_t)config->fps_den) {
        cv_set_error(err, "frame rate %d/%d is outside 0...1000", config->fps_num, config->fps_den);
        return CV_ERR_ARGUMENT;
    }
    if (config->threads < 1 || config->threads > 64) {
        cv_set_error(err, "thread count %d is outside 1...64", config->threads);
        return CV_ERR_ARGUMENT;
    }
    int max_crf = config->codec == CV_CODEC_VP9 ? 63 : 51;
    if (config->crf < 0 || config->crf > max_crf) {
        cv_set_error(err, "CRF %d is outside 0...%d", config->crf, max_crf);
        return CV_ERR_ARGUMENT;
    }
    int ok = (config->container == CV_CONTAINER_MP4 && config->codec == CV_CODEC_H264) ||
             (config->container == CV_CONTAINER_WEBM && config->codec == CV_CODEC_VP9) ||
             (config->container == CV_CONTAINER_MKV && (config->codec == CV_CODEC_H264 || config->codec == CV_CODEC_VP9));
    if (!ok) {
        cv_set_error(err, "container %d cannot hold codec %d", config->container, config->codec);
        return CV_ERR_ARGUMENT;
    }
    return CV_OK;
}

// MARK: - Open

int cv_encoder_open(const char *path, const cv_config *config, cv_encoder **out, cv_error *err) {
    pthread_once(&cv_once, cv_install_logger);
    cv_last_log[0] = '\0';
    if (out == NULL || path == NULL || path[0] == '\0') {
        cv_set_error(err, "no output path");
        return CV_ERR_ARGUMENT;
    }
    *out = NULL;
    int status = cv_check_config(config, err);
    if (status != CV_OK) return status;

    cv_encoder *encoder = calloc(1, sizeof *encoder);
    if (encoder == NULL) {
        cv_set_error(err, "out of memory");
        return CV_ERR_MEMORY;
    }
    /* "file:" so a ':' in the path is never read as a protocol name. */
    size_t url_size = strlen(path) + 6;
    char *url = malloc(url_size);
    if (url == NULL) {
        free(encoder);
        cv_set_error(err, "out of memory");
        return CV_ERR_MEMORY;
    }
    snprintf(url, url_size, "file:%s", path);

    const char *muxer = config->container == CV_CONTAINER_MP4 ? "mp4" : (config->container == CV_CONTAINER_WEBM ? "webm" : "matroska");
    int code = avformat_alloc_output_context2(&encoder->format, NULL, muxer, url);
    if (code < 0 || encoder->format == NULL) {
        cv_set_av_error(err, code < 0 ? code : AVERROR(ENOMEM), "cannot set up the muxer");
        status = CV_ERR_ENCODE;
        goto fail;
    }
    /* No library version strings, creation times or random UIDs in the file. */
    encoder->format->flags |= AVFMT_FLAG_BITEXACT;

    const AVCodec *codec = NULL;
    int global_header = (encoder->format->oformat->flags & AVFMT_GLOBALHEADER) != 0;
    status = cv_choose_encoder(config, global_header, &encoder->codec, &codec, err);
    if (status != CV_OK) goto fail;
    snprintf(encoder->name, sizeof encoder->name, "%s", codec->name);

    encoder->stream = avformat_new_stream(encoder->format, NULL);
    encoder->frame = av_frame_alloc();
    encoder->packet = av_packet_alloc();
    if (encoder->stream == NULL || encoder->frame == NULL || encoder->packet == NULL) {
        cv_set_error(err, "out of memory");
        status = CV_ERR_MEMORY;
        goto fail;
    }
    encoder->stream->time_base = encoder->codec->time_base;
    encoder->stream->avg_frame_rate = encoder->codec->framerate;
    encoder->stream->r_frame_rate = encoder->codec->framerate;
    code = avcodec_parameters_from_context(encoder->stream->codecpar, encoder->codec);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot copy the encoder's parameters");
        status = CV_ERR_ENCODE;
        goto fail;
    }

    encoder->frame->format = AV_PIX_FMT_YUV420P;
    encoder->frame->width = encoder->codec->width;
    encoder->frame->height = encoder->codec->height;
    code = av_frame_get_buffer(encoder->frame, 0);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot allocate a frame");
        status = CV_ERR_MEMORY;
        goto fail;
    }

    cv_last_log[0] = '\0';
    code = avio_open(&encoder->format->pb, url, AVIO_FLAG_WRITE);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot create the file");
        status = CV_ERR_OUTPUT;
        goto fail;
    }
    AVDictionary *options = NULL;
    /* MP4: the index (moov) goes before the media, so a browser starts playing at once. */
    if (config->container == CV_CONTAINER_MP4) av_dict_set(&options, "movflags", "+faststart", 0);
    cv_last_log[0] = '\0';
    code = avformat_write_header(encoder->format, &options);
    av_dict_free(&options);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot write the header");
        status = code == AVERROR(ENOSPC) || code == AVERROR(EIO) ? CV_ERR_OUTPUT : CV_ERR_ENCODE;
        goto fail;
    }
    free(url);
    *out = encoder;
    return CV_OK;

fail:
    free(url);
    cv_encoder_free(encoder);
    return status;
}

// MARK: - Packets

/* Moves every packet the encoder has ready into the file. */
static int cv_drain(cv_encoder *encoder, cv_error *err) {
    for (;;) {
        int code = avcodec_receive_packet(encoder->codec, encoder->packet);
        if (code == AVERROR(EAGAIN) || code == AVERROR_EOF) return CV_OK;
        if (code < 0) {
            cv_set_av_error(err, code, encoder->name);
            return CV_ERR_ENCODE;
        }
        /* Constant frame rate: every frame lasts one tick of the codec's time base. */
        if (encoder->packet->duration <= 0) encoder->packet->duration = 1;
        av_packet_rescale_ts(encoder->packet, encoder->codec->time_base, encoder->stream->time_base);
        encoder->packet->stream_index = encoder->stream->index;
        code = av_interleaved_write_frame(encoder->format, encoder->packet);
        if (code < 0) {
            cv_set_av_error(err, code, "cannot write to the file");
            return CV_ERR_OUTPUT;
        }
    }
}

// MARK: - Frames

int cv_encoder_write(cv_encoder *encoder, const uint8_t *pixels, size_t stride, int channels, cv_error *err) {
    if (encoder == NULL || pixels == NULL) {
        cv_set_error(err, "no encoder or no pixels");
        return CV_ERR_ARGUMENT;
    }
    if (encoder->finished || encoder->failed) {
        cv_set_error(err, "%s", encoder->finished ? "the video is already finished" : "the encoder failed earlier");
        return CV_ERR_ARGUMENT;
    }
    if (channels != 3 && channels != 4) {
        cv_set_error(err, "frames need 3 (RGB) or 4 (RGBA) channels, not %d", channels);
        return CV_ERR_ARGUMENT;
    }
    int width = encoder->codec->width, height = encoder->codec->height;
    if (stride < (size_t)width * (size_t)channels || stride > INT32_MAX) {
        cv_set_error(err, "row stride %zu is too small for %d pixels of %d channels", stride, width, channels);
        return CV_ERR_ARGUMENT;
    }
    cv_last_log[0] = '\0';
    if (encoder->scaler == NULL || encoder->scaler_channels != channels) {
        sws_freeContext(encoder->scaler);
        encoder->scaler = sws_getContext(width, height, channels == 4 ? AV_PIX_FMT_RGBA : AV_PIX_FMT_RGB24,
                                         width, height, AV_PIX_FMT_YUV420P,
                                         SWS_BILINEAR | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, NULL, NULL, NULL);
        if (encoder->scaler == NULL) {
            encoder->failed = 1;
            cv_set_error(err, "cannot set up the RGB to yuv420p conversion%s%s", cv_last_log[0] ? ": " : "", cv_last_log);
            return CV_ERR_ENCODE;
        }
        /* Full-range RGB in, BT.709 limited-range YUV out (what the stream is tagged as). */
        const int *bt709 = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(encoder->scaler, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
        encoder->scaler_channels = channels;
    }
    /* The encoder may still hold the previous frame's buffer. */
    int code = av_frame_make_writable(encoder->frame);
    if (code < 0) {
        encoder->failed = 1;
        cv_set_av_error(err, code, "cannot reuse the frame");
        return CV_ERR_MEMORY;
    }
    const uint8_t *const source[4] = {pixels, NULL, NULL, NULL};
    const int strides[4] = {(int)stride, 0, 0, 0};
    sws_scale(encoder->scaler, source, strides, 0, height, encoder->frame->data, encoder->frame->linesize);
    encoder->frame->pts = encoder->frames;
    code = avcodec_send_frame(encoder->codec, encoder->frame);
    if (code < 0) {
        encoder->failed = 1;
        cv_set_av_error(err, code, encoder->name);
        return CV_ERR_ENCODE;
    }
    encoder->frames += 1;
    int status = cv_drain(encoder, err);
    if (status != CV_OK) encoder->failed = 1;
    return status;
}

// MARK: - Finish and free

int cv_encoder_finish(cv_encoder *encoder, cv_error *err) {
    if (encoder == NULL || encoder->finished || encoder->failed) {
        cv_set_error(err, "%s", encoder == NULL ? "no encoder" : (encoder->finished ? "the video is already finished" : "the encoder failed earlier"));
        return CV_ERR_ARGUMENT;
    }
    if (encoder->frames == 0) {
        cv_set_error(err, "no frames were written");
        return CV_ERR_ARGUMENT;
    }
    cv_last_log[0] = '\0';
    encoder->failed = 1;  /* until everything below succeeds */
    int code = avcodec_send_frame(encoder->codec, NULL);
    if (code < 0) {
        cv_set_av_error(err, code, encoder->name);
        return CV_ERR_ENCODE;
    }
    int status = cv_drain(encoder, err);
    if (status != CV_OK) return status;
    code = av_write_trailer(encoder->format);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot finish the file");
        return CV_ERR_OUTPUT;
    }
    /* Closing flushes avio's buffer: a full disk shows up here. */
    code = avio_closep(&encoder->format->pb);
    if (code < 0) {
        cv_set_av_error(err, code, "cannot close the file");
        return CV_ERR_OUTPUT;
    }
    encoder->failed = 0;
    encoder->finished = 1;
    return CV_OK;
}

void cv_encoder_free(cv_encoder *encoder) {
    if (encoder == NULL) return;
    if (encoder->format != NULL) {
        if (encoder->format->pb != NULL && !(encoder->format->oformat->flags & AVFMT_NOFILE)) avio_closep(&encoder->format->pb);
        avformat_free_context(encoder->format);
    }
    avcodec_free_context(&encoder->codec);
    sws_freeContext(encoder->scaler);
    av_frame_free(&encoder->frame);
    av_packet_free(&encoder->packet);
    free(encoder);
}

const char *cv_encoder_name(const cv_encoder *encoder) { return encoder ? encoder->name : ""; }

int64_t cv_encoder_frame_count(const cv_encoder *encoder) { return encoder ? encoder->frames : 0; }

// MARK: - Probe

int cv_encoder_available(int codec, char *name, size_t name_size) {
    pthread_once(&cv_once, cv_install_logger);
    cv_config config = {
        .container = CV_CONTAINER_MKV, .codec = codec, .width = 64, .height = 64,
        .fps_num = 24, .fps_den = 1, .crf = 30, .threads = 1, .speed = 2,
    };
    if (codec != CV_CODEC_H264 && codec != CV_CODEC_VP9) return 0;
    AVCodecContext *context = NULL;
    const AVCodec *chosen = NULL;
    cv_error err;
    if (cv_choose_encoder(&config, 1, &context, &chosen, &err) != CV_OK) return 0;
    if (name != NULL && name_size > 0) snprintf(name, name_size, "%s", chosen->name);
    avcodec_free_context(&context);
    return 1;
}
