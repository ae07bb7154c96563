#ifndef CCODECS_H
#define CCODECS_H
/* Placeholder: the libpng/libjpeg wrappers land with OysterImage. */
int ccodecs_version(void);
#endif
