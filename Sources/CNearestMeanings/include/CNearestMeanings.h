#ifndef C_NEAREST_MEANINGS_H
#define C_NEAREST_MEANINGS_H

#include <stddef.h>

/// The nearest-meaning table as UTF-8 text (see nearest_table.c): its bytes and their count.
/// The text lives in the binary's read-only data, so every executable and test has it wherever
/// it runs from, with no resource bundle to find.
const char *oyster_nearest_table(size_t *length);

#endif
