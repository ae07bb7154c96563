/* Shared helpers of the CCodecs shim (internal). */
#ifndef CCODECS_INTERNAL_H
#define CCODECS_INTERNAL_H

#include "CCodecs.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/** Writes a formatted one-line message into err (newlines flattened). */
void cc_set_error(cc_error *err, const char *format, ...);

/** Checks width/height against limits; fills err with the standard message. */
int cc_check_limits(uint32_t width, uint32_t height, const cc_limits *limits, cc_error *err);

/** Appends bytes to a growable buffer; returns 0 when out of memory. */
int cc_buffer_append(cc_buffer *buffer, const uint8_t *bytes, size_t count);

#endif
