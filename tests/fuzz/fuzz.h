/* yakist — what every fuzz target provides: libFuzzer's entry point. The same target links
 * with libFuzzer (clang, -fsanitize=fuzzer) or with replay.c, which replays a corpus and
 * deterministic mutations of it where libFuzzer is not available (gcc). */
#ifndef YK_TESTS_FUZZ_H
#define YK_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Run one input. Returns 0 (libFuzzer reserves other values); a bug aborts or trips a
 * sanitizer. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
