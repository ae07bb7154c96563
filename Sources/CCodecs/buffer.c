#include "codecs_internal.h"
#include <stdlib.h>

// MARK: - Errors

void cc_set_error(cc_error *err, const char *format, ...) {
    if (err == NULL) return;
    va_list args;
    va_start(args, format);
    vsnprintf(err->message, sizeof err->message, format, args);
    va_end(args);
    for (char *p = err->message; *p; p++) {
        if (*p == '\n' || *p == '\r') *p = ' ';
    }
}

// MARK: - Limits

int cc_check_limits(uint32_t width, uint32_t height, const cc_limits *limits, cc_error *err) {
    if (width == 0 || height == 0) {
        cc_set_error(err, "image has zero size (%u\xc3\x97%u)", width, height);
        return CC_ERR_CORRUPT;
    }
    if (limits == NULL) return CC_OK;
    if (width > limits->max_dimension || height > limits->max_dimension) {
        cc_set_error(err, "image %u\xc3\x97%u exceeds the %u px limit", width, height, limits->max_dimension);
        return CC_ERR_LIMIT;
    }
    uint64_t pixels = (uint64_t)width * (uint64_t)height;
    if (pixels > limits->max_pixels) {
        cc_set_error(err, "image %u\xc3\x97%u has %llu pixels, over the %llu pixel limit", width, height,
                     (unsigned long long)pixels, (unsigned long long)limits->max_pixels);
        return CC_ERR_LIMIT;
    }
    return CC_OK;
}

// MARK: - Growable buffers

int cc_buffer_append(cc_buffer *buffer, const uint8_t *bytes, size_t count) {
    if (count > SIZE_MAX - buffer->size) return 0;
    size_t needed = buffer->size + count;
    if (needed > buffer->capacity) {
        size_t capacity = buffer->capacity < 4096 ? 4096 : buffer->capacity;
        while (capacity < needed) {
            if (capacity > SIZE_MAX / 2) { capacity = needed; break; }
            capacity *= 2;
        }
        uint8_t *grown = realloc(buffer->data, capacity);
        if (grown == NULL) return 0;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->size, bytes, count);
    buffer->size = needed;
    return 1;
}

void cc_buffer_free(cc_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = 0;
    buffer->capacity = 0;
}
