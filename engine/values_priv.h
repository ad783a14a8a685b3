/* yakist — character tests shared by the value scanners (values.c, values_text.c). Private to
 * those two files: ASCII only, locale-free, so they inline into the hot loops. */
#ifndef YK_ENGINE_VALUES_PRIV_H
#define YK_ENGINE_VALUES_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline bool is_digit(unsigned char c)
{
    return (unsigned char)(c - '0') <= 9;
}

static inline bool is_alpha(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') <= 25;
}

static inline bool is_alnum(unsigned char c)
{
    return is_digit(c) || is_alpha(c);
}

/* ASCII case-insensitive comparison of n bytes against a lower-case literal. */
static inline bool ci_eq(const char *s, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if (c != (unsigned char)lower[i])
            return false;
    }
    return true;
}

/* Length of a space character at p: ' ', tab, NBSP (U+00A0), thin (U+2009) or narrow no-break
 * space (U+202F); 0 when there is none. */
static inline size_t space_len(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[0] == ' ' || p[0] == '\t'))
        return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF))
        return 3;
    return 0;
}

/* --- eight bytes at a time ------------------------------------------------------------------
 * Text cells are scanned whole by a few rules, so their loops look at 8 bytes per step and fall
 * back to bytes only where something may be. */

#define SWAR_ONES UINT64_C(0x0101010101010101)
#define SWAR_HIGHS (SWAR_ONES * 0x80)

static inline uint64_t swar_load(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* The high bit of every byte b of x with m < b < n (0 <= m <= 127, n <= 128); bytes of 0x80 and
 * above never match. Exact: no borrow or carry crosses bytes. */
static inline uint64_t swar_between(uint64_t x, unsigned m, unsigned n)
{
    uint64_t low = x & (SWAR_ONES * 127);
    return (SWAR_ONES * (127 + n) - low) & ~x & (low + SWAR_ONES * (127 - m)) & SWAR_HIGHS;
}

/* Any ASCII digit among the eight bytes. */
static inline bool swar_has_digit(uint64_t x)
{
    return swar_between(x, '0' - 1, '9' + 1) != 0;
}

#endif
