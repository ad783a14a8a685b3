/* yakist — UTF-8 validation that can be fed chunk by chunk (a sequence may straddle chunks). */
#ifndef YK_ENGINE_UTF8_H
#define YK_ENGINE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct yk_utf8 {
    uint32_t need;      /* continuation bytes still expected */
    uint32_t have;      /* bytes of the pending sequence seen */
    unsigned char pending[4];
    uint32_t lo, hi;    /* allowed range of the next continuation byte */
};

/* Length of the longest valid UTF-8 prefix of s (a complete-sequence check on one buffer). */
size_t yk_utf8_valid_prefix(const unsigned char *s, size_t n);

/* Number of UTF-8 characters in s (invalid bytes count one each). */
size_t yk_utf8_count(const unsigned char *s, size_t n);

#endif
