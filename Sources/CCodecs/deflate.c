#include "codecs_internal.h"
#include <zlib.h>

// Raw DEFLATE through zlib, for zip entries (zlib is linked for libpng already). zlib reports
// errors by return code, not longjmp, so no setjmp is needed here.

int cc_deflate_raw(const uint8_t *data, size_t size, int level, cc_buffer *out, cc_error *err) {
    if ((data == NULL && size > 0) || out == NULL || level < 0 || level > 9) {
        cc_set_error(err, "deflate: bad arguments");
        return CC_ERR_ARGUMENT;
    }
    z_stream z;
    memset(&z, 0, sizeof z);
    // windowBits -15: raw DEFLATE with a 32 KiB window; memLevel 8 is zlib's default.
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        cc_set_error(err, "deflate: cannot start zlib (%s)", z.msg ? z.msg : "out of memory");
        return CC_ERR_MEMORY;
    }
    uint8_t chunk[1 << 16];
    size_t left = size;
    const uint8_t *next = data;
    int flush, status;
    do {
        // avail_in is 32-bit: feed at most 1 GiB at a time.
        uInt take = left > (1u << 30) ? (1u << 30) : (uInt)left;
        z.next_in = (Bytef *)next;
        z.avail_in = take;
        next += take;
        left -= take;
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = chunk;
            z.avail_out = sizeof chunk;
            status = deflate(&z, flush);
            if (status == Z_STREAM_ERROR) {
                deflateEnd(&z);
                cc_set_error(err, "deflate: zlib stream error");
                return CC_ERR_ARGUMENT;
            }
            size_t produced = sizeof chunk - z.avail_out;
            if (produced > 0 && !cc_buffer_append(out, chunk, produced)) {
                deflateEnd(&z);
                cc_set_error(err, "deflate: out of memory");
                return CC_ERR_MEMORY;
            }
        } while (z.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&z);
    return status == Z_STREAM_END ? CC_OK : CC_ERR_ARGUMENT;
}
