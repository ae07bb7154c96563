#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/*
 * libFuzzer's driver, called from a Swift main (libFuzzer >= 11 exports it). SwiftPM on
 * Linux links every executable with `main` bound to `<module>_main`, so libFuzzer's own
 * main() cannot be used; each fuzz executable's main.swift calls this instead.
 */
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
